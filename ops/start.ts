import { loadConfig } from '../config/config.js';
import { camundaSettings } from './camunda/settings.js';
import { startChildren } from './children.js';
import { prepareStack } from './prepare-stack.js';

/** `npm start`: everything a developer needs, from a fresh clone, in one command. */
const log = (m: string) => console.log(`[start] ${m}`);
const config = loadConfig();
const camunda = camundaSettings();
const t0 = Date.now();

await prepareStack(config, camunda, log);

const services = startChildren([
  { name: 'pgsb-sim', script: 'simulators/pgsb/main.ts' },
  { name: 'sms-sim', script: 'simulators/sms/main.ts' },
  { name: 'mail', script: 'simulators/mail-catcher/main.ts' },
  { name: 'workers', script: 'workers/main.ts' },
  { name: 'api', script: 'api/server.ts' },
]);

const base = config.PUBLIC_BASE_URL;
log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s
  Applicant form        ${base}/
  API documentation     ${base}/docs
  Mail catcher          http://localhost:${process.env.MAIL_CATCHER_HTTP_PORT ?? 8025}/
  PGSB simulator        ${config.PGSB_BASE_URL}/__sim/calls
  SMS simulator         ${config.SMS_BASE_URL}/__sim/messages?to=09…
  Zeebe gRPC            ${config.ZEEBE_GRPC_ADDRESS}
  Zeebe REST API        ${config.ZEEBE_REST_ADDRESS}/v2/topology
  Operate / Tasklist    not available on Camunda ${camunda.version} without Elasticsearch (see README)
  Incidents             npm run incidents
Ctrl-C stops the Node services; Camunda keeps running (npm run camunda -- stop).`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log('stopping the Node services');
    services.stop().then(() => process.exit(0));
  });
}
