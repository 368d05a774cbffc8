import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GateRefusedError } from '../../adapters/bpmn/project-gate.js';
import { deployModels } from '../../adapters/engine/deploy-models.js';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import { bpmnDir } from '../../adapters/bpmn/model-files.js';

const dir = mkdtempSync(path.join(tmpdir(), 'payam-bpmn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run deploy (deployModels) behind the deploy gate', () => {
  it('given bpmn/ with a timer emptied and a topic renamed, then it deploys nothing and names both problems', async () => {
    cpSync(bpmnDir, dir, { recursive: true });
    const file = path.join(dir, 'agency-registration.bpmn');
    const xml = readFileSync(file, 'utf8')
      .replace('camunda:topic="shahkar-inquiry"', 'camunda:topic="shahkar-inquiry-v2"')
      .replace('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${otpTimeout}</bpmn:timeDuration>', '');
    writeFileSync(file, xml);
    let deployed = false;
    const engine = {
      deploy: async () => {
        deployed = true;
      },
    } as unknown as ProcessEngine;

    const refusal = await deployModels(engine, dir).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(GateRefusedError);
    expect((refusal as GateRefusedError).problems.map((p) => [p.rule, p.elementId])).toEqual([
      ['worker-topic', 'Task_Shahkar'],
      ['timer', 'Timer_OtpTimeout'],
    ]);
    expect((refusal as GateRefusedError).message).toContain('shahkar-inquiry-v2');
    expect(deployed).toBe(false);
  });
});
