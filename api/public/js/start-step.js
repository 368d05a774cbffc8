import { api } from './api.js';
import { captchaWidget } from './captcha.js';
import { $, whileBusy } from './dom.js';
import { showError } from './notices.js';

// Past the limit of starts from one address the API asks for a captcha (429 captcha_required); the
// same start is then sent again with the answer. A challenge is single use, right or wrong.
const CAPTCHA_ERRORS = ['captcha_required', 'captcha_invalid', 'captcha_expired'];
let captcha;

function showCaptcha(error) {
  $('#start-captcha').hidden = false;
  const wrong = error.id !== 'captcha_required';
  $('#start-captcha-error').textContent = wrong ? error.text.fa : '';
  if (wrong) $('#start-captcha-input').setAttribute('aria-invalid', 'true');
  else $('#start-captcha-input').removeAttribute('aria-invalid');
}

async function start(ctx) {
  await whileBusy($('#start-button'), async () => {
    const captchaId = captcha.id();
    const answer = captchaId ? { captchaId, captcha: $('#start-captcha-input').value.trim() } : undefined;
    captcha.forget();
    try {
      const view = await api.start(answer);
      $('#start-captcha').hidden = true;
      ctx.render(view);
    } catch (e) {
      showError(e);
      if (!CAPTCHA_ERRORS.includes(e.error?.id)) return;
      showCaptcha(e.error);
      await captcha.load();
      $('#start-captcha-input').focus();
    }
  });
}

/** Card steps 1–2: the start button, and the captcha it may need. */
export function initStart(ctx) {
  $('#start-form').addEventListener('submit', (event) => {
    event.preventDefault();
    start(ctx);
  });
  captcha = captchaWidget('start-captcha', () => $('#start-captcha-input'));
}
