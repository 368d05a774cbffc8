import { fa, faDateTime } from '../js/digits.js';
import { $, h } from '../js/dom.js';
import { staffApi } from '../js/staff-api.js';
import { FIGURE_NAMES, STATUS } from './labels.js';

/** The registrations behind one figure, each linked to its process instance in Cockpit. */
export async function showInstances(query, period, figure) {
  const list = await staffApi.instances({ ...query, period, figure });
  const more = list.count > list.instances.length ? ` (${fa(list.instances.length)} مورد نخست)` : '';
  $('#instances-title').textContent =
    `${FIGURE_NAMES[figure]}${period ? ` در دوره ${fa(period)}` : ' در کل بازه'}: ${fa(list.count)} درخواست${more}`;
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
  );
  $('#instances').hidden = false;
  $('#instances-title').focus();
}
