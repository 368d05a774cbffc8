import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createLoginFailuresRepo } from '../../db/login-failures-repo.js';
import { createSessionsRepo } from '../../db/sessions-repo.js';
import { createStaffRepo } from '../../db/staff-repo.js';
import { testDatabase } from '../support/database.js';

const { db } = testDatabase();
afterAll(() => db.destroy());
const t = (iso: string) => new Date(iso);

describe('staff repository', () => {
  it('creates, finds by username, lists, deactivates and changes the password hash', async () => {
    const staff = createStaffRepo(db);
    const id = randomUUID();
    const username = `repo${id.slice(0, 6)}`;
    await staff.create({ id, username, password_hash: 'hash-1', role: 'supervisor' });

    expect(await staff.byUsername(username)).toMatchObject({ id, role: 'supervisor', active: true });
    expect((await staff.list()).map((s) => s.username)).toContain(username);
    expect(await staff.setActive(id, false)).toBe(1);
    expect(await staff.setPasswordHash(id, 'hash-2')).toBe(1);
    expect(await staff.get(id)).toMatchObject({ active: false, password_hash: 'hash-2' });
    expect(await staff.setActive(randomUUID(), false)).toBe(0);
  });

  it('refuses a second member with the same username', async () => {
    const staff = createStaffRepo(db);
    const username = `dup${randomUUID().slice(0, 6)}`;
    await staff.create({ id: randomUUID(), username, password_hash: 'h', role: 'reviewer' });
    await expect(staff.create({ id: randomUUID(), username, password_hash: 'h', role: 'admin' })).rejects.toMatchObject(
      { code: '23505' },
    );
  });
});

describe('sessions repository', () => {
  it('finds a live session only before expiry, for its kind, and not once revoked', async () => {
    const sessions = createSessionsRepo(db);
    const subject = randomUUID();
    const hash = randomUUID().replace(/-/g, '').padEnd(64, '0');
    await sessions.create({
      id: randomUUID(),
      kind: 'staff',
      subject_id: subject,
      token_hash: hash,
      expires_at: t('2026-01-10T16:00:00Z'),
    });

    expect(await sessions.live('staff', hash, t('2026-01-10T15:59:59Z'))).toMatchObject({ subject_id: subject });
    expect(await sessions.live('staff', hash, t('2026-01-10T16:00:00Z'))).toBeUndefined();
    expect(await sessions.live('account', hash, t('2026-01-10T09:00:00Z'))).toBeUndefined();
    expect(await sessions.revokeAllFor('staff', subject, t('2026-01-10T09:00:00Z'))).toBe(1);
    expect(await sessions.live('staff', hash, t('2026-01-10T09:00:01Z'))).toBeUndefined();
  });
});

describe('login failures repository', () => {
  it('counts every one of many concurrent failures', async () => {
    const failures = createLoginFailuresRepo(db);
    const key = randomUUID().replace(/-/g, '').padEnd(64, '0');
    const bump = () =>
      failures.update('staff', key, (r) => ({
        failures: (r?.failures ?? 0) + 1,
        lastFailureAt: t('2026-01-10T08:00:00Z'),
        lockedUntil: null,
      }));
    await Promise.all(Array.from({ length: 10 }, bump));

    expect((await failures.get('staff', key))?.failures).toBe(10);
    expect(await failures.get('account', key)).toBeUndefined();
    await failures.clear('staff', key);
    expect(await failures.get('staff', key)).toBeUndefined();
  });
});
