import { randomUUID } from 'node:crypto';
import { hashPassword } from '../adapters/crypto/password-hash.js';
import { createAuditRepo } from '../db/audit-repo.js';
import type { Db } from '../db/knex.js';
import { createSessionsRepo } from '../db/sessions-repo.js';
import { createStaffRepo } from '../db/staff-repo.js';
import { checkPassword } from '../domain/password-policy.js';
import { checkStaffUsername, isStaffRole, normalizeStaffUsername } from '../domain/staff.js';
import { StaffCommandError } from './staff-command-error.js';

const ACTOR = 'operator:cli';

/** The password rules applicants meet (NIST 800-63B), and not the username inside it. */
function strongPassword(password: string, username: string): string {
  const checked = checkPassword(password);
  if (!checked.ok) throw new StaffCommandError(checked.code, `password refused: ${checked.code}`);
  if (password.toLowerCase().includes(username)) throw new StaffCommandError('password_contains_personal_data', 'password refused: it contains the username');
  return password;
}

/** What `npm run staff` does, over the database; each change is in the audit log. */
export function createStaffCommands(db: Db, now: () => Date = () => new Date()) {
  const staff = createStaffRepo(db);
  const audit = createAuditRepo(db);
  const existing = async (input: string) => {
    const row = await staff.byUsername(normalizeStaffUsername(input));
    if (!row) throw new StaffCommandError(StaffCommandError.NOT_FOUND, `no staff member named ${normalizeStaffUsername(input)}`);
    return row;
  };

  return {
    async add(input: string, role: string, password: string) {
      const name = checkStaffUsername(input);
      if (!name.ok) throw new StaffCommandError(StaffCommandError.USERNAME_FORMAT, 'username: 3–32 of a–z, 0–9, ".", "_", "-", starting with a letter');
      if (!isStaffRole(role)) throw new StaffCommandError(StaffCommandError.ROLE_INVALID, 'role: reviewer, supervisor or admin');
      const username = name.value;
      if (await staff.byUsername(username)) throw new StaffCommandError(StaffCommandError.EXISTS, `${username} exists already`);
      const id = randomUUID();
      const passwordHash = await hashPassword(strongPassword(password, username));
      await db.transaction(async (trx) => {
        await staff.create({ id, username, role, password_hash: passwordHash }, trx);
        await audit.record({ actor: ACTOR, action: 'staff_added', detail: { staffId: id, username, role } }, trx);
      });
      return { id, username, role };
    },

    list: () => staff.list(),

    async deactivate(input: string) {
      const row = await existing(input);
      await db.transaction(async (trx) => {
        await staff.setActive(row.id, false, trx);
        await createSessionsRepo(db).revokeAllFor('staff', row.id, now(), trx);
        await audit.record({ actor: ACTOR, action: 'staff_deactivated', detail: { staffId: row.id, username: row.username } }, trx);
      });
      return { id: row.id, username: row.username };
    },

    /** A new password also ends the member's sessions: whoever knew the old one is signed out. */
    async setPassword(input: string, password: string) {
      const row = await existing(input);
      const passwordHash = await hashPassword(strongPassword(password, row.username));
      await db.transaction(async (trx) => {
        await staff.setPasswordHash(row.id, passwordHash, trx);
        await createSessionsRepo(db).revokeAllFor('staff', row.id, now(), trx);
        await audit.record({ actor: ACTOR, action: 'staff_password_set', detail: { staffId: row.id, username: row.username } }, trx);
      });
      return { id: row.id, username: row.username };
    },
  };
}
