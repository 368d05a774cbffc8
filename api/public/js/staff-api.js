import { request } from './http.js';
import { storedSession } from './stored-session.js';

export const staffSession = storedSession('payam.staff');

const call = (method, path, options = {}) => request(method, path, { ...options, token: staffSession.get()?.token });
const query = (params) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '')).toString();
const review = (id, suffix = '') => `/api/reviews/${encodeURIComponent(id)}${suffix}`;

/** The reviewers' and supervisors' API, with the staff token of this tab. */
export const staffApi = {
  async login(username, password) {
    const session = await request('POST', '/api/staff/login', { json: { username, password } });
    staffSession.save(session);
    const me = await call('GET', '/api/staff/me');
    staffSession.save({ ...session, ...me });
    return me;
  },
  async logout() {
    await call('POST', '/api/staff/logout').catch(() => undefined);
    staffSession.clear();
  },
  queue: (page = 1) => call('GET', `/api/reviews?${query({ state: 'open', page })}`),
  detail: (id) => call('GET', review(id)),
  letter: (id) => call('GET', review(id, '/letter'), { blob: true }),
  decide: (id, decision, reason, reasonText) =>
    call('POST', review(id, '/decision'), {
      json: reason ? { decision, reason, ...(reasonText ? { reasonText } : {}) } : { decision },
    }),
  report: (params) => call('GET', `/api/reports/registrations?${query(params)}`),
  instances: (params) => call('GET', `/api/reports/registrations/instances?${query(params)}`),
  monitorDiagram: (params) => call('GET', `/api/monitor/diagram?${query(params)}`),
  monitorFigures: (params) => call('GET', `/api/monitor/figures?${query(params)}`),
  monitorOverdue: () => call('GET', '/api/monitor/overdue'),
  monitorIncidents: () => call('GET', '/api/monitor/incidents'),
  monitorExport: (params) => call('GET', `/api/monitor/export?${query(params)}`, { blob: true }),
  versions: () => call('GET', '/api/modeler/versions'),
  versionXml: (id) => call('GET', `/api/modeler/versions/${encodeURIComponent(id)}/xml`),
  checkModel: (xml) => call('POST', '/api/modeler/check', { json: { xml } }),
  deployModel: (xml) => call('POST', '/api/modeler/deploy', { json: { xml } }),
  diff: (from, to) => call('GET', `/api/modeler/diff?${query({ from, to })}`),
  migrationPlan: (sourceId, targetId) => call('POST', '/api/modeler/migration/plan', { json: { sourceId, targetId } }),
  migrate: (plan) => call('POST', '/api/modeler/migration', { json: { plan } }),
};
