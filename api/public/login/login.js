import { captchaWidget } from '../js/captcha.js';
import { fa, faDateTime } from '../js/digits.js';
import { $, h, whileBusy } from '../js/dom.js';
import { request } from '../js/http.js';
import { showLoginError } from '../js/login-error.js';
import { clearFieldErrors, clearNotices, showError, showFieldErrors } from '../js/notices.js';
import { storedSession } from '../js/stored-session.js';
import { certificateForm } from './certificate.js';

const session = storedSession('payam.account');
const form = () => $('#login-form');
const captcha = captchaWidget('captcha', () => $('#captcha'));
const loadCaptcha = captcha.load;

function showSignIn() {
  $('#signed-in').hidden = true;
  $('#sign-in').hidden = false;
  loadCaptcha();
}

/** The account as the server knows it: its username and its agency. */
async function showMe() {
  try {
    const me = await request('GET', '/api/auth/me', { token: session.get()?.token });
    $('#me').replaceChildren(
      h('dt', {}, 'نام کاربری'),
      h('dd', {}, h('bdi', { dir: 'ltr' }, me.username)),
      h('dt', {}, 'دستگاه اجرایی'),
      h('dd', {}, me.agency.name ?? '—'),
      h('dt', {}, 'شناسه ملی دستگاه'),
      h('dd', {}, h('bdi', { dir: 'ltr' }, fa(me.agency.nationalId))),
    );
    await showCertificates();
    $('#sign-in').hidden = true;
    $('#signed-in').hidden = false;
    $('#signed-in h1').focus();
  } catch (e) {
    session.clear();
    if (e.status !== 401) showError(e);
    showSignIn();
  }
}

/** The certificates bound to the account (Setad's "already registered"). */
async function showCertificates() {
  const { certificates } = await request('GET', '/api/account/certificate', { token: session.get()?.token });
  $('#cert-list').replaceChildren(
    ...(certificates.length
      ? certificates.map((c) =>
          h(
            'li',
            { 'data-serial': c.serialNumber },
            'شماره سریال ',
            h('bdi', { dir: 'ltr' }, c.serialNumber),
            ` — معتبر تا ${faDateTime(c.notAfter)}`,
          ),
        )
      : [h('li', { class: 'muted' }, 'هنوز گواهی‌ای متصل نشده است.')]),
  );
}

certificateForm(
  'cert-bind',
  () => request('POST', '/api/account/certificate/challenge', { token: session.get()?.token, json: {} }),
  async (signed) => {
    await request('POST', '/api/account/certificate', { token: session.get()?.token, json: signed });
    $('#cert-bind-status').textContent = 'گواهی به حساب متصل شد.';
    await showCertificates();
  },
);

certificateForm(
  'cert-login',
  () => request('POST', '/api/auth/certificate/challenge', { json: {} }),
  async (signed) => {
    session.save(await request('POST', '/api/auth/certificate/login', { json: signed }));
    await showMe();
  },
);

/** Every attempt uses up its captcha, right or wrong: a new image follows any refusal. */
async function login() {
  clearNotices();
  clearFieldErrors(form());
  const body = {
    username: $('#username').value.trim(),
    password: $('#password').value,
    captchaId: captcha.id() ?? '',
    captcha: $('#captcha').value.trim(),
  };
  await whileBusy($('#login-button'), async () => {
    try {
      session.save(await request('POST', '/api/auth/login', { json: body }));
      $('#password').value = '';
      await showMe();
    } catch (e) {
      // Fields: empty boxes or a wrong captcha, shown where they are; anything else is the one generic answer.
      if (e.error.fields?.length) showFieldErrors(form(), e.error.fields);
      else showLoginError(e);
      await loadCaptcha();
    }
  });
}

form().addEventListener('submit', (event) => {
  event.preventDefault();
  login();
});
$('#show-password').addEventListener(
  'change',
  (e) => ($('#password').type = e.currentTarget.checked ? 'text' : 'password'),
);
$('#logout-button').addEventListener('click', async () => {
  await request('POST', '/api/auth/logout', { token: session.get()?.token }).catch(() => undefined);
  session.clear();
  showSignIn();
  $('#sign-in h1').focus();
});

if (session.get()) showMe();
else showSignIn();
