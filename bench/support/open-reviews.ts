import pg from 'pg';
import { REVIEW_PROCESS_ID } from '../../adapters/engine/process-model.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';

/**
 * A seeded history has no running instances: the reviewers' list reads the engine's open tasks, so each
 * registration the seed left under review gets its review started in the engine (as the registration's call
 * activity starts it: business key = registration id), with its task waiting in the reviewers' group.
 * The engine's runtime tables are analyzed afterwards (see analyzeRuntimeTables). Returns how many are open.
 */
export async function openSeededReviews(config: Config, db: Db, engineDatabaseUrl: string) {
  const auth = `Basic ${Buffer.from(`${config.ENGINE_USER}:${config.ENGINE_PASSWORD}`).toString('base64')}`;
  const count = async () => {
    const res = await fetch(`${config.ENGINE_URL}/task/count?taskDefinitionKey=Task_Review`, {
      headers: { authorization: auth },
    });
    return ((await res.json()) as { count: number }).count;
  };
  const already = await count();
  const rows = await db('registrations')
    .where({ status: 'under-review' })
    .orderBy('review_started_at')
    .select<{ id: string; tracking_code: string }[]>('id', 'tracking_code');
  if (already >= rows.length) return already;
  const start = async (r: { id: string; tracking_code: string }) => {
    const res = await fetch(`${config.ENGINE_URL}/process-definition/key/${REVIEW_PROCESS_ID}/start`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        businessKey: r.id,
        variables: {
          reviewReminder: { value: config.REVIEW_REMINDER, type: 'String' },
          agencyName: { value: `agency ${r.tracking_code}`, type: 'String' },
          trackingCode: { value: r.tracking_code, type: 'String' },
        },
      }),
    });
    if (!res.ok) throw new Error(`starting a review answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  const queue = rows.slice(already);
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let r = queue.shift(); r; r = queue.shift()) await start(r);
    }),
  );
  await analyzeRuntimeTables(engineDatabaseUrl);
  return count();
}

/**
 * Hundreds of tasks opened within a minute leave the engine's runtime tables without statistics until autovacuum
 * gets to them (minutes on a busy machine). PostgreSQL then plans the reviewers' group query as a nested loop over
 * every task and identity link: at 1,889 open reviews 1.3 s in PostgreSQL instead of 21 ms (measured, issue 22).
 * In service the queue grows over days and the tables have their statistics: that is the state measured.
 */
async function analyzeRuntimeTables(engineDatabaseUrl: string) {
  const owner = new pg.Client({ connectionString: engineDatabaseUrl });
  await owner.connect();
  try {
    await owner.query('analyze act_ru_task, act_ru_identitylink, act_ru_execution');
  } finally {
    await owner.end();
  }
}
