import fp from 'fastify-plugin';
import { createDb, type Db } from '../../db/knex.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

interface KnexPluginOptions {
  /** A pool someone else owns (a test's); it is left open on close. */
  db?: Db;
}

export default fp<KnexPluginOptions>(
  async (app, opts) => {
    const db = opts.db ?? createDb(app.config.DATABASE_URL, undefined, app.log, 'payam-api');
    // Fail at start, not on the first applicant's request.
    await db.raw('select 1');
    app.decorate('db', db);
    if (!opts.db) app.addHook('onClose', async () => db.destroy());
  },
  { name: 'knex', dependencies: ['config'] },
);
