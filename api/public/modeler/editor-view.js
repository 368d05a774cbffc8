import { $, h } from '../js/dom.js';
import { showError } from '../js/notices.js';
import { staffApi } from '../js/staff-api.js';
import { onAction } from './action.js';
import { fa, versionLabel } from './versions.js';

let editor = null;
let checkTimer = null;

const problemItem = (p, onPick) => {
  const li = h(
    'li',
    { 'data-element': p.elementId, 'data-rule': p.rule },
    h('a', { href: '#', class: 'pick' }, p.text.fa),
    h('span', { class: 'en', dir: 'ltr', lang: 'en' }, p.text.en),
  );
  li.querySelector('a').addEventListener('click', (ev) => {
    ev.preventDefault();
    onPick(p.elementId);
  });
  return li;
};

function showGate(problems) {
  $('#gate-list').replaceChildren(
    ...(problems.length
      ? problems.map((p) => problemItem(p, (id) => editor?.select(id)))
      : [h('li', { class: 'ok-text' }, 'درگاه استقرار ایرادی نمی‌بیند.')]),
  );
  $('#gate').hidden = false;
}

function showLint(issues) {
  const items = Object.entries(issues).flatMap(([id, list]) => list.map((i) => ({ id, ...i })));
  $('#lint-list').replaceChildren(
    ...(items.length
      ? items.map((i) =>
          problemItem(
            {
              elementId: i.id,
              rule: i.rule,
              text: { fa: `${i.category === 'error' ? 'خطا' : 'هشدار'} · ${i.id}: ${i.message}`, en: i.rule },
            },
            (id) => editor?.select(id),
          ),
        )
      : [h('li', { class: 'ok-text' }, 'bpmnlint ایرادی نمی‌بیند.')]),
  );
}

/** The card's steps as the diagram names them, each selecting its element; redrawn after every change. */
function showCardSteps() {
  const step = (name) => Number(/^\d+/.exec(name)[0]);
  const steps = editor.cardSteps().sort((a, b) => step(a.name) - step(b.name));
  $('#card-steps-list').replaceChildren(
    ...steps.map((s) => {
      const li = h('li', { 'data-element': s.id }, h('a', { href: '#' }, h('bdi', {}, s.name)));
      li.querySelector('a').addEventListener('click', (ev) => {
        ev.preventDefault();
        editor.select(s.id);
      });
      return li;
    }),
  );
}

/** The gate again a second after the last change, so problems show as the owner edits. */
function scheduleCheck() {
  clearTimeout(checkTimer);
  showCardSteps();
  checkTimer = setTimeout(async () => {
    try {
      showGate((await staffApi.checkModel(await editor.xml())).problems);
    } catch {
      // An unfinished edit may not be readable yet; the explicit check says why.
    }
  }, 1000);
}

/** Opens a deployed version in bpmn-js (bundled at /modeler/assets/editor.js) with the properties panel and bpmnlint. */
export async function openEditor(version) {
  const { createEditor } = await import('/modeler/assets/editor.js');
  editor?.destroy();
  $('#canvas').replaceChildren();
  $('#properties').replaceChildren();
  $('#gate').hidden = true;
  editor = createEditor({
    canvas: $('#canvas'),
    properties: $('#properties'),
    onLint: showLint,
    onChange: scheduleCheck,
  });
  $('#editor-title').textContent = `ویرایش ${versionLabel(version)}`;
  await editor.open((await staffApi.versionXml(version.id)).xml);
  showCardSteps();
}

export function closeEditor() {
  clearTimeout(checkTimer);
  editor?.destroy();
  editor = null;
}

/** The check and deploy buttons: the gate's problems with their elements, or the new version. */
export function initEditorActions({ onDeployed, onError }) {
  onAction('#check-model', async () => showGate((await staffApi.checkModel(await editor.xml())).problems), onError);
  onAction(
    '#deploy-model',
    async () => {
      const { processes } = await staffApi.deployModel(await editor.xml());
      const [p] = processes;
      onDeployed(
        p.new
          ? `نسخهٔ ${fa(p.version)} مستقر شد؛ درخواست‌های تازه با این نسخه اجرا می‌شوند.`
          : `مدل تغییری نکرده بود؛ نسخهٔ ${fa(p.version)} همچنان آخرین نسخه است.`,
      );
    },
    (e) => {
      // A refusal keeps the owner in the editor, with each problem beside the diagram.
      if (e.error?.problems) showGate(e.error.problems);
      if (e.status === 422) showError(e);
      else onError(e);
    },
  );
}
