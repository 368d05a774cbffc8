import { faDateTime, fileSize } from '../js/digits.js';
import { $, h } from '../js/dom.js';
import { staffApi } from '../js/staff-api.js';

let url = null;
let showing = null;

export function closeLetter() {
  if (url) URL.revokeObjectURL(url);
  url = null;
  showing = null;
  $('#letter-view').replaceChildren();
}

/**
 * The letter beside the data. It needs the staff token, so it is fetched and shown from a blob URL:
 * a PDF in a frame (with a link to open it whole, as phones do not show PDFs in frames), an image as is.
 */
export async function showLetter(id, meta) {
  closeLetter();
  if (!meta) {
    $('#letter-info').textContent = 'نامه‌ای بارگذاری نشده است.';
    return;
  }
  showing = id;
  $('#letter-info').replaceChildren(
    h('bdi', {}, meta.fileName ?? 'نامه'),
    ` · ${fileSize(meta.sizeBytes)}`,
    meta.uploadedAt ? ` · بارگذاری: ${faDateTime(meta.uploadedAt)}` : '',
  );
  $('#letter-view').replaceChildren(h('p', { class: 'hint' }, 'در حال دریافت نامه…'));
  const blob = await staffApi.letter(id);
  if (showing !== id) return; // the reviewer moved on meanwhile
  url = URL.createObjectURL(blob);
  const open = h('a', { href: url, target: '_blank', rel: 'noopener' }, 'باز کردن نامه در پنجره جدید');
  if (blob.type !== 'application/pdf') {
    $('#letter-view').replaceChildren(
      h('img', { src: url, alt: 'تصویر نامه معرفی امضاشده', class: 'letter-image' }),
      h('p', {}, open),
    );
  } else if (navigator.pdfViewerEnabled === false || matchMedia('(max-width: 40rem)').matches) {
    // Phones' browsers show no PDF inside a page, or one too narrow to read: the letter opens whole, in the phone's viewer.
    open.className = 'button';
    $('#letter-view').replaceChildren(
      h('p', { class: 'hint' }, 'نامه به‌صورت PDF است؛ برای خواندن، آن را جداگانه باز کنید.'),
      open,
    );
  } else {
    // Without the thumbnails pane, which would take half of the frame.
    $('#letter-view').replaceChildren(
      h('iframe', { src: `${url}#navpanes=0`, title: 'نامه معرفی (PDF)', class: 'letter-frame' }),
      h('p', {}, open),
    );
  }
}
