import { loadConfig } from '../config/config.js';
import { createDb, migrateLatest } from '../db/knex.js';
import { ensurePostgres } from './services.js';

const config = loadConfig();
const direction = process.argv[2] ?? 'latest';
await ensurePostgres(config.DATABASE_URL, (m) => console.log(`[postgres] ${m}`));
const db = createDb(config.DATABASE_URL);
try {
  if (direction === 'rollback') {
    const [, undone] = (await db.migrate.rollback(undefined, true)) as [number, string[]];
    console.log(`[migrate] rolled back: ${undone.join(', ') || 'nothing'}`);
  } else {
    const applied = await migrateLatest(db);
    console.log(`[migrate] applied: ${applied.join(', ') || 'none (up to date)'}`);
  }
} finally {
  await db.destroy();
}
