import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../ops/chaos/private-services.js';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { addStaff } from '../../ops/fixtures/staff.js';
import { DESKTOP, openBrowser } from './browser-session.js';
import { LOGIN_FORM, webappUrl, webappVisit, type Webapp } from './engine-webapps.js';
import { englishLeft, formWords, latinDigitsLeft, persianPage, snapForDocs } from './staff-apps-persian.js';
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
    // (named so that by name mine comes first, though the other was made later: newest first, it would lead)
    const n = randomInt(100, 900);
    const mine = await ctx.applicant.untilReview({ applicant: { agencyName: `اداره کل آزمون ${n} استان` } });
    const other = await ctx.applicant.untilReview({ applicant: { agencyName: `اداره کل آزمون ${n + 99} استان` } });
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
    // Then the list is sorted by the agency's name, as the filter says, with no choice made: the sort menu names it
    const listed = () => agenciesListed(page, [name, other.applicant.agencyName]);
    await expect.poll(listed).toEqual([name, other.applicant.agencyName]);
    const sortedBy = page.locator('[cam-sorting-choices] li.sorting-choice .sort-by');
    expect((await sortedBy.allTextContents()).map((t) => t.trim())).toEqual(['دستگاه اجرایی', 'ایجاد شده']);
    await snapForDocs(page, 'tasklist-list-fa');
    // and nothing on it is English, its tooltips included (the columns' headings name the variable by its label)
    expect(await englishLeft(page, TASKLIST_DATA, [reviewer])).toEqual([]);
    expect(await page.locator('.tasks-list .variable-label').first().getAttribute('uib-tooltip')).toBe('دستگاه اجرایی');
    // and the numbers people read are in Persian digits: counts, priorities, dates (the tracking codes, which people
    // copy, are not)
    expect(
      await textsOf(page, '.task-filter .counter, .tasks-list li.task .priority, [cam-widget-search] .total-results'),
    ).toEqual(expect.not.arrayContaining([expect.stringMatching(/[0-9]/)]));
    expect(await latinDigitsLeft(page, TASKLIST_DATA, [reviewer])).toEqual([]);

    // and the sort menu still changes it: the other way round, by the same agency's name
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

    expect(await latinDigitsLeft(page, TASKLIST_DATA, [reviewer, code, name])).toEqual([]);

    // and the follow-up date's picker names its months and days in Persian
    await page.getByText('تعیین تاریخ پیگیری', { exact: true }).click();
    await page.locator('[uib-datepicker], .uib-datepicker, table[role="grid"]').first().waitFor();
    expect(await englishLeft(page, TASKLIST_DATA, [reviewer, 'agencyName'], REVIEW_FORM_WORDS)).toEqual([]);
    // (its days and year in Persian digits)
    expect(await latinDigitsLeft(page, TASKLIST_DATA, [reviewer, code, name])).toEqual([]);
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
    // (claimed: the list names its assignee, whose tooltip is checked with the rest)
    await page.locator('.tasks-list li.task h5.assignee').first().waitFor();
    expect(await englishLeft(page, TASKLIST_DATA, [reviewer, 'agencyName'], REVIEW_FORM_WORDS)).toEqual([]);

    // When they approve it in Tasklist's form (opened again: after a completion the form refused, Tasklist keeps
    // its complete button disabled until the task is opened anew, in English as in Persian)
    await page.reload();
    // (the reload fetches all of Tasklist again; at the suite's start, beside 150 files being collected, that took
    // over 30 s once)
    await page.locator('.fjs-container').waitFor({ timeout: 60_000 });
    await page.getByLabel('تأیید — Approve', { exact: true }).check();
    await page.getByRole('button', { name: 'تکمیل', exact: true }).click();
    await page.getByText('کاری را از فهرست برگزینید.').waitFor();

    // Then the registration is registered with its account, as an approval on the reviewers' page makes it
    await ctx.applicant.step(mine.id, 'registered');
    expect(await ctx.stack.db('accounts').where({ registration_id: mine.id }).first()).toBeDefined();
    expect(await ctx.stack.engine.openTasks(other.id, [USER_TASKS.review])).toHaveLength(1);
    expect(visit.problems.join('\n')).toBe('');
  }, 180_000);

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
    // Ids the pages show (a definition's id is its key, its version and a UUID): data, not numbers people read.
    const definitionIds = (await ctx.stack.engine.latestDefinitions()).map((d) => d.id ?? '');
    const known = [supervisor, ...(await processKeys()), ...definitionIds];
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
      // (the processes' list loads after the page: its counts are read once it has)
      if (route === '/processes') await page.locator('table.process-definitions-list tbody td').first().waitFor();
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
      if (route.includes('process-')) {
        // and the diagram's badges (running instances, incidents) count in Persian digits
        await page.locator('.djs-overlays .badge.instance-count').first().waitFor();
        await expect
          .poll(() => textsOf(page, '.djs-overlays .badge'), { message: shot })
          .toEqual(expect.not.arrayContaining([expect.stringMatching(/[0-9]/)]));
      }
      if (shot === 'cockpit-definition-fa')
        expect(
          await textsOf(page, '.process-information .current-version, .process-information .all-versions'),
        ).toEqual(expect.not.arrayContaining([expect.stringMatching(/[0-9]/)]));
      if (shot === 'cockpit-instance-fa') {
        // and the activity tree's icons name each step's BPMN type in Persian, not by its code (userTask)
        const types = () =>
          page
            .locator('.tree-node-label > span[uib-tooltip]')
            .evaluateAll((spans) => spans.map((s) => s.getAttribute('uib-tooltip') ?? ''));
        // (the tree is the sidebar's "فیلتر" tab; the page opens on "اطلاعات", the instance's information)
        await page.locator('.ctn-sidebar .nav-tabs a', { hasText: 'فیلتر' }).first().click();
        await expect.poll(async () => (await types()).length, { message: shot, timeout: 15_000 }).toBeGreaterThan(0);
        expect(
          (await types()).filter((t) => /[A-Za-z]/.test(t)),
          shot,
        ).toEqual([]);
      }
      if (shot !== 'cockpit-review-instance-fa') await snapForDocs(page, shot);
      expect(await englishLeft(page, COCKPIT_DATA, known), shot).toEqual([]);
      expect(await latinDigitsLeft(page, COCKPIT_DATA, known), shot).toEqual([]);
    }

    // and so is each of the instance's tabs
    const tabs = page.locator('.ctn-tabbed-content ul.nav-tabs > li > a');
    for (const tab of await tabs.allTextContents()) {
      await tabs.filter({ hasText: tab.trim() }).first().click();
      await page.waitForLoadState('networkidle');
      expect(await englishLeft(page, COCKPIT_DATA, known), tab).toEqual([]);
      expect(await latinDigitsLeft(page, COCKPIT_DATA, known), tab).toEqual([]);
    }

    // and the instance's tab leads to the request on the reviewers' page
    await page.getByRole('link', { name: 'درخواست در پیام ایران' }).click();
    const open = page.locator('.payam-review-link a');
    await open.waitFor();
    expect(await open.getAttribute('href')).toBe(`${publicBaseUrl}/review/#${id}`);
    expect(await page.locator('.payam-review-link').textContent()).toContain(applicant.agencyName);
    await snapForDocs(page, 'cockpit-instance-link-fa');
    expect(visit.problems.join('\n')).toBe('');
  }, 180_000);

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

  it("a browser asking for English still gets the apps in English, left to right: the login pages, Tasklist's list and Cockpit's dashboard", async () => {
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

      // Given a request waiting for review, a reviewer and a supervisor
      const { applicant } = await ctx.applicant.untilReview({ applicant: { agencyName: agency() } });
      const reviewer = await addStaff(ctx.stack.db, 'reviewer');
      const supervisor = await addStaff(ctx.stack.db, 'supervisor');

      // When the reviewer logs in to Tasklist and opens the reviewers' filter (its name and columns are ours, in Persian)
      const visit = webappVisit(page, ctx.stack.config.ENGINE_URL);
      await visit.open('tasklist');
      await visit.logIn(reviewer, LOGIN_FORM.en);
      await page.getByRole('link', { name: REVIEW_FILTER }).click();
      await page.locator('.tasks-list li.task', { hasText: applicant.agencyName }).waitFor();
      // Then the list is Tasklist's English, left to right, with its counts in Latin digits
      expect(await persianPage(page)).toMatchObject({ lang: 'en', direction: 'ltr' });
      for (const words of ['Start process', 'Create task', 'Select a task in the list.'])
        await page.getByText(words, { exact: true }).first().waitFor();
      expect(await textsOf(page, '.task-filter .counter, .tasks-list li.task .priority')).toEqual(
        expect.not.arrayContaining([expect.stringMatching(/[۰-۹]/)]),
      );
      expect(await textsOf(page, '.task-filter .counter')).toEqual(
        expect.arrayContaining([expect.stringMatching(/^[0-9]+$/)]),
      );

      expect(visit.problems.join('\n')).toBe('');

      // When the supervisor logs in to Cockpit (another person: a page of their own)
      await english.context.clearCookies();
      const office = await english.context.newPage();
      await office.setViewportSize(DESKTOP);
      const cockpit = webappVisit(office, ctx.stack.config.ENGINE_URL);
      await cockpit.open('cockpit', '/dashboard');
      await cockpit.logIn(supervisor, LOGIN_FORM.en);
      await office.getByText('Running Process Instances', { exact: true }).first().waitFor();
      // Then the dashboard is English, left to right, its counts in Latin digits
      expect(await persianPage(office)).toMatchObject({ lang: 'en', direction: 'ltr' });
      await office.getByText('Open Incidents', { exact: true }).first().waitFor();
      expect(await textsOf(office, '.stats-section .value')).toEqual(
        expect.not.arrayContaining([expect.stringMatching(/[۰-۹]/)]),
      );
      expect(cockpit.problems.join('\n')).toBe('');
    } finally {
      await english.close();
    }
    // Three logins and two apps loaded in a second browser context: over a minute when the machine is busy.
  }, 180_000);
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
