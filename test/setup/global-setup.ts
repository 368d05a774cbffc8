import { loadConfig } from '../../config/config.js';
import { stopCamunda } from '../../ops/camunda/process.js';
import { camundaSettings } from '../../ops/camunda/settings.js';
import { prepareStack } from '../../ops/prepare-stack.js';

const log = (m: string) => console.log(`[test setup] ${m}`);

/** Starts or reuses what the tests need: PostgreSQL, Redis, the broker; recreates the test database, migrates and deploys bpmn/. */
export default async function setup() {
  const camunda = camundaSettings();
  const { camundaStarted } = await prepareStack(loadConfig(), camunda, log, { recreateTestDatabase: true });
  return async () => {
    // Leave a broker the developer started; stop the one the test run started, as CI expects.
    if (camundaStarted && !process.env.KEEP_CAMUNDA) await stopCamunda(camunda, log);
  };
}
