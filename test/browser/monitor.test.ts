import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PROCESS_ID, REVIEW_PROCESS_ID } from '../../adapters/engine/process-model.js';
import { jalaliBucket } from '../../domain/jalali-date.js';
import { addStaff } from '../../ops/fixtures/staff.js';
import { engineRecords } from '../support/engine-records.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { staffToken, withToken } from '../support/staff.js';
import type { Download } from 'playwright-core';
import { ARTIFACTS, checkPage, layoutFacts, useBrowserOnApi, watchProblems } from './browser-session.js';
import { heading, persian } from './form-helpers.js';
import { signInStaff } from './staff-pages.js';

const ctx = useApiOnStack();

/** A download as the browser saved it (the run's Chromium is another process: the file is copied over). */
async function saved(download: Download, name: string) {
  const path = `${ARTIFACTS}/${name}`;
  await download.saveAs(path);
  return path;
}
const session = useBrowserOnApi(ctx);

type Figures = {
  elements: { id: string; passes: number; waitingNow: number }[];
  flows: { id: string; taken: number }[];
};

describe("the office's process monitor in a browser", () => {
  it('shows the diagram with the day’s figures, overdue work and a PGSB incident, accessibly, and exports the same numbers', async () => {
    const { stack, applicant } = ctx;
    // Given today's registrations: one registered, one back to step 3 after a wrong captcha, one stuck at Shahkar.
    const done = await applicant.untilReview();
    await applicant.decide(done.id, { decision: 'approve' });
    const back = await applicant.begin();
    await applicant.submit(back.id, { captchaRight: false });
    await applicant.step(back.id, 'applicant-data');
    await stack.sim.pgsbFault('shahkar', 'timeout');
    const stuck = await applicant.begin();
    await applicant.submit(stuck.id);
    await stack.eventually(
      () => engineRecords(stack.engine).incidents(stuck.id),
      (i) => i.length > 0,
      40_000,
    );
    await stack.sim.clearPgsbFaults();
    await applicant.step(done.id, 'registered');
    const today = jalaliBucket(stack.clock.now(), 'day');
    const api = await ctx.app.inject({
      url: `/api/monitor/figures?process=${PROCESS_ID}&from=${today}&to=${today}`,
      ...withToken(await staffToken(ctx.app, stack.db, 'supervisor')),
    });
    const figures = api.json() as Figures;

    // When the supervisor opens the monitor from the reports page.
    const page = session.browser.context.pages()[0] ?? (await session.browser.context.newPage());
    const problems = watchProblems(page);
    await page.goto(`${session.baseUrl}/reports/`);
    await signInStaff(page, await addStaff(stack.db, 'supervisor'), 'ورود ناظران');
    await page.getByRole('link', { name: /پایش فرایند روی نمودار/ }).click();
    await heading(page, 'پایش فرایند روی نمودار کارت');
    await page.locator('.mon-figures').first().waitFor();

    // Then the diagram carries the figures, and the tables say the same in text.
    const row = (id: string) => page.locator(`#elements-table tr[data-element="${id}"] td`);
    const captcha = figures.elements.find((e) => e.id === 'Task_CheckCaptcha')!;
    expect(await row('Task_CheckCaptcha').nth(2).textContent()).toBe(persian(String(captcha.passes)));
    expect(await row('Task_ApplicantData').nth(0).textContent()).toBe(
      persian(String(figures.elements.find((e) => e.id === 'Task_ApplicantData')!.waitingNow)),
    );
    const wrong = figures.flows.find((f) => f.id === 'Flow_CaptchaWrong')!;
    expect(wrong.taken).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#flows-table tr[data-flow="Flow_CaptchaWrong"] td').nth(2).textContent()).toBe(
      persian(String(wrong.taken)),
    );
    expect(await page.locator('.djs-element[data-element-id="Task_Shahkar"]').getAttribute('class')).toMatch(
      /heat-[1-4]/,
    );
    expect(await page.locator('.djs-overlay .mon-waiting').count()).toBeGreaterThan(0);
    // A gateway takes no time: its box reads its visits only (its times, zero, are in its title and the table),
    // so it stays about its own width; a step's box reads visits, median and 90th percentile.
    const gateway = figures.elements.find((e) => e.id === 'Gateway_CaptchaCorrect')!;
    const overlayOf = (id: string) => page.locator(`.djs-overlays[data-container-id="${id}"] .mon-figures`);
    expect(await overlayOf('Gateway_CaptchaCorrect').textContent()).toBe(`${persian(String(gateway.passes))} گذر`);
    expect(await overlayOf('Gateway_CaptchaCorrect').getAttribute('title')).toContain('۹۰٪');
    expect(await overlayOf('Task_CheckCaptcha').textContent()).toMatch(/^[۰-۹]+ گذر · م .+ · ۹۰٪ .+$/);
    // A flow the model leaves unnamed reads as a dash, not as its English id.
    expect((await page.locator('#flows-table th[scope="row"]').allTextContents()).join(' ')).not.toMatch(/Flow_/);
    // The incident under Shahkar, explained in Persian, with its Cockpit link to retry.
    const incident = page.locator('#incidents-list tr', { hasText: 'PGSB_TIMEOUT' }).first();
    expect(await incident.textContent()).toContain('شاهکار (از راه PGSB)');
    expect(await incident.textContent()).toContain('در زمان مقرر پاسخ نداد');
    expect(await incident.getByRole('link').getAttribute('href')).toMatch(
      /\/app\/cockpit\/default\/#\/process-instance\/.+\?tab=incidents-tab$/,
    );
    expect(await layoutFacts(page)).toEqual({ dir: 'rtl', vazirmatnLoaded: true, overflows: false });
    await checkPage(page, '30-monitor');
    // The README's picture: the diagram with its overlays, at a desktop's width.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('#diagram-title').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: 'docs/screenshots/monitor-fa.png', animations: 'disabled' });
    // Each waiting badge in sight is read whole: no other figure is drawn over either end of it (the next gateway's
    // figures used to hide the number on Shahkar's).
    const hidden = await page.locator('.mon-waiting').evaluateAll((badges) => {
      const canvas = document.querySelector('#canvas')!.getBoundingClientRect();
      const inSight = (r: DOMRect) =>
        r.left >= canvas.left && r.right <= canvas.right && r.top >= 0 && r.bottom <= window.innerHeight;
      const seen = badges.filter((b) => inSight(b.getBoundingClientRect()));
      const covered = seen.flatMap((b) => {
        const r = b.getBoundingClientRect();
        return [r.left + 2, r.right - 2].flatMap((x) => {
          const top = document.elementFromPoint(x, r.top + r.height / 2);
          return top && (b.contains(top) || top.contains(b)) ? [] : [`${b.textContent} under ${top?.textContent}`];
        });
      });
      return { seen: seen.length, covered };
    });
    // Step 3's and Shahkar's, both at the diagram's left end, where it opens.
    expect(hidden).toEqual({ seen: 2, covered: [] });
    // At a laptop's width the incidents table fits its card: the retry link is in sight, no sideways scroll.
    const fits = await page.locator('#incidents-list').evaluate((list) => list.scrollWidth <= list.clientWidth);
    expect(fits).toBe(true);

    // The export opens with the same numbers and the Persian text intact.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'خروجی CSV' }).click(),
    ]);
    const text = (await readFile(await saved(csv, 'monitor.csv'))).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('عنصرها');
    expect(text).toMatch(new RegExp(`^Task_CheckCaptcha,.*,${captcha.passes},`, 'm'));
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'خروجی Excel' }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(await saved(xlsx, 'monitor.xlsx'))) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['عنصرها', 'مسیرها', 'کارهای معوق', 'خطاهای فنی']);
    const sheet = book.getWorksheet('عنصرها')!;
    const cells = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(cells.find((r) => r[0] === 'Task_CheckCaptcha')?.[5]).toBe(captcha.passes);
    expect(
      book
        .getWorksheet('خطاهای فنی')!
        .getSheetValues()
        .some((r) => JSON.stringify(r).includes('شاهکار (PGSB)')),
    ).toBe(true);

    // Switching to the review process draws its diagram with its own figures, in place of the registration's.
    await page.getByLabel('فرایند', { exact: true }).selectOption(REVIEW_PROCESS_ID);
    await page.getByRole('button', { name: 'نمایش', exact: true }).click();
    await page.locator('#figures-source', { hasText: 'بررسی درخواست ثبت‌نام' }).waitFor();
    await page.locator('#elements-table tr[data-element="Task_Review"]').waitFor();
    expect(await page.locator('#elements-table tr[data-element="Task_CheckCaptcha"]').count()).toBe(0);
    expect(await page.locator('.djs-element[data-element-id="Task_Review"]').getAttribute('class')).toMatch(
      /heat-[1-4]/,
    );
    expect(problems.join('\n')).toBe('');
  }, 180_000);
});
