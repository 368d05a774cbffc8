import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROCESS_ID, USER_TASKS } from '../../adapters/engine/process-model.js';
import { renderLetterTemplate } from '../../api/letter/letter-template.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { addStaff } from '../../ops/fixtures/staff.js';
import { useBrowserOnApi } from './browser-session.js';
import { heading } from './form-helpers.js';
import { signInStaff } from './staff-pages.js';

const ctx = useApiOnStack();
const session = useBrowserOnApi(ctx, { desktop: true });

/**
 * A page that records every CSP violation the browser reports: the `securitypolicyviolation` event in
 * each document it loads (blob documents included), and the console's "Refused to …" lines.
 */
async function watchedPage() {
  const page = await session.browser.context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  await page.exposeFunction('__reportCsp', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      ),
    ),
  );
  return { page, violations };
}

/** Lets the page settle: its scripts run, its styles apply, its fonts load. */
const settle = async (page: Page) => {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
};

describe('the pages under their Content-Security-Policy (no inline styles but the letter template’s, by hash)', () => {
  it.each([
    ['the registration form', '/'],
    ['the account login', '/login/'],
    ["the reviewers' sign-in", '/review/'],
    ["the supervisors' reports sign-in", '/reports/'],
    ["the process owners' sign-in", '/modeler/'],
    ["the registration office's sign-in", '/ra/'],
    ["the applicant's certificate-request status", '/status/'],
  ])('given %s, when it loads, then the browser reports no CSP violation', async (_name, url) => {
    const { page, violations } = await watchedPage();
    await page.goto(`${session.baseUrl}${url}`);
    await settle(page);
    expect(violations).toEqual([]);
    await page.close();
  });

  it("given Swagger UI, when it loads, then the one exception holds: its bundle's own inserted stylesheet, and no other violation", async () => {
    const { page, violations } = await watchedPage();
    const res = await page.goto(`${session.baseUrl}/docs/`);
    await settle(page);
    expect(res!.headers()['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(violations).toEqual([]);
    await page.close();
  });

  it('given the letter template opened from the form as a blob (under the form’s policy), then its stylesheet applies and nothing is refused', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${session.baseUrl}/`);
    await settle(page);
    const html = renderLetterTemplate({ registrationId: '', data: null });
    await page.evaluate((h) => {
      location.href = URL.createObjectURL(new Blob([h], { type: 'text/html' }));
    }, html);
    await page.waitForURL(/^blob:/);
    await settle(page);
    // The template's stylesheet applied: the sheet is drawn as a sheet of paper with its shadow, not as bare text.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main.sheet')!).boxShadow)).not.toBe(
      'none',
    );
    expect(violations).toEqual([]);
    await page.close();
  });

  it("given the supervisors' report with its charts drawn, then the legend keeps its colours and nothing is refused", async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${session.baseUrl}/reports/`);
    await signInStaff(page, await addStaff(ctx.stack.db, 'supervisor'), 'ورود ناظران');
    await page.locator('table.figures tfoot').waitFor();
    await page.locator('ul.legend li span').first().waitFor();
    await settle(page);
    const swatches = await page.$$eval('ul.legend li span', (els) =>
      els.map((e) => getComputedStyle(e).backgroundColor),
    );
    expect(swatches.length).toBeGreaterThan(1);
    expect(swatches.filter((c) => c === 'rgba(0, 0, 0, 0)')).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('given the modeler with a version open in bpmn-js and its properties panel, then its one exception (style attributes, which the editor sets) holds and nothing else is refused', async () => {
    const { page, violations } = await watchedPage();
    const owner = await addStaff(ctx.stack.db, 'process-owner');
    const res = await page.goto(`${session.baseUrl}/modeler/`);
    expect(res!.headers()['content-security-policy']).toContain("style-src-attr 'unsafe-inline'");
    expect(res!.headers()['content-security-policy']).not.toMatch(/style-src [^;]*unsafe-inline/);
    await signInStaff(page, owner, 'ورود مالکان فرایند');
    await heading(page, 'نسخه‌های مستقرشده');
    const [newest] = await ctx.stack.engine.versions([PROCESS_ID]);
    await page.locator(`tr[data-definition="${newest!.id}"] a.edit`).click();
    await page
      .locator(`#canvas [data-element-id="${USER_TASKS.applicantData}"] .djs-hit`)
      .first()
      .click({ force: true });
    // The panel's groups start folded: open the general one, as an owner would, so its fields render too.
    await page.locator('#properties [data-group-id="group-general"] .bio-properties-panel-group-header').click();
    await page.locator('#bio-properties-panel-id').waitFor();
    await settle(page);
    expect(violations).toEqual([]);
    await page.close();
  });
});
