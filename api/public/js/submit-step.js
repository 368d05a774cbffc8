import { api } from './api.js';
import { applicantDirty, saveApplicant } from './applicant-step.js';
import { $, whileBusy } from './dom.js';
import { clearFieldErrors, showError, showFieldErrors } from './notices.js';

const form = () => $('#submit-form');
// A challenge is single use: once a submit reached the process, the next attempt needs a new one.
let captchaId = null;

async function loadCaptcha() {
  $('#captcha').value = '';
  try {
    const captcha = await api.captcha();
    captchaId = captcha.id;
    $('#captcha-image').src = captcha.image;
    $('#captcha-image').dataset.captchaId = captcha.id;
  } catch (e) {
    showError(e);
  }
}

/** What a refused submit is missing, shown where the applicant fixes it. */
function showMissing(error) {
  if (error.missing?.includes('letter')) showFieldErrors($('#letter-form'), [{ field: 'letter', text: error.text }], { focus: false });
}

/** Card steps 4–5: saves unsaved details first, then sends password and captcha; the answer is the next step. */
async function submit(ctx) {
  clearFieldErrors(form());
  if (applicantDirty() && !(await saveApplicant(ctx, { quiet: true }))) return;
  await whileBusy($('#submit-button'), async () => {
    try {
      const view = await api.submit({ password: $('#password').value, captchaId: captchaId ?? '', captcha: $('#captcha').value.trim() });
      captchaId = null;
      if (view.step !== 'applicant-data') $('#password').value = '';
      ctx.render(view);
      // Back at once (a wrong captcha): the applicant is at the captcha; otherwise the reason is at the top.
      if (view.step === 'applicant-data' && view.messages.some((m) => m.id.startsWith('captcha_'))) $('#captcha').focus();
      else if (view.step === 'applicant-data') window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (e) {
      showError(e);
      showMissing(e.error);
      showFieldErrors(form(), e.error.fields);
    }
  });
}

export function initSubmit(ctx) {
  $('#captcha-refresh').addEventListener('click', () => loadCaptcha().then(() => $('#captcha').focus()));
  $('#show-password').addEventListener('change', (e) => {
    $('#password').type = e.currentTarget.checked ? 'text' : 'password';
  });
  form().addEventListener('submit', (event) => {
    event.preventDefault();
    submit(ctx);
  });
}

/** `fieldMessages`: the view's messages that belong to the captcha (captcha_invalid after step 6-1). */
export function showSubmit(view, fieldMessages) {
  if (!captchaId) loadCaptcha();
  const captcha = fieldMessages.filter((m) => m.field === 'captcha');
  if (captcha.length) showFieldErrors(form(), captcha, { focus: false });
}
