import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelerBundleDir } from '../../config/paths.js';
import { ensureModelerBundle } from '../../ops/modeler-bundle.js';

describe("the modeler page's editor bundle", () => {
  it("is built from the project's sources once per set of inputs, and lints with the rules of .bpmnlintrc", async () => {
    // given a bundle built for the current inputs (the test set-up builds it), a second call builds nothing
    await ensureModelerBundle();
    expect(await ensureModelerBundle()).toEqual({ built: false });

    // and the bundle carries bpmnlint's recommended rules and the Camunda 7.24 compat rules .bpmnlintrc names
    const js = readFileSync(path.join(modelerBundleDir, 'editor.js'), 'utf8');
    const rc = JSON.parse(readFileSync('.bpmnlintrc', 'utf8')) as { rules: Record<string, string> };
    for (const rule of [
      'bpmnlint/label-required',
      'bpmnlint/no-implicit-split',
      'bpmnlint-plugin-camunda-compat/history-time-to-live',
      ...Object.keys(rc.rules),
    ]) {
      expect(js, rule).toContain(rule.replace(/^camunda-compat\//, 'bpmnlint-plugin-camunda-compat/'));
    }
    expect(readFileSync(path.join(modelerBundleDir, 'editor.css'), 'utf8')).toContain('.bio-properties-panel');
  });
});
