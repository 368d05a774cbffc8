import { randomUUID } from 'node:crypto';
import { hashPassword } from '../adapters/crypto/password-hash.js';
import type { EngineIdentity } from '../adapters/engine/engine-identity.js';
import { ENGINE_GROUPS } from '../adapters/engine/process-model.js';
import { createAuditRepo } from '../db/audit-repo.js';
import type { Db } from '../db/knex.js';
import { createSessionsRepo } from '../db/sessions-repo.js';
import { createStaffRepo } from '../db/staff-repo.js';
import { checkPassword } from '../domain/password-policy.js';
import {
  checkStaffUsername,
  isStaffRole,
  normalizeStaffUsername,
  STAFF_ROLES,
  type StaffRole,
} from '../domain/staff.js';
import { StaffCommandError } from './staff-command-error.js';

const ACTOR = 'operator:cli';
const ENGINE_USER_LEFT = 'staff_engine_user_left';

/** The password rules applicants meet (NIST 800-63B), and not the username inside it. */
function strongPassword(password: string, username: string): string {
  const checked = checkPassword(password);
  if (!checked.ok) throw new StaffCommandError(checked.code, `password refused: ${checked.code}`);
  if (password.toLowerCase().includes(username))
    throw new StaffCommandError('password_contains_personal_data', 'password refused: it contains the username');
  return password;
}

/** Each role as the web apps' header shows it beside the staff name: in Persian, the staff's language. */
export const ROLE_TITLES: Record<StaffRole, string> = {
  reviewer: 'کارشناس بررسی',
  supervisor: 'ناظر فرایند',
  'process-owner': 'مالک فرایند',
  'ra-clerk': 'کارمند دفتر ثبت‌نام',
  admin: 'مدیر سامانه',
};

/** The name the web apps show in their header: the staff name and role say who, no person's name is needed. */
const engineProfile = (username: string, role: StaffRole) => ({
  firstName: username,
  lastName: `(${ROLE_TITLES[role]})`,
});

/** What the commands need of the engine's users (adapters/engine/engine-identity.ts). */
export type StaffIdentity = Pick<EngineIdentity, 'addUser' | 'disable' | 'remove'>;

/**
 * What `npm run staff` does; each change is in the audit log. One person, one name and password: the
 * staff row for our pages and an engine user in the role's group for Tasklist and Cockpit. The engine
 * is changed first in every command, since it is the call likely to fail (a remote service), and every
 * engine step can be repeated, so running a command again after a failure completes it.
 */
export function createStaffCommands(db: Db, identity: StaffIdentity, now: () => Date = () => new Date()) {
  const staff = createStaffRepo(db);
  const audit = createAuditRepo(db);
  const existing = async (input: string) => {
    const row = await staff.byUsername(normalizeStaffUsername(input));
    if (!row)
      throw new StaffCommandError(
        StaffCommandError.NOT_FOUND,
        `no staff member named ${normalizeStaffUsername(input)}`,
      );
    return row;
  };

  return {
    async add(input: string, role: string, password: string) {
      const name = checkStaffUsername(input);
      if (!name.ok)
        throw new StaffCommandError(
          StaffCommandError.USERNAME_FORMAT,
          'username: 3–32 of a–z, 0–9, ".", "_", "-", starting with a letter',
        );
      if (!isStaffRole(role))
        throw new StaffCommandError(StaffCommandError.ROLE_INVALID, `role: one of ${STAFF_ROLES.join(', ')}`);
      const username = name.value;
      // Checked before the engine is touched: an existing member's engine password must not change here.
      if (await staff.byUsername(username))
        throw new StaffCommandError(StaffCommandError.EXISTS, `${username} exists already`);
      const id = randomUUID();
      const passwordHash = await hashPassword(strongPassword(password, username));
      const { created } = await identity.addUser(
        username,
        password,
        ENGINE_GROUPS[role],
        engineProfile(username, role),
      );
      try {
        await db.transaction(async (trx) => {
          await staff.create({ id, username, role, password_hash: passwordHash }, trx);
          await audit.record({ actor: ACTOR, action: 'staff_added', detail: { staffId: id, username, role } }, trx);
        });
      } catch (e) {
        // An engine user without a staff row could still log in to Tasklist or Cockpit. Only a user this
        // call created is removed; one that was there before (a rerun) is completed by the next add.
        if (created)
          await identity.remove(username).catch((undo: Error) => {
            throw new StaffCommandError(
              ENGINE_USER_LEFT,
              `${(e as Error).message}; and the engine user ${username} could not be removed (${undo.message}): run add again, or delete it in Admin`,
            );
          });
        throw e;
      }
      return { id, username, role };
    },

    list: () => staff.list(),

    /**
     * The engine user is disabled, not deleted, so the history that names them still resolves. Engine
     * first: a failure after it leaves them shut out of Tasklist and Cockpit while still listed active
     * here, where the next run finishes the job; the other order could leave an inactive member who
     * still works on tasks in the engine, unseen by anyone reading `list`.
     */
    async deactivate(input: string) {
      const row = await existing(input);
      await identity.disable(row.username);
      await db.transaction(async (trx) => {
        await staff.setActive(row.id, false, trx);
        await createSessionsRepo(db).revokeAllFor('staff', row.id, now(), trx);
        await audit.record(
          { actor: ACTOR, action: 'staff_deactivated', detail: { staffId: row.id, username: row.username } },
          trx,
        );
      });
      return { id: row.id, username: row.username };
    },

    /**
     * A new password also ends the member's sessions: whoever knew the old one is signed out. Engine
     * first: a failure after it leaves the old password dead in Tasklist and Cockpit, where it can act
     * on instances, and alive only in our pages until the command is run again; never the other way
     * round. addUser rather than a bare password change, so a member added before staff were engine
     * users gets one. A deactivated member's engine user stays disabled, as their staff row stays inactive.
     */
    async setPassword(input: string, password: string) {
      const row = await existing(input);
      const passwordHash = await hashPassword(strongPassword(password, row.username));
      if (row.active)
        await identity.addUser(row.username, password, ENGINE_GROUPS[row.role], engineProfile(row.username, row.role));
      await db.transaction(async (trx) => {
        await staff.setPasswordHash(row.id, passwordHash, trx);
        await createSessionsRepo(db).revokeAllFor('staff', row.id, now(), trx);
        await audit.record(
          { actor: ACTOR, action: 'staff_password_set', detail: { staffId: row.id, username: row.username } },
          trx,
        );
      });
      return { id: row.id, username: row.username };
    },
  };
}
