import { $ } from '../js/dom.js';
import { clearNotices, showInfo } from '../js/notices.js';
import { staffSession } from '../js/staff-api.js';
import { initStaffLogin, staffError } from '../js/staff-login.js';
import { closeLetter } from './letter-view.js';
import { pageFromHash, pageHash } from './pager.js';
import { showQueue } from './queue.js';
import { showRequest } from './request.js';

const SECTIONS = ['queue', 'request'];
let afterQueue = null;
let queuePage = 1;

function show(section) {
  for (const s of SECTIONS) $(`#${s}`).hidden = s !== section;
  window.scrollTo({ top: 0 });
  $(`#${section} h1`)?.focus({ preventScroll: true });
}

function hideAll() {
  closeLetter();
  for (const s of SECTIONS) $(`#${s}`).hidden = true;
}

// The open request (#<id>) or the queue's page (#page-2) is in the address, so a reload or the back button keeps the place.
async function route() {
  if (!staffSession.get()) return;
  const page = pageFromHash(location.hash);
  try {
    clearNotices();
    if (page === null) {
      await showRequest(decodeURIComponent(location.hash.slice(1)), ctx);
      show('request');
    } else {
      closeLetter();
      queuePage = await showQueue(page);
      // Back from a request, and after a decision, to the page it was opened from.
      $('#back-to-queue').href = pageHash(queuePage);
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
    if (location.hash !== pageHash(queuePage)) location.hash = pageHash(queuePage);
    else route();
  },
};

window.addEventListener('hashchange', route);
initStaffLogin({ title: 'ورود کارشناسان', onSignedIn: route, onSignedOut: hideAll });
