import { api } from './api.js';
import { fa, faDateTime } from './digits.js';
import { $, whileBusy } from './dom.js';
import { clearFieldErrors, showError, showFieldErrors, showInfo } from './notices.js';

const form = () => $('#otp-form');
let timer;

/**
 * The resend button waits out the cool-down the server announced, counting down in Persian digits.
 * The count changes every second on screen only; a screen reader hears when the wait starts and when
 * it is over, not every second.
 */
function countDown(at) {
  clearInterval(timer);
  const button = $('#otp-resend');
  const live = $('#otp-countdown-live');
  let waiting = null;
  const tick = () => {
    const seconds = at ? Math.ceil((Date.parse(at) - Date.now()) / 1000) : 0;
    button.disabled = seconds > 0;
    $('#otp-countdown').textContent = seconds > 0 ? `(${fa(seconds)} ثانیه دیگر)` : '';
    if (seconds > 0 && waiting === null) live.textContent = `ارسال دوباره کد تا ${fa(seconds)} ثانیه دیگر ممکن می‌شود.`;
    if (seconds <= 0 && waiting) live.textContent = 'اکنون می‌توانید کد جدید بخواهید.';
    waiting = seconds > 0;
    if (seconds <= 0) clearInterval(timer);
  };
  tick();
  timer = setInterval(tick, 1000);
}

export function initOtp(ctx) {
  form().addEventListener('submit', (event) => {
    event.preventDefault();
    clearFieldErrors(form());
    whileBusy($('button[type=submit]', form()), async () => {
      try {
        ctx.render(await api.enterOtp($('#code').value.trim()));
      } catch (e) {
        showError(e);
        showFieldErrors(form(), e.error.fields);
      }
    });
  });
  $('#otp-resend').addEventListener('click', (e) =>
    whileBusy(e.currentTarget, async () => {
      try {
        ctx.render(await api.resendOtp());
        showInfo('کد تأیید جدید برایتان پیامک شد.');
      } catch (err) {
        showError(err);
        if (err.error.retryAt) countDown(err.error.retryAt);
      }
    }),
  );
}

/** Card step 9-2: where the code went, how many tries are left, and when a new one may be asked for. */
export function showOtp(view, fieldMessages) {
  const otp = view.otp ?? {};
  $('#otp-mobile').textContent = fa(otp.sentTo ?? '');
  const left = (otp.maxWrongAttempts ?? 0) - (otp.wrongAttempts ?? 0);
  $('#code-hint').textContent = [
    otp.expiresAt && `کد تا ${faDateTime(otp.expiresAt)} معتبر است.`,
    otp.wrongAttempts ? `${fa(left)} بار دیگر می‌توانید کد را وارد کنید.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const problems = fieldMessages.filter((m) => m.field === 'code');
  if (problems.length) {
    $('#code').value = '';
    showFieldErrors(form(), problems);
  }
  countDown(otp.resendAvailableAt);
}
