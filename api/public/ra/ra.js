import { fa, faDateTime } from '../js/digits.js';
import { $, h } from '../js/dom.js';
import { clearNotices, showInfo } from '../js/notices.js';
import { staffSession } from '../js/staff-api.js';
import { initStaffLogin, staffError } from '../js/staff-login.js';
import { buildNewForm } from './new-request.js';
import { raApi } from './ra-api.js';
import { ACTIONS, KINDS, STATUS } from './labels.js';
import { closeDocument, showRequest } from './request-view.js';

const SECTIONS = ['queue', 'new', 'request'];
let afterRoute = null;

function show(section) {
  for (const s of SECTIONS) $(`#${s}`).hidden = s !== section;
  window.scrollTo({ top: 0 });
  $(`#${section} h1`)?.focus({ preventScroll: true });
}
function hideAll() {
  closeDocument();
  for (const s of SECTIONS) $(`#${s}`).hidden = true;
}

async function showQueue(all) {
  const { items } = await raApi.list(all);
  $('#queue-title').textContent = all ? 'همهٔ درخواست‌های گواهی' : 'درخواست‌های گواهی در انتظار دفتر ثبت‌نام';
  $('#queue-list').replaceChildren(
    ...items.map((r) =>
      h(
        'li',
        { class: 'card' },
        h(
          'a',
          { href: `#${r.id}` },
          `کد پیگیری ${fa(r.trackingCode)} · ${ACTIONS[r.action]} · ${KINDS[r.kind] ?? r.kind}`,
        ),
        h(
          'p',
          { class: 'hint' },
          h('bdi', {}, r.organization ?? ''),
          ` · ${STATUS[r.status]} · ${faDateTime(r.createdAt)}`,
        ),
      ),
    ),
  );
  $('#queue-empty').hidden = items.length > 0;
}

// The place is in the address: #new, #all, or #<request id> (Tasklist's form links to the last).
async function route() {
  if (!staffSession.get()) return;
  const at = decodeURIComponent(location.hash.slice(1));
  try {
    clearNotices();
    closeDocument();
    if (at === 'new') show('new');
    else if (at && at !== 'all') {
      await showRequest(at, ctx);
      show('request');
    } else {
      await showQueue(at === 'all');
      show('queue');
    }
    if (afterRoute) showInfo(afterRoute);
    afterRoute = null;
  } catch (e) {
    staffError(e, hideAll);
  }
}

const ctx = {
  done(text) {
    afterRoute = text;
    if (location.hash.length > 1) location.hash = '';
    else route();
  },
};

buildNewForm((filed, text) => {
  afterRoute = text;
  location.hash = filed.id;
});
window.addEventListener('hashchange', route);
initStaffLogin({ title: 'ورود کارمندان دفتر ثبت‌نام', onSignedIn: route, onSignedOut: hideAll });
