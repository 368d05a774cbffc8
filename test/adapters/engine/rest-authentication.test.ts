import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { adminEngine } from '../../../adapters/engine/connect.js';
import { createEngineIdentity } from '../../../adapters/engine/engine-identity.js';
import { loadConfig } from '../../../config/config.js';

const config = loadConfig();
const identity = createEngineIdentity(adminEngine(config).rest, config.ENGINE_ADMIN_PASSWORD, [
  config.ENGINE_ADMIN_USER,
]);
const remembered = Number(process.env.ENGINE_REST_AUTH_CACHE_SECONDS);

/** The status of a REST call as `user` with `password`: 401 when the engine does not take the credentials. */
const statusAs = async (user: string, password: string) =>
  (
    await fetch(`${config.ENGINE_URL}/task/count`, {
      headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
    })
  ).status;

describe("the engine's REST API remembers an accepted caller for a short time only", () => {
  it('a wrong password is refused even right after the right one was accepted', async () => {
    const id = `rest${randomUUID().slice(0, 8)}`;
    await identity.addUser(id, 'first passphrase here', 'performance-office');
    expect(await statusAs(id, 'first passphrase here')).toBe(200);
    expect(await statusAs(id, 'first passphrase here!')).toBe(401);
    expect(await statusAs(id, '')).toBe(401);
  });

  it(`a disabled user's credentials stop working within ENGINE_REST_AUTH_CACHE_SECONDS (${remembered} s here)`, async () => {
    expect(remembered).toBeGreaterThan(0);
    const id = `rest${randomUUID().slice(0, 8)}`;
    await identity.addUser(id, 'first passphrase here', 'performance-office');
    expect(await statusAs(id, 'first passphrase here')).toBe(200);
    await identity.disable(id);
    await sleep(remembered * 1000 + 500);
    expect(await statusAs(id, 'first passphrase here')).toBe(401);
  });
});
