import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../ops/fixtures/staff.js';
import { insertRegistration } from '../support/database.js';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';
import { checkPage, useBrowserOnApi, watchProblems } from './browser-session.js';
import { signInStaff } from './staff-pages.js';

const persian = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const ctx = {} as { app: StandaloneApp['app'] };
let shell: StandaloneApp;

// Tir 1400 (22 June to 22 July 2021) belongs to this file alone: 230 registrations, more than a page of 200.
const FIRST = Date.parse('2021-06-22T06:00:00Z');
beforeAll(async () => {
  shell = await standaloneApp();
  ctx.app = shell.app;
  const db = shell.app.db;
  await db('registrations')
    .where('created_at', '>=', new Date('2021-06-21T00:00:00Z'))
    .where('created_at', '<', new Date('2021-07-23T00:00:00Z'))
    .delete();
  for (let i = 0; i < 230; i += 10)
    await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        insertRegistration(db, { created_at: new Date(FIRST + (i + k) * 3 * 3_600_000), status: 'expired' }),
      ),
    );
});
const session = useBrowserOnApi(ctx);
afterAll(() => shell?.app.close());

describe("the reports page: a figure's registrations, a page at a time", () => {
  it('given 230 registrations behind a figure, then 200 on the first page, the other 30 on the next, and back', async () => {
    const page = await session.browser.context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${session.baseUrl}/reports/`);
    await signInStaff(page, await addStaff(shell.app.db, 'supervisor'), 'ورود ناظران');
    await page.locator('table.figures tfoot').waitFor();
    await page.locator('#from').fill('1400/04/01');
    await page.locator('#to').fill('1400/04/31');
    await page.locator('#bucket').selectOption('month');
    await page.locator('#report-button').click();
    const started = page.locator('table.figures tfoot td').nth(0);
    await started.getByText(persian('230')).waitFor();
    await started.getByRole('button').click();

    const pager = page.getByRole('navigation', { name: 'صفحه‌های فهرست' });
    const rows = page.locator('#instances-list tbody tr');
    await pager.getByText(`صفحه ${persian('1')} از ${persian('2')}`).waitFor();
    expect(await page.locator('#instances-title').textContent()).toContain(persian('230'));
    expect(await rows.count()).toBe(200);
    expect(await pager.getByRole('button', { name: 'صفحه قبل' }).isDisabled()).toBe(true);

    await pager.getByRole('button', { name: 'صفحه بعد' }).click();
    await pager.getByText(`صفحه ${persian('2')} از ${persian('2')}`).waitFor();
    expect(await rows.count()).toBe(30);
    expect(await pager.getByRole('button', { name: 'صفحه بعد' }).isDisabled()).toBe(true);
    // The list is read again from its title, which takes the focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('instances-title');
    await checkPage(page, '20-reports-instances-page-2');

    await pager.getByRole('button', { name: 'صفحه قبل' }).click();
    await pager.getByText(`صفحه ${persian('1')} از ${persian('2')}`).waitFor();
    expect(await rows.count()).toBe(200);
    expect(problems).toEqual([]);
    await page.close();
  });
});
