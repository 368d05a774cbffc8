import { ensureDistribution } from './camunda/distribution.js';
import { camundaStatus, startCamunda, stopCamunda } from './camunda/process.js';
import { camundaSettings } from './camunda/settings.js';

const log = (m: string) => console.log(`[camunda] ${m}`);
const s = camundaSettings();
const command = process.argv[2] ?? 'status';

const commands: Record<string, () => Promise<unknown>> = {
  fetch: () => ensureDistribution(s, log).then((home) => log(`distribution ready at ${home}`)),
  start: () => startCamunda(s, log).then(() => log(`ready: gRPC localhost:${s.grpcPort}, REST http://localhost:${s.restPort}/v2`)),
  stop: () => stopCamunda(s, log),
  status: () => camundaStatus(s).then((st) => console.log(JSON.stringify(st, null, 2))),
};

const fn = commands[command];
if (!fn) {
  console.error(`usage: npm run camunda -- ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
fn().catch((e: Error & { code?: string }) => {
  console.error(`[camunda] ${e.code ?? 'ERROR'}: ${e.message}`);
  process.exit(1);
});
