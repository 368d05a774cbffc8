import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountLogin } from '../support/account-login.js';
import { newClientAddress } from '../support/api-app.js';
import { insertAccount } from '../support/database.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { staffToken } from '../support/staff.js';
import {
  operationsOf,
  problemsOf,
  requestArbitrary,
  type FuzzContext,
  type OpenApiDocument,
} from '../fuzz/openapi-requests.js';

/**
 * Property-based requests from the OpenAPI document against every public and staff operation, in
 * process (app.inject) on the real database, engine and Redis: schema-valid bodies and near misses,
 * any JSON, other content types, broken multipart, ids and tokens right, wrong and missing.
 * `npm run fuzz` sends FUZZ_RUNS=10000; `npm test` a smaller number. FUZZ_SEED repeats a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_500);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const PASSWORD = 'a long passphrase for payam';
// Printed whatever the outcome, so a failing run can be repeated with FUZZ_SEED.
console.log(`[fuzz] ${RUNS} requests, seed ${SEED}: FUZZ_SEED=${SEED} repeats this run`);

// A submit that passes answers at once rather than waiting for the next step.
const ctx = useApiOnStack({}, { SUBMIT_WAIT_MS: 0 });

describe(`the API under ${RUNS} fuzzed requests (seed ${SEED})`, () => {
  it(
    'answers no request with a server error; every error has its id and Persian and English texts; every 422 names its field',
    async () => {
      const { app, stack } = ctx;
      const registrations = new Map<string, string>();
      const startOne = async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/registrations',
          remoteAddress: newClientAddress(),
          payload: {},
        });
        const { token, registration } = res.json() as { token: string; registration: { id: string } };
        registrations.set(registration.id, token);
      };
      for (let i = 0; i < 4; i++) await startOne();
      let staff = await staffToken(app, stack.db, 'admin');
      const account = await insertAccount(stack.db, PASSWORD);
      const loginAccount = async () => (await accountLogin(app, account.username, PASSWORD)).body.token;
      let accountToken = await loginAccount();

      const doc = app.swagger() as unknown as OpenApiDocument;
      const operations = operationsOf(doc).map((o) => o.name);
      const live: FuzzContext = {
        registrationId: (pick) => {
          const ids = [...registrations.keys()];
          return ids[Math.floor(pick * ids.length)]!;
        },
        tokenFor: (scheme, id) =>
          scheme === 'staffBearer'
            ? staff
            : scheme === 'accountBearer'
              ? accountToken
              : (registrations.get(id ?? '') ?? [...registrations.values()][0]),
      };
      const requests = fc.sample(requestArbitrary(doc), { numRuns: RUNS, seed: SEED });

      const seen = new Map<string, Map<number, number>>();
      const problems: string[] = [];
      const kinds = new Set<string>();
      const startedAt = Date.now();
      for (const r of requests) {
        const inject = r.build(live);
        const res = await app.inject(inject);
        const statuses = seen.get(r.operation) ?? new Map<number, number>();
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        seen.set(r.operation, statuses);
        // One example of each kind of problem per operation, so that one frequent kind does not hide the others.
        for (const p of problemsOf(res))
          if (!kinds.has(`${r.operation} ${p}`) && kinds.add(`${r.operation} ${p}`))
            problems.push(
              `${p}: ${inject.method} ${String(inject.url).slice(0, 120)} ${String((inject.headers as Record<string, string>)['content-type'] ?? '')} → ${res.body.slice(0, 200)}`,
            );
        // A request that ended a session: the next ones get a live one again, so they reach past the login.
        if (res.statusCode === 204 && r.operation === 'POST /api/staff/logout')
          staff = await staffToken(app, stack.db, 'admin');
        if (res.statusCode === 204 && r.operation === 'POST /api/auth/logout') accountToken = await loginAccount();
        if (res.statusCode === 204 && r.operation === 'DELETE /api/registrations/{id}/session') {
          registrations.delete(String(inject.url).split('/')[3]!);
          await startOne();
        }
      }
      const ms = Date.now() - startedAt;
      const table = [...seen.entries()].sort().map(
        ([op, st]) =>
          `${op.padEnd(52)} ${[...st.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([s, n]) => `${s}×${n}`)
            .join(' ')}`,
      );
      console.log(
        `[fuzz] ${requests.length} requests in ${(ms / 1000).toFixed(1)} s, seed ${SEED}, ${problems.length} problems\n${table.join('\n')}`,
      );

      expect(problems).toEqual([]);
      expect([...seen.keys()].sort()).toEqual([...operations].sort());
    },
    60_000 + RUNS * 100,
  );
});
