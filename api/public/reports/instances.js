import { fa, faDateTime } from '../js/digits.js';
import { $, h, whileBusy } from '../js/dom.js';
import { staffApi } from '../js/staff-api.js';
import { FIGURE_NAMES, STATUS } from './labels.js';

/** Previous and next, and where in the list the page is; only when the figure has more than one page. */
function pager(list, go) {
  if (list.pages <= 1) return null;
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.instances.length - 1;
  const button = (label, page) => {
    const b = h('button', { type: 'button', class: 'secondary', disabled: page < 1 || page > list.pages }, label);
    b.addEventListener('click', () => go(page, b));
    return b;
  };
  return h(
    'nav',
    { class: 'actions pager', 'aria-label': 'صفحه‌های فهرست' },
    button('صفحه قبل', list.page - 1),
    h('span', { class: 'hint' }, `صفحه ${fa(list.page)} از ${fa(list.pages)}: ردیف ${fa(first)} تا ${fa(last)}`),
    button('صفحه بعد', list.page + 1),
  );
}

/**
 * The registrations behind one figure, a page at a time (the server's), each linked to its process instance in
 * Cockpit. `onError` takes what a later page's request fails with.
 */
export async function showInstances(query, period, figure, { page = 1, onError } = {}) {
  const list = await staffApi.instances({ ...query, period, figure, page });
  $('#instances-title').textContent =
    `${FIGURE_NAMES[figure]}${period ? ` در دوره ${fa(period)}` : ' در کل بازه'}: ${fa(list.count)} درخواست`;
  const go = (to, button) =>
    whileBusy(button, () => showInstances(query, period, figure, { page: to, onError })).catch(onError);
  $('#instances-list').replaceChildren(
    h(
      'table',
      { class: 'figures' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['شناسه درخواست', 'نمونه فرایند در Cockpit', 'وضعیت', 'زمان شروع'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        list.instances.map((i) =>
          h(
            'tr',
            {},
            h('td', {}, h('bdi', { dir: 'ltr' }, i.registrationId)),
            h(
              'td',
              {},
              i.cockpitUrl
                ? h(
                    'a',
                    {
                      href: i.cockpitUrl,
                      target: '_blank',
                      rel: 'noopener',
                      'aria-label': `${i.processInstanceId}: نمونه فرایند درخواست ${i.registrationId} در Cockpit (پنجره جدید)`,
                    },
                    h('bdi', { dir: 'ltr' }, i.processInstanceId),
                  )
                : '—',
            ),
            h('td', {}, STATUS[i.status] ?? i.status),
            h('td', {}, faDateTime(i.createdAt)),
          ),
        ),
      ),
    ),
    pager(list, go),
  );
  $('#instances').hidden = false;
  $('#instances-title').focus();
}
