import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/applicant.js';
import { letterPdf, newApplicant } from '../../ops/fixtures/applicants.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { checkPage, useBrowserOnApi, watchProblems } from './browser-session.js';
import { captchaAnswer, fillApplicantForm, heading, persian, textOf } from './form-helpers.js';
import { focusStop, tabTo, unseen, type FocusStop } from './keyboard.js';

// A real cool-down before a new code, so the countdown runs while the test listens to it.
const ctx = useApiOnStack({ OTP_RESEND_COOLDOWN_SECONDS: '60' }, { OTP_RESEND_COOLDOWN_SECONDS: 60 });
const session = useBrowserOnApi(ctx);

/** A tab on the form with nothing of an earlier test's request (the tabs share one browser's storage). */
const newPage = async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.baseUrl}/`);
  await page.evaluate(() => localStorage.clear());
  return { page, problems: watchProblems(page, (status, url) => status === 422 && url.endsWith('/applicant')) };
};

async function knownPerson() {
  const person = newApplicant();
  await ctx.stack.sim.addPerson(person);
  return person;
}

/** Picks an option of the focused list as a keyboard does, with the arrow keys (Tab and Enter leave a list unchanged). */
async function choose(page: Page, value: string) {
  const steps = await page.evaluate((v) => {
    const list = document.activeElement as HTMLSelectElement;
    return [...list.options].findIndex((o) => o.value === v) - list.selectedIndex;
  }, value);
  for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowDown');
}

const activeIs = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/**
 * Space on the focused file control opens the file chooser. Chromium now and then drops a chooser asked for while
 * the page is still busy after the save above. A person would press Space again, so the test does too, with the
 * focus still on the control, and fails if three presses open nothing.
 */
async function spaceOpensChooser(page: Page) {
  for (let press = 0; press < 3; press += 1) {
    expect(await activeIs(page, '#letter')).toBe(true);
    const opened = page.waitForEvent('filechooser', { timeout: 10_000 }).catch(() => undefined);
    await page.keyboard.press('Space');
    const chooser = await opened;
    if (chooser) return chooser;
  }
  throw new Error('Space on the letter control opened no file chooser in three presses');
}

describe('accessibility of the registration form', () => {
  it('registers with the keyboard alone (Tab, Shift+Tab, Enter, Space; arrows in the date lists), focus always visible, in RTL reading order, passing the captcha by ear', async () => {
    const person = await knownPerson();
    const [year, month, day] = person.birthDate.split('/').map(Number);
    const { page, problems } = await newPage();
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.baseUrl });
    const stops: FocusStop[] = [];
    const tab = async (target: string, back = false) => stops.push(...(await tabTo(page, target, { back })));

    // The first Tab reaches the skip link; Enter takes the focus to the form, whose start button is next.
    await page.goto(`${session.baseUrl}/`);
    await heading(page, 'ثبت‌نام دستگاه اجرایی');
    await tab('رفتن به فرم');
    await page.keyboard.press('Enter');
    await tab('start-button');
    await page.keyboard.press('Enter');
    await heading(page, 'اطلاعات درخواست');

    // Step 3 in reading order (right to left, then down), typed field by field; the national code mistyped.
    const typed: [string, string][] = [
      ['firstName', person.firstName],
      ['lastName', person.lastName],
      ['fatherName', person.fatherName],
      ['nationalCode', '۱۲۳۴۵۶۷۸۹۰'],
      ['birthCertificateNumber', persian(person.birthCertificateNumber)],
      ['birthDate-year', String(year)],
      ['birthDate-month', String(month)],
      ['birthDate-day', String(day)],
      ['mobile', persian(person.mobile)],
      ['email', person.email],
      ['representativePosition', person.representativePosition],
      ['agencyName', person.agencyName],
      ['agencyNationalId', persian(person.agencyNationalId)],
    ];
    await tab('firstName');
    for (const [i, [id, value]] of typed.entries()) {
      const stop = await focusStop(page);
      expect(stop.id, `field ${i + 1} in reading order`).toBe(id);
      stops.push(stop);
      if (stop.tag === 'select') await choose(page, value);
      else await page.keyboard.type(value);
      if (i < typed.length - 1) await page.keyboard.press('Tab');
    }
    expect(await page.locator('#birthDate-day').inputValue()).toBe(String(day));
    await page.keyboard.press('Enter');

    // The error summary takes the focus and links to the field; Enter on the link puts the focus in it.
    await page.locator('.error-summary').waitFor();
    expect(await activeIs(page, '.error-summary')).toBe(true);
    expect(await textOf(page, '.error-summary')).toContain('کد ملی');
    await checkPage(page, 'a11y-01-error-summary');
    await page.locator('.error-summary').focus();
    await page.keyboard.press('Tab');
    expect(await activeIs(page, '.error-summary a[href="#nationalCode"]')).toBe(true);
    await page.keyboard.press('Enter');
    expect(await activeIs(page, '#nationalCode')).toBe(true);
    // Out and back in with Shift+Tab and Tab selects what was typed, and typing replaces it.
    await tab('fatherName', true);
    await tab('nationalCode');
    await page.keyboard.type(persian(person.nationalCode));
    await page.keyboard.press('Enter');
    await page.getByText('اطلاعات ذخیره شد.').waitFor();
    expect(await page.locator('.error-summary').count()).toBe(0);

    // The letter: Space on the file control opens the chooser.
    await tab('letter');
    const chooser = await spaceOpensChooser(page);
    await chooser.setFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: letterPdf });
    await page.getByText('نامه بارگذاری شد', { exact: false }).waitFor();

    // Password, shown and hidden again with Space.
    await tab('password');
    await page.keyboard.type(PASSWORD);
    await tab('show-password');
    await page.keyboard.press('Space');
    expect(await page.locator('#password').getAttribute('type')).toBe('text');
    await page.keyboard.press('Space');

    // The captcha by ear: Enter on "listen" fetches the audio of this very captcha and plays it.
    await tab('captcha-listen');
    const [audio] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/audio')),
      page.keyboard.press('Enter'),
    ]);
    const { id: captchaId, answer } = await captchaAnswer(page, session.baseUrl);
    expect(audio.url()).toBe(`${session.baseUrl}/api/captcha/${captchaId}/audio`);
    expect(audio.headers()['content-type']).toBe('audio/wav');
    // The browser decoded it: a WAV of several seconds, in a player that can replay it.
    await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('#captcha-audio')?.duration ?? 0) > 4);
    expect(await page.locator('#captcha-audio').isVisible()).toBe(true);
    expect(await page.locator('#captcha-listen').textContent()).toBe('پخش دوباره');
    await checkPage(page, 'a11y-02-captcha-audio');
    await tab('captcha');
    await page.keyboard.type(persian(answer));
    await page.keyboard.press('Enter');

    // Step 9-2: the code; the countdown is on screen every second, for a screen reader once.
    await heading(page, 'کد تأیید');
    await page.locator('#otp-countdown-live:not(:empty)').waitFor({ state: 'attached' });
    const live = await textOf(page, '#otp-countdown-live');
    expect(live).toMatch(/ثانیه دیگر ممکن می‌شود/);
    expect(await page.locator('#otp-countdown').getAttribute('aria-hidden')).toBe('true');
    await page.waitForTimeout(2100);
    expect(await textOf(page, '#otp-countdown-live')).toBe(live);
    const sms = await ctx.stack.eventually(
      () => ctx.stack.sim.smsTo(person.mobile),
      (m) => m.length >= 1,
    );
    await tab('code');
    await page.keyboard.type(persian(/\d{6}/.exec(sms.at(-1)!.text)![0]));
    await page.keyboard.press('Enter');

    // Waiting for review: the tracking id, copied with Space.
    await heading(page, 'درخواست شما ثبت شد');
    await tab('کپی شناسه پیگیری');
    await page.keyboard.press('Space');
    await page.getByText('شناسه پیگیری کپی شد.').waitFor();
    const tracking = await textOf(page, '#step-under-review [data-tracking]');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tracking);
    expect((await ctx.stack.view(tracking)).step).toBe('under-review');

    expect(unseen(stops)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('the code step with a wrong code, and the outcomes (registered, rejected), pass axe', async () => {
    const open = async (id: string, token: string) => {
      const { page } = await newPage();
      await page.evaluate((v) => localStorage.setItem('payam.registration', JSON.stringify(v)), { id, token });
      await page.reload();
      return page;
    };
    // 9-2 with a wrong code: the error under the field and in the summary, which takes the focus.
    const atCode = await ctx.applicant.begin();
    await ctx.applicant.submit(atCode.id);
    await ctx.applicant.step(atCode.id, 'otp');
    let page = await open(atCode.id, atCode.token);
    await heading(page, 'کد تأیید');
    await page.getByLabel('کد تأیید', { exact: true }).fill('۰۰۰۰۰۰');
    await page.getByRole('button', { name: 'تأیید کد' }).click();
    await page.locator('#code-error:not(:empty)').waitFor();
    await checkPage(page, 'a11y-04-otp-wrong');
    await page.close();

    for (const [decision, title] of [
      [{ decision: 'approve' }, 'ثبت‌نام دستگاه انجام شد'],
      [{ decision: 'reject', rejectionReason: 'letter_unsigned' }, 'درخواست تأیید نشد'],
    ] as const) {
      const r = await ctx.applicant.untilReview();
      await ctx.applicant.decide(r.id, decision);
      await ctx.stack.eventually(
        () => ctx.stack.view(r.id),
        (v) => v.step !== 'under-review',
      );
      page = await open(r.id, r.token);
      await heading(page, title);
      await checkPage(page, `a11y-05-${decision.decision}`);
      await page.close();
    }
  }, 120_000);

  it('the account login offers the same audio: Enter on "listen" plays this captcha, and a second listen replays it without asking the server', async () => {
    const { page } = await newPage();
    const audioRequests: string[] = [];
    page.on('request', (r) => r.url().endsWith('/audio') && audioRequests.push(r.url()));
    await page.goto(`${session.baseUrl}/login`);
    await heading(page, 'ورود به حساب دستگاه');
    const { id } = await captchaAnswer(page, session.baseUrl);
    await tabTo(page, 'captcha-listen');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('#captcha-audio')?.duration ?? 0) > 4);
    await page.keyboard.press('Enter');
    expect(await page.locator('#captcha-listen').textContent()).toBe('پخش دوباره');
    expect(audioRequests).toEqual([`${session.baseUrl}/api/captcha/${id}/audio`]);
    await checkPage(page, 'a11y-06-login-audio');
    await page.close();
  });

  it('labels every field, and numbers get a numeric keyboard and the right autocomplete', async () => {
    const { page } = await newPage();
    await page.goto(`${session.baseUrl}/`);
    await page.getByRole('button', { name: 'شروع ثبت‌نام' }).click();
    await heading(page, 'اطلاعات درخواست');
    const attrs = (id: string) =>
      page.locator(`#${id}`).evaluate((el) => [el.getAttribute('inputmode'), el.getAttribute('autocomplete')]);
    for (const id of ['nationalCode', 'birthCertificateNumber', 'agencyNationalId', 'captcha'])
      expect((await attrs(id))[0], id).toBe('numeric');
    expect(await attrs('mobile')).toEqual(['numeric', 'tel']);
    expect(await attrs('code')).toEqual(['numeric', 'one-time-code']);
    expect(await attrs('password')).toEqual([null, 'new-password']);
    expect(await attrs('firstName')).toEqual([null, 'given-name']);
    await page.close();
  });

  it('when the network drops while submitting, says so in Persian beside the button, keeps everything typed, and the same click works once back', async () => {
    const person = await knownPerson();
    const { page, problems } = await newPage();
    await page.goto(`${session.baseUrl}/`);
    await page.getByRole('button', { name: 'شروع ثبت‌نام' }).click();
    await heading(page, 'اطلاعات درخواست');
    await fillApplicantForm(page, person);
    await page.getByRole('button', { name: 'ذخیره اطلاعات' }).click();
    await page.getByText('اطلاعات ذخیره شد.').waitFor();
    await page.setInputFiles('#letter', { name: 'letter.pdf', mimeType: 'application/pdf', buffer: letterPdf });
    await page.getByText('نامه بارگذاری شد', { exact: false }).waitFor();
    await page.getByLabel('رمز عبور دلخواه').fill(PASSWORD);
    const captcha = await captchaAnswer(page, session.baseUrl);
    await page.getByLabel('کد امنیتی', { exact: true }).fill(captcha.answer);

    await session.browser.context.setOffline(true);
    await page.getByRole('button', { name: 'ثبت درخواست' }).click();
    await page.locator('#submit-offline:not([hidden])').waitFor();
    expect(await page.locator('#submit-offline').getAttribute('role')).toBe('alert');
    expect(await textOf(page, '#submit-offline')).toContain('ارتباط با سامانه برقرار نشد');
    expect(await page.getByLabel('رمز عبور دلخواه').inputValue()).toBe(PASSWORD);
    expect(await page.getByLabel('کد امنیتی', { exact: true }).inputValue()).toBe(captcha.answer);
    expect(await page.locator('#captcha-image').getAttribute('data-captcha-id')).toBe(captcha.id);
    expect(
      (
        await ctx.stack.view(
          (JSON.parse((await page.evaluate(() => localStorage.getItem('payam.registration')))!) as { id: string }).id,
        )
      ).step,
    ).toBe('applicant-data');
    await checkPage(page, 'a11y-03-submit-offline');

    await session.browser.context.setOffline(false);
    await page.getByRole('button', { name: 'ثبت درخواست' }).click();
    await heading(page, 'کد تأیید');
    expect(await page.locator('#submit-offline').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('first paint: the scripts weigh under 100 KB and every font swaps (text shows at once in the fallback)', async () => {
    const { page } = await newPage();
    await page.goto(`${session.baseUrl}/`, { waitUntil: 'networkidle' });
    await heading(page, 'ثبت‌نام دستگاه اجرایی');
    // What the page loaded, by kind, in bytes of body as served (the browser's resource timing).
    const bytes = await page.evaluate(() => {
      const out: Record<string, number> = {
        document: (performance.getEntriesByType('navigation')[0] as PerformanceResourceTiming).decodedBodySize,
      };
      for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        const kind = /\.js$/.test(e.name)
          ? 'script'
          : /\.css$/.test(e.name)
            ? 'stylesheet'
            : /\.woff2?$/.test(e.name)
              ? 'font'
              : 'other';
        out[kind] = (out[kind] ?? 0) + e.decodedBodySize;
      }
      return out;
    });
    const faces = await page.evaluate(() =>
      [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ''), display: f.display })),
    );
    console.log(`[first paint of /] bytes by type: ${JSON.stringify(bytes)}`);

    expect(bytes.script).toBeGreaterThan(0);
    expect(bytes.script).toBeLessThan(100 * 1024);
    expect(faces.length).toBeGreaterThan(0);
    expect(faces.filter((f) => f.display !== 'swap')).toEqual([]);
    await page.close();
  });
});
