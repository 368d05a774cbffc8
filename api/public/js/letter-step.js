import { api } from './api.js';
import { applicantDirty, saveApplicant } from './applicant-step.js';
import { fileSize } from './digits.js';
import { $, h, whileBusy } from './dom.js';
import { clearFieldErrors, showError, showFieldErrors } from './notices.js';

const MAX_BYTES = 5 * 1024 * 1024;
const TOO_LARGE = { fa: 'حجم فایل نامه معرفی بیش از ۵ مگابایت است. لطفاً فایل کوچک‌تری بارگذاری کنید.' };

/** Card step 3-1. The window opens on the click itself (else it is blocked), then shows the page fetched with the token. */
async function openTemplate(ctx) {
  const win = window.open('', '_blank');
  try {
    if (applicantDirty() && !(await saveApplicant(ctx, { quiet: true }))) return win?.close();
    const html = await api.letterTemplate();
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    if (win) win.location.href = url;
    else window.location.assign(url);
  } catch (e) {
    win?.close();
    showError(e);
  }
}

/** Card step 3-2: uploads as soon as a file is chosen; a file that is too large is refused before it is sent. */
async function upload(ctx, input) {
  const file = input.files?.[0];
  const letterForm = $('#letter-form');
  clearFieldErrors(letterForm);
  $('#letter-status').textContent = '';
  if (!file) return;
  if (file.size > MAX_BYTES) {
    input.value = '';
    return showFieldErrors(letterForm, [{ field: 'letter', text: TOO_LARGE }]);
  }
  $('#letter-status').textContent = 'در حال بارگذاری نامه…';
  try {
    ctx.render(await api.uploadLetter(file));
  } catch (e) {
    input.value = '';
    $('#letter-status').textContent = '';
    showFieldErrors(letterForm, e.error.fields ?? [{ field: 'letter', text: e.error.text }]);
  }
}

/** Card step 3-2, a signed letter: its detached signature (.p7s), checked with the letter after the submit. */
async function uploadSignature(ctx, input) {
  const file = input.files?.[0];
  const letterForm = $('#letter-form');
  clearFieldErrors(letterForm);
  $('#signature-status').textContent = '';
  if (!file) return;
  try {
    ctx.render(await api.uploadLetterSignature(file));
    $('#signature-status').replaceChildren('امضا بارگذاری شد: ', h('bdi', {}, file.name));
  } catch (e) {
    input.value = '';
    showFieldErrors(letterForm, e.error.fields?.length ? e.error.fields : [{ field: 'signature', text: e.error.text }]);
  }
}

export function initLetter(ctx) {
  $('#signature').addEventListener('change', (e) => uploadSignature(ctx, e.currentTarget));
  $('#open-template').addEventListener('click', (e) => whileBusy(e.currentTarget, () => openTemplate(ctx)));
  $('#letter').addEventListener('change', (e) => upload(ctx, e.currentTarget));
}

export function showLetter(view) {
  const letter = view.letter;
  // The file name in its own direction: a Latin name would otherwise reorder the Persian around it.
  if (letter)
    $('#letter-status').replaceChildren(
      'نامه بارگذاری شد: ',
      h('bdi', {}, letter.fileName ?? ''),
      ` (${fileSize(letter.sizeBytes)})`,
    );
  else $('#letter-status').textContent = '';
}
