import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../ops/chaos/private-services.js';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { addStaff } from '../../ops/fixtures/staff.js';
import { DESKTOP, openBrowser } from './browser-session.js';
import { LOGIN_FORM, webappUrl, webappVisit, type Webapp } from './engine-webapps.js';
import { englishLeft, formWords, persianPage, snapForDocs } from './staff-apps-persian.js';
import { signInStaff } from './staff-pages.js';

const SCREEN = { width: 1366, height: 768 };
const REVIEW_FILTER = 'درخواست‌های در انتظار بررسی';
const REVIEW_TASK = '10–11 · بررسی هویت نماینده و معرفی‌نامه';
// Data, not the app's labels: the values of the variables the list shows; the test passes the rest by value (the
// staff member's name, a variable's name typed in the search) and the English half of our bilingual review form.
const TASKLIST_DATA = ['.variable-value'];
const REVIEW_FORM_WORDS = formWords('bpmn/review-decision.form');

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
    expect(await englishLeft(page, TASKLIST_DATA, [reviewer])).toEqual([]);
    // and the counts and priorities people read are in Persian digits (the tracking codes, which people copy, are not)
    expect(
      await textsOf(page, '.task-filter .counter, .tasks-list li.task .priority, [cam-widget-search] .total-results'),
    ).toEqual(expect.not.arrayContaining([expect.stringMatching(/[0-9]/)]));

    // and sort the list by the agency's name in its sort menu (newest first until then: the other request first)
    const listed = () => agenciesListed(page, [name, other.applicant.agencyName]);
    expect(await listed()).toEqual([other.applicant.agencyName, name]);
    await sortByVariable(page, 'agencyName');
    await expect.poll(listed).toEqual([name, other.applicant.agencyName]);
    await page.locator('[cam-sorting-choices] a.sort-direction').first().click();
    await expect.poll(listed).toEqual([other.applicant.agencyName, name]);

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
    expect(await englishLeft(page, TASKLIST_DATA, [reviewer, 'agencyName'], REVIEW_FORM_WORDS)).toEqual([]);

    // and the follow-up date's picker names its months and days in Persian
    await page.getByText('تعیین تاریخ پیگیری', { exact: true }).click();
    await page.locator('[uib-datepicker], .uib-datepicker, table[role="grid"]').first().waitFor();
    expect(await englishLeft(page, TASKLIST_DATA, [reviewer, 'agencyName'], REVIEW_FORM_WORDS)).toEqual([]);
    await page.locator('.cam-widget-inline-field .btn-default', { has: page.locator('.glyphicon-remove') }).click();

    // and the link opens that request on the reviewers' page, once they have signed in there with the same name
    const reviewPage = await session.persian.context.newPage();
    await reviewPage.goto((await link.getAttribute('href'))!);
    await signInStaff(reviewPage, reviewer, 'ورود کارشناسان');
    await reviewPage.getByRole('heading', { name, level: 1 }).waitFor();
    await reviewPage.close();

    // When they claim it, and try to reject it without a reason, the form says what is missing in Persian
    await page.getByRole('button', { name: 'برداشتن', exact: true }).click();
    await page.getByLabel('رد — Reject', { exact: true }).check();
    await page.getByRole('button', { name: 'تکمیل', exact: true }).click();
    await page.locator('.fjs-form-field-error', { hasText: 'این فیلد را پر کنید.' }).waitFor();
    expect(await page.locator('.fjs-select-display').textContent()).toBe('برگزینید');
    expect(await englishLeft(page, TASKLIST_DATA, [reviewer, 'agencyName'], REVIEW_FORM_WORDS)).toEqual([]);

    // When they approve it in Tasklist's form (opened again: after a completion the form refused, Tasklist keeps
    // its complete button disabled until the task is opened anew, in English as in Persian)
    await page.reload();
    await page.locator('.fjs-container').waitFor();
    await page.getByLabel('تأیید — Approve', { exact: true }).check();
    await page.getByRole('button', { name: 'تکمیل', exact: true }).click();
    await page.getByText('کاری را از فهرست برگزینید.').waitFor();

    // Then the registration is registered with its account, as an approval on the reviewers' page makes it
    await ctx.applicant.step(mine.id, 'registered');
    expect(await ctx.stack.db('accounts').where({ registration_id: mine.id }).first()).toBeDefined();
    expect(await ctx.stack.engine.openTasks(other.id, [USER_TASKS.review])).toHaveLength(1);
    expect(visit.problems.join('\n')).toBe('');
  }, 120_000);

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
    const [reviewTask] = await ctx.stack.engine.openTasks(id, [USER_TASKS.review]);
    const pages: [string, string][] = [
      ['cockpit-dashboard-fa', '/dashboard'],
      ['cockpit-processes-fa', '/processes'],
      ['cockpit-definition-fa', `/process-definition/${await ctx.stack.engine.definitionIdOf(instanceId)}/runtime`],
      ['cockpit-review-instance-fa', `/process-instance/${reviewTask!.processInstanceId}/runtime`],
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
      // Then each page is Persian, right to left, in Vazirmatn, with no English label left, its diagram included
      expect(await persianPage(page), shot).toEqual({ lang: 'fa', dir: 'rtl', direction: 'rtl', vazirmatn: true });
      if (shot === 'cockpit-dashboard-fa')
        expect(await textsOf(page, '.stats-section .value')).toEqual(
          expect.not.arrayContaining([expect.stringMatching(/[0-9]/)]),
        );
      if (shot !== 'cockpit-review-instance-fa') await snapForDocs(page, shot);
      expect(await englishLeft(page, COCKPIT_DATA, [supervisor, ...(await processKeys())]), shot).toEqual([]);
    }

    // and so is each of the instance's tabs
    const tabs = page.locator('.ctn-tabbed-content ul.nav-tabs > li > a');
    for (const tab of await tabs.allTextContents()) {
      await tabs.filter({ hasText: tab.trim() }).first().click();
      await page.waitForLoadState('networkidle');
      expect(await englishLeft(page, COCKPIT_DATA, [supervisor, ...(await processKeys())]), tab).toEqual([]);
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

  it('an administrator sees the welcome page and Admin in Persian, right to left, in Vazirmatn', async () => {
    const page = session.page;
    const visit = webappVisit(page, ctx.stack.config.ENGINE_URL);
    // Given an administrator
    const admin = await addStaff(ctx.stack.db, 'admin');

    // When they log in on the welcome page and open Admin's users and groups
    await visit.open('welcome');
    await page.getByPlaceholder(LOGIN_FORM.fa.password).waitFor();
    await visit.logIn(admin, LOGIN_FORM.fa);
    const pages: [Webapp, string, string][] = [
      ['welcome', '/welcome', '.webapps'],
      ['admin', '/', '.section-content, .dashboard'],
      ['admin', '/users', 'table.cam-table'],
      ['admin', '/groups', 'table.cam-table'],
    ];
    for (const [app, route, ready] of pages) {
      await page.goto(webappUrl(ctx.stack.config.ENGINE_URL, app, route));
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      // Then each page is Persian, right to left, in Vazirmatn; in Admin's tables the users' and groups' ids and the
      // engine's group types (WORKFLOW, SYSTEM) are data, and so are the names our staff CLI and the engine give
      expect(await persianPage(page), route).toEqual({ lang: 'fa', dir: 'rtl', direction: 'rtl', vazirmatn: true });
      expect(
        await englishLeft(page, ['td.username', 'td.firstname', 'td.group-id', 'td.group-type'], [admin]),
        `${app} ${route}`,
      ).toEqual([]);
    }
    // Admin asks for the engine's password policy on its users' pages; none is set, and it answers 404.
    expect(visit.problems.filter((p) => !p.startsWith('404 ') || !p.endsWith('/identity/password-policy'))).toEqual([]);
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

/**
 * Data, not Cockpit's labels: the variables tab's rows (each variable's name, its value and the engine's name of
 * its type, String or Long, as the process sets them and the REST API reports them; the headings stay checked).
 * The processes' names and the diagrams' element names are Persian and checked; their keys are passed by value.
 */
const COCKPIT_DATA = [
  '.cam-table tbody td.col-name',
  '.cam-table tbody td.col-type',
  '.cam-table tbody td.col-value',
  '.payam-review-link dd',
];

/** The processes' keys (agency-registration, …): ids the apps show as deployed. */
async function processKeys() {
  return (await ctx.stack.engine.latestDefinitions()).map((d) => d.key ?? '').filter(Boolean);
}

/** The visible texts of the elements `selector` finds (at least one, so the check cannot pass on nothing). */
async function textsOf(page: Page, selector: string) {
  const texts = (await page.locator(selector).allTextContents()).map((t) => t.trim()).filter(Boolean);
  expect(texts.length, selector).toBeGreaterThan(0);
  return texts;
}

/** The agencies of `names` in the order the Tasklist list shows their tasks. */
async function agenciesListed(page: Page, names: string[]) {
  const shown = await page.locator('.tasks-list li.task .variable-value').allTextContents();
  return shown.map((t) => t.trim()).filter((t) => names.includes(t));
}

/**
 * Tasklist's sort menu, as a person uses it: the current sorting's menu offers "متغیر فرایند" (a process
 * variable), whose name and type (رشته, String) are given and applied with "تغییر".
 */
async function sortByVariable(page: Page, variable: string) {
  const choice = page.locator('[cam-sorting-choices] li.sorting-choice').first();
  await choice.locator('a.dropdown-toggle').click();
  await choice.locator('li', { hasText: 'متغیر فرایند' }).first().click();
  const inputs = choice.locator('.variable-inputs').first();
  await inputs.locator('input').fill(variable);
  await inputs.locator('select').selectOption({ label: 'رشته (String)' });
  await inputs.getByRole('button', { name: 'تغییر' }).click();
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
