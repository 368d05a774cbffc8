import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminEngine } from '../../../adapters/engine/connect.js';
import { createEngineIdentity } from '../../../adapters/engine/engine-identity.js';
import { loadConfig } from '../../../config/config.js';

const config = loadConfig();
const rest = adminEngine(config).rest;
const identity = createEngineIdentity(rest, config.ENGINE_ADMIN_PASSWORD, [config.ENGINE_ADMIN_USER]);

const name = () => `eid${randomUUID().slice(0, 8)}`;
const login = async (username: string, password: string) =>
  (await rest.POST('/identity/verify', { body: { username, password } })).data?.authenticated === true;
const exists = (id: string) =>
  rest.GET('/user/{id}/profile', { params: { path: { id } } }).then(
    () => true,
    () => false,
  );

describe('engine identity', () => {
  it('addUser: given the user exists already, then it gets the new password and the membership, and is not "created"', async () => {
    const id = name();
    expect(await identity.addUser(id, 'first passphrase here', 'it-office-reviewers', { firstName: 'Sara' })).toEqual({
      created: true,
    });
    expect(await identity.addUser(id, 'second passphrase here', 'it-office-reviewers')).toEqual({ created: false });

    expect(await identity.groupsOf(id)).toEqual(['it-office-reviewers']);
    expect(await login(id, 'second passphrase here')).toBe(true);
    expect((await rest.GET('/user/{id}/profile', { params: { path: { id } } })).data).toMatchObject({
      id,
      firstName: 'Sara',
    });
  });

  it('setPassword: given a user the engine locked after failed logins, then the new password works at once', async () => {
    const id = name();
    await identity.addUser(id, 'first passphrase here', 'performance-office');
    expect(await login(id, 'a wrong guess')).toBe(false);
    // Locked for a few seconds now: even the right password is refused.
    expect(await login(id, 'first passphrase here')).toBe(false);

    await identity.setPassword(id, 'second passphrase here');
    expect(await login(id, 'second passphrase here')).toBe(true);
  });

  it('disable: no groups and no known password, but the user stays; an unknown user is no error', async () => {
    const id = name();
    await identity.addUser(id, 'first passphrase here', 'process-owners');
    await identity.disable(id);

    expect(await identity.groupsOf(id)).toEqual([]);
    expect(await login(id, 'first passphrase here')).toBe(false);
    expect(await exists(id)).toBe(true);
    await expect(identity.disable(name())).resolves.toBeUndefined();
  });

  it('remove: deletes the user; an unknown one is no error', async () => {
    const id = name();
    await identity.addUser(id, 'first passphrase here', 'it-office-reviewers');
    await identity.remove(id);
    expect(await exists(id)).toBe(false);
    await expect(identity.remove(id)).resolves.toBeUndefined();
  });

  it('refuses the reserved accounts, before asking the engine anything', async () => {
    for (const change of [
      () => identity.addUser(config.ENGINE_ADMIN_USER, 'x', 'it-office-reviewers'),
      () => identity.setPassword(config.ENGINE_ADMIN_USER, 'x'),
      () => identity.disable(config.ENGINE_ADMIN_USER),
      () => identity.remove(config.ENGINE_ADMIN_USER),
    ])
      await expect(change()).rejects.toMatchObject({ code: 'ENGINE_USER_RESERVED' });
    expect(await login(config.ENGINE_ADMIN_USER, config.ENGINE_ADMIN_PASSWORD)).toBe(true);
  });
});
