import { $, $$, h } from './dom.js';

/**
 * The tracking id (a UUID) in its own groups, each kept whole: a narrow screen breaks the line only
 * between groups, never inside one. The hyphens stay in the text, so copying it by hand gives the id.
 */
function showTracking(el, id) {
  const groups = String(id).split('-');
  el.replaceChildren(
    ...groups.flatMap((g, i) => [h('span', { class: 'group' }, g), ...(i < groups.length - 1 ? ['-', h('wbr')] : [])]),
  );
}

async function copyTracking(section, id) {
  const status = $('[data-copy-status]', section);
  try {
    await navigator.clipboard.writeText(id);
    status.textContent = 'شناسه پیگیری کپی شد.';
  } catch {
    // No clipboard (an old browser, or permission refused): the id is selected, ready for the system's own copy.
    getSelection().selectAllChildren($('[data-tracking]', section));
    status.textContent = 'شناسه پیگیری انتخاب شد؛ آن را کپی کنید.';
  }
}

/** Card steps 10–12 and the ends: waiting for review, registered, rejected with the reason, expired. */
export function showResult(view) {
  const section = $(`#step-${view.step}`);
  const info = view.messages
    .filter((m) => m.type === 'info')
    .map((m) => m.text.fa)
    .join(' ');
  for (const el of $$('[data-info]', section)) el.textContent = info;
  for (const el of $$('[data-tracking]', section)) showTracking(el, view.id);
  // The short code people read and quote (the office finds the request by it); an id, so its digits stay Latin.
  for (const el of $$('[data-tracking-code]', section)) el.textContent = view.trackingCode ?? '';
  if (view.step === 'registered') $('#username').textContent = view.username ?? '';
  if (view.step === 'rejected') $('#rejection-reason').textContent = view.rejection?.text.fa ?? '';
}

export function initResults(ctx) {
  for (const button of $$('[data-copy-tracking]')) {
    button.addEventListener('click', () => {
      const section = button.closest('section');
      copyTracking(section, $('[data-tracking]', section).textContent);
    });
  }
  // A new request ends this one's token first: the outcome has been read.
  for (const button of $$('[data-new-request]')) button.addEventListener('click', () => ctx.leave());
}
