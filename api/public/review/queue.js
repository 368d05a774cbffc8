import { fa, faDateTime } from '../js/digits.js';
import { $, h } from '../js/dom.js';
import { staffApi } from '../js/staff-api.js';

/** One waiting request: the agency, when it arrived, and when the reviewers will be reminded of it. */
function item(q) {
  const name = q.agency.name ?? 'دستگاه بدون نام';
  return h(
    'li',
    { class: 'card queue-item' },
    h('h2', {}, name),
    h('p', { class: 'hint' }, 'شناسه ملی دستگاه: ', h('bdi', { dir: 'ltr' }, fa(q.agency.nationalId ?? '—'))),
    // As Tasklist shows it and the applicant quotes it: an id, so in Latin digits.
    h('p', { class: 'hint' }, 'کد پیگیری: ', h('bdi', { dir: 'ltr' }, q.trackingCode)),
    h(
      'p',
      { class: 'times' },
      h('span', {}, `دریافت: ${faDateTime(q.waitingSince)}`),
      h(
        'span',
        { class: q.overdue ? 'due overdue' : 'due' },
        `مهلت بررسی: ${faDateTime(q.dueAt)}`,
        q.overdue ? ' (گذشته)' : '',
      ),
    ),
    h('a', { class: 'button', href: `#${q.registrationId}`, 'aria-label': `بررسی درخواست ${name}` }, 'بررسی درخواست'),
  );
}

/** The open review tasks, oldest first, as the server orders them. */
export async function showQueue() {
  const { items } = await staffApi.queue();
  $('#queue-list').replaceChildren(...items.map(item));
  $('#queue-empty').hidden = items.length > 0;
}
