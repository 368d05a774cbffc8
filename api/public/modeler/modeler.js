import { $ } from '../js/dom.js';
import { clearNotices, showInfo } from '../js/notices.js';
import { staffSession } from '../js/staff-api.js';
import { initStaffLogin, staffError } from '../js/staff-login.js';
import { closeEditor, initEditorActions, openEditor } from './editor-view.js';
import { initComparison, showVersions, versionById } from './versions.js';

const SECTIONS = ['versions', 'editor'];
let afterVersions = null;

function show(section) {
  for (const s of SECTIONS) $(`#${s}`).hidden = s !== section;
  $(`#${section} h1`)?.focus({ preventScroll: true });
}

function hideAll() {
  closeEditor();
  for (const s of SECTIONS) $(`#${s}`).hidden = true;
}

// The open version is in the address (#edit/<definition id>), so a reload keeps the place.
async function route() {
  if (!staffSession.get()) return;
  const edit = /^#edit\/(.+)$/.exec(location.hash);
  try {
    clearNotices();
    await showVersions();
    const version = edit && versionById(decodeURIComponent(edit[1]));
    if (version) {
      show('editor');
      await openEditor(version);
    } else {
      closeEditor();
      show('versions');
      if (afterVersions) showInfo(afterVersions);
      afterVersions = null;
    }
  } catch (e) {
    staffError(e, hideAll);
  }
}

const onError = (e) => staffError(e, hideAll);
$('#back-to-versions').addEventListener('click', (ev) => {
  ev.preventDefault();
  location.hash = '';
});
initComparison(onError);
initEditorActions({
  onError,
  onDeployed(text) {
    afterVersions = text;
    location.hash = '';
  },
});
window.addEventListener('hashchange', route);
initStaffLogin({ title: 'ورود مالکان فرایند', onSignedIn: route, onSignedOut: hideAll });
