import type { Page } from 'playwright-core';
import { STAFF_PASSWORD } from '../../ops/fixtures/staff.js';
import { ARTIFACTS, DESKTOP, expectAccessible, PHONE } from './browser-session.js';
import { captchaAnswer, heading } from './form-helpers.js';

/** Signs in on the reviewer or supervisor page, by the visible labels. */
export async function signInStaff(page: Page, username: string, title: string) {
  await heading(page, title);
  await page.getByLabel('نام کاربری', { exact: true }).fill(username);
  await page.getByLabel('رمز عبور', { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
}

/** One attempt on /login with the captcha read off the image (through the test hook); returns the captcha's id. */
export async function accountAttempt(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
  previousCaptcha?: string,
) {
  const captcha = await captchaAnswer(page, baseUrl, previousCaptcha);
  await page.getByLabel('نام کاربری', { exact: true }).fill(username);
  await page.getByLabel('رمز عبور', { exact: true }).fill(password);
  await page.getByLabel('کد امنیتی', { exact: true }).fill(captcha.answer);
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
  return captcha.id;
}

/** The text of the page's alert once it says something. */
export async function alertText(page: Page) {
  const alert = page.getByRole('alert');
  await alert.first().waitFor();
  return (await alert.first().textContent())?.trim() ?? '';
}

/**
 * axe and screenshots after loading the page at each size, for pages whose content is laid out once
 * at load (the PDF viewer fits the letter to the frame it opened in); `ready` waits for that content.
 */
export async function snapLoadedAt(page: Page, name: string, ready: () => Promise<void>) {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.reload();
    await ready();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await expectAccessible(page, name);
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${size}.png`, fullPage: true, animations: 'disabled' });
  }
}
