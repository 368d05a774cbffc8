import type { RegistrationView } from '../../api/registrations/registration-view.js';
import { newClientAddress, type ApiApp } from './api-app.js';

interface ErrorBody {
  error: {
    id: string;
    text: { fa: string; en: string };
    fields?: { field: string; id: string; text: { fa: string; en: string } }[];
    missing?: string[];
    retryAt?: string;
    step?: string;
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Calls the API as one browser would: from one client address, with the registration's token once it has one. */
export function apiClient(app: ApiApp, remoteAddress = newClientAddress()) {
  let token: string | undefined;
  async function call<T = RegistrationView>(
    method: Method,
    url: string,
    options: { body?: unknown; token?: string | null; form?: FormData } = {},
  ) {
    const bearer = options.token === undefined ? token : options.token;
    const res = await app.inject({
      method,
      url,
      remoteAddress,
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      ...(options.form
        ? { payload: options.form }
        : options.body !== undefined
          ? { payload: options.body as object }
          : {}),
    });
    const json = res.headers['content-type']?.toString().startsWith('application/json') ? res.json() : undefined;
    return {
      status: res.statusCode,
      headers: res.headers,
      text: res.body,
      body: json as T,
      error: (json as ErrorBody | undefined)?.error,
    };
  }
  return {
    call,
    address: remoteAddress,
    get token() {
      return token;
    },
    /** Card steps 1–2: a new registration; later calls carry its token. */
    async start() {
      const res = await call<{ token: string; registration: RegistrationView }>('POST', '/api/registrations');
      if (res.status !== 201) throw new Error(`start answered ${res.status}: ${res.text}`);
      token = res.body.token;
      return res.body.registration;
    },
    view: (id: string) => call('GET', `/api/registrations/${id}`),
    saveApplicant: (id: string, body: Record<string, string>) =>
      call('PUT', `/api/registrations/${id}/applicant`, { body }),
    uploadLetter(id: string, content: Buffer, fileName = 'letter.pdf', type = 'application/pdf') {
      const form = new FormData();
      form.append('letter', new Blob([new Uint8Array(content)], { type }), fileName);
      return call('POST', `/api/registrations/${id}/letter`, { form });
    },
    captcha: () => call<{ id: string; image: string }>('GET', '/api/captcha'),
    captchaAnswer: async (captchaId: string) =>
      (await call<{ answer: string }>('GET', `/__test/captcha/${captchaId}`)).body.answer,
    submit: (id: string, body: { password: string; captchaId: string; captcha: string }) =>
      call('POST', `/api/registrations/${id}/submit`, { body }),
    enterOtp: (id: string, code: string) => call('POST', `/api/registrations/${id}/otp`, { body: { code } }),
    resendOtp: (id: string) => call('POST', `/api/registrations/${id}/otp/resend`),
    /** The applicant leaves: the token ends on the server. */
    leave: (id: string) => call('DELETE', `/api/registrations/${id}/session`),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
