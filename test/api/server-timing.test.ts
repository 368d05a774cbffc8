import { beforeAll, describe, expect, it } from 'vitest';
import { parseServerTiming } from '../../api/timing/server-timing.js';
import { buildApiOnStack, type ApiApp } from '../support/api-app.js';
import { apiJourney } from '../support/api-journey.js';
import { useApiOnStack } from '../support/lifecycle.js';

// With SERVER_TIMING the answers say where their time went; the benchmark reads it. Off, nothing is said.
const ctx = useApiOnStack(undefined, { SERVER_TIMING: true });
let quiet: ApiApp;

beforeAll(async () => {
  quiet = await buildApiOnStack(ctx.stack);
  return () => quiet.close();
});

describe('Server-Timing', () => {
  it('given SERVER_TIMING, when an applicant submits, then the answer names the password hash, the engine and the wait for the workers', async () => {
    const journey = apiJourney(ctx.stack, ctx.app);
    const { client, id } = await journey.ready();

    const res = await journey.submit(client, id);

    expect(res.status).toBe(200);
    expect(res.body.step).toBe('otp');
    const parts = parseServerTiming(String(res.headers['server-timing']));
    expect([...parts.keys()].sort()).toEqual(['engine', 'hash', 'task', 'wait']);
    // argon2id at 19 MiB and 2 passes is never free; the wait included three workers' round trips.
    expect(parts.get('hash')).toBeGreaterThan(1);
    expect(parts.get('wait')).toBeGreaterThan(0);
  });

  it('given the default settings, when an applicant submits, then no Server-Timing header is sent', async () => {
    const journey = apiJourney(ctx.stack, quiet);
    const { client, id } = await journey.ready();

    const res = await journey.submit(client, id);

    expect(res.status).toBe(200);
    expect(res.headers['server-timing']).toBeUndefined();
  });
});
