import { request } from '../js/http.js';
import { staffSession } from '../js/staff-api.js';

const call = (method, path, options = {}) => request(method, path, { ...options, token: staffSession.get()?.token });
const one = (id, suffix = '') => `/api/ra/requests/${encodeURIComponent(id)}${suffix}`;

/** The registration office's API, with the staff token of this tab. */
export const raApi = {
  list: (all) => call('GET', `/api/ra/requests?state=${all ? 'all' : 'open'}`),
  file: (form) => call('POST', '/api/ra/requests', { form }),
  detail: (id) => call('GET', one(id)),
  document: (id, documentId) => call('GET', one(id, `/documents/${encodeURIComponent(documentId)}`), { blob: true }),
  decide: (id, decision, reason) =>
    call('POST', one(id, '/decision'), { json: reason ? { decision, reason } : { decision } }),
  certificate: (id) => call('GET', one(id, '/certificate'), { blob: true }),
  renew: (id, form) => call('POST', one(id, '/renewal'), { form }),
  revoke: (id, reason) => call('POST', one(id, '/revocation'), { json: { reason } }),
};
