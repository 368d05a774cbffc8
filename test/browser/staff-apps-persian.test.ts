import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../ops/chaos/private-services.js';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { addStaff } from '../../ops/fixtures/staff.js';
import { DESKTOP, openBrowser } from './browser-session.js';
import { LOGIN_FORM, webappUrl, webappVisit } from './engine-webapps.js';
import { englishLeft, persianPage, snapForDocs } from './staff-apps-persian.js';
import { signInStaff } from './staff-pages.js';

const SCREEN = { width: 1366, height: 768 };
const REVIEW_FILTER = 'درخواست‌های در انتظار بررسی';
const REVIEW_TASK = '10–11 · بررسی هویت نماینده و معرفی‌نامه';
// Data, not the app's labels: names from the models, the form's (bilingual) text, variables' values; the test passes
// the rest by value (the staff member's name, a variable's name typed in the search).
const TASKLIST_DATA = ['.tasks-list .names', 'h2.task', 'h3.names', '.fjs-container', '.variables'];

// The reviewers' page listens where the engine's links say it is: PUBLIC_BASE_URL, given to the workers that set reviewUrl.
const apiPort = await freePort();
const publicBaseUrl = `http://127.0.0.1:${apiPort}`;
const ctx = useApiOnStack({ PUBLIC_BASE_URL: publicBaseUrl });
const session = {} as { persian: Awaited<ReturnType<typeof openBrowser>>; page: Page };
beforeAll(async () => {
  await ctx.app.listen({ host: '127.0.0.1', port: apiPort });
  session.persian = await openBrowser({ desktop: true, locale: 'fa-IR' });
});
afterAll(() => session.persian?.close());
beforeEach(async () => {
  await session.persian.context.clearCookies();
  session.page = session.persian.context.pages()[0] ?? (await session.persian.context.newPage());
  await session.page.setViewportSize(SCREEN);
});

const agency = () => `اداره کل آزمون ${randomInt(100, 999)} استان`;
const trackingCodeOf = async (id: string) =>
  ((await ctx.stack.db('registrations').where({ id }).first()) as { tracking_code: string }).tracking_code;

describe('the staff apps in Persian', () => {
  it('a reviewer whose browser asks for Persian finds a request in Tasklist by its agency, opens it on the review page, and approves it in Tasklist', async () => {
    const page = session.page;
    const visit = webappVisit(page, ctx.stack.config.ENGINE_URL);

    // Given two requests waiting for review, from two agencies, and a reviewer of the IT office
    // (named so that by name the other comes first, though mine was made first)
    const n = randomInt(100, 900);
    const mine = await ctx.applicant.untilReview({ applicant: { agencyName: `اداره کل آزمون ${n + 99} استان` } });
    const other = await ctx.applicant.untilReview({ applicant: { agencyName: `اداره کل آزمون ${n} استان` } });
    const name = mine.applicant.agencyName;
    const code = await trackingCodeOf(mine.id);
    const reviewer = await addStaff(ctx.stack.db, 'reviewer');

    // When they open Tasklist: the login form is Persian, right to left, in Vazirmatn
    await visit.open('tasklist');
    await page.getByPlaceholder(LOGIN_FORM.fa.password).waitFor();
    expect(await persianPage(page)).toEqual({ lang: 'fa', dir: 'rtl', direction: 'rtl', vazirmatn: true });
    expect(await englishLeft(page, [])).toEqual([]);
    await snapForDocs(page, 'tasklist-login-fa');
    await visit.logIn(reviewer, LOGIN_FORM.fa);

    // and open the reviewers' filter: each task is its card step, with its agency and tracking code in the filter's columns
    await page.getByRole('link', { name: REVIEW_FILTER }).click();
    const item = page.locator('.tasks-list li.task', { hasText: name });
    await item.waitFor();
    expect(await item.locator('h4').textContent()).toContain(REVIEW_TASK);
    await item.locator('.task-card-details', { hasText: code }).waitFor();
    expect(await item.locator('.task-card-details').textContent()).toContain(name);
    await page.locator('.tasks-list li.task', { hasText: other.applicant.agencyName }).waitFor();
    await snapForDocs(page, 'tasklist-list-fa');
    expect(
      await englishLeft(page, TASKLIST_DATA, [reviewer, '(reviewer)', 'agencyName', ...(await modelWords())]),
    ).toEqual([]);

    // and find the request by its agency's name in the list's search (the process variable agencyName)
    await searchByVariable(page, 'agencyName', name);
    await expect.poll(() => page.locator('.tasks-list li.task').count()).toBe(1);
    await item.locator('h4 a, h4').first().click();
    await page.locator('h2.task', { hasText: REVIEW_TASK }).waitFor();

    // Then the task's form names the case and links to it on the reviewers' page
    const link = page.locator('.fjs-container a', { hasText: 'باز کردن همین درخواست در صفحه بررسی' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`${publicBaseUrl}/review/#${mine.id}`);
    expect(await page.locator('.fjs-container').textContent()).toContain(`${name} — کد پیگیری ${code}`);
    expect(await persianPage(page)).toMatchObject({ lang: 'fa', dir: 'rtl', vazirmatn: true });
    await snapForDocs(page, 'tasklist-task-fa');
    expect(
      await englishLeft(page, TASKLIST_DATA, [reviewer, '(reviewer)', 'agencyName', ...(await modelWords())]),
    ).toEqual([]);

    // and the link opens that request on the reviewers' page, once they have signed in there with the same name
    const reviewPage = await session.persian.context.newPage();
    await reviewPage.goto((await link.getAttribute('href'))!);
    await signInStaff(reviewPage, reviewer, 'ورود کارشناسان');
    await reviewPage.getByRole('heading', { name, level: 1 }).waitFor();
    await reviewPage.close();

    // When they approve it in Tasklist's form
    await page.getByRole('button', { name: 'برداشتن', exact: true }).click();
    await page.getByLabel('تأیید — Approve', { exact: true }).check();
    await page.getByRole('button', { name: 'تکمیل', exact: true }).click();
    await page.getByText('کاری را از فهرست برگزینید.').waitFor();

    // Then the registration is registered with its account, as an approval on the reviewers' page makes it
    await ctx.applicant.step(mine.id, 'registered');
    expect(await ctx.stack.db('accounts').where({ registration_id: mine.id }).first()).toBeDefined();
    expect(await ctx.stack.engine.openTasks(other.id, [USER_TASKS.review])).toHaveLength(1);
    expect(visit.problems.join('\n')).toBe('');
  });

  it('the office sees Cockpit in Persian: the dashboard, the processes, a definition with its diagram and an instance with the link to its request', async () => {
    const page = session.page;
    const visit = webappVisit(page, ctx.stack.config.ENGINE_URL);

    // Given a request waiting for review, and a supervisor of the Performance Management and Inspection Office
    const { id, applicant } = await ctx.applicant.untilReview({ applicant: { agencyName: agency() } });
    const instanceId = ((await ctx.stack.db('registrations').where({ id }).first()) as { process_instance_id: string })
      .process_instance_id;
    const supervisor = await addStaff(ctx.stack.db, 'supervisor');

    // When they log in to Cockpit and go from the dashboard to the processes, the registration process and its instance
    await visit.open('cockpit');
    await page.getByPlaceholder(LOGIN_FORM.fa.password).waitFor();
    await visit.logIn(supervisor, LOGIN_FORM.fa);
    const pages: [string, string][] = [
      ['cockpit-dashboard-fa', '/dashboard'],
      ['cockpit-processes-fa', '/processes'],
      ['cockpit-definition-fa', `/process-definition/${await ctx.stack.engine.definitionIdOf(instanceId)}/runtime`],
      ['cockpit-instance-fa', `/process-instance/${instanceId}/runtime`],
    ];
    for (const [shot, route] of pages) {
      await page.goto(webappUrl(ctx.stack.config.ENGINE_URL, 'cockpit', route));
      await page.locator('.ctn-main, .dashboard, [cam-widget-bpmn-viewer]').first().waitFor();
      if (route.includes('process-')) {
        await page.locator('.djs-container').waitFor();
        await page.locator('.djs-shape[data-element-id^="Task_"] .djs-visual > text').first().waitFor();
        // and the diagram stays left to right: each task's name is drawn inside its box. Polled: Cockpit routes
        // within the page, so the previous page's diagram can still be there, or this one not yet laid out.
        await expect
          .poll(async () => (await taskLabels(page)).drawn, { message: shot, timeout: 15_000 })
          .toBeGreaterThan(0);
        expect((await taskLabels(page)).outside, shot).toEqual([]);
      }
      // Then each page is Persian, right to left, in Vazirmatn, with no English label left
      expect(await persianPage(page), shot).toEqual({ lang: 'fa', dir: 'rtl', direction: 'rtl', vazirmatn: true });
      await snapForDocs(page, shot);
      expect(
        await englishLeft(page, COCKPIT_DATA, [supervisor, '(supervisor)', 'null', ...(await modelWords())]),
        shot,
      ).toEqual([]);
    }

    // and the instance's tab leads to the request on the reviewers' page
    await page.getByRole('link', { name: 'درخواست در پیام ایران' }).click();
    const open = page.locator('.payam-review-link a');
    await open.waitFor();
    expect(await open.getAttribute('href')).toBe(`${publicBaseUrl}/review/#${id}`);
    expect(await page.locator('.payam-review-link').textContent()).toContain(applicant.agencyName);
    await snapForDocs(page, 'cockpit-instance-link-fa');
    expect(visit.problems.join('\n')).toBe('');
  });

  it('a browser asking for English still gets the apps in English, left to right', async () => {
    const english = await openBrowser({ desktop: true, locale: 'en-US' });
    try {
      const page = english.context.pages()[0] ?? (await english.context.newPage());
      await page.setViewportSize(DESKTOP);
      for (const app of ['tasklist', 'cockpit', 'admin'] as const) {
        await page.goto(webappUrl(ctx.stack.config.ENGINE_URL, app));
        await page.getByPlaceholder(LOGIN_FORM.en.password).waitFor();
        await page.getByRole('button', { name: LOGIN_FORM.en.logIn, exact: true }).waitFor();
        expect(await persianPage(page), app).toMatchObject({ lang: 'en', direction: 'ltr' });
        expect(await page.evaluate(() => document.documentElement.dir), app).not.toBe('rtl');
      }
    } finally {
      await english.close();
    }
  });
});

const COCKPIT_DATA = [
  '.process-definition-name',
  '.process-name',
  '.cam-breadcrumb',
  '.name a',
  '.instance-id',
  '.business-key',
  '.activity-name',
  '.tree-node-label',
  '.variable-name',
  // The variables tab's rows: each variable's name, its value and the engine's name of its type (String,
  // Long), which the process sets and the REST API reports as they are; the table's headings stay checked.
  '.cam-table tbody td.col-name',
  '.cam-table tbody td.col-type',
  '.cam-table tbody td.col-value',
  '.payam-review-link dd',
  '.definition-key',
  '.tenant-id',
];

/** The models' own words (process names and keys): data the apps show as deployed, in the models' languages. */
async function modelWords() {
  return (await ctx.stack.engine.latestDefinitions()).flatMap((d) => [d.name ?? '', d.key ?? '']).filter(Boolean);
}

/**
 * Tasklist's search, as a person uses it: the search field offers the criteria (here "متغیر فرایند",
 * a process variable); the criterion's name and value are typed into it and confirmed with Enter.
 */
async function searchByVariable(page: Page, variable: string, value: string) {
  const field = page.locator('.tasks-list [cam-widget-search] input.main-field');
  await field.click();
  await page.locator('.tasks-list [cam-widget-search] .dropdown-menu li', { hasText: 'متغیر فرایند' }).first().click();
  const nameInput = page.locator('.tasks-list [cam-widget-search] .search-container .search-label input');
  await nameInput.last().fill(variable);
  await nameInput.last().press('Enter');
  const valueInput = page.locator('.tasks-list [cam-widget-search] [cam-widget-inline-field] input');
  await valueInput.last().fill(value);
  await valueInput.last().press('Enter');
}

/** How many of the diagram's tasks have their name drawn, and those whose name lies outside the task's box (as when laid out right to left). */
function taskLabels(page: Page) {
  return page.evaluate(() => {
    const drawn = [...document.querySelectorAll('.djs-element.djs-shape[data-element-id^="Task_"]')].flatMap(
      (shape) => {
        const box = shape.querySelector('.djs-visual > rect')?.getBoundingClientRect();
        const text = shape.querySelector('.djs-visual > text')?.getBoundingClientRect();
        return box && text?.width ? [{ id: shape.getAttribute('data-element-id'), box, text }] : [];
      },
    );
    const outside = drawn.filter(({ box, text }) => text.left < box.left - 2 || text.right > box.right + 2);
    return { drawn: drawn.length, outside: outside.map((d) => d.id) };
  });
}
