import { $, h, whileBusy } from './dom.js';
import { showLoginError } from './login-error.js';
import { clearNotices, showError } from './notices.js';
import { staffApi, staffSession } from './staff-api.js';

const ROLE = {
  reviewer: 'کارشناس بررسی',
  supervisor: 'ناظر',
  'process-owner': 'مالک فرایند',
  'ra-clerk': 'کارمند دفتر ثبت‌نام',
  admin: 'مدیر سامانه',
};

function showBar(me) {
  $('#staff-who').textContent = `${me.username} · ${ROLE[me.role] ?? me.role}`;
  $('#staff-bar').hidden = false;
  $('#staff-login').hidden = true;
}

export function showStaffLogin() {
  $('#staff-bar').hidden = true;
  $('#staff-login').hidden = false;
  $('#staff-login h1').focus();
}

/**
 * An error of a staff call. A lapsed session sends the person back to the login, with the reason;
 * so does a role this page is not for (a reviewer on the reports page), where signing in as
 * someone else is the only way on. That session is ended, not just forgotten.
 */
export async function staffError(apiError, onSignedOut) {
  if (apiError.status === 401 || apiError.status === 403) {
    if (apiError.status === 403) await staffApi.logout();
    staffSession.clear();
    onSignedOut?.();
    showStaffLogin();
  }
  showError(apiError);
}

/** The login form both staff pages show in their `#staff-login` section, headed by the page's `title`. */
function buildLoginForm(title) {
  const field = (id, label, input) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, dir: 'ltr', ...input }));
  $('#staff-login').replaceChildren(
    h(
      'form',
      { id: 'staff-login-form', class: 'card narrow', novalidate: true },
      h('h1', { tabindex: '-1' }, title),
      field('staff-username', 'نام کاربری', { type: 'text', autocomplete: 'username', spellcheck: 'false' }),
      field('staff-password', 'رمز عبور', { type: 'password', autocomplete: 'current-password' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'staff-login-button' }, 'ورود')),
    ),
  );
}

/**
 * The staff login of the reviewer and supervisor pages, headed `title`; `onSignedIn` runs after login
 * and on a reload with a live session.
 */
export function initStaffLogin({ title, onSignedIn, onSignedOut }) {
  buildLoginForm(title);
  $('#staff-login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    whileBusy($('#staff-login-button'), async () => {
      try {
        const me = await staffApi.login($('#staff-username').value.trim(), $('#staff-password').value);
        $('#staff-password').value = '';
        clearNotices();
        showBar(me);
        await onSignedIn(me);
      } catch (e) {
        showLoginError(e);
      }
    });
  });
  $('#staff-logout').addEventListener('click', async () => {
    await staffApi.logout();
    clearNotices();
    onSignedOut?.();
    showStaffLogin();
  });
  const current = staffSession.get();
  if (current?.username) {
    showBar(current);
    onSignedIn(current);
  } else showStaffLogin();
}
