import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { staffIdentity } from '../../../adapters/engine/connect.js';
import { loadConfig } from '../../../config/config.js';
import { engineAsAdmin } from '../../support/engine-as.js';

const config = loadConfig();
const identity = staffIdentity(config);
/** What the identity did, checked as the administrator sees it in Admin (not through the adapter under test). */
const admin = engineAsAdmin();

const name = () => `eid${randomUUID().slice(0, 8)}`;
const login = async (username: string, password: string) =>
  (await admin.post('/identity/verify', { username, password })).body?.authenticated === true;
const profile = (id: string) => admin.get(`/user/${id}/profile`);
const exists = async (id: string) => (await profile(id)).status === 200;

describe('engine identity', () => {
  it('addUser: given the user exists already, then it gets the new password and the membership, and is not "created"', async () => {
    const id = name();
    expect(await identity.addUser(id, 'first passphrase here', 'it-office-reviewers', { firstName: 'Sara' })).toEqual({
      created: true,
    });
    expect(await identity.addUser(id, 'second passphrase here', 'it-office-reviewers')).toEqual({ created: false });

    expect(await identity.groupsOf(id)).toEqual(['it-office-reviewers']);
    expect(await login(id, 'second passphrase here')).toBe(true);
    expect((await profile(id)).body).toMatchObject({
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

  it('refuses the reserved accounts (the administrator, the service account), before asking the engine anything', async () => {
    for (const reserved of [config.ENGINE_ADMIN_USER, config.ENGINE_USER])
      for (const change of [
        () => identity.addUser(reserved, 'x', 'it-office-reviewers'),
        () => identity.setPassword(reserved, 'x'),
        () => identity.disable(reserved),
        () => identity.remove(reserved),
      ])
        await expect(change()).rejects.toMatchObject({ code: 'ENGINE_USER_RESERVED' });
    expect(await login(config.ENGINE_ADMIN_USER, config.ENGINE_ADMIN_PASSWORD)).toBe(true);
    expect(await login(config.ENGINE_USER, config.ENGINE_PASSWORD)).toBe(true);
  });
});
