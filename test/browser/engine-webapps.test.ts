import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import { useEngineStack } from '../support/lifecycle.js';
import { addStaff } from '../../ops/fixtures/staff.js';
import { DESKTOP, openBrowser } from './browser-session.js';
import { decideInTaskForm, openTaskInFilter, snapDesktop, webappsBase, webappVisit } from './engine-webapps.js';

const REVIEW_FILTER = 'درخواست‌های در انتظار بررسی';
const REVIEW_TASK = '10–11 · بررسی هویت نماینده و معرفی‌نامه';
const STEP_3 = '3–5 · ورود اطلاعات، معرفی‌نامه، رمز عبور و کپچا';

const ctx = useEngineStack();
const session = {} as { browser: Awaited<ReturnType<typeof openBrowser>>; page: Page };
// After the stack's hooks, so the browser closes before the stack.
beforeAll(async () => {
  // A browser asking for English: the apps answer in English, as shipped (the Persian ones are in staff-apps-persian.test.ts).
  session.browser = await openBrowser({ locale: 'en-US' });
});
afterAll(() => session.browser?.close());
// Each test is another person: nothing of the previous one's session is left. The web apps are laid out for a desktop.
beforeEach(async () => {
  await session.browser.context.clearCookies();
  session.page = session.browser.context.pages()[0] ?? (await session.browser.context.newPage());
  await session.page.setViewportSize(DESKTOP);
  await session.page.goto('about:blank');
});

const processInstanceOf = async (registrationId: string) =>
  ((await ctx.stack.db('registrations').where({ id: registrationId }).first()) as { process_instance_id: string })
    .process_instance_id;

const reviewTaskOf = async (registrationId: string) =>
  (
    await ctx.stack.eventually(
      () => ctx.stack.engine.openTasks(registrationId, [USER_TASKS.review]),
      (t) => t.length > 0,
    )
  )[0]!;

describe('the engine web apps, as staff use them', () => {
  it('a supervisor sees a running registration in Cockpit, at its card step', async () => {
    const page = session.page;
    const visit = webappVisit(page, ctx.stack.config.ENGINE_URL);

    // Given a registration waiting at step 3 and a supervisor of the performance office
    const { id } = await ctx.applicant.begin();
    const instanceId = await processInstanceOf(id);
    const supervisor = await addStaff(ctx.stack.db, 'supervisor');

    // When they open the registration's process instance in Cockpit and log in on the page it sends them to
    await visit.open('cockpit', `/process-instance/${instanceId}/runtime`);
    await visit.logIn(supervisor);

    // Then the page shows the registration id as business key, and the token at step 3–5 in the diagram and in the activity tree
    await page.locator('dd.business-key').waitFor();
    expect((await page.locator('dd.business-key').textContent())?.trim()).toBe(id);
    const tokens = page.locator('.djs-overlays[data-container-id="Task_ApplicantData"] .badge.instance-count');
    await tokens.waitFor();
    expect(await tokens.textContent()).toBe('1');
    await page.getByText('Filter', { exact: true }).click();
    const running = page.locator('.tree-node-group.state-running > .tree-node-label a');
    await running.getByText(STEP_3).waitFor();
    expect((await running.allTextContents()).map((t) => t.trim())).toContain(STEP_3);
    await snapDesktop(page, 'engine-cockpit-instance');
    expect(visit.problems.join('\n')).toBe('');
  });

  it('a reviewer approves a registration through the Tasklist form, and the applicant gets the account and its SMS', async () => {
    const page = session.page;
    const visit = webappVisit(page, ctx.stack.config.ENGINE_URL);

    // Given a registration waiting for review and a reviewer of the IT office
    const { id, applicant } = await ctx.applicant.untilReview();
    const task = await reviewTaskOf(id);
    const reviewer = await addStaff(ctx.stack.db, 'reviewer');

    // When they log in to Tasklist, open the registration's task from the reviewers' filter and approve it in its form
    await visit.open('tasklist');
    await visit.logIn(reviewer);
    await openTaskInFilter(page, REVIEW_FILTER, task.id);
    await page.locator('h2.task', { hasText: REVIEW_TASK }).waitFor();
    await snapDesktop(page, 'engine-tasklist-review');
    await decideInTaskForm(page, 'تأیید — Approve');
    await page.getByText('Select a task in the list.').waitFor();

    // Then the registration ends registered, with an account and the username SMSed, as when approved on the reviewers' page
    const done = await ctx.applicant.step(id, 'registered');
    expect(await ctx.stack.db('accounts').where({ registration_id: id }).first()).toBeDefined();
    const sms = await ctx.stack.eventually(
      () => ctx.stack.sim.smsTo(applicant.mobile),
      (m) => m.length >= 2,
    );
    expect(sms.at(-1)!.text).toContain(done.username);
    expect(visit.problems.join('\n')).toBe('');
  });

  it('a reviewer rejects a registration through the Tasklist form with a reason, and it ends rejected without an account', async () => {
    const page = session.page;
    const visit = webappVisit(page, ctx.stack.config.ENGINE_URL);

    // Given a registration waiting for review and a reviewer of the IT office
    const { id } = await ctx.applicant.untilReview();
    const task = await reviewTaskOf(id);
    const reviewer = await addStaff(ctx.stack.db, 'reviewer');

    // When they reject it in the task's form, for a letter without signature or stamp
    await visit.open('tasklist');
    await visit.logIn(reviewer);
    await openTaskInFilter(page, REVIEW_FILTER, task.id);
    await decideInTaskForm(page, 'رد — Reject', 'معرفی‌نامه امضا یا مهر ندارد — The letter is not signed or stamped');
    await page.getByText('Select a task in the list.').waitFor();

    // Then the registration ends rejected, for that reason, with no account
    const done = await ctx.applicant.step(id, 'rejected');
    expect(done.messages.map((m) => m.id)).toEqual(['rejected']);
    expect(done).toMatchObject({ rejection: { reason: 'letter_unsigned' } });
    expect(await ctx.stack.db('accounts').where({ registration_id: id }).first()).toBeUndefined();
    expect(visit.problems.join('\n')).toBe('');
  });

  it('a reviewer who follows a link into Cockpit is told, in Persian and English, that it is not for their role, and led to Tasklist', async () => {
    const page = session.page;
    const visit = webappVisit(page, ctx.stack.config.ENGINE_URL);

    // Given a reviewer logged in to Tasklist
    const reviewer = await addStaff(ctx.stack.db, 'reviewer');
    await visit.open('tasklist');
    await visit.logIn(reviewer);

    // When they open Cockpit's address (an alert's link, a colleague's bookmark)
    const answer = await page.goto(`${webappsBase(ctx.stack.config.ENGINE_URL)}/app/cockpit/default/`);

    // Then access is refused with a page that says why in both languages and leads back to their own app
    expect(answer?.status()).toBe(403);
    await page.getByRole('heading', { name: 'این بخش برای نقش شما باز نیست' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByText('This part is not open to your role.').count()).toBe(1);
    await page.getByRole('link', { name: 'رفتن به Tasklist' }).click();
    await page.waitForURL(/\/app\/tasklist\//);
    await page.getByRole('link', { name: REVIEW_FILTER }).waitFor();
  });

  it('someone not logged in sees no Cockpit data, and the REST API asks for credentials', async () => {
    const page = session.page;
    const visit = webappVisit(page, ctx.stack.config.ENGINE_URL);

    // Given a running registration
    const { id } = await ctx.applicant.begin();
    const instanceId = await processInstanceOf(id);

    // When someone without a session opens its Cockpit page, and asks the APIs behind it
    await visit.open('cockpit', `/process-instance/${instanceId}/runtime`);
    await page.getByPlaceholder('Password').waitFor();
    const rest = await fetch(`${ctx.stack.config.ENGINE_URL}/process-instance`);
    const webappApi = await fetch(
      `${webappsBase(ctx.stack.config.ENGINE_URL)}/api/engine/engine/default/process-instance`,
    );

    // Then they get the login form and a notice that they must log in, not the registration; both APIs answer 401
    await page.getByText('Authentication failed. Your session might have expired, you need to login.').waitFor();
    expect(await page.content()).not.toContain(id);
    await snapDesktop(page, 'engine-cockpit-logged-out');
    expect(rest.status).toBe(401);
    expect(webappApi.status).toBe(401);
    expect(visit.problems.join('\n')).toBe('');
  });
});
