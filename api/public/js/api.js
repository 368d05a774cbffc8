import { session } from './session.js';

const NETWORK = { id: 'network', text: { fa: 'ارتباط با سامانه برقرار نشد. لطفاً اتصال اینترنت را بررسی کنید و دوباره تلاش کنید.', en: 'The server could not be reached.' } };
const UNKNOWN = { id: 'internal_error', text: { fa: 'متأسفانه خطایی رخ داد. لطفاً دوباره تلاش کنید.', en: 'Something went wrong.' } };

/** An answer other than 2xx, with the API's error: id, texts, and per-field problems. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error.id);
    this.status = status;
    this.error = error;
  }
}

async function call(method, path, { json, form, auth = true } = {}) {
  const headers = {};
  const current = session.get();
  if (auth && current) headers.authorization = `Bearer ${current.token}`;
  if (json !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers, body: json !== undefined ? JSON.stringify(json) : form, cache: 'no-store' });
  } catch {
    throw new ApiError(0, NETWORK);
  }
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
  const body = isJson ? await res.json() : await res.text();
  if (!res.ok) throw new ApiError(res.status, isJson && body.error ? body.error : UNKNOWN);
  return body;
}

const mine = (suffix = '') => `/api/registrations/${encodeURIComponent(session.get()?.id ?? '')}${suffix}`;

export const api = {
  async start() {
    const { token, registration } = await call('POST', '/api/registrations', { auth: false });
    session.save(registration.id, token);
    return registration;
  },
  view: () => call('GET', mine()),
  saveApplicant: (data) => call('PUT', mine('/applicant'), { json: data }),
  letterTemplate: () => call('GET', mine('/letter-template')),
  uploadLetter(file) {
    const form = new FormData();
    form.append('letter', file);
    return call('POST', mine('/letter'), { form });
  },
  captcha: () => call('GET', '/api/captcha', { auth: false }),
  submit: (body) => call('POST', mine('/submit'), { json: body }),
  enterOtp: (code) => call('POST', mine('/otp'), { json: { code } }),
  resendOtp: () => call('POST', mine('/otp/resend')),
};
