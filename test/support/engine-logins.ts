/**
 * Logging in to the engine as a person would: HTTP Basic on the REST API, and the web apps' own login
 * form (what Tasklist's login page posts). The web apps refuse a POST without the XSRF token their
 * first page hands out, so each login opens a fresh session first.
 */
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The status of one REST call as `user`: 401 when the engine does not take the credentials. */
export async function restStatusAs(engineUrl: string, user: string, password: string, path = '/version') {
  const res = await fetch(`${engineUrl}${path}`, { headers: { authorization: basic(user, password) } });
  await res.arrayBuffer();
  return res.status;
}

/** The web apps' base (…/operaton) beside the REST API's (…/engine-rest). */
const webappBase = (engineUrl: string) => new URL('/operaton', engineUrl).href;

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');

/** Tasklist's login: 200 with the apps the user may open, or the status of the refusal. */
export async function tasklistLogin(engineUrl: string, username: string, password: string) {
  const base = webappBase(engineUrl);
  const page = await fetch(`${base}/app/tasklist/`);
  await page.arrayBuffer();
  const cookie = cookiesOf(page);
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(cookie)?.[1] ?? '';
  const res = await fetch(`${base}/api/admin/auth/user/default/login/tasklist`, {
    method: 'POST',
    headers: { cookie, 'x-xsrf-token': xsrf, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }),
  });
  const body = res.ok ? ((await res.json()) as { userId: string; authorizedApps: string[] }) : undefined;
  if (!body) await res.arrayBuffer();
  return { status: res.status, body };
}
