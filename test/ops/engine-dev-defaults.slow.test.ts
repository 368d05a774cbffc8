import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ensureEngineJar } from '../../ops/engine/build.js';
import { findJavaHome } from '../../ops/engine/jdk.js';
import { engineSettings } from '../../ops/engine/settings.js';

/**
 * The engine jar started as an operator would start it, with only the environment given (no
 * PAYAM_DEV_DEFAULTS unless said). A refused start ends within seconds, before Spring opens anything;
 * the database and port given are ones nothing answers on, so a start that was not refused fails too,
 * only later and without the message.
 */
async function startJar(env: Record<string, string>) {
  const settings = engineSettings();
  const jar = await ensureEngineJar(settings, () => undefined);
  const javaHome = findJavaHome();
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(`${javaHome}/bin/java`, ['-Xmx128m', '-jar', jar], {
      env: {
        PATH: process.env.PATH ?? '',
        JAVA_HOME: javaHome,
        ENGINE_PORT: '1',
        ENGINE_DATABASE_JDBC_URL: 'jdbc:postgresql://127.0.0.1:1/none',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('the engine refuses its development passwords unless development is asked for', () => {
  it('given no PAYAM_DEV_DEFAULTS and no passwords (NODE_ENV unset), when the engine starts, then it stops at once naming both', async () => {
    const run = await startJar({});

    expect(run.code).toBe(1);
    expect(run.out).toContain(
      'refusing to start: ENGINE_PASSWORD is not set (its development default applies only with PAYAM_DEV_DEFAULTS=1); ENGINE_ADMIN_PASSWORD is not set',
    );
    expect(run.out).not.toContain('Spring');
  });

  it('given the development passwords typed in, when the engine starts without the flag, then both are refused by name', async () => {
    const run = await startJar({ ENGINE_PASSWORD: 'payam-engine-dev', ENGINE_ADMIN_PASSWORD: 'admin' });

    expect(run.code).toBe(1);
    expect(run.out).toContain(
      'ENGINE_PASSWORD is the development default (refused without PAYAM_DEV_DEFAULTS=1); ENGINE_ADMIN_PASSWORD is the development default',
    );
  });

  it('given PAYAM_DEV_DEFAULTS=1 with NODE_ENV=production, when the engine starts, then the flag is refused', async () => {
    const run = await startJar({ PAYAM_DEV_DEFAULTS: '1', NODE_ENV: 'production' });

    expect(run.code).toBe(1);
    expect(run.out).toContain('refusing to start: PAYAM_DEV_DEFAULTS is refused when NODE_ENV=production');
  });
});
