import { $, $$ } from './dom.js';

/** Card steps 10–12 and the ends: waiting for review, registered, rejected with the reason, expired. */
export function showResult(view) {
  const section = $(`#step-${view.step}`);
  const info = view.messages.filter((m) => m.type === 'info').map((m) => m.text.fa).join(' ');
  for (const el of $$('[data-info]', section)) el.textContent = info;
  for (const el of $$('[data-tracking]', section)) el.textContent = view.id;
  if (view.step === 'registered') $('#username').textContent = view.username ?? '';
  if (view.step === 'rejected') $('#rejection-reason').textContent = view.rejection?.text.fa ?? '';
}

export function initResults(ctx) {
  // A new request ends this one's token first: the outcome has been read.
  for (const button of $$('[data-new-request]')) button.addEventListener('click', () => ctx.leave());
}
