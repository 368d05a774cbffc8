import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Operaton 1.0 on Spring Boot 3.5 needs Java 17 or newer. */
const minMajor = 17;

export class JdkNotFoundError extends Error {
  static readonly code = 'JDK_NOT_FOUND';
  readonly code = JdkNotFoundError.code;
  override name = JdkNotFoundError.name;
}

function majorOf(javaHome: string): number | undefined {
  const release = path.join(javaHome, 'release');
  if (!existsSync(release) || !existsSync(path.join(javaHome, 'bin', 'java'))) return undefined;
  const m = /JAVA_VERSION="(?:1\.)?(\d+)/.exec(readFileSync(release, 'utf8'));
  return m ? Number(m[1]) : undefined;
}

const fits = (home: string) => (majorOf(home) ?? 0) >= minMajor;

/** JAVA_HOME if it is recent enough, else the newest JDK under /usr/lib/jvm (the default java may be older). */
export function findJavaHome(env: NodeJS.ProcessEnv = process.env, jvmRoot = '/usr/lib/jvm'): string {
  if (env.JAVA_HOME && fits(env.JAVA_HOME)) return env.JAVA_HOME;
  const candidates = existsSync(jvmRoot)
    ? readdirSync(jvmRoot)
        .map((d) => path.join(jvmRoot, d))
        .filter(fits)
    : [];
  candidates.sort((a, b) => (majorOf(b) ?? 0) - (majorOf(a) ?? 0));
  if (candidates[0]) return candidates[0];
  throw new JdkNotFoundError(
    `No JDK ${minMajor} or newer found (JAVA_HOME=${env.JAVA_HOME ?? 'unset'}, searched ${jvmRoot}). ` +
      `Install one, e.g. 'apt-get install openjdk-17-jdk-headless' (or Temurin 17/21), or set JAVA_HOME to it.`,
  );
}
