import { api } from './api.js';
import { applicantDirty, saveApplicant } from './applicant-step.js';
import { captchaWidget } from './captcha.js';
import { $, whileBusy } from './dom.js';
import { clearFieldErrors, showError, showFieldErrors } from './notices.js';

const form = () => $('#submit-form');
// A challenge is single use: once a submit reached the process, the next attempt needs a new one.
let captcha;

/** What a refused submit is missing, shown where the applicant fixes it. */
function showMissing(error) {
  if (error.missing?.includes('letter'))
    showFieldErrors($('#letter-form'), [{ field: 'letter', text: error.text }], { focus: false });
}

/** Card steps 4–5: saves unsaved details first, then sends password and captcha; the answer is the next step. */
async function submit(ctx) {
  clearFieldErrors(form());
  $('#submit-offline').hidden = true;
  if (applicantDirty() && !(await saveApplicant(ctx, { quiet: true }))) return;
  await whileBusy($('#submit-button'), async () => {
    try {
      const view = await api.submit({
        password: $('#password').value,
        captchaId: captcha.id() ?? '',
        captcha: $('#captcha').value.trim(),
      });
      captcha.forget();
      if (view.step !== 'applicant-data') $('#password').value = '';
      ctx.render(view);
      // Back at once (a wrong captcha): the applicant is at the captcha; otherwise the reason is at the top.
      if (view.step === 'applicant-data' && view.messages.some((m) => m.id.startsWith('captcha_')))
        $('#captcha').focus();
      else if (view.step === 'applicant-data') window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (e) {
      // The network dropped: said beside the button just pressed, with everything typed (and the captcha) kept for the retry.
      if (e.status === 0) {
        $('#submit-offline').textContent = e.error.text.fa;
        $('#submit-offline').hidden = false;
        return;
      }
      showError(e);
      showMissing(e.error);
      showFieldErrors(form(), e.error.fields);
    }
  });
}

export function initSubmit(ctx) {
  captcha = captchaWidget('captcha', () => $('#captcha'));
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
  if (!captcha.id()) captcha.load();
  const problems = fieldMessages.filter((m) => m.field === 'captcha');
  if (problems.length) showFieldErrors(form(), problems, { focus: false });
}
