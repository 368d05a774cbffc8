const NETWORK = {
  id: 'network',
  text: {
    fa: 'ارتباط با سامانه برقرار نشد؛ ممکن است اینترنت شما قطع شده باشد. آنچه وارد کرده‌اید در همین صفحه محفوظ است؛ پس از برقراری اتصال، دوباره همان دکمه را بزنید.',
    en: 'The server could not be reached. What you entered is kept on this page; once you are connected, press the same button again.',
  },
};
export const UNKNOWN_ERROR = {
  id: 'internal_error',
  text: { fa: 'متأسفانه خطایی رخ داد. لطفاً دوباره تلاش کنید.', en: 'Something went wrong.' },
};

/** An answer other than 2xx, with the API's error: id, texts, and per-field problems. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error.id);
    this.status = status;
    this.error = error;
  }
}

/**
 * One call to this API, with the page's bearer token if it has one. The answer is JSON, or with
 * `blob: true` the bytes with their type (a letter), or nothing (204).
 */
export async function request(method, path, { json, form, token, blob = false } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: json !== undefined ? JSON.stringify(json) : form,
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, NETWORK);
  }
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
  if (!res.ok) throw new ApiError(res.status, isJson ? ((await res.json()).error ?? UNKNOWN_ERROR) : UNKNOWN_ERROR);
  if (res.status === 204) return null;
  if (blob) return res.blob();
  return isJson ? res.json() : res.text();
}
