import { sameDigest } from '../domain/one-time-code.js';
import type { Db, Tx } from './knex.js';

export type CaptchaOutcome = 'valid' | 'invalid' | 'expired';

/** Captcha challenges, kept as the HMAC of their answer; each is used up by its first check, right or wrong. */
export function createCaptchasRepo(db: Db) {
  return {
    async create(row: { id: string; answerHash: string; expiresAt: Date }, trx?: Tx) {
      await (trx ?? db)('captchas').insert({ id: row.id, answer_hash: row.answerHash, expires_at: row.expiresAt });
    },
    async consume(id: string, answerHash: string, now: Date, trx?: Tx): Promise<CaptchaOutcome> {
      const [row] = await (trx ?? db)('captchas').where({ id }).whereNull('consumed_at')
        .update({ consumed_at: now }).returning(['answer_hash', 'expires_at']);
      if (!row) return 'invalid';
      if (new Date(row.expires_at) <= now) return 'expired';
      return sameDigest(row.answer_hash, answerHash) ? 'valid' : 'invalid';
    },
  };
}
