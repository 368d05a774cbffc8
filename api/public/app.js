import { api } from './js/api.js';
import { initApplicant, showApplicant } from './js/applicant-step.js';
import { $, $$, whileBusy } from './js/dom.js';
import { initLetter, showLetter } from './js/letter-step.js';
import { clearNotices, showError, showInfo, showNotices } from './js/notices.js';
import { initOtp, showOtp } from './js/otp-step.js';
import { initResults, showResult } from './js/result-steps.js';
import { session } from './js/session.js';
import { initStart } from './js/start-step.js';
import { initSubmit, showSubmit } from './js/submit-step.js';

const STEPS = ['start', 'applicant-data', 'verifying', 'otp', 'under-review', 'registered', 'rejected', 'expired'];
const PROGRESS = {
  'applicant-data': 0,
  verifying: 1,
  otp: 2,
  'under-review': 3,
  registered: 4,
  rejected: 4,
  expired: 4,
};
// The view is polled while the process works on its own: quickly during the inquiries, slowly during review.
const POLL_MS = { verifying: 1500, 'under-review': 30_000 };
// Leaving these loses the way back to a request still in the applicant's hands, so it is confirmed first.
const ASK_BEFORE_LEAVING = ['applicant-data', 'verifying', 'otp'];
const LEAVE_QUESTION =
  'پس از خروج، دیگر نمی‌توانید از این مرورگر به این درخواست برگردید؛ درخواست ناتمام با پایان مهلت بسته می‌شود. خارج می‌شوید؟';
const LEFT = 'از درخواست خارج شدید. این مرورگر دیگر چیزی از آن نگه نمی‌دارد.';
// A request the server no longer has (a restore from a backup taken before it began): said, not silently dropped.
const NOT_FOUND =
  'این درخواست در سامانه یافت نشد؛ لطفاً ثبت نام را از نو آغاز کنید. — This request was not found; please start the registration again.';
// Messages the form also shows under the field they concern.
const FIELD_OF = { captcha_invalid: 'captcha', captcha_expired: 'captcha', otp_invalid: 'code', otp_expired: 'code' };

let shown;
let poll;
let slow;

function showStep(step) {
  for (const s of STEPS) $(`#step-${s}`).hidden = s !== step;
  const progress = $('.progress');
  progress.hidden = step === 'start';
  $('#session-actions').hidden = step === 'start';
  $$('li', progress).forEach((li, i) => {
    li.classList.toggle('done', i < PROGRESS[step]);
    if (i === PROGRESS[step]) li.setAttribute('aria-current', 'step');
    else li.removeAttribute('aria-current');
  });
  // A new step starts at the top, its messages in view, and takes the focus so a screen reader announces it.
  if (shown && shown !== step) {
    window.scrollTo({ top: 0 });
    $(`#step-${step} h1`)?.focus({ preventScroll: true });
  }
  shown = step;
}

/** Shows what the server says the process needs now. The page holds no state of its own. */
function render(view) {
  clearTimeout(poll);
  clearTimeout(slow);
  const fieldMessages = view.messages.filter((m) => FIELD_OF[m.id]).map((m) => ({ ...m, field: FIELD_OF[m.id] }));
  showNotices(view.messages.filter((m) => m.type === 'error'));
  showStep(view.step);
  if (view.step === 'applicant-data') {
    showApplicant(view);
    showLetter(view);
    showSubmit(view, fieldMessages);
  } else if (view.step === 'otp') showOtp(view, fieldMessages);
  else if (view.step === 'verifying') {
    $('#verifying-slow').hidden = true;
    slow = setTimeout(() => ($('#verifying-slow').hidden = false), 30_000);
  } else showResult(view);
  // At 9-2 the code may still be on its way: asked again until it is sent, so the resend countdown can start.
  const pollMs = view.step === 'otp' && !view.otp?.resendAvailableAt ? 2000 : POLL_MS[view.step];
  if (pollMs) poll = setTimeout(refresh, pollMs);
}

async function refresh() {
  try {
    render(await api.view());
  } catch (e) {
    if (e.status === 404) {
      restart();
      return showInfo(NOT_FOUND);
    }
    if (e.status === 401) return restart();
    showError(e);
    poll = setTimeout(refresh, 5_000);
  }
}

function restart() {
  clearTimeout(poll);
  session.clear();
  clearNotices();
  showStep('start');
}

/** Ends the token on the server, then forgets it here; a token already ended (401) is forgotten all the same. */
async function leave() {
  clearTimeout(poll);
  try {
    await api.leave();
  } catch (e) {
    if (e.status !== 401 && e.status !== 404) {
      showError(e);
      poll = setTimeout(refresh, 5_000);
      return;
    }
  }
  restart();
  showInfo(LEFT);
}

const ctx = { render, restart, leave };
initStart(ctx);
initApplicant(ctx);
initLetter(ctx);
initSubmit(ctx);
initOtp(ctx);
initResults(ctx);
$('#leave-button').addEventListener('click', (e) => {
  if (ASK_BEFORE_LEAVING.includes(shown) && !window.confirm(LEAVE_QUESTION)) return;
  whileBusy(e.currentTarget, leave);
});

if (session.get()) refresh();
else showStep('start');
