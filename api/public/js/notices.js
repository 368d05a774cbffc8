import { $, $$, h } from './dom.js';

/** Messages about the whole step, above it: errors as alerts (read out at once), the rest as status. */
export function showNotices(messages = []) {
  $('#notices').replaceChildren(
    ...messages.map((m) => h('div', { class: `notice ${m.type}`, role: m.type === 'error' ? 'alert' : 'status' }, m.text.fa)),
  );
}

export const showError = (apiError) => showNotices([{ type: 'error', text: apiError.error.text }]);
export const showInfo = (fa) => showNotices([{ type: 'info', text: { fa } }]);
export const clearNotices = () => showNotices([]);

// Field names in the API's errors that the form shows under another control.
const ALIASES = { captchaId: 'captcha' };

export function clearFieldErrors(root) {
  for (const el of $$('.field-error', root)) el.textContent = '';
  for (const el of $$('[aria-invalid]', root)) el.removeAttribute('aria-invalid');
}

/** Each problem under its field, the control marked invalid; focus goes to the first. Returns whether any was shown. */
export function showFieldErrors(root, fields = [], { focus = true } = {}) {
  let first;
  for (const problem of fields) {
    const name = ALIASES[problem.field] ?? problem.field;
    const error = root.querySelector(`#${CSS.escape(name)}-error`);
    if (!error) continue;
    error.textContent = problem.text.fa;
    for (const control of $$(`[data-field="${name}"]`, root)) {
      control.setAttribute('aria-invalid', 'true');
      first ??= control;
    }
  }
  if (focus) first?.focus();
  return Boolean(first);
}
