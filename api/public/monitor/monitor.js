import { fa } from '../js/digits.js';
import { $, h, whileBusy } from '../js/dom.js';
import { clearFieldErrors, clearNotices, showError, showFieldErrors } from '../js/notices.js';
import { staffApi } from '../js/staff-api.js';
import { initStaffLogin, staffError } from '../js/staff-login.js';
import { defaultRange } from '../reports/report-dates.js';
import { drawFigures } from './diagram.js';
import { PROCESS_FA } from './labels.js';
import { showElements, showIncidents, showOverdue } from './tables.js';

const form = () => $('#monitor-form');
let viewer = null;
let drawn = null; // the definition on the canvas
let shown = null; // the figures on screen, redrawn when the heat measure changes

/** The bpmn-js viewer, loaded on first need: the login form does not wait for it. */
async function theViewer() {
  if (!viewer) {
    const { createViewer } = await import('/modeler/assets/viewer.js');
    viewer = createViewer({ canvas: $('#canvas') });
  }
  return viewer;
}

const query = () => ({
  process: $('#process').value,
  version: $('#version').value,
  from: $('#from').value.trim(),
  to: $('#to').value.trim(),
});

function fillVersions(diagram, chosen) {
  const select = $('#version');
  select.replaceChildren(
    h('option', { value: 'latest' }, `آخرین نسخه (${fa(diagram.versions[0]?.version ?? '')})`),
    h('option', { value: 'all' }, 'همه نسخه‌ها (عنصرهای هم‌شناسه با هم)'),
    ...diagram.versions.map((v) => h('option', { value: String(v.version) }, `نسخه ${fa(v.version)}`)),
  );
  select.value = [...select.options].some((o) => o.value === chosen) ? chosen : 'latest';
}

function render(figures) {
  shown = figures;
  drawFigures(viewer, figures, $('#measure').value);
  showElements(figures);
  const d = figures.days;
  const versions =
    figures.versions.length > 1 ? `نسخه‌های ${figures.versions.map(fa).join('، ')}` : `نسخه ${fa(figures.version)}`;
  $('#figures-source').textContent =
    `${PROCESS_FA[figures.process] ?? figures.process}، ${versions}؛ ${fa(d.total)} روز: ${fa(d.fromRollup)} از آمار روزانه، ${fa(d.fromHistory)} از تاریخچه موتور (امروز)` +
    (d.withoutData ? `، ${fa(d.withoutData)} روز بی‌داده (پیش از نگهداری آمار روزانه)` : '');
  $('#monitor-body').hidden = false;
}

async function load() {
  clearNotices();
  clearFieldErrors(form());
  const q = query();
  await whileBusy($('#monitor-button'), async () => {
    try {
      const v = await theViewer();
      const diagram = await staffApi.monitorDiagram({ process: q.process, version: q.version });
      fillVersions(diagram, q.version);
      const [figures, overdue, incidents] = await Promise.all([
        staffApi.monitorFigures(q),
        staffApi.monitorOverdue(),
        staffApi.monitorIncidents(),
      ]);
      if (drawn !== diagram.definitionId) {
        $('#monitor-body').hidden = false;
        await v.open(diagram.xml);
        drawn = diagram.definitionId;
      }
      render(figures);
      showOverdue(overdue);
      showIncidents(incidents);
    } catch (e) {
      if (e.status === 401 || e.status === 403) return staffError(e, hide);
      showError(e);
      if (e.error?.fields) showFieldErrors(form(), e.error.fields);
    }
  });
}

/** The period's figures, overdue work and incidents as a file, saved by the browser under the API's name. */
async function download(format, button) {
  await whileBusy(button, async () => {
    try {
      const blob = await staffApi.monitorExport({ ...query(), format });
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `payam-monitor-${query().process}.${format}`, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      if (e.status === 401 || e.status === 403) return staffError(e, hide);
      showError(e);
    }
  });
}

function hide() {
  $('#monitor').hidden = true;
  shown = null;
}

function signedIn() {
  $('#monitor').hidden = false;
  if (!$('#from').value) {
    const today = defaultRange().to;
    $('#from').value = fa(today);
    $('#to').value = fa(today);
  }
  $('#monitor-title').focus();
  return load();
}

form().addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
$('#process').addEventListener('change', () => {
  $('#version').value = 'latest';
});
$('#measure').addEventListener('change', () => shown && viewer && drawFigures(viewer, shown, $('#measure').value));
$('#export-csv').addEventListener('click', (e) => download('csv', e.currentTarget));
$('#export-xlsx').addEventListener('click', (e) => download('xlsx', e.currentTarget));
initStaffLogin({ title: 'ورود ناظران', onSignedIn: signedIn, onSignedOut: hide });
