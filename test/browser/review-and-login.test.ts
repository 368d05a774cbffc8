import { randomInt } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PASSWORD } from '../support/applicant.js';
import { newApplicant } from '../../ops/fixtures/applicants.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { reviewJourney } from '../support/review-journey.js';
import { addStaff } from '../../ops/fixtures/staff.js';
import { staffToken } from '../support/staff.js';
import { checkPage, layoutFacts, useBrowserOnApi, watchProblems } from './browser-session.js';
import { heading, persian, textOf } from './form-helpers.js';
import { registerThroughForm } from './register-through-form.js';
import { accountAttempt, alertText, signInStaff, snapLoadedAt } from './staff-pages.js';

// Three failures lock a name, so the page's lock message can be seen without thirty tries.
const ctx = useApiOnStack({}, { LOGIN_FAILURE_FACTOR: 3, LOGIN_QUICK_CHECK_MS: 0 });
const session = useBrowserOnApi(ctx);

// The 4xx answers the journey causes on purpose: a wrong password, the lock after three, and the reviewer on the reports page.
const expected = (status: number, url: string) =>
  ((status === 401 || status === 429) && url.endsWith('/api/auth/login')) ||
  (status === 403 && url.includes('/api/reports/'));

describe('review, account login and figures in a browser', () => {
  it('a registration made through the form is approved on /review/, the applicant logs in on /login with the SMS username, and /reports/ counts it', async () => {
    const journey = reviewJourney(ctx.stack, ctx.app);
    // A full first page of older requests (50) ahead of the one made through the form, which is then on page 2.
    const older = await journey.waitingInBulk(50);
    onTestFinished(older.end);
    const supervisorName = await addStaff(ctx.stack.db, 'supervisor');
    const before = await journey.reportTotal(await staffToken(ctx.app, ctx.stack.db, 'supervisor'), 'jalali');
    const person = newApplicant({ agencyName: `اداره کل آزمون ${persian(String(randomInt(100, 999)))}` });
    const page = session.browser.context.pages()[0] ?? (await session.browser.context.newPage());
    const problems = watchProblems(page, expected);

    // Given a request made through the applicant's form, waiting for review.
    const id = await registerThroughForm(page, ctx.stack, session.baseUrl, person);

    // When a reviewer signs in, opens it from the queue and approves it.
    await page.goto(`${session.baseUrl}/review/`);
    await checkPage(page, '10-review-login');
    await signInStaff(page, await addStaff(ctx.stack.db, 'reviewer'), 'ورود کارشناسان');
    await heading(page, 'درخواست‌های در انتظار بررسی');
    // The oldest fifty first, with the whole queue's count and the page controls; the newest request is not among them.
    expect(await textOf(page, '#queue-summary')).toBe('۵۱ درخواست در انتظار بررسی · درخواست‌های ۱ تا ۵۰');
    expect(await page.locator('#queue-list > li').count()).toBe(50);
    expect(await page.getByRole('link', { name: `بررسی درخواست ${person.agencyName}` }).count()).toBe(0);
    const pages = page.getByRole('navigation', { name: 'صفحه‌های فهرست درخواست‌ها' });
    expect(await pages.getByRole('link').allTextContents()).toEqual(['۱', '۲', 'صفحه بعد ←']);
    expect(await pages.locator('[aria-current="page"]').textContent()).toBe('۱');
    expect(await layoutFacts(page)).toEqual({ dir: 'rtl', vazirmatnLoaded: true, overflows: false });
    await checkPage(page, '11-review-queue');
    // The next page from the keyboard: the newest request, alone on page 2.
    await pages.getByRole('link', { name: 'صفحه بعد، صفحه ۲' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#queue-summary', { hasText: 'درخواست ۵۱' }).waitFor();
    expect(page.url()).toMatch(/#page-2$/);
    expect(await textOf(page, '#queue-summary')).toBe('۵۱ درخواست در انتظار بررسی · درخواست ۵۱');
    expect(await pages.getByRole('link').allTextContents()).toEqual(['→ صفحه قبل', '۱', '۲']);
    await checkPage(page, '11-review-queue-page-2');
    await page.getByRole('link', { name: `بررسی درخواست ${person.agencyName}` }).click();
    await heading(page, person.agencyName);
    await page.getByRole('link', { name: 'باز کردن نامه در پنجره جدید' }).waitFor();
    expect(await page.locator('#inquiry-data').textContent()).toMatch(/ثبت احوال✓ مطابقت دارد.*شاهکار.*✓ مطابقت دارد/s);
    expect(await page.locator('#rep-data').textContent()).toContain(persian(person.nationalCode));
    // On a desktop the letter is shown in a frame beside the data; a phone's browser gets a link that opens it whole.
    await snapLoadedAt(page, '12-review-request', async () => {
      await page.getByRole('link', { name: 'باز کردن نامه در پنجره جدید' }).waitFor();
      if (page.viewportSize()!.width > 640) {
        await page.locator('iframe.letter-frame').waitFor();
        await page.waitForTimeout(1500); // the PDF viewer draws the page
      }
    });
    expect(await layoutFacts(page)).toMatchObject({ overflows: false });
    await page.getByLabel('تأیید درخواست و ساخت حساب دستگاه').check();
    await page.getByRole('button', { name: 'ثبت تصمیم' }).click();
    // Back to the queue, whose page 2 is gone with the decision: its last page, page 1, in its place.
    await heading(page, 'درخواست‌های در انتظار بررسی');
    expect(await page.getByRole('status').first().textContent()).toContain('درخواست تأیید شد');
    expect(await textOf(page, '#queue-summary')).toBe('۵۰ درخواست در انتظار بررسی · درخواست‌های ۱ تا ۵۰');
    expect(await pages.isHidden()).toBe(true);
    await checkPage(page, '13-review-decided');

    // Then the applicant gets the username by SMS and signs in with it on /login (after one wrong password).
    await ctx.stack.eventually(
      () => ctx.stack.view(id),
      (v) => v.step === 'registered',
    );
    const username = await journey.usernameFromSms(person.mobile);
    await page.goto(`${session.baseUrl}/login`);
    await heading(page, 'ورود به حساب دستگاه');
    await checkPage(page, '14-login');
    let captcha = await accountAttempt(page, session.baseUrl, username, 'not what was chosen');
    expect(await alertText(page)).toBe('نام کاربری یا رمز عبور درست نیست.');
    await checkPage(page, '15-login-wrong');
    await accountAttempt(page, session.baseUrl, username, PASSWORD, captcha);
    await heading(page, 'وارد شدید');
    expect(await textOf(page, '#me')).toContain(username);
    expect(await textOf(page, '#me')).toContain(person.agencyName);
    expect(await layoutFacts(page)).toEqual({ dir: 'rtl', vazirmatnLoaded: true, overflows: false });
    await checkPage(page, '16-login-me');

    // A name that keeps failing is locked, and the page says for how long.
    await page.getByRole('button', { name: 'خروج' }).click();
    await heading(page, 'ورود به حساب دستگاه');
    captcha = '';
    for (let i = 0; i < 4; i++)
      captcha = await accountAttempt(page, session.baseUrl, 'nobody.0000', `wrong ${i}`, captcha || undefined);
    expect(await alertText(page)).toMatch(/موقتاً قفل شده است.*زمان انتظار: حدود ۱ دقیقه/);
    await checkPage(page, '17-login-locked');

    // And the supervisor's page counts the registration: one more started and one more successful.
    // The reviewer's session is still in the tab: the page says it is not theirs and asks for a supervisor.
    await page.goto(`${session.baseUrl}/reports/`);
    expect(await alertText(page)).toBe('شما اجازه دسترسی به این بخش را ندارید.');
    await signInStaff(page, supervisorName, 'ورود ناظران');
    await page.locator('table.figures tfoot').waitFor();
    const total = page.locator('table.figures tfoot td');
    expect(await total.nth(0).textContent()).toBe(persian(String(before.started + 1)));
    expect(await total.nth(1).textContent()).toBe(persian(String(before.successful + 1)));
    expect(await layoutFacts(page)).toEqual({ dir: 'rtl', vazirmatnLoaded: true, overflows: false });
    await checkPage(page, '18-reports');
    await total.nth(1).getByRole('button').click();
    await page.locator('#instances-list').getByText(id).waitFor();
    await checkPage(page, '19-reports-instances');
    expect(problems.join('\n')).toBe('');
  }, 180_000);
});
