import { $, h, whileBusy } from '../js/dom.js';
import { showError, showInfo } from '../js/notices.js';
import { staffApi } from '../js/staff-api.js';
import { onAction } from './action.js';

const PROCESS_NAMES = {
  'agency-registration': 'ثبت‌نام دستگاه اجرایی',
  'agency-registration-review': 'بررسی درخواست (مراحل ۱۰ و ۱۱)',
};
const fa = (n) => Number(n).toLocaleString('fa-IR');
const when = (iso) =>
  iso
    ? new Date(iso).toLocaleString('fa-IR', { timeZone: 'Asia/Tehran', dateStyle: 'medium', timeStyle: 'short' })
    : '—';
/** "bpmn/" is the project's files (npm run deploy, start); "modeler: <name>" this page, by that process owner. */
const sourceText = (s) =>
  s?.startsWith('modeler: ')
    ? `این صفحه، ${s.slice(9)}`
    : s === 'bpmn/'
      ? ['فایل‌های پروژه ', h('bdi', { dir: 'ltr' }, 'bpmn/')]
      : (s ?? '—');
const versionLabel = (v) => `${PROCESS_NAMES[v.key] ?? v.key} · نسخهٔ ${fa(v.version)}`;

let versions = [];

function table(key, rows) {
  return h(
    'section',
    { class: 'card', 'aria-label': PROCESS_NAMES[key] ?? key },
    h('h2', {}, PROCESS_NAMES[key] ?? key, ' ', h('span', { class: 'muted', dir: 'ltr' }, key)),
    h(
      'table',
      { class: 'versions-table', 'data-process': key },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'نسخه'),
          h('th', {}, 'زمان استقرار'),
          h('th', {}, 'استقرار از'),
          h('th', {}, 'نمونه‌های در حال اجرا'),
          h('th', {}, ''),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((v) =>
          h(
            'tr',
            { 'data-version': v.version, 'data-definition': v.id },
            h('td', {}, fa(v.version)),
            h('td', {}, when(v.deployedAt)),
            h('td', { class: 'source' }, sourceText(v.source)),
            h('td', { class: 'instances' }, fa(v.instances)),
            h('td', {}, h('a', { href: `#edit/${encodeURIComponent(v.id)}`, class: 'edit' }, 'باز کردن در ویرایشگر')),
          ),
        ),
      ),
    ),
  );
}

function fillSelects() {
  const options = (selected) =>
    versions.map((v) => h('option', { value: v.id, selected: v.id === selected }, versionLabel(v)));
  const [newest] = versions;
  const previous = versions.find((v) => v.key === newest?.key && v.id !== newest?.id);
  $('#compare-from').replaceChildren(...options(previous?.id));
  $('#compare-to').replaceChildren(...options(newest?.id));
}

/** The list of versions by process, newest first, and the two selects of the comparison. */
export async function showVersions() {
  versions = (await staffApi.versions()).items;
  const keys = [...new Set(versions.map((v) => v.key))];
  $('#version-tables').replaceChildren(
    ...keys.map((k) =>
      table(
        k,
        versions.filter((v) => v.key === k),
      ),
    ),
  );
  fillSelects();
  $('#diff').hidden = true;
  $('#migration').hidden = true;
}

// Names are often English with step numbers: each part keeps its own direction inside the Persian line.
const elementText = (e) => [h('bdi', {}, e.name ?? '(بی‌نام)'), ' — ', h('bdi', { dir: 'ltr' }, `${e.type} (${e.id})`)];

function showDiff(d) {
  const group = (title, items, extra = () => '') =>
    h(
      'div',
      { class: 'diff-group', 'data-group': title[1] },
      h('h3', {}, `${title[0]}: ${fa(items.length)}`),
      items.length
        ? h(
            'ul',
            {},
            items.map((e) => h('li', { 'data-element': e.id }, elementText(e), extra(e))),
          )
        : h('p', { class: 'muted' }, 'هیچ'),
    );
  $('#diff').replaceChildren(
    h('h3', {}, `تفاوت‌های ${versionLabel(d.from)} و ${versionLabel(d.to)}`),
    group(['افزوده', 'added'], d.added),
    group(['حذف‌شده', 'removed'], d.removed),
    group(['تغییرکرده', 'changed'], d.changed, (e) =>
      h('span', { class: 'muted', dir: 'ltr' }, ` [${e.properties.join(', ')}]`),
    ),
    group(['فقط جابه‌جاشده در نمودار', 'layout'], d.layoutChanged),
  );
  $('#diff').hidden = false;
}

function showPlan(p) {
  const ok = p.failures.length === 0;
  const move = h(
    'button',
    { type: 'button', id: 'run-migration', disabled: !ok || p.instances === 0 },
    `انتقال ${fa(p.instances)} نمونه به نسخهٔ مقصد`,
  );
  move.addEventListener('click', () =>
    whileBusy(move, async () => {
      try {
        const r = await staffApi.migrate(p.plan);
        await showVersions();
        showInfo(`${fa(r.migrated)} نمونه از ${versionLabel(r.from)} به ${versionLabel(r.to)} منتقل شد.`);
      } catch (e) {
        showError(e);
      }
    }),
  );
  $('#migration').replaceChildren(
    h(
      'p',
      { id: 'plan-summary' },
      ok
        ? `طرح انتقال معتبر است: ${fa(p.plan.instructions.length)} دستور، ${fa(p.instances)} نمونهٔ در حال اجرا روی نسخهٔ مبدأ.`
        : 'موتور فرایند این طرح را نمی‌پذیرد:',
    ),
    ok
      ? ''
      : h(
          'ul',
          { class: 'problems' },
          p.failures.map((f) =>
            h(
              'li',
              {},
              `${f.instruction.sourceActivityIds.join('، ')} ← ${f.instruction.targetActivityIds.join('، ')}: `,
              h('span', { dir: 'ltr' }, f.failures.join(' ')),
            ),
          ),
        ),
    h(
      'details',
      {},
      h('summary', {}, 'دستورهای طرح'),
      h(
        'ul',
        { dir: 'ltr' },
        p.plan.instructions.map((i) =>
          h('li', {}, `${i.sourceActivityIds.join(', ')} → ${i.targetActivityIds.join(', ')}`),
        ),
      ),
    ),
    h('div', { class: 'actions start' }, move),
  );
  $('#migration').hidden = false;
}

/** The comparison's two buttons: what changed between the versions, and the engine's plan to move instances. */
export function initComparison(onError) {
  onAction(
    '#show-diff',
    async () => showDiff(await staffApi.diff($('#compare-from').value, $('#compare-to').value)),
    onError,
  );
  onAction(
    '#plan-migration',
    async () => showPlan(await staffApi.migrationPlan($('#compare-from').value, $('#compare-to').value)),
    onError,
  );
}

export const versionById = (id) => versions.find((v) => v.id === id);
export { versionLabel, fa };
