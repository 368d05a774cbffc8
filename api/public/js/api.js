import { request } from './http.js';
import { session } from './session.js';

export { ApiError } from './http.js';

const call = (method, path, { auth = true, ...options } = {}) =>
  request(method, path, { ...options, token: auth ? session.get()?.token : undefined });

const mine = (suffix = '') => `/api/registrations/${encodeURIComponent(session.get()?.id ?? '')}${suffix}`;

export const api = {
  /** `captcha`: `{ captchaId, captcha }`, once the API asked for one (429 captcha_required). */
  async start(captcha) {
    const { token, registration } = await call('POST', '/api/registrations', { auth: false, json: captcha });
    session.save(registration.id, token);
    return registration;
  },
  /** Ends the token on the server; the caller forgets it here. */
  leave: () => call('DELETE', mine('/session')),
  view: () => call('GET', mine()),
  saveApplicant: (data) => call('PUT', mine('/applicant'), { json: data }),
  letterTemplate: () => call('GET', mine('/letter-template')),
  uploadLetter(file) {
    const form = new FormData();
    form.append('letter', file);
    return call('POST', mine('/letter'), { form });
  },
  uploadLetterSignature(file) {
    const form = new FormData();
    form.append('signature', file);
    return call('POST', mine('/letter-signature'), { form });
  },
  submit: (body) => call('POST', mine('/submit'), { json: body }),
  enterOtp: (code) => call('POST', mine('/otp'), { json: { code } }),
  resendOtp: () => call('POST', mine('/otp/resend')),
};
