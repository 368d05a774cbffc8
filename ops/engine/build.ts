import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../run.js';
import { findJavaHome } from './jdk.js';
import type { EngineSettings } from './settings.js';

export class EngineBuildError extends Error {
  static readonly code = 'ENGINE_BUILD';
  readonly code = EngineBuildError.code;
  override name = EngineBuildError.name;
}

function filesUnder(dir: string, skip: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (full === skip) return [];
    return e.isDirectory() ? filesUnder(full, skip) : e.isFile() ? [full] : [];
  });
}

/** One SHA-256 over the names and contents of engine/'s sources (not target/), so any edit means a rebuild. */
export function sourceHash(s: EngineSettings): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(s.sourceDir, path.join(s.sourceDir, 'target')).sort()) {
    hash.update(`${path.relative(s.sourceDir, file)}\0`);
    hash.update(createHash('sha256').update(readFileSync(file)).digest());
  }
  return hash.digest('hex');
}

const builtHash = (s: EngineSettings) =>
  existsSync(s.jar) && existsSync(s.jarHash) ? readFileSync(s.jarHash, 'utf8').trim() : undefined;

/** The cached jar, built with Maven first if engine/ changed since it was built (or it was never built). */
export async function ensureEngineJar(
  s: EngineSettings,
  log: (m: string) => void,
  { force = false } = {},
): Promise<string> {
  const hash = sourceHash(s);
  if (!force && builtHash(s) === hash) return s.jar;
  log(`building engine/ with Maven (sources ${hash.slice(0, 12)})`);
  const env = { ...process.env, JAVA_HOME: findJavaHome() };
  const r = await run('mvn', ['-B', '-q', 'package', '-DskipTests'], { cwd: s.sourceDir, env });
  if (r.code === 127)
    throw new EngineBuildError(`Maven (mvn) was not found; install it ('apt-get install maven') to build engine/`);
  const built = path.join(s.sourceDir, 'target', 'payam-engine.jar');
  if (r.code !== 0 || !existsSync(built))
    throw new EngineBuildError(`mvn package failed in ${s.sourceDir}:\n${r.output.slice(-3000)}`);
  mkdirSync(s.cacheDir, { recursive: true });
  // Copy, then rename: an engine starting meanwhile never sees half a jar.
  copyFileSync(built, `${s.jar}.tmp`);
  renameSync(`${s.jar}.tmp`, s.jar);
  writeFileSync(s.jarHash, `${hash}\n`);
  log(`engine built: ${s.jar}`);
  return s.jar;
}
