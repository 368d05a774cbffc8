import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main as backupMain } from '../../ops/backup.js';
import { backupSettings } from '../../ops/backup/settings.js';
import { main as restoreMain, parseTarget } from '../../ops/restore.js';

/**
 * What `npm run backup` and `npm run restore` refuse before they touch a cluster: wrong arguments (exit 2, with the
 * usage), settings that cannot work (exit 1, naming the variable), a backup that is not there. Nothing here reaches
 * a PostgreSQL: every case is refused first.
 */
const empty = mkdtempSync(path.join(os.tmpdir(), 'payam-backups-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

const ours = 'postgres://postgres@127.0.0.1:5432/payam';
const engine = 'postgres://postgres@127.0.0.1:5432/operaton';
const production = { DATABASE_URL: ours, ENGINE_DATABASE_URL: engine, BACKUP_DIR: empty };

async function cli(main: typeof backupMain, args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { env, print: (l) => out.push(l), printError: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('backup settings', () => {
  it('need BACKUP_DIR, unless development is asked for (then .cache/backups)', () => {
    expect(() => backupSettings({ DATABASE_URL: ours, ENGINE_DATABASE_URL: engine })).toThrow(/BACKUP_DIR: not set/);
    const dev = backupSettings({ DATABASE_URL: ours, ENGINE_DATABASE_URL: engine, PAYAM_DEV_DEFAULTS: '1' });
    expect(dev.dir.endsWith(path.join('.cache', 'backups'))).toBe(true);
    expect(dev.walDir).toBe(path.join(dev.dir, 'wal'));
    expect(dev.databases).toEqual(['payam', 'operaton']);
  });

  it('need both databases named, in one cluster', () => {
    expect(() => backupSettings({ ENGINE_DATABASE_URL: engine, BACKUP_DIR: empty })).toThrow(/DATABASE_URL: not set/);
    expect(() =>
      backupSettings({ ...production, ENGINE_DATABASE_URL: 'postgres://postgres@10.0.0.9:5432/operaton' }),
    ).toThrow(/different clusters/);
    expect(() =>
      backupSettings({ ...production, ENGINE_DATABASE_URL: 'postgres://postgres@127.0.0.1:5433/operaton' }),
    ).toThrow(/different clusters/);
    expect(() => backupSettings({ ...production, DATABASE_URL: 'mysql://127.0.0.1/payam' })).toThrow(
      /not a postgres:\/\/ URL/,
    );
    expect(() => backupSettings({ ...production, DATABASE_URL: 'postgres://127.0.0.1:5432' })).toThrow(
      /names no database/,
    );
  });

  it('refuse a slot name PostgreSQL would refuse, and a PG_BIN without the tools', () => {
    expect(() => backupSettings({ ...production, BACKUP_SLOT: 'Payam-Slot' })).toThrow(/BACKUP_SLOT/);
    expect(() => backupSettings({ ...production, PG_BIN: empty })).toThrow(/PG_BIN: no pg_basebackup/);
  });
});

describe('npm run backup', () => {
  it('answers unknown or combined arguments with its usage (exit 2)', async () => {
    for (const args of [['--fast'], ['now'], ['--wal-archive', '--list'], ['--list', '--list']]) {
      const r = await cli(backupMain, args, production);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('usage: npm run backup');
    }
  });

  it('names the setting that is missing (exit 1)', async () => {
    const r = await cli(backupMain, [], { DATABASE_URL: ours, ENGINE_DATABASE_URL: engine });
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('BACKUP_DIR: not set') });
  });

  it('lists no backups in an empty directory', async () => {
    const r = await cli(backupMain, ['--list'], production);
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining(`no backups in ${empty}`) });
  });
});

describe('npm run restore', () => {
  const refusedWithUsage = [
    { args: [], why: 'name one backup' },
    { args: ['latest', 'another'], why: 'name one backup' },
    { args: ['latest', '--port', '6543'], why: '--data-dir' },
    { args: ['latest', '--data-dir', '/tmp/x'], why: '--port: the new cluster needs a free port' },
    { args: ['latest', '--data-dir', '/tmp/x', '--port', '80'], why: '--port 80: not a port' },
    { args: ['latest', '--data-dir', '/tmp/x', '--port', 'five'], why: '--port five: not a port' },
    { args: ['latest', '--data-dir', '/tmp/x', '--port', '6543', '--to', '2026-12-07 01:30'], why: 'with its zone' },
    { args: ['latest', '--data-dir', '/tmp/x', '--port', '6543', '--to', '2026-12-07T01:30:00'], why: 'with its zone' },
    {
      args: ['latest', '--data-dir', '/tmp/x', '--port', '6543', '--to', '2026-12-07T01:30Z', '--no-wal'],
      why: '--no-wal',
    },
    { args: ['--check', 'latest'], why: '--check [--repair] takes nothing else' },
    { args: ['--repair'], why: '--check [--repair] takes nothing else' },
    { args: ['latest', '--in-place'], why: "Unknown option '--in-place'" },
  ];
  for (const { args, why } of refusedWithUsage)
    it(`refuses "${args.join(' ')}" with its usage (exit 2)`, async () => {
      const r = await cli(restoreMain, args, production);
      expect(r.code).toBe(2);
      expect(r.err).toContain(why);
      expect(r.err).toContain('usage: npm run restore');
    });

  it('says when there is no backup to restore (exit 1)', async () => {
    const args = ['--data-dir', path.join(empty, 'restored'), '--port', '6543'];
    const latest = await cli(restoreMain, ['latest', ...args], production);
    expect(latest).toMatchObject({ code: 1, err: expect.stringContaining(`no backups in ${empty}`) });
    mkdirSync(path.join(empty, 'not-a-backup'));
    writeFileSync(path.join(empty, 'not-a-backup', 'base.tar.gz'), '');
    const named = await cli(restoreMain, ['not-a-backup', ...args], production);
    expect(named).toMatchObject({ code: 1, err: expect.stringContaining('is no backup (no backup.json)') });
  });

  it('names the setting that is missing (exit 1)', async () => {
    const r = await cli(restoreMain, ['latest', '--data-dir', '/tmp/x', '--port', '6543'], {
      DATABASE_URL: ours,
      ENGINE_DATABASE_URL: engine,
    });
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('BACKUP_DIR: not set') });
  });

  it('reads a target time in its zone', () => {
    expect(parseTarget('2026-12-07T05:00:00+03:30').toISOString()).toBe('2026-12-07T01:30:00.000Z');
    expect(parseTarget('2026-12-07T01:30Z').toISOString()).toBe('2026-12-07T01:30:00.000Z');
    expect(() => parseTarget('2026-13-45T01:30Z')).toThrow(/with its zone/);
  });
});
