import { fa } from '../js/digits.js';
import { $, h, whileBusy } from '../js/dom.js';
import { clearFieldErrors, clearNotices, showError, showFieldErrors } from '../js/notices.js';
import { staffApi } from '../js/staff-api.js';
import { initStaffLogin, staffError } from '../js/staff-login.js';
import { drawCharts } from './charts.js';
import { showInstances } from './instances.js';
import { unsuccessfulOf } from './labels.js';
import { defaultRange } from './report-dates.js';
import { showTable } from './report-table.js';

const form = () => $('#report-form');
let shown = null; // the report on screen, for a redraw

const tile = (label, value, hint) =>
  h(
    'div',
    { class: 'tile' },
    label,
    h('span', { class: 'value' }, fa(value)),
    hint ? h('span', { class: 'hint' }, hint) : null,
  );

function render(report, query) {
  shown = report;
  $('#report-body').hidden = false;
  $('#instances').hidden = true;
  const t = report.total;
  $('#tiles').replaceChildren(
    tile('شروع‌شده در بازه', t.started),
    tile('موفق', t.successful),
    tile('ناموفق', unsuccessfulOf(t)),
    tile('باز', t.open),
    tile('باز در این لحظه', report.openNow, 'همه درخواست‌های باز، از هر تاریخ'),
  );
  drawCharts(report);
  const failed = (e) => staffError(e, hide);
  showTable(report, (period, figure) => showInstances(query, period, figure, { onError: failed }).catch(failed));
}

async function load() {
  clearNotices();
  clearFieldErrors(form());
  const query = {
    from: $('#from').value.trim(),
    to: $('#to').value.trim(),
    bucket: $('#bucket').value,
    calendar: $('#calendar').value,
  };
  await whileBusy($('#report-button'), async () => {
    try {
      render(await staffApi.report(query), query);
    } catch (e) {
      if (e.status === 401 || e.status === 403) return staffError(e, hide);
      showError(e);
      showFieldErrors(form(), e.error.fields);
    }
  });
}

function hide() {
  $('#report').hidden = true;
  shown = null;
}

function signedIn() {
  $('#report').hidden = false;
  if (!$('#from').value)
    Object.entries(defaultRange()).forEach(([k, v]) => ($(`#${k}`).value = k === 'from' || k === 'to' ? fa(v) : v));
  $('#report-title').focus();
  return load();
}

form().addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
// The charts are drawn to their box's width: a turned phone or a resized window draws them again (before the next paint).
let drawnAt = 0;
new ResizeObserver(([entry]) => {
  const width = Math.round(entry.contentRect.width);
  if (shown && width && width !== drawnAt) drawCharts(shown);
  drawnAt = width;
}).observe($('#report-body'));
initStaffLogin({ title: 'ورود ناظران', onSignedIn: signedIn, onSignedOut: hide });
