import { $ } from '../js/dom.js';
import { clearNotices, showInfo } from '../js/notices.js';
import { staffSession } from '../js/staff-api.js';
import { initStaffLogin, staffError } from '../js/staff-login.js';
import { closeLetter } from './letter-view.js';
import { showQueue } from './queue.js';
import { showRequest } from './request.js';

const SECTIONS = ['queue', 'request'];
let afterQueue = null;

function show(section) {
  for (const s of SECTIONS) $(`#${s}`).hidden = s !== section;
  window.scrollTo({ top: 0 });
  $(`#${section} h1`)?.focus({ preventScroll: true });
}

function hideAll() {
  closeLetter();
  for (const s of SECTIONS) $(`#${s}`).hidden = true;
}

// The open request is in the address (#<id>), so a reload or the back button keeps the place.
async function route() {
  if (!staffSession.get()) return;
  const id = decodeURIComponent(location.hash.slice(1));
  try {
    clearNotices();
    if (id) {
      await showRequest(id, ctx);
      show('request');
    } else {
      closeLetter();
      await showQueue();
      show('queue');
      if (afterQueue) showInfo(afterQueue);
      afterQueue = null;
    }
  } catch (e) {
    staffError(e, hideAll);
  }
}

const ctx = {
  /** After a decision: back to the queue, saying what happens next. */
  decided(text) {
    afterQueue = text;
    if (location.hash.length > 1) location.hash = '';
    else route();
  },
};

window.addEventListener('hashchange', route);
initStaffLogin({ title: 'ورود کارشناسان', onSignedIn: route, onSignedOut: hideAll });
