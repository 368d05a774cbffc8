import { randomBytes } from 'node:crypto';
import { EngineError } from './engine-errors.js';
import type { EngineRest, EngineSchemas } from './engine-rest.js';

/** The staff command was asked to change one of the engine's own accounts (its administrator, the service account). */
class EngineUserReservedError extends Error {
  static readonly code = 'ENGINE_USER_RESERVED';
  readonly code = EngineUserReservedError.code;
  override name = EngineUserReservedError.name;
}

export type EngineUserProfile = Omit<EngineSchemas['UserProfileDto'], 'id'>;

const notFound = (e: unknown) => e instanceof EngineError && e.status === 404;

/**
 * Staff members as engine users (Tasklist, Cockpit), through the administrator's REST client. Changing
 * another user's credentials needs the administrator's own password as well, so it is passed in. The
 * engine's own accounts are `reserved`: a staff member of that name would take over its password.
 */
export function createEngineIdentity(rest: EngineRest, adminPassword: string, reserved: readonly string[] = []) {
  const guard = (id: string) => {
    if (reserved.includes(id))
      throw new EngineUserReservedError(`${id} is one of the engine's own accounts; staff commands leave it alone`);
  };

  async function exists(id: string) {
    try {
      await rest.GET('/user/{id}/profile', { params: { path: { id } } });
      return true;
    } catch (e) {
      if (notFound(e)) return false;
      throw e;
    }
  }

  async function groupsOf(id: string): Promise<string[]> {
    const { data } = await rest.GET('/group', { params: { query: { member: id } } });
    return (data ?? []).map((g) => g.id!);
  }

  /**
   * The engine locks a user after failed logins (for good after ten), and a new password does not
   * lift that by itself: unlocked, so whoever asked for a new password can use it at once.
   */
  async function setPassword(id: string, password: string) {
    guard(id);
    await rest.PUT('/user/{id}/credentials', {
      params: { path: { id } },
      body: { password, authenticatedUserPassword: adminPassword },
    });
    await rest.POST('/user/{id}/unlock', { params: { path: { id } } });
  }

  async function removeFromAllGroups(id: string) {
    guard(id);
    for (const group of await groupsOf(id))
      await rest.DELETE('/group/{id}/members/{userId}', { params: { path: { id: group, userId: id } } });
  }

  return {
    groupsOf,

    /**
     * Creates the user with the password in the group; a user that exists already (a rerun after a
     * half-done add) gets the password and the membership instead. `created` tells the caller whether
     * removing the user undoes this call.
     */
    async addUser(id: string, password: string, groupId: string, profile: EngineUserProfile = {}) {
      guard(id);
      const created = !(await exists(id));
      if (created)
        await rest.POST('/user/create', { body: { profile: { ...profile, id }, credentials: { password } } });
      else await setPassword(id, password);
      if (!(await groupsOf(id)).includes(groupId))
        await rest.PUT('/group/{id}/members/{userId}', { params: { path: { id: groupId, userId: id } } });
      return { created };
    },

    setPassword,
    removeFromAllGroups,

    /**
     * Ends the user's access without deleting them: tasks, comments and history that name them still
     * resolve to a user in Tasklist and Cockpit, but no group grants anything any more and the
     * password is one nobody has seen, so they cannot log in. A user the engine does not know (a
     * member added before staff were engine users) has nothing to disable.
     */
    async disable(id: string) {
      guard(id);
      if (!(await exists(id))) return;
      await setPassword(id, randomBytes(32).toString('base64url'));
      await removeFromAllGroups(id);
    },

    /** Deletes the user: only to undo an add whose other half failed, before anything names them. */
    async remove(id: string) {
      guard(id);
      try {
        await rest.DELETE('/user/{id}', { params: { path: { id } } });
      } catch (e) {
        if (!notFound(e)) throw e;
      }
    },
  };
}

export type EngineIdentity = ReturnType<typeof createEngineIdentity>;
