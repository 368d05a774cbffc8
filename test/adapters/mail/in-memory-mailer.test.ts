import { describe, expect, it } from 'vitest';
import { createInMemoryMailer } from '../../../adapters/mail/in-memory-mailer.js';
import { MAIL_UNAVAILABLE, MailError } from '../../../adapters/mail/mail-error.js';
import type { Mailer } from '../../../adapters/mail/mailer.js';
import { newMessageId } from '../../../adapters/mail/message-id.js';

describe('in-memory mailer', () => {
  it('records every send, with the Message-ID it was given', async () => {
    const mailer = createInMemoryMailer();
    const asMailer: Mailer = mailer; // must stand in for the SMTP one
    const mail = { to: 'A@example.test', subject: 'کد', text: '۱۲۳' };
    const messageId = newMessageId('no-reply@payam.test');

    const first = await asMailer.send(mail, { messageId });
    const repeat = await mailer.send(mail, { messageId });

    expect(repeat).toEqual(first);
    expect(mailer.sentTo('a@example.test')).toEqual([
      { ...mail, messageId },
      { ...mail, messageId },
    ]);
  });

  it('given a queued failure, then the next send throws it and the one after succeeds', async () => {
    const mailer = createInMemoryMailer();
    mailer.failNextWith(new MailError(MAIL_UNAVAILABLE, 'down'));

    await expect(
      mailer.send({ to: 'a@example.test', subject: 's', text: 't' }, { messageId: '<k@payam.test>' }),
    ).rejects.toMatchObject({ retryable: true });
    await expect(
      mailer.send({ to: 'a@example.test', subject: 's', text: 't' }, { messageId: '<k@payam.test>' }),
    ).resolves.toBeDefined();
    expect(mailer.sent).toHaveLength(1);
  });
});

describe('newMessageId', () => {
  it('is in the sender domain, new each time, and names nothing of the notice', () => {
    const id = newMessageId('Payam <no-reply@payam.ir>');
    expect(id).toMatch(/^<[0-9a-f-]{36}@payam\.ir>$/);
    expect(newMessageId('Payam <no-reply@payam.ir>')).not.toBe(id);
  });
});
