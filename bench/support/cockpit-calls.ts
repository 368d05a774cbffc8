import { chromium, type Page } from 'playwright-core';
import { ensureChromium } from '../../ops/chromium.js';
import { STAFF_PASSWORD } from '../../ops/fixtures/staff.js';
import { summarize, type Summary } from './stats.js';

export interface CockpitCall {
  method: string;
  url: string;
  body: string | null;
  contentType: string | null;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const isDataCall = (url: string) =>
  /\/engine-rest\/|\/operaton\/api\/(cockpit|engine)\//.test(url) && !url.includes('/static/');

/**
 * What Cockpit asks the engine for when a person opens a process definition's page: the calls are taken from
 * the page itself in Chromium (not from a list that could drift from Cockpit's code), then each is sent again
 * `runs` times in the same logged-in session and timed on its own.
 */
export async function timeCockpitDefinitionPage(engineUrl: string, username: string, definitionId: string, runs = 20) {
  const base = engineUrl.replace(/\/engine-rest\/?$/, '/operaton');
  const browser = await chromium.launch({ executablePath: await ensureChromium(), args: FLAGS });
  try {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${base}/app/cockpit/default/`);
    await page.waitForLoadState('networkidle');
    const xsrf = async () => (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
    const login = await page.request.post(`${base}/api/admin/auth/user/default/login/cockpit`, {
      form: { username, password: STAFF_PASSWORD },
      headers: { 'x-xsrf-token': await xsrf() },
    });
    if (!login.ok()) throw new Error(`Cockpit login answered ${login.status()}`);
    const views: Record<string, CockpitCall[]> = {};
    views.definition = await callsOf(page, `${base}/app/cockpit/default/#/process-definition/${definitionId}/runtime`);
    // Cockpit 1.0.3 has no history view of a definition (its route leads to the dashboard); the engine's history
    // REST calls that such a view, or a supervisor's own query, would make are timed as well.
    const api = `${base}/api/engine/engine/default`;
    const id = encodeURIComponent(definitionId);
    views['history REST'] = [
      `${api}/history/process-instance/count?processDefinitionId=${id}`,
      `${api}/history/process-instance?processDefinitionId=${id}&sortBy=startTime&sortOrder=desc&firstResult=0&maxResults=50`,
      `${api}/history/process-instance/count?processDefinitionId=${id}&finished=true&startedAfter=${encodeURIComponent(new Date(Date.now() - 30 * 86_400_000).toISOString().replace('Z', '+0000'))}`,
      `${api}/history/activity-instance/count?processDefinitionId=${id}&activityId=Task_ApplicantData`,
      `${api}/history/incident/count?processDefinitionId=${id}`,
    ].map((url) => ({ method: 'GET', url, body: null, contentType: null }));
    views.dashboard = await callsOf(page, `${base}/app/cockpit/default/#/dashboard`);
    const token = await xsrf();
    const seen = new Set<string>();
    const timings: { view: string; call: CockpitCall; status: number; summary: Summary }[] = [];
    for (const [view, calls] of Object.entries(views))
      for (const call of calls) {
        const key = `${call.method} ${call.url} ${call.body ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const times: number[] = [];
        let status = 0;
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          const res = await page.request.fetch(call.url, {
            method: call.method,
            headers: {
              accept: 'application/json',
              'x-xsrf-token': token,
              ...(call.contentType ? { 'content-type': call.contentType } : {}),
            },
            ...(call.body ? { data: call.body } : {}),
          });
          await res.body();
          times.push(performance.now() - t);
          status = res.status();
        }
        timings.push({ view, call, status, summary: summarize(times) });
      }
    return timings;
  } finally {
    await browser.close();
  }
}

async function callsOf(page: Page, url: string): Promise<CockpitCall[]> {
  const calls: CockpitCall[] = [];
  const listener = (r: import('playwright-core').Request) => {
    if (isDataCall(r.url()))
      calls.push({
        method: r.method(),
        url: r.url(),
        body: r.postData(),
        contentType: r.headers()['content-type'] ?? null,
      });
  };
  // A fresh document each time: a change of the part after # alone would not load the view again.
  await page.goto('about:blank');
  page.on('request', listener);
  await page.goto(url);
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  // Cockpit's views load their tables after the diagram: wait until nothing has been asked for 2 s.
  for (let n = -1; n !== calls.length;) {
    n = calls.length;
    await page.waitForTimeout(2_000);
  }
  page.off('request', listener);
  return calls;
}
