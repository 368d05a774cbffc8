import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeJob, createZeebeClient, type ZeebeClient } from '../../adapters/camunda/camunda-client.js';
import { PROCESS_ID, USER_TASK_JOB_TYPE } from '../../adapters/camunda/process-model.js';
import { loadConfig } from '../../config/config.js';
import { startCamunda, stopCamunda } from '../../ops/camunda/process.js';
import { camundaSettings } from '../../ops/camunda/settings.js';

const camunda = camundaSettings();
// Only a broker this project started (it has our pid file) can be restarted by the test.
const ownBroker = existsSync(camunda.pidFile);
let zeebe: ZeebeClient;

beforeAll(() => {
  zeebe = createZeebeClient(loadConfig());
});
afterAll(() => zeebe?.close());

describe.skipIf(!ownBroker)('the broker keeps its state across a restart', () => {
  it('a task created before the restart is completed after it, and its deployment is still there', async () => {
    const instance = await zeebe.createProcessInstance({
      bpmnProcessId: PROCESS_ID,
      variables: { registrationId: 'restart-check', applicantTimeout: 'P1D', otpTimeout: 'P1D', reviewReminder: 'P1D' },
    });
    const jobs = await zeebe.activateJobs({ type: USER_TASK_JOB_TYPE, maxJobsToActivate: 100, timeout: 600_000, worker: 'restart-test', requestTimeout: 5_000 });
    const task = jobs.find((j) => j.processInstanceKey === instance.processInstanceKey);
    expect(task?.elementId).toBe('Task_ApplicantData');

    await stopCamunda(camunda, () => undefined);
    await startCamunda(camunda, () => undefined);

    await expect(completeJob(zeebe, task!.key, { submissionId: 'restart-check' })).resolves.toBeUndefined();
    await zeebe.cancelProcessInstance(instance.processInstanceKey);
    const again = await zeebe.createProcessInstance({ bpmnProcessId: PROCESS_ID, variables: { registrationId: 'restart-check' } });
    await zeebe.cancelProcessInstance(again.processInstanceKey);
  }, 180_000);
});
