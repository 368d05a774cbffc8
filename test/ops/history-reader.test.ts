import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';

// The role the test setup provisioned (ops/prepare-stack.ts), as the API connects with it.
const client = new pg.Client({ connectionString: loadConfig().ENGINE_HISTORY_DATABASE_URL });
beforeAll(() => client.connect());
afterAll(() => client.end());

const refusal = (sql: string) =>
  client.query(sql).then(
    () => 'allowed',
    (e: { code?: string }) => e.code,
  );

describe("the monitor's read-only role on the engine's database", () => {
  it('reads the three history tables it needs', async () => {
    for (const table of ['act_hi_actinst', 'act_hi_procinst', 'act_hi_detail'])
      expect((await client.query(`select count(*) from ${table}`)).rows).toHaveLength(1);
  });

  it('reads nothing else: not the users and their password hashes, the runtime variables or the byte arrays', async () => {
    for (const table of ['act_id_user', 'act_ru_variable', 'act_ge_bytearray', 'act_hi_varinst', 'act_ru_job'])
      expect(await refusal(`select 1 from ${table} limit 1`), table).toBe('42501');
  });

  it('changes nothing, not even by asking for a writable transaction', async () => {
    expect(
      await refusal(
        "insert into act_hi_procinst (id_, proc_inst_id_, proc_def_id_, start_time_) values ('x','x','x',now())",
      ),
    ).toMatch(/^(25006|42501)$/);
    expect(await refusal('set transaction read write; create table monitor_probe (x int)')).toMatch(/^(25006|42501)$/);
    expect(await refusal('create table monitor_probe (x int)')).toMatch(/^(25006|42501)$/);
  });
});
