import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenIncident } from '../../adapters/engine/process-engine.js';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { createDb, migrateLatest, type Db } from '../../db/knex.js';
import { watchIncidents } from '../../workers/alerts/incident-watcher.js';
import { scratchDatabase } from '../support/database.js';

/**
 * The watcher's hour, moved on by a clock instead of waited for, over a database of its own (the engine files'
 * watcher keeps its state in the shared one). The engine's incidents are a list this file sets: the real engine
 * path (PGSB cut, retried in Cockpit's way) is test/engine/incident-alerts.test.ts.
 */
const scratch = scratchDatabase('alerts');
let db: Db;
let incidents: OpenIncident[] = [];
let clock = new Date('2026-12-06T02:00:00Z');
const offered: string[] = [];
const minutes = (n: number) => new Date(clock.getTime() + n * 60_000);

const incident = (id: string, message: string, createdAt: Date, activityId = 'Task_CivilRegistry'): OpenIncident => ({
  id,
  activityId,
  processInstanceId: `pi-${id}`,
  processDefinitionId: 'agency-registration:1:def',
  message,
  createdAt,
});

const run = () =>
  watchIncidents({
    db,
    engine: {
      openIncidents: async () => incidents,
      instancesAt: async (activityId) => incidents.filter((i) => i.activityId === activityId).length,
      activityName: async (_pi, activityId) =>
        activityId === 'Task_Shahkar' ? '8 · Shahkar inquiry over PGSB' : '7 · Civil-registry inquiry over PGSB',
      tasksOf: async () => [],
    },
    config: { ...loadConfig({ PAYAM_DEV_DEFAULTS: '1' }) },
    logger: createLogger({ level: 'silent' }),
    notifications: { offer: async (id) => (offered.push(id), true) },
    now: () => clock,
  });
const kinds = async () => (await run()).map((w) => `${w.system}:${w.kind}`);

beforeAll(async () => {
  await scratch.create();
  db = createDb(scratch.url);
  await migrateLatest(db);
});
beforeEach(async () => {
  await db('notifications').delete();
  await db('operations_alerts').delete();
  await db('incident_alert_state').delete();
  incidents = [];
  offered.length = 0;
});
afterAll(async () => {
  await db?.destroy();
  await scratch.drop();
});

describe('the incident watcher’s hour', () => {
  it('alerts once; within the hour nothing more; after it, again only if incidents were raised since', async () => {
    incidents = [incident('a', 'PGSB_TIMEOUT: no answer', clock)];
    expect(await kinds()).toEqual(['pgsb:incident']);
    expect(await kinds()).toEqual([]);

    clock = minutes(30);
    incidents.push(incident('b', 'PGSB_TIMEOUT: no answer', clock, 'Task_Shahkar'));
    expect(await kinds()).toEqual([]);

    // An hour after the first alert: the one raised since is news, and the alert counts both steps
    clock = minutes(31);
    expect(await kinds()).toEqual(['pgsb:incident']);
    const [, second] = await db('operations_alerts').orderBy('created_at');
    expect(second.facts).toMatchObject({
      incidents: 2,
      steps: [
        { activityId: 'Task_CivilRegistry', step: '7 · Civil-registry inquiry over PGSB', incidents: 1, waiting: 1 },
        { activityId: 'Task_Shahkar', step: '8 · Shahkar inquiry over PGSB', incidents: 1, waiting: 1 },
      ],
    });

    // Another hour with the same incidents open: nothing new, no reminder
    clock = minutes(120);
    expect(await kinds()).toEqual([]);
    expect(offered).toHaveLength(2);
  });

  it('systems apart: SMS failing does not wait on PGSB’s hour, and each gets its own all-clear', async () => {
    incidents = [incident('a', 'PGSB_UNAVAILABLE: 503', clock)];
    expect(await kinds()).toEqual(['pgsb:incident']);
    clock = minutes(5);
    incidents.push(incident('s', 'SMS_TIMEOUT: gateway', clock, 'Task_OtpSend'));
    expect(await kinds()).toEqual(['sms:incident']);

    incidents = incidents.filter((i) => i.id !== 'a');
    expect(await kinds()).toEqual(['pgsb:all-clear']);
    expect(await kinds()).toEqual([]);
    incidents = [];
    expect(await kinds()).toEqual(['sms:all-clear']);
    expect(await kinds()).toEqual([]);
  });

  it('a system failing again within the hour of its last alert waits for the hour, then alerts', async () => {
    incidents = [incident('a', 'CA_UNAVAILABLE: down', clock, 'Task_CaIssue')];
    expect(await kinds()).toEqual(['ca:incident']);
    incidents = [];
    clock = minutes(10);
    expect(await kinds()).toEqual(['ca:all-clear']);

    clock = minutes(10);
    incidents = [incident('b', 'CRL_UNREACHABLE: timeout', clock, 'Task_LetterSignature')];
    expect(await kinds()).toEqual([]);
    clock = minutes(40);
    expect(await kinds()).toEqual(['ca:incident']);
  });
});
