import { sameDigest } from '../domain/one-time-code.js';
import type { Db, Tx } from './knex.js';

export type CaptchaOutcome = 'valid' | 'invalid' | 'expired';
export type AudioTake = { sealed: string } | { refused: 'used' | 'expired' | 'unknown' };

/**
 * Captcha challenges, kept as the HMAC of their answer; each is used up by its first check, right or
 * wrong. The audio alternative's sealed answer is single use too, and goes with the check.
 */
export function createCaptchasRepo(db: Db) {
  return {
    async create(row: { id: string; answerHash: string; answerSealed: string; expiresAt: Date }, trx?: Tx) {
      await (trx ?? db)('captchas').insert({
        id: row.id,
        answer_hash: row.answerHash,
        answer_sealed: row.answerSealed,
        expires_at: row.expiresAt,
      });
    },
    async consume(id: string, answerHash: string, now: Date, trx?: Tx): Promise<CaptchaOutcome> {
      const [row] = await (trx ?? db)('captchas')
        .where({ id })
        .whereNull('consumed_at')
        .update({ consumed_at: now, answer_sealed: null })
        .returning(['answer_hash', 'expires_at']);
      if (!row) return 'invalid';
      if (new Date(row.expires_at) <= now) return 'expired';
      return sameDigest(row.answer_hash, answerHash) ? 'valid' : 'invalid';
    },
    /**
     * The sealed answer for the audio, once: taken from a challenge not yet answered nor expired, and
     * dropped in the same statement. The challenge itself stays open for the answer heard.
     */
    async takeForAudio(id: string, now: Date, trx?: Tx): Promise<AudioTake> {
      const q = trx ?? db;
      const { rows } = await q.raw(
        `
        update captchas c set audio_served_at = ?, answer_sealed = null
        from (select id, answer_sealed from captchas where id = ? for update) old
        where c.id = old.id and c.consumed_at is null and c.audio_served_at is null and c.expires_at > ?
        returning old.answer_sealed as sealed`,
        [now, id, now],
      );
      if (rows[0]?.sealed) return { sealed: rows[0].sealed as string };
      const row = await q('captchas').where({ id }).first('consumed_at', 'audio_served_at', 'expires_at');
      if (!row) return { refused: 'unknown' };
      if (row.consumed_at || row.audio_served_at) return { refused: 'used' };
      return { refused: 'expired' };
    },
  };
}
