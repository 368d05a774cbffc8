import type { Page } from 'playwright-core';
import { PASSWORD } from '../support/applicant.js';
import type { EngineStack } from '../support/engine-stack.js';
import type { newApplicant } from '../../ops/fixtures/applicants.js';
import { captchaAnswer, fillApplicantForm, heading } from './form-helpers.js';
import { onePagePdf } from './letter-pdf.js';

/** Card steps 1–9 through the applicant's form, the straight way, up to "waiting for review"; the tracking id it shows. */
export async function registerThroughForm(
  page: Page,
  stack: EngineStack,
  baseUrl: string,
  person: ReturnType<typeof newApplicant>,
) {
  await stack.sim.addPerson(person);
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: 'شروع ثبت‌نام' }).click();
  await heading(page, 'اطلاعات درخواست');
  await fillApplicantForm(page, person);
  await page.getByRole('button', { name: 'ذخیره اطلاعات' }).click();
  await page.getByText('اطلاعات ذخیره شد.').waitFor();
  const letter = onePagePdf([
    'Introduction letter (test)',
    `Agency national id: ${person.agencyNationalId}`,
    'Signed and stamped',
  ]);
  await page.setInputFiles('#letter', { name: 'letter.pdf', mimeType: 'application/pdf', buffer: letter });
  await page.getByText('نامه بارگذاری شد', { exact: false }).waitFor();
  await page.getByLabel('رمز عبور دلخواه').fill(PASSWORD);
  await page.getByLabel('کد امنیتی', { exact: true }).fill((await captchaAnswer(page, baseUrl)).answer);
  await page.getByRole('button', { name: 'ثبت درخواست' }).click();
  await heading(page, 'کد تأیید');
  const sms = await stack.eventually(
    () => stack.sim.smsTo(person.mobile),
    (m) => m.length >= 1,
  );
  await page.getByLabel('کد تأیید', { exact: true }).fill(/\d{6}/.exec(sms.at(-1)!.text)![0]);
  await page.getByRole('button', { name: 'تأیید کد' }).click();
  await heading(page, 'درخواست شما ثبت شد');
  return (await page.locator('[data-tracking]').first().textContent())!;
}
