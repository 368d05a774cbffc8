import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { loadConfig, type Config } from '../../config/config.js';
import { HSTS } from '../../ops/proxy/nginx-config.js';
import { ensureNginx, NGINX, nginxArgs, writeProxyConfig } from '../../ops/proxy/nginx.js';
import { proxySettings, type ProxySettings } from '../../ops/proxy/settings.js';
import { LOGIN_FORM } from './engine-webapps.js';

/** A port nothing listens on now (the developer's 8443 is never used here). */
async function freePort() {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * One request as a client on `from` (a loopback address of its own: Linux answers on all of 127.0.0.0/8), so
 * the proxy and the API see different clients; https ones trust only the proxy's local certificate.
 */
function request(url: string, opts: { from: string; ca?: string; headers?: Record<string, string>; body?: Buffer }) {
  const u = new URL(url);
  const tls = u.protocol === 'https:' ? { ca: opts.ca, servername: 'localhost' } : {};
  return new Promise<Answer>((resolve, reject) => {
    const req = (u.protocol === 'https:' ? https : http).request(
      u,
      { method: opts.body ? 'POST' : 'GET', localAddress: opts.from, headers: opts.headers, ...tls },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const stack = {} as {
  config: Config;
  api: ReturnType<typeof buildApp>;
  apiUrl: string;
  proxy: ProxySettings;
  nginx: ChildProcess;
  origin: string;
  ca: string;
};

beforeAll(async () => {
  await ensureNginx((m) => console.log(`[proxy test] ${m}`));
  // The proxy's own source address, as npm start's 127.0.0.2 but another, and the one address the API trusts.
  const sourceAddress = '127.0.0.9';
  stack.config = loadConfig({ ...process.env, API_TRUST_PROXY: sourceAddress, RATE_LIMIT_CAPTCHA_MAX: '1' });
  stack.api = buildApp({ config: stack.config, rateLimitNameSpace: `test:${randomUUID()}:` });
  await stack.api.listen({ host: '127.0.0.1', port: 0 });
  const apiPort = (stack.api.server.address() as AddressInfo).port;
  stack.apiUrl = `http://127.0.0.1:${apiPort}`;
  stack.proxy = proxySettings({
    PROXY_DIR: `.cache/proxy-test-${randomUUID()}`,
    PROXY_PORT: String(await freePort()),
    PROXY_SOURCE_ADDRESS: sourceAddress,
    API_PORT: String(apiPort),
    ENGINE_PORT: new URL(stack.config.ENGINE_URL).port,
  });
  await writeProxyConfig(stack.proxy, { daemon: false });
  stack.nginx = spawn(NGINX, nginxArgs(stack.proxy), { stdio: 'ignore' });
  stack.origin = `https://127.0.0.1:${stack.proxy.port}`;
  stack.ca = readFileSync(stack.proxy.certificate.certFile, 'utf8');
  for (let i = 0; i < 80; i++) {
    const up = await request(`${stack.origin}/favicon.svg`, { from: '127.0.0.1', ca: stack.ca }).catch(() => null);
    if (up) break;
    await sleep(250);
  }
});

afterAll(async () => {
  if (stack.nginx && stack.nginx.exitCode === null) {
    const gone = new Promise((r) => stack.nginx.once('exit', r));
    stack.nginx.kill('SIGTERM');
    await gone;
  }
  await stack.api?.close();
  if (stack.proxy) rmSync(stack.proxy.dir, { recursive: true, force: true });
});

const viaProxy = (path: string, opts: Omit<Parameters<typeof request>[1], 'ca'> = { from: '127.0.0.1' }) =>
  request(`${stack.origin}${path}`, { ...opts, ca: stack.ca });

describe('one origin: the proxy in front of the API and the engine’s web apps', () => {
  it('serves the applicant form at /, over https with the local certificate, with HSTS and compression', async () => {
    const page = await viaProxy('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('ثبت‌نام دستگاه اجرایی');
    // One HSTS header (the proxy's; the API's is hidden), on errors too.
    expect(page.headers['strict-transport-security']).toBe(HSTS);
    expect((await viaProxy('/no-such-page')).headers['strict-transport-security']).toBe(HSTS);

    const styles = await viaProxy('/styles.css', { from: '127.0.0.1', headers: { 'accept-encoding': 'gzip' } });
    expect(styles.status).toBe(200);
    expect(styles.headers['content-encoding']).toBe('gzip');
  });

  it('answers 404 for the engine’s REST API, however the path is dressed up, while the engine answers on its own port', async () => {
    for (const path of ['/engine-rest/engine', '/engine-rest/process-definition', '/operaton/..;/engine-rest/engine']) {
      const answer = await viaProxy(path, { from: '127.0.0.1', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
      expect(answer.status, path).toBe(404);
      expect(answer.headers['strict-transport-security']).toBe(HSTS);
    }
    // Nor the metrics: they are on ports of their own (API_METRICS_PORT, WORKERS_METRICS_PORT), not the API's.
    expect((await viaProxy('/metrics')).status).toBe(404);
    // Nor the engine's: Prometheus text on the engine's own port, 404 through the proxy, however the path is dressed up.
    const engineMetrics = `${new URL(stack.config.ENGINE_URL).origin}/actuator/prometheus`;
    const scraped = await fetch(engineMetrics);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/^operaton_incidents_open /m);
    for (const path of [
      '/actuator/prometheus',
      '/actuator/health',
      '/operaton/../actuator/prometheus',
      '/%61ctuator/prometheus',
    ])
      expect((await viaProxy(path)).status, path).toBe(404);
    // The web apps' redirects name the proxy's origin, not the engine's loopback address.
    const redirect = await viaProxy('/operaton/');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toMatch(new RegExp(`^${stack.origin}/operaton/app/`));
    // The API and the workers still reach it directly, on loopback.
    const direct = await fetch(`${stack.config.ENGINE_URL}/engine`);
    expect(direct.status).not.toBe(404);
  });

  it('refuses a request body past its limit before it reaches the API', async () => {
    const answer = await viaProxy('/api/captcha', { from: '127.0.0.1', body: Buffer.alloc(2 * 1024 * 1024) });
    expect(answer.status).toBe(413);
    // A letter-sized body (buffered to nginx's temporary folder on the way) reaches the API, which answers it itself (no applicant token here)
    const letter = await viaProxy(`/api/registrations/${randomUUID()}/letter`, {
      from: '127.0.0.1',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: Buffer.alloc(3 * 1024 * 1024),
    });
    expect(letter.headers['content-type']).toMatch(/^application\/json/);
    expect(letter.status).toBe(401);
    expect(JSON.parse(letter.body)).toMatchObject({ error: { id: 'unauthorized' } });
  });

  it('passes the client’s address on, so the rate limits count each client behind the proxy, and a forged X-Forwarded-For counts for nothing', async () => {
    // Given captchas limited to one per client address, when a client asks twice through the proxy, then the second is refused
    expect((await viaProxy('/api/captcha', { from: '127.0.0.3' })).status).toBe(200);
    expect((await viaProxy('/api/captcha', { from: '127.0.0.3' })).status).toBe(429);
    // Another client behind the same proxy is another address, even when it claims to be the first one
    const forged = await viaProxy('/api/captcha', { from: '127.0.0.4', headers: { 'x-forwarded-for': '127.0.0.3' } });
    expect(forged.status).toBe(200);

    // Straight to the API's port, X-Forwarded-For is not believed: the limit keys on the connection's own address
    const direct = (xff: string) =>
      request(`${stack.apiUrl}/api/captcha`, { from: '127.0.0.5', headers: { 'x-forwarded-for': xff } });
    expect((await direct('10.1.2.3')).status).toBe(200);
    expect((await direct('10.9.8.7')).status).toBe(429);
  });
});

describe('the engine’s web apps at /operaton/, in a browser', () => {
  const session = {} as { browser: Browser; context: BrowserContext };
  beforeAll(async () => {
    session.browser = await chromium.connect(inject('chromiumEndpoint'));
    // The local certificate is self-signed: a developer accepts it once; the browser here is told to.
    session.context = await session.browser.newContext({ locale: 'en-US', ignoreHTTPSErrors: true });
  });
  afterAll(async () => {
    await session.context?.close();
    await session.browser?.close();
  });

  it('shows the form at / and Cockpit’s login at /operaton/, logs in through it, with Secure same-site cookies', async () => {
    const page = await session.context.newPage();
    const refused: string[] = [];
    page.on('response', (r) => {
      // Before login, "who is logged in?" answers 401/404 by design; after it, nothing of the web apps may fail.
      if (r.status() >= 400 && !r.url().includes('/auth/user/') && !r.url().endsWith('/operaton-welcome'))
        refused.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    await page.goto(`${stack.origin}/`);
    await page.getByRole('heading', { name: 'ثبت‌نام دستگاه اجرایی' }).waitFor();

    // When they open /operaton/ (the engine redirects on to an app: to the proxy's https origin, since it reads the
    // forwarded scheme and port) and then Cockpit, and log in as the engine's administrator
    await page.goto(`${stack.origin}/operaton/`);
    expect(new URL(page.url()).origin).toBe(stack.origin);
    expect(new URL(page.url()).pathname).toMatch(/^\/operaton\/app\//);
    await page.goto(`${stack.origin}/operaton/app/cockpit/default/`);
    // On a loaded CI machine Cockpit's first load through the proxy has outlasted 30 s (twice in about five runs);
    // a person would wait, then reload, and so does the test, once.
    const username = page.getByPlaceholder(LOGIN_FORM.en.username);
    await username.waitFor({ timeout: 40_000 }).catch(async () => {
      await page.reload();
      await username.waitFor({ timeout: 40_000 });
    });
    await username.fill(stack.config.ENGINE_ADMIN_USER);
    await page.getByPlaceholder(LOGIN_FORM.en.password).fill(stack.config.ENGINE_ADMIN_PASSWORD);
    await page.getByRole('button', { name: LOGIN_FORM.en.logIn, exact: true }).click();

    // Then Cockpit's dashboard shows, still on the proxy's origin,
    await page.getByPlaceholder(LOGIN_FORM.en.password).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Processes' }).first().waitFor();
    // and the web apps' API knows who is logged in, by the session cookie the proxy passed back and forth
    const who = await page.request.get(`${stack.origin}/operaton/api/admin/auth/user/default`);
    expect(who.status()).toBe(200);
    expect(((await who.json()) as { userId: string }).userId).toBe(stack.config.ENGINE_ADMIN_USER);
    expect(new URL(page.url()).origin).toBe(stack.origin);
    const cookies = await session.context.cookies(stack.origin);
    const session_ = cookies.find((c) => c.name === 'JSESSIONID');
    expect(session_).toMatchObject({ secure: true, sameSite: 'Lax', httpOnly: true });
    for (const c of cookies) expect({ name: c.name, secure: c.secure }).toEqual({ name: c.name, secure: true });

    // And Tasklist, in the same session, lists a filter's tasks with a POST: the engine's CSRF check accepts the
    // browser's Origin (https, the proxy's port), since the engine reads the scheme and port the proxy forwards
    const posted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/filter\/[^/]+\/list$/.test(new URL(r.url()).pathname),
    );
    await page.goto(`${stack.origin}/operaton/app/tasklist/default/`);
    expect((await posted).status()).toBe(200);
    expect(refused).toEqual([]);
    await page.close();
  }, 180_000);
});
