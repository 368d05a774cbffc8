import type { ApiApp } from './api-app.js';
import { apiClient } from './api-client.js';

/** POST /api/auth/login as the login page sends it: a fresh captcha, answered as a person reads it unless told otherwise. */
export async function accountLogin(
  app: ApiApp,
  username: string,
  password: string,
  captcha: 'right' | 'wrong' = 'right',
) {
  const client = apiClient(app);
  const { id } = (await client.captcha()).body;
  const answer = await client.captchaAnswer(id);
  const typed = captcha === 'right' ? answer : `${answer}9`;
  return client.call<{ token: string; expiresAt: string }>('POST', '/api/auth/login', {
    body: { username, password, captchaId: id, captcha: typed },
  });
}
