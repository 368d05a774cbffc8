import { $, $$, h } from './dom.js';
import { UNKNOWN_ERROR } from './http.js';

/** Messages about the whole step, above it: errors as alerts (read out at once), the rest as status. */
export function showNotices(messages = []) {
  $('#notices').replaceChildren(
    ...messages.map((m) =>
      h('div', { class: `notice ${m.type}`, role: m.type === 'error' ? 'alert' : 'status' }, m.text.fa),
    ),
  );
}

/** An API's error in its own words; anything else (a fault in the page's own code) as the general apology, not a silent stop. */
export const showError = (apiError) =>
  showNotices([{ type: 'error', text: apiError?.error?.text ?? UNKNOWN_ERROR.text }]);
export const showInfo = (fa) => showNotices([{ type: 'info', text: { fa } }]);
export const clearNotices = () => showNotices([]);

// Field names in the API's errors that the form shows under another control.
const ALIASES = { captchaId: 'captcha' };

export function clearFieldErrors(root) {
  $('.error-summary', root)?.remove();
  for (const el of $$('.field-error', root)) el.textContent = '';
  for (const el of $$('[aria-invalid]', root)) el.removeAttribute('aria-invalid');
}

/** What a control is called on the page: its field's legend (a date in three lists), its label, or the first label it points to. */
function nameOf(control) {
  const labelledBy = (control.getAttribute('aria-labelledby') ?? '').split(' ')[0];
  const group = control.closest('fieldset.field');
  const label =
    (group && $(':scope > legend', group)) ||
    control.labels?.[0] ||
    (labelledBy && document.getElementById(labelledBy));
  return label?.textContent.trim() ?? '';
}

/**
 * The list of problems at the top of the form, each a link that takes the focus to its control
 * (the GOV.UK error summary): it takes the focus itself, so a screen reader reads it at once.
 */
function showSummary(root, problems) {
  const links = problems.map(({ control, text }) => {
    const link = h('a', { href: `#${control.id}` }, `${nameOf(control)}: ${text}`);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      control.focus();
      control.scrollIntoView({ block: 'center' });
    });
    return h('li', {}, link);
  });
  const box = h(
    'div',
    { class: 'error-summary', tabindex: '-1', role: 'group', 'aria-labelledby': `${root.id}-summary` },
    h('p', { class: 'error-summary-title', id: `${root.id}-summary` }, 'لطفاً این موارد را اصلاح کنید:'),
    h('ul', {}, links),
  );
  const heading = $(':scope > h1, :scope > h2', root);
  if (heading) heading.after(box);
  else root.prepend(box);
  return box;
}

/**
 * Each problem under its field, the control marked invalid. With `focus`, a summary of them all at the
 * top of the form takes the focus. Returns whether any was shown.
 */
export function showFieldErrors(root, fields = [], { focus = true } = {}) {
  const shown = [];
  for (const problem of fields) {
    const name = ALIASES[problem.field] ?? problem.field;
    const error = root.querySelector(`#${CSS.escape(name)}-error`);
    if (!error) continue;
    error.textContent = problem.text.fa;
    const controls = $$(`[data-field="${name}"]`, root);
    for (const control of controls) control.setAttribute('aria-invalid', 'true');
    if (controls[0]) shown.push({ control: controls[0], text: problem.text.fa });
  }
  if (focus && shown.length) showSummary(root, shown).focus();
  return shown.length > 0;
}
