import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { run } from '../run.js';
import type { CamundaSettings } from './settings.js';

export class DistributionError extends Error {
  static readonly code = 'CAMUNDA_DISTRIBUTION';
  readonly code = DistributionError.code;
  override name = DistributionError.name;
}

async function sha1(file: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The checksum Maven Central publishes beside the archive, as Maven stored it in the local repository. */
function publishedSha1(s: CamundaSettings): string | undefined {
  const repo = s.mavenRepoLocal ?? path.join(homedir(), '.m2', 'repository');
  const f = path.join(repo, 'io/camunda/camunda-zeebe', s.version, `camunda-zeebe-${s.version}.tar.gz.sha1`);
  return existsSync(f) ? readFileSync(f, 'utf8').trim().split(/\s+/)[0] : undefined;
}

/** Fetches the distribution with Maven (once), checks it and unpacks it into the cache. Returns its home. */
export async function ensureDistribution(s: CamundaSettings, log: (m: string) => void): Promise<string> {
  const marker = path.join(s.home, '.unpacked');
  if (existsSync(marker)) return s.home;
  mkdirSync(s.cacheDir, { recursive: true });
  if (!existsSync(s.archive)) {
    log(`fetching ${s.artifact} from Maven Central`);
    const repo = s.mavenRepoLocal ? [`-Dmaven.repo.local=${s.mavenRepoLocal}`] : [];
    const r = await run('mvn', ['-B', '-q', ...repo, 'dependency:copy', `-Dartifact=${s.artifact}`, `-DoutputDirectory=${s.cacheDir}`]);
    if (r.code !== 0 || !existsSync(s.archive)) {
      throw new DistributionError(`mvn could not fetch ${s.artifact}:\n${r.output.slice(-2000)}`);
    }
  }
  const expected = publishedSha1(s);
  const actual = await sha1(s.archive);
  if (expected && expected !== actual) {
    throw new DistributionError(`checksum mismatch for ${s.archive}: expected ${expected}, got ${actual}; delete it and retry`);
  }
  log(`unpacking ${path.basename(s.archive)} (sha1 ${actual}${expected ? ', matches Maven Central' : ''})`);
  const r = await run('tar', ['-xzf', s.archive, '-C', s.cacheDir]);
  if (r.code !== 0) throw new DistributionError(`could not unpack ${s.archive}: ${r.output}`);
  writeFileSync(marker, `${actual}\n`);
  return s.home;
}
