import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/knex.js';
import { testDatabase } from '../support/database.js';

const { db: admin, config } = testDatabase();
afterAll(() => admin.destroy());

describe("the pool's own reports", () => {
  it('given a connection PostgreSQL cut, when the pool meets it, then the loss goes to the log given, and the next query is answered', async () => {
    const lines: string[] = [];
    const log = { warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m), debug: () => {} };
    const db = createDb(config.DATABASE_URL, { min: 0, max: 1 }, log);
    try {
      const { rows } = await db.raw('select pg_backend_pid() as pid');
      // as a PostgreSQL restart does to every connection it held
      await admin.raw('select pg_terminate_backend(?)', [rows[0].pid]);
      await new Promise((r) => setTimeout(r, 200));

      const after = await db.raw('select 1 as one');

      expect(after.rows[0].one).toBe(1);
      expect(lines.some((l) => l.startsWith('Connection Error'))).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});

describe("the pool's name in PostgreSQL", () => {
  it('given a process name, when the pool connects, then pg_stat_activity shows its connections under that name', async () => {
    const db = createDb(config.DATABASE_URL, { min: 0, max: 1 }, undefined, 'payam-api');
    try {
      const { rows } = await db.raw('select application_name from pg_stat_activity where pid = pg_backend_pid()');

      expect(rows[0].application_name).toBe('payam-api');
    } finally {
      await db.destroy();
    }
  });
});
