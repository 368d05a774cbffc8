import { ensureEngineJar } from './engine/build.js';
import { engineStatus, restUrl, startEngine, stopEngine } from './engine/process.js';
import { engineSettings } from './engine/settings.js';
import { ensurePostgres } from './services.js';

/** `npm run engine -- build|start|stop|status`: the local engine (engine/, run as a jar in the background). */
const log = (m: string) => console.log(`[engine] ${m}`);
const s = engineSettings();
const command = process.argv[2] ?? 'status';

const commands: Record<string, () => Promise<unknown>> = {
  build: () => ensureEngineJar(s, log).then((jar) => log(`jar up to date: ${jar}`)),
  start: async () => {
    // The engine creates its tables itself, but not its database.
    await ensurePostgres(s.databaseUrl, log);
    const { started } = await startEngine(s, log);
    log(
      `${started ? 'ready' : 'reused'}: REST ${restUrl(s)} (HTTP Basic), webapps http://localhost:${s.port}/operaton/app/`,
    );
  },
  stop: () => stopEngine(s, log),
  status: () => engineStatus(s).then((st) => console.log(JSON.stringify(st, null, 2))),
};

const fn = commands[command];
if (!fn) {
  console.error(`usage: npm run engine -- ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
fn().catch((e: Error & { code?: string }) => {
  console.error(`[engine] ${e.code ?? 'ERROR'}: ${e.message}`);
  process.exit(1);
});
