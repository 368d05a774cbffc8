import { describe, expect, it } from 'vitest';
import { createInMemoryMailer } from '../../../adapters/mail/in-memory-mailer.js';
import { MAIL_UNAVAILABLE, MailError } from '../../../adapters/mail/mail-error.js';
import type { Mailer } from '../../../adapters/mail/mailer.js';
import { messageIdFor } from '../../../adapters/mail/message-id.js';

describe('in-memory mailer', () => {
  it('records every send, with one Message-ID per idempotency key', async () => {
    const mailer = createInMemoryMailer();
    const asMailer: Mailer = mailer; // must stand in for the SMTP one
    const mail = { to: 'A@example.test', subject: 'کد', text: '۱۲۳' };

    const first = await asMailer.send(mail, { idempotencyKey: 'k1' });
    const repeat = await mailer.send(mail, { idempotencyKey: 'k1' });

    expect(repeat).toEqual(first);
    expect(mailer.sentTo('a@example.test')).toEqual([
      { ...mail, idempotencyKey: 'k1', messageId: first.messageId },
      { ...mail, idempotencyKey: 'k1', messageId: first.messageId },
    ]);
  });

  it('given a queued failure, then the next send throws it and the one after succeeds', async () => {
    const mailer = createInMemoryMailer();
    mailer.failNextWith(new MailError(MAIL_UNAVAILABLE, 'down'));

    await expect(
      mailer.send({ to: 'a@example.test', subject: 's', text: 't' }, { idempotencyKey: 'k' }),
    ).rejects.toMatchObject({ retryable: true });
    await expect(
      mailer.send({ to: 'a@example.test', subject: 's', text: 't' }, { idempotencyKey: 'k' }),
    ).resolves.toBeDefined();
    expect(mailer.sent).toHaveLength(1);
  });
});

describe('messageIdFor', () => {
  it('is stable per key, uses the sender domain and does not reveal the key', () => {
    const id = messageIdFor('registration-42/email', 'Payam <no-reply@payam.ir>');
    expect(id).toBe(messageIdFor('registration-42/email', 'Payam <no-reply@payam.ir>'));
    expect(id).toMatch(/^<[0-9a-f]{40}@payam\.ir>$/);
    expect(messageIdFor('registration-43/email', 'no-reply@payam.ir')).not.toBe(id);
  });
});
