// The editor of the modeler page: bpmn-js's Modeler with the Camunda 7 properties panel, the Camunda 7
// behaviours and bpmnlint with the project's .bpmnlintrc (packed at build time by ops/modeler-bundle.ts).
// Bundled by esbuild into .cache/modeler/ and served same-origin at /modeler/assets/; the page logic is
// api/public/modeler/*.js.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import camundaBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import packedLintConfig from 'payam-packed-lint-config';
import translateFa from './translate-fa.js';

/**
 * Opens an editor in `canvas` with its properties panel in `properties`. `onLint` gets bpmnlint's issues
 * (by element id) after every change; `onChange` is called when the diagram changes.
 */
export function createEditor({ canvas, properties, onLint, onChange }) {
  const modeler = new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: properties },
    linting: { bpmnlint: packedLintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      camundaBehaviors,
      lintModule,
      { translate: ['value', translateFa] },
    ],
    moddleExtensions: { camunda: camundaModdle },
  });
  modeler.on('linting.completed', ({ issues }) => onLint?.(issues));
  modeler.on('commandStack.changed', () => onChange?.());
  return {
    async open(xml) {
      await modeler.importXML(xml);
      // The whole diagram in view, clear of the palette that floats over the canvas's left edge.
      const canvas = modeler.get('canvas');
      canvas.zoom('fit-viewport');
      canvas.zoom(canvas.viewbox().scale * 0.9, { x: 0, y: 0 });
      canvas.scroll({ dx: 110, dy: 10 });
    },
    async xml() {
      return (await modeler.saveXML({ format: true })).xml;
    },
    /** The elements (and flows) whose names start with card step numbers ("7 · …", "3–5 · …"), in diagram order. */
    cardSteps() {
      return modeler
        .get('elementRegistry')
        .filter((e) => /^\d+(?:-\d+)?(?:–\d+)? · /.test(e.businessObject?.name ?? '') && !e.labelTarget)
        .map((e) => ({ id: e.id, name: e.businessObject.name }));
    },
    select(id) {
      const element = modeler.get('elementRegistry').get(id);
      if (!element) return;
      modeler.get('selection').select(element);
      modeler.get('canvas').scrollToElement(element);
    },
    destroy: () => modeler.destroy(),
  };
}
