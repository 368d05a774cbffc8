import { spawnSync } from 'node:child_process';

/**
 * PostgreSQL's server refuses to run as root, and what it reads (a restored data directory, the WAL archive) must be
 * the postgres user's: as root, these commands run as that user.
 */
export const asPostgres = (cmd: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];

/** The postgres user's uid and gid, for a long-running child spawned as that user (no runuser between to forward signals). */
export function postgresIds(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}
