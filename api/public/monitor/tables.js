import { fa, faDateTime } from '../js/digits.js';
import { $, h } from '../js/dom.js';
import { durationText } from '../reports/labels.js';
import { elementName, flowName, KIND_FA, percentText, SYSTEM_FA, timeText } from './labels.js';

const table = (caption, headers, rows) =>
  h(
    'table',
    { class: 'figures' },
    h('caption', { class: 'visually-hidden-label' }, caption),
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows),
  );

const seconds = (ms) => timeText(ms, durationText);
const ltr = (text) => h('bdi', { dir: 'ltr' }, text);
const link = (href, text, label) =>
  h('a', { href, target: '_blank', rel: 'noopener', 'aria-label': `${label} (پنجره جدید)` }, text);

/** The figures the overlays show, as a table a screen reader and a printout can read. */
export function showElements(figures) {
  const names = new Map(figures.elements.map((e) => [e.id, elementName(e)]));
  $('#elements-table').replaceChildren(
    table(
      'عنصرهای نمودار در بازه',
      ['مرحله', 'در انتظار اکنون', 'نمونه‌های گذرکرده', 'گذرها', 'میانه زمان', 'صدک ۹۰ زمان'],
      figures.elements.map((e) =>
        h(
          'tr',
          { 'data-element': e.id },
          h('th', { scope: 'row' }, names.get(e.id)),
          h('td', {}, fa(e.waitingNow)),
          h('td', {}, fa(e.instances)),
          h('td', {}, fa(e.passes)),
          h('td', {}, seconds(e.medianMs)),
          h('td', {}, seconds(e.p90Ms)),
        ),
      ),
    ),
  );
  $('#flows-table').replaceChildren(
    table(
      'مسیرهای نمودار در بازه',
      ['مسیر', 'از', 'به', 'دفعات', 'سهم از خروجی‌های مبدأ'],
      figures.flows
        .filter((f) => f.taken || flowName(f))
        .map((f) =>
          h(
            'tr',
            { 'data-flow': f.id },
            // A flow the model leaves unnamed (a plain arrow between two steps) is told by its ends in the next columns:
            // its id (Flow_ToCaptchaGateway) would be English a reader cannot place. The exports keep the ids.
            h('th', { scope: 'row' }, flowName(f) ?? f.name ?? '—'),
            h('td', {}, names.get(f.sourceId) ?? f.sourceId),
            h('td', {}, names.get(f.targetId) ?? f.targetId),
            h('td', {}, fa(f.taken)),
            h('td', {}, percentText(f.share)),
          ),
        ),
    ),
  );
}

const hours = (s) => (s < 3600 ? `${fa(Math.round(s / 60))} دقیقه` : durationText(s));

export function showOverdue(overdue) {
  $('#overdue-list').replaceChildren(
    overdue.items.length
      ? table(
          'کارهای معوق، قدیمی‌ترین نخست',
          ['نوع', 'کد رهگیری', 'از', 'انتظار', 'مهلت', 'پیوندها'],
          overdue.items.map((i) =>
            h(
              'tr',
              {},
              h('td', {}, KIND_FA[i.kind] ?? i.kind),
              h('td', {}, ltr(i.trackingCode ?? '—')),
              h('td', {}, faDateTime(i.since)),
              h('td', {}, hours(i.waitingSeconds)),
              h('td', {}, i.dueAt ? faDateTime(i.dueAt) : '—'),
              h(
                'td',
                { class: 'links' },
                i.reviewUrl ? link(i.reviewUrl, 'صفحه کارشناسان', `درخواست ${i.trackingCode} در صفحه کارشناسان`) : null,
                link(i.cockpitUrl, 'Cockpit', `نمونه فرایند درخواست ${i.trackingCode} در Cockpit`),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'کار معوقی نیست.'),
  );
}

export function showIncidents(incidents) {
  const summary = Object.entries(incidents.bySystem).map(([s, n]) => `${SYSTEM_FA[s] ?? s}: ${fa(n)}`);
  $('#incidents-summary').textContent = summary.length ? summary.join('، ') : '';
  $('#incidents-list').replaceChildren(
    incidents.items.length
      ? table(
          'خطاهای فنی باز، قدیمی‌ترین نخست',
          ['سامانه بیرونی', 'کد و توضیح', 'مرحله', 'کد رهگیری', 'باز از', 'مدت', 'بازاجرا'],
          incidents.items.map((i) =>
            h(
              'tr',
              {},
              h('td', {}, SYSTEM_FA[i.system] ?? i.system),
              h('td', { class: 'wrap' }, ltr(i.code ?? '—'), h('br'), i.explanation.fa),
              h('td', {}, elementName({ id: i.activityId, name: i.activityId })),
              h('td', {}, ltr(i.trackingCode ?? '—')),
              h('td', {}, faDateTime(i.openSince)),
              h('td', {}, hours(i.openSeconds)),
              h('td', {}, link(i.cockpitUrl, 'Cockpit', `خطای ${i.code ?? ''} درخواست ${i.trackingCode} در Cockpit`)),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'خطای فنی بازی نیست.'),
  );
}
