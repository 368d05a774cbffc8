import { loadConfig } from '../config/config.js';
import { startChildren } from './children.js';
import { historyReaderUrlFor } from './engine/history-reader.js';
import { engineSettings } from './engine/settings.js';
import { NODE_SERVICES } from './node-services.js';
import { prepareStack } from './prepare-stack.js';
import { startProxy } from './proxy/nginx.js';
import { proxySettings } from './proxy/settings.js';

/** `npm start`: everything a developer needs, from a fresh clone, in one command. */
const log = (m: string) => console.log(`[start] ${m}`);
// It runs the simulators, so it is development by definition: it asks for the development secrets and
// addresses, for itself, its children and the engine (which read the same variable); a value set wins.
process.env.PAYAM_DEV_DEFAULTS ??= '1';
const engine = engineSettings();
const proxy = proxySettings({ ...process.env, ENGINE_PORT: String(engine.port) });
// The API believes X-Forwarded-For from the proxy's own source address only; staff links lead to the web apps
// through the proxy. A value set wins.
if (proxy.sourceAddress) process.env.API_TRUST_PROXY ??= proxy.sourceAddress;
process.env.ENGINE_WEBAPP_URL ??= `${proxy.origin}/operaton`;
// The monitor's read-only role on whichever engine database this start uses (created by prepareStack).
if (process.env.PAYAM_DEV_DEFAULTS === '1')
  process.env.ENGINE_HISTORY_DATABASE_URL ??= historyReaderUrlFor(engine.databaseUrl);
const config = loadConfig();
const t0 = Date.now();

await prepareStack(config, engine, log);
await startProxy(proxy, log);

const services = startChildren(NODE_SERVICES);

const base = config.PUBLIC_BASE_URL;
const webapps = config.ENGINE_WEBAPP_URL.replace(/\/$/, '');
// Only the development default is worth printing; a configured password stays off the terminal.
const adminLogin =
  config.PAYAM_DEV_DEFAULTS && config.ENGINE_ADMIN_PASSWORD === 'admin'
    ? `${config.ENGINE_ADMIN_USER} / admin`
    : `${config.ENGINE_ADMIN_USER} / ENGINE_ADMIN_PASSWORD`;
log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s
  One origin (https)    ${proxy.origin}/  (the form, staff pages, API, web apps at /operaton/; the certificate is local)
  Applicant form        ${base}/
  Registration office   ${base}/ra/     (staff role ra-clerk: PAYAM_DEV_DEFAULTS=1 npm run staff -- add <name> --role ra-clerk)
  Certificate status    ${base}/status/
  Process monitor       ${base}/monitor/     (staff role supervisor: PAYAM_DEV_DEFAULTS=1 npm run staff -- add <name> --role supervisor)
  API documentation     ${base}/docs
  Cockpit               ${webapps}/app/cockpit/     (login ${adminLogin})
  Tasklist              ${webapps}/app/tasklist/
  Admin                 ${webapps}/app/admin/
  Engine REST API       ${config.ENGINE_URL}     (HTTP Basic, user ${config.ENGINE_USER})
  Metrics (Prometheus)  http://${config.METRICS_HOST}:${config.API_METRICS_PORT}/metrics (API, process figures), :${config.WORKERS_METRICS_PORT}/metrics (workers)
  Mail catcher          http://localhost:${process.env.MAIL_CATCHER_HTTP_PORT ?? 8025}/
  PGSB simulator        ${config.PGSB_BASE_URL}/__sim/calls
  SMS simulator         ${config.SMS_BASE_URL}/__sim/messages?to=09…
  CA simulator          http://127.0.0.1:${process.env.CA_SIM_PORT ?? 3300}/crl/trusted.crl  (npm run ca:letter)
Ctrl-C stops the Node services; the engine and the proxy keep running in the background
(npm run engine -- stop; log ${engine.logFile}) (npm run proxy -- stop; log ${proxy.errorLog}).`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log('stopping the Node services');
    services.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('[start] stopping failed:', e);
        process.exit(1);
      },
    );
  });
}
