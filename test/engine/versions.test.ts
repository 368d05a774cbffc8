import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deployModelFiles, deployModels } from '../../adapters/engine/deploy-models.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { PROCESS_ID } from '../../adapters/engine/process-model.js';
import { bpmnDir, modelFiles } from '../../adapters/bpmn/model-files.js';
import { useEngineStack } from '../support/lifecycle.js';

const ctx = useEngineStack();

/** The models as deployed, with the step-3 task renamed as a process owner would in Modeler. */
function renamedModels() {
  return modelFiles().map((file) => {
    const content = readFileSync(file, 'utf8');
    const changed =
      path.basename(file) === `${PROCESS_ID}.bpmn`
        ? content.replace(
            'name="3–5 · ورود اطلاعات، معرفی‌نامه، رمز عبور و کپچا"',
            'name="3–5 · Enter the details, the letter, a password and the captcha"',
          )
        : content;
    return { name: path.basename(file), content: Buffer.from(changed) };
  });
}

async function definitionOf(registrationId: string) {
  const [instance] = await ctx.stack.engine.historicInstances({
    processInstanceBusinessKey: registrationId,
    processDefinitionKey: PROCESS_ID,
  });
  return { version: instance!.processDefinitionVersion!, state: instance!.state! };
}

// Whatever happens here, the next test file finds the models of bpmn/ as the latest version.
afterAll(() => deployModels(ctx.stack.engine, { audit: createAuditRepo(ctx.stack.db), actor: 'test' }, bpmnDir));

describe('a process owner deploys a new version', () => {
  it('unchanged models make no new version; a changed one does; running instances finish on their version, new ones take the latest', async () => {
    // given the models of bpmn/ deployed, and redeployed unchanged
    const deployer = { audit: createAuditRepo(ctx.stack.db), actor: 'test' };
    const again = await deployModelFiles(
      ctx.stack.engine,
      deployer,
      modelFiles().map((f) => ({ name: path.basename(f), content: readFileSync(f) })),
    );
    expect(again.processes.every((p) => !p.new)).toBe(true);
    const v1 = again.processes.find((p) => p.key === PROCESS_ID)!.version;

    // and an instance waiting at step 3 on that version
    const first = await ctx.applicant.begin();

    // when the owner deploys a renamed step 3
    const v2 = await deployModelFiles(ctx.stack.engine, deployer, renamedModels());
    const deployed = v2.processes.find((p) => p.key === PROCESS_ID)!;
    expect(deployed).toMatchObject({ new: true, version: v1 + 1 });

    // then a new registration runs the new version, and shows the new name at step 3
    const second = await ctx.applicant.begin();
    const [task] = await ctx.stack.engine.openTasks(second.id);
    expect(task!.name).toBe('3–5 · Enter the details, the letter, a password and the captcha');
    expect(await definitionOf(second.id)).toMatchObject({ version: v1 + 1 });

    // and the first, on the old version, goes on to its end there
    await ctx.applicant.submit(first.id);
    await ctx.applicant.step(first.id, 'otp');
    await ctx.stack.steps.enterOtp(first.id, await ctx.applicant.latestCode(first.applicant.mobile));
    await ctx.applicant.step(first.id, 'under-review');
    await ctx.applicant.decide(first.id, { decision: 'approve' });
    await ctx.applicant.step(first.id, 'registered');
    // The applicant sees "registered" once the last worker has recorded it; the engine ends the instance as it completes that task.
    await expect.poll(() => definitionOf(first.id), { timeout: 5_000 }).toEqual({ version: v1, state: 'COMPLETED' });
  });
});
