import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApiOnStack } from '../support/lifecycle.js';
import { checkPage, useBrowserOnApi, watchProblems } from './browser-session.js';
import { heading, persian, textOf } from './form-helpers.js';

// One start per address without a captcha: the browser's second start is past the limit.
const ctx = useApiOnStack({}, { RATE_LIMIT_START_MAX: 1 });
const session = useBrowserOnApi(ctx);

const stored = (page: Page) => page.evaluate(() => localStorage.getItem('payam.registration'));

/** The captcha the start step shows now (a new one, if `previous` is given) and its answer, through the test hook. */
async function startCaptcha(page: Page, previous?: string) {
  await page.waitForFunction((prev) => {
    const id = document.querySelector<HTMLImageElement>('#start-captcha-image')?.dataset.captchaId;
    return id && id !== prev;
  }, previous);
  const id = (await page.locator('#start-captcha-image').getAttribute('data-captcha-id'))!;
  const { answer } = (await (await fetch(`${session.baseUrl}/__test/captcha/${id}`)).json()) as { answer: string };
  return { id, answer };
}

describe('the form: leaving a request, and a captcha to start past the limit', () => {
  it('leaves with the button (the token ends and the browser forgets it), then starts again past the limit by answering a captcha, in Persian', async () => {
    const page = session.browser.context.pages()[0] ?? (await session.browser.context.newPage());
    // The answers this journey expects: the captcha asked for (429) and the wrong answer (422), both on start.
    const problems = watchProblems(
      page,
      (status, url) => url.endsWith('/api/registrations') && (status === 429 || status === 422),
    );
    await page.goto(`${session.baseUrl}/`);
    await heading(page, 'ثبت‌نام دستگاه اجرایی');
    expect(await page.getByRole('button', { name: 'خروج از این درخواست' }).isVisible()).toBe(false);

    // Started: the way out is on the page.
    await page.getByRole('button', { name: 'شروع ثبت‌نام' }).click();
    await heading(page, 'اطلاعات درخواست');
    const { id, token } = JSON.parse((await stored(page))!) as { id: string; token: string };
    const leaveButton = page.getByRole('button', { name: 'خروج از این درخواست' });
    expect(await leaveButton.isVisible()).toBe(true);
    await checkPage(page, '19-leave-button');

    // Leaving a request still being filled in is confirmed first; declined, nothing happens.
    page.once('dialog', (d) => void d.dismiss());
    await leaveButton.click();
    expect(await stored(page)).not.toBeNull();
    page.once('dialog', (d) => {
      expect(d.message()).toContain('دیگر نمی‌توانید');
      void d.accept();
    });
    await leaveButton.click();
    await heading(page, 'ثبت‌نام دستگاه اجرایی');
    await page.getByText('از درخواست خارج شدید').waitFor();
    await checkPage(page, '20-left');
    expect(await stored(page)).toBeNull();
    const after = await fetch(`${session.baseUrl}/api/registrations/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);

    // Past the limit: the captcha appears with the reason; a wrong answer is marked at the field with a new image.
    await page.getByRole('button', { name: 'شروع ثبت‌نام' }).click();
    const first = await startCaptcha(page);
    expect(await textOf(page, '#notices')).toContain('کد امنیتی');
    await checkPage(page, '21-start-captcha');
    await page
      .getByLabel('کد امنیتی برای شروع ثبت‌نام', { exact: true })
      .fill(first.answer === '11111' ? '22222' : '11111');
    await page.getByRole('button', { name: 'شروع ثبت‌نام' }).click();
    const second = await startCaptcha(page, first.id);
    await page.locator('#start-captcha-error:not(:empty)').waitFor();
    expect(await textOf(page, '#start-captcha-error')).toContain('کد امنیتی درست وارد نشده است');
    expect(await page.getByLabel('کد امنیتی برای شروع ثبت‌نام', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );

    // The right answer, in Persian digits, with Enter: the request starts.
    await page.getByLabel('کد امنیتی برای شروع ثبت‌نام', { exact: true }).fill(persian(second.answer));
    await page.getByLabel('کد امنیتی برای شروع ثبت‌نام', { exact: true }).press('Enter');
    await heading(page, 'اطلاعات درخواست');
    expect(JSON.parse((await stored(page))!).id).not.toBe(id);
    expect(problems).toEqual([]);
  });
});
