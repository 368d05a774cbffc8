import type { Knex } from 'knex';

/**
 * The audio alternative of a captcha speaks its answer, so the answer must be readable until the audio
 * is asked for: sealed (AES-GCM, key derived from SECRET_PEPPER, which the database never holds) and
 * dropped once the audio is served or the challenge is answered. `audio_served_at` makes the audio single use.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('captchas', (t) => {
    t.text('answer_sealed');
    t.timestamp('audio_served_at', { useTz: true });
  });
}

/** Captchas live minutes; unanswered ones lose their audio alternative, nothing else. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('captchas', (t) => {
    t.dropColumn('answer_sealed');
    t.dropColumn('audio_served_at');
  });
}
