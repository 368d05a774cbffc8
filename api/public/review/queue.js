import { fa, faDateTime } from '../js/digits.js';
import { $, h } from '../js/dom.js';
import { staffApi } from '../js/staff-api.js';
import { pageHash, pager } from './pager.js';

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

/** What the whole queue holds, and which of its requests this page shows. */
function summary({ total, overdue, page, pageSize, items }) {
  const from = (page - 1) * pageSize + 1;
  const to = from + items.length - 1;
  return [
    `${fa(total)} درخواست در انتظار بررسی`,
    overdue > 0 ? h('span', { class: 'due overdue' }, `، ${fa(overdue)} درخواست گذشته از مهلت بررسی`) : '',
    items.length > 1 ? ` · درخواست‌های ${fa(from)} تا ${fa(to)}` : '',
    items.length === 1 ? ` · درخواست ${fa(from)}` : '',
  ];
}

/**
 * One page of the open review tasks, oldest first, as the server orders and pages them; with the queue's total,
 * how many are overdue, and the page controls. A page past the last (the queue shrank since its link was drawn)
 * shows the last page instead. Returns the page shown.
 */
export async function showQueue(page) {
  let q = await staffApi.queue(page);
  const last = Math.max(1, Math.ceil(q.total / q.pageSize));
  if (q.page > last) {
    q = await staffApi.queue(last);
    history.replaceState(null, '', pageHash(last));
  }
  $('#queue-list').replaceChildren(...q.items.map(item));
  $('#queue-list').start = (q.page - 1) * q.pageSize + 1;
  $('#queue-empty').hidden = q.items.length > 0;
  $('#queue-summary').hidden = q.total === 0;
  $('#queue-summary').replaceChildren(...summary(q));
  const pages = Math.max(1, Math.ceil(q.total / q.pageSize));
  $('#queue-pages').hidden = pages < 2;
  $('#queue-pages').replaceChildren(...(pages < 2 ? [] : pager(q.page, pages)));
  return q.page;
}
