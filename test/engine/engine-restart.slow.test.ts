import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceEngine } from '../../adapters/engine/connect.js';
import { loadConfig } from '../../config/config.js';
import { startEngine, stopEngine } from '../../ops/engine/process.js';
import { engineSettings } from '../../ops/engine/settings.js';

const PROCESS_KEY = 'agency-registration';
const settings = engineSettings();
// Only an engine this project started (it has our pid file) can be restarted by the test.
const ownEngine = existsSync(settings.pidFile);
const engine = serviceEngine(loadConfig());
const businessKey = `restart-${randomUUID()}`;
const quiet = () => undefined;

/** The latest version of each deployed process, as "key:id". */
async function latestDefinitions() {
  return (await engine.latestDefinitions()).map((d) => `${d.key}:${d.id}`).sort();
}

afterAll(async () => {
  for (const p of await engine.runningInstances(PROCESS_KEY))
    if (p.businessKey === businessKey) await engine.cancel(p.id);
});

describe.skipIf(!ownEngine)('the engine keeps its state across a restart', () => {
  it('a user task created before the restart is completed after it, and the deployed definitions are still there', async () => {
    // given: a registration waiting at its first user task
    const definitionsBefore = await latestDefinitions();
    const instance = await engine.start(PROCESS_KEY, businessKey, {
      registrationId: businessKey,
      applicantTimeout: 'P3D',
      otpTimeout: 'PT15M',
      reviewReminder: 'P2D',
    });
    const [task] = await engine.openTasks(businessKey, ['Task_ApplicantData']);
    expect(task?.processInstanceId).toBe(instance.id);

    // when: the engine stops and starts again
    await stopEngine(settings, quiet);
    await startEngine(settings, quiet);

    // then: the same definitions and the same open task, which can be completed
    expect(await latestDefinitions()).toEqual(definitionsBefore);
    expect((await engine.openTasks(businessKey)).map((t) => t.id)).toEqual([task!.id]);
    await engine.completeTask(task!.id, { submissionId: businessKey });
    expect(await engine.openTasks(businessKey, ['Task_ApplicantData'])).toEqual([]);
    expect((await engine.runningInstances(PROCESS_KEY)).map((p) => p.id)).toContain(instance.id);
  }, 240_000);
});
