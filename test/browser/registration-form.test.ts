import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/applicant.js';
import { letterPdf, newApplicant } from '../../ops/fixtures/applicants.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { checkPage, layoutFacts, useBrowserOnApi, watchProblems } from './browser-session.js';
import { captchaAnswer, fillApplicantForm, heading, persian, textOf } from './form-helpers.js';

// A short wait on submit, so the form meets "verifying" and polls, as it does when the inquiries are slow.
const ctx = useApiOnStack({}, { SUBMIT_WAIT_MS: 300 });
const session = useBrowserOnApi(ctx);

describe('the registration form in a browser', () => {
  it('registers an agency from start to "waiting for review", in Persian, right to left, on a phone', async () => {
    const person = newApplicant();
    await ctx.stack.sim.addPerson(person);
    const page = session.browser.context.pages()[0] ?? (await session.browser.context.newPage());
    // The one 4xx the journey expects: the mistyped national code.
    const problems = watchProblems(page, (status, url) => status === 422 && url.endsWith('/applicant'));
    // Steps 1–2: the applicant opens the form and starts.
    await page.goto(`${session.baseUrl}/`);
    await heading(page, 'ثبت‌نام دستگاه اجرایی');
    await checkPage(page, '01-start');
    expect(await layoutFacts(page)).toEqual({ dir: 'rtl', vazirmatnLoaded: true, overflows: false });
    await page.getByRole('button', { name: 'شروع ثبت‌نام' }).click();
    await heading(page, 'اطلاعات درخواست');

    // Step 3, first with a mistyped national code: the error shows under that field.
    await fillApplicantForm(page, person, '۱۲۳۴۵۶۷۸۹۰');
    await page.getByRole('button', { name: 'ذخیره اطلاعات' }).click();
    await page.locator('#nationalCode-error:not(:empty)').waitFor();
    expect(await textOf(page, '#nationalCode-error')).toContain('کد ملی');
    expect(await page.getByLabel('کد ملی', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, '02-field-error');

    await page.getByLabel('کد ملی', { exact: true }).fill(persian(person.nationalCode));
    await page.getByRole('button', { name: 'ذخیره اطلاعات' }).click();
    await page.getByText('اطلاعات ذخیره شد.').waitFor();
    expect(await page.getByLabel('کد ملی', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await checkPage(page, '03-data-saved');

    // Step 3-1: the letter template opens prefilled, ready to print.
    const [letter] = await Promise.all([
      session.browser.context.waitForEvent('page'),
      page.getByRole('button', { name: 'دریافت پیش‌نویس نامه برای چاپ' }).click(),
    ]);
    await letter.waitForURL(/^blob:/);
    await letter.getByText(person.agencyName).first().waitFor();
    expect(await letter.textContent('body')).toContain(persian(person.nationalCode));
    expect((await layoutFacts(letter)).vazirmatnLoaded).toBe(true);
    await checkPage(letter, '04-letter-template');
    await letter.close();

    // Step 3-2: the signed letter is uploaded.
    await page.setInputFiles('#letter', { name: 'نامه معرفی.pdf', mimeType: 'application/pdf', buffer: letterPdf });
    await page.getByText('نامه بارگذاری شد', { exact: false }).waitFor();

    // Steps 4–6-1: password and a wrong captcha: back with the error at the captcha and a new image.
    await page.getByLabel('رمز عبور دلخواه').fill(PASSWORD);
    const first = await captchaAnswer(page, session.baseUrl);
    await page.getByLabel('کد امنیتی', { exact: true }).fill(first.answer === '11111' ? '22222' : '11111');
    await page.getByRole('button', { name: 'ثبت درخواست' }).click();
    const second = await captchaAnswer(page, session.baseUrl, first.id);
    await page.locator('#captcha-error:not(:empty)').waitFor();
    expect(await textOf(page, '#captcha-error')).toContain('کد امنیتی درست وارد نشده است');
    await checkPage(page, '05-captcha-invalid');

    // Steps 5–8: the right captcha, typed in Persian digits; the inquiries take a moment (two slow answers,
    // so "verifying" lasts a few seconds even when a busy machine makes the submit itself slow).
    await ctx.stack.sim.pgsbFault('civil-registry', 'timeout', 2);
    await page.getByLabel('کد امنیتی', { exact: true }).fill(persian(second.answer));
    await page.getByRole('button', { name: 'ثبت درخواست' }).click();
    await heading(page, 'در حال استعلام اطلاعات');
    await checkPage(page, '06-verifying');

    // Steps 9–9-2: the code from the SMS; a reload on the way resumes where the server is.
    await heading(page, 'کد تأیید');
    const sms = await ctx.stack.eventually(
      () => ctx.stack.sim.smsTo(person.mobile),
      (m) => m.length >= 1,
    );
    const code = /\d{6}/.exec(sms.at(-1)!.text)![0];
    await page.reload();
    await heading(page, 'کد تأیید');
    expect(await textOf(page, '#otp-mobile')).toBe(
      persian(`${person.mobile.slice(0, 4)}***${person.mobile.slice(-4)}`),
    );
    await checkPage(page, '07-otp');
    await page.getByLabel('کد تأیید', { exact: true }).fill(persian(code));
    await page.getByRole('button', { name: 'تأیید کد' }).click();

    // Step 10: the request waits for review.
    await heading(page, 'درخواست شما ثبت شد');
    expect(await page.locator('#step-under-review').textContent()).toContain('در دست بررسی');
    await checkPage(page, '08-under-review');
    expect(await layoutFacts(page)).toMatchObject({ dir: 'rtl', overflows: false });
    expect((await ctx.stack.view((await page.locator('[data-tracking]').first().textContent())!)).step).toBe(
      'under-review',
    );
    expect(problems.join('\n')).toBe('');
  }, 120_000);
});
