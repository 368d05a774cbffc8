import { randomUUID } from 'node:crypto';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import { createSessionsRepo, type SessionKind } from '../../db/sessions-repo.js';
import { durationMs } from '../../domain/iso-duration.js';
import { hashSecret } from '../../domain/one-time-code.js';
import { newSessionToken } from './session-token.js';

/** Issues, finds and ends bearer-token sessions of one kind (staff or account). */
export function createSessions(db: Db, config: Config, now: () => Date, kind: SessionKind) {
  const repo = createSessionsRepo(db);
  const ttl = durationMs(kind === 'staff' ? config.STAFF_SESSION_TTL : config.ACCOUNT_SESSION_TTL);
  const hash = (token: string) => hashSecret(token, config.TOKEN_SECRET);
  return {
    async issue(subjectId: string) {
      const token = newSessionToken();
      const created = now();
      const expiresAt = new Date(created.getTime() + ttl);
      await repo.create({
        id: randomUUID(),
        kind,
        subject_id: subjectId,
        token_hash: hash(token),
        created_at: created,
        expires_at: expiresAt,
      });
      return { token, expiresAt };
    },
    /** The live session behind a token, or undefined (unknown, expired or revoked). */
    find: (token: string | undefined) => (token ? repo.live(kind, hash(token), now()) : Promise.resolve(undefined)),
    end: (token: string) => repo.revoke(hash(token), now()),
  };
}
