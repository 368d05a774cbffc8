import { fa } from '../js/digits.js';
import { $, h } from '../js/dom.js';
import { durationText, FIGURE_NAMES, PHASES, REASONS } from './labels.js';

const FIGURES = ['started', 'successful', ...REASONS.map(([k]) => k), 'open'];
const valueOf = (p, figure) => (figure in p.unsuccessful ? p.unsuccessful[figure] : p[figure]);

/** A count; above zero it opens the registrations behind it (each linked to its instance in Cockpit). */
function count(p, figure, period) {
  const n = valueOf(p, figure);
  if (!n) return h('td', {}, fa(n));
  const where = period ? `دوره ${fa(period)}` : 'کل بازه';
  return h(
    'td',
    {},
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        'aria-label': `${FIGURE_NAMES[figure]}، ${where}: ${fa(n)} — نمایش درخواست‌ها`,
        'data-figure': figure,
        'data-period': period ?? '',
      },
      fa(n),
    ),
  );
}

const row = (p, period) =>
  h(
    'tr',
    {},
    h('th', { scope: 'row' }, period ? fa(period) : 'جمع'),
    ...FIGURES.map((f) => count(p, f, period)),
    ...PHASES.map(([k]) => h('td', {}, durationText(p.medianSeconds[k]))),
  );

/** The frequency table of the card: one row per period and the total, every figure of the report. */
export function showTable(report, onFigure) {
  const table = h(
    'table',
    { class: 'figures' },
    h('caption', { class: 'visually-hidden-label' }, 'فراوانی درخواست‌ها در هر دوره'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { rowspan: 2, scope: 'col' }, 'دوره'),
        h('th', { rowspan: 2, scope: 'col' }, 'شروع‌شده'),
        h('th', { rowspan: 2, scope: 'col' }, 'موفق'),
        h('th', { colspan: REASONS.length, scope: 'colgroup' }, 'ناموفق، به علت'),
        h('th', { rowspan: 2, scope: 'col' }, 'باز'),
        h('th', { colspan: PHASES.length, scope: 'colgroup' }, 'میانه زمان'),
      ),
      h(
        'tr',
        {},
        ...REASONS.map(([, label]) => h('th', { scope: 'col' }, label)),
        ...PHASES.map(([, label]) => h('th', { scope: 'col' }, label)),
      ),
    ),
    h(
      'tbody',
      {},
      report.periods.map((p) => row(p, p.period)),
    ),
    h('tfoot', {}, row(report.total, null)),
  );
  table.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-figure]');
    if (button) onFigure(button.dataset.period || undefined, button.dataset.figure);
  });
  $('#table').replaceChildren(table);
}
