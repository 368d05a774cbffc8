import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { deployModels } from '../../adapters/engine/deploy-models.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { PROCESS_ID, USER_TASKS } from '../../adapters/engine/process-model.js';
import { bpmnDir } from '../../adapters/bpmn/model-files.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { addStaff } from '../../ops/fixtures/staff.js';
import { ARTIFACTS, useBrowserOnApi, watchProblems } from './browser-session.js';
import { heading, persian } from './form-helpers.js';
import { alertText, signInStaff } from './staff-pages.js';

// The modeler is a desktop tool: a wide diagram beside its properties panel.
const ctx = useApiOnStack();
const session = useBrowserOnApi(ctx, { desktop: true });
// Whatever happens here, the next test file finds the models of bpmn/ as the latest version.
afterAll(
  () => ctx.stack && deployModels(ctx.stack.engine, { audit: createAuditRepo(ctx.stack.db), actor: 'test' }, bpmnDir),
);

// The refused deployment answers 422 on purpose.
const expected = (status: number, url: string) => status === 422 && url.endsWith('/api/modeler/deploy');
const STEP_3 = '3–5 · Enter the details and the letter';
const STEP_9_2 = '9-2 · Type the code from the SMS';
const state = {} as {
  page: Page;
  problems: string[];
  owner: string;
  renamed: { id: string; version: number };
  waiting: { id: string; mobile: string };
};

const latest = async () => (await ctx.stack.engine.versions([PROCESS_ID]))[0]!;
const diagramElement = (page: Page, id: string) => page.locator(`#canvas [data-element-id="${id}"] .djs-hit`).first();

/** Opens the newest version of the registration process in the editor, from the list of versions. */
async function openNewest(page: Page) {
  await page.goto(`${session.baseUrl}/modeler/`);
  await heading(page, 'نسخه‌های مستقرشده');
  const newest = await latest();
  await page.locator(`tr[data-definition="${newest.id}"] a.edit`).click();
  await heading(page, `ویرایش ثبت‌نام دستگاه اجرایی · نسخهٔ ${persian(String(newest.version))}`);
  await diagramElement(page, USER_TASKS.applicantData).waitFor({ state: 'attached' });
  return newest;
}

/** Opens a group of the properties panel (they start folded) by its header, as a person clicks it. */
async function openGroup(page: Page, group: string) {
  const header = page.locator(`#properties [data-group-id="${group}"] .bio-properties-panel-group-header`);
  if (!(await header.getAttribute('class'))?.split(' ').includes('open')) await header.click();
}

/** Selects an element on the canvas and gives it a new name in the properties panel, as a process owner would. */
async function rename(page: Page, id: string, name: string) {
  await diagramElement(page, id).click({ force: true });
  await expect.poll(() => page.locator('#bio-properties-panel-id').inputValue()).toBe(id);
  await openGroup(page, 'group-general');
  const field = page.locator('#bio-properties-panel-name');
  await field.fill(name);
  await field.press('Tab');
}

/** The modeler at desktop width only: it is not made for a phone. */
const snap = (page: Page, name: string) =>
  page.screenshot({ path: `${ARTIFACTS}/${name}-desktop.png`, fullPage: true, animations: 'disabled' });

async function deployAndReturn(page: Page) {
  await page.getByRole('button', { name: 'استقرار نسخهٔ تازه' }).click();
  await heading(page, 'نسخه‌های مستقرشده');
}

describe("the process owners' modeler in a browser", () => {
  it('a process owner renames step 3 and deploys: a new version under their name, and new registrations run it', async () => {
    state.page = await session.browser.context.newPage();
    state.problems = watchProblems(state.page, expected);
    const { page } = state;
    state.owner = await addStaff(ctx.stack.db, 'process-owner');
    await page.goto(`${session.baseUrl}/modeler/`);
    await signInStaff(page, state.owner, 'ورود مالکان فرایند');
    await heading(page, 'نسخه‌های مستقرشده');
    const before = await openNewest(page);
    await expect.poll(() => page.locator('#lint-list').textContent()).toContain('bpmnlint ایرادی نمی‌بیند');
    // the card's steps as the diagram names them, listed beside it
    await page.getByText('مراحل کارت فرایند در این نمودار').click();
    expect(await page.locator('#card-steps-list li[data-element="Task_CivilRegistry"]').textContent()).toBe(
      '7 · استعلام ثبت احوال از بستر PGSB',
    );
    await snap(page, '40-modeler-editor');

    // when the owner renames step 3 and deploys
    await rename(page, USER_TASKS.applicantData, STEP_3);
    await deployAndReturn(page);

    // then the page says a new version is deployed, and lists it with the owner's name and no instance yet
    expect(await page.getByRole('status').first().textContent()).toContain(
      `نسخهٔ ${persian(String(before.version + 1))} مستقر شد`,
    );
    const newest = await latest();
    expect(newest.version).toBe(before.version + 1);
    const row = page.locator(`tr[data-definition="${newest.id}"]`);
    expect(await row.locator('.source').textContent()).toBe(`این صفحه، ${state.owner}`);
    expect(await row.locator('.instances').textContent()).toBe(persian('0'));

    // and a registration started now waits at step 3 under the new name, on the new version
    const { id, applicant } = await ctx.applicant.begin();
    const [task] = await ctx.stack.engine.openTasks(id);
    expect([task!.name, task!.processDefinitionId]).toEqual([STEP_3, newest.id]);
    await page.reload();
    await heading(page, 'نسخه‌های مستقرشده');
    expect(await page.locator(`tr[data-definition="${newest.id}"] .instances`).textContent()).toBe(persian('1'));
    state.renamed = { id: newest.id, version: newest.version };
    state.waiting = { id, mobile: applicant.mobile };
  });

  it('adds a service task whose topic no worker serves, and the deploy is refused with the reason; nothing is deployed', async () => {
    const { page } = state;
    await openNewest(page);

    // when the owner appends a task after step 7, makes it an external service task on a new topic, and deploys
    await diagramElement(page, 'Task_CivilRegistry').click({ force: true });
    await page.locator('.djs-context-pad.open [data-action="append.append-task"]').click();
    await page.keyboard.press('Escape');
    await page.locator('.djs-context-pad.open [data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-service-task"]').click();
    await openGroup(page, 'group-CamundaPlatform__Implementation');
    await page.locator('#bio-properties-panel-implementationType').selectOption('external');
    const topic = page.locator('#bio-properties-panel-externalTopic');
    await topic.fill('archive-letter');
    await topic.press('Tab');
    await page.getByRole('button', { name: 'استقرار نسخهٔ تازه' }).click();

    // then the page says why, naming the task and the topic, in Persian and English
    expect(await alertText(page)).toBe(
      'این مدل مستقر نشد، چون سامانهٔ در حال اجرا را از کار می‌اندازد. موارد زیر را اصلاح کنید.',
    );
    const problem = page.locator('#gate-list li[data-rule="worker-topic"]');
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.locator('a').textContent()).toMatch(
      /^برای topic «archive-letter» در \S+ هیچ workerی در این پروژه نیست/,
    );
    expect(await problem.locator('.en').textContent()).toMatch(
      /^No worker of this project fetches topic "archive-letter" of Activity_\w+; instances would wait there silently\.$/,
    );
    await snap(page, '41-modeler-refused');

    // and the engine's newest version is still the one deployed before
    expect((await latest()).id).toBe(state.renamed.id);
  });

  it('migrates a waiting instance to a newer version by a plan it builds and validates first; the instance then finishes there', async () => {
    const { page } = state;
    // given a further version, with step 9-2 renamed
    await openNewest(page);
    await rename(page, USER_TASKS.enterOtp, STEP_9_2);
    await deployAndReturn(page);
    const target = await latest();
    expect(target.version).toBe(state.renamed.version + 1);

    // when the owner compares the two versions and migrates the instances of the older one
    await page.getByLabel('از نسخه').selectOption(state.renamed.id);
    await page.getByLabel('به نسخه').selectOption(target.id);
    await page.getByRole('button', { name: 'نمایش تفاوت‌ها' }).click();
    await page.locator(`#diff [data-group="changed"] li[data-element="${USER_TASKS.enterOtp}"]`).waitFor();
    expect(await page.locator('#diff [data-group="added"]').textContent()).toContain('هیچ');
    await page.getByRole('button', { name: 'ساخت و اعتبارسنجی طرح انتقال' }).click();
    expect(await page.locator('#plan-summary').textContent()).toMatch(
      new RegExp(`^طرح انتقال معتبر است: [۰-۹]+ دستور، ${persian('1')} نمونهٔ در حال اجرا روی نسخهٔ مبدأ\\.$`),
    );
    await snap(page, '42-modeler-migration-plan');
    await page.getByRole('button', { name: `انتقال ${persian('1')} نمونه به نسخهٔ مقصد` }).click();

    // then the page says so, and the waiting instance is on the new version
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(`${persian('1')} نمونه از`);
    expect(await page.locator(`tr[data-definition="${target.id}"] .instances`).textContent()).toBe(persian('1'));
    expect(await page.locator(`tr[data-definition="${state.renamed.id}"] .instances`).textContent()).toBe(persian('0'));

    // and it goes on to its end there, through the renamed step 9-2
    const { id, mobile } = state.waiting;
    await ctx.applicant.submit(id);
    await ctx.applicant.step(id, 'otp');
    const [otpTask] = await ctx.stack.engine.openTasks(id, [USER_TASKS.enterOtp]);
    expect([otpTask!.name, otpTask!.processDefinitionId]).toEqual([STEP_9_2, target.id]);
    await ctx.stack.steps.enterOtp(id, await ctx.applicant.latestCode(mobile));
    await ctx.applicant.step(id, 'under-review');
    await ctx.applicant.decide(id, { decision: 'approve' });
    await ctx.applicant.step(id, 'registered');
    const history = await ctx.stack.eventually(
      async () =>
        (
          await ctx.stack.engine.historicInstances({ processInstanceBusinessKey: id, processDefinitionKey: PROCESS_ID })
        )[0]!,
      (h) => h.state === 'COMPLETED',
    );
    expect(history.processDefinitionId).toBe(target.id);
    expect(state.problems).toEqual([]);
  });
});
