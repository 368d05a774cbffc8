import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../config/logger.js';
import { MAIL_REJECTED, MAIL_UNAVAILABLE, MailError } from '../../../adapters/mail/mail-error.js';
import { newMessageId } from '../../../adapters/mail/message-id.js';
import { createSmtpMailer } from '../../../adapters/mail/smtp-mailer.js';
import { createMailCatcher } from '../../../simulators/mail-catcher/create-mail-catcher.js';

const FROM = 'پیام ایران <no-reply@payam.test>';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startCatcher() {
  const catcher = createMailCatcher({ smtpPort: 0, httpPort: 0, logger: createLogger({ level: 'silent' }) });
  const ports = await catcher.start();
  cleanups.push(() => catcher.stop());
  const mailer = createSmtpMailer({ host: '127.0.0.1', port: ports.smtpPort, from: FROM, timeoutMs: 2000 });
  cleanups.push(() => mailer.close());
  const inbox = async (to: string) =>
    (await (await fetch(`http://127.0.0.1:${ports.httpPort}/messages?to=${encodeURIComponent(to)}`)).json()) as Record<
      string,
      unknown
    >[];
  return { mailer, inbox };
}

/** A server that refuses every recipient with the given reply, standing in for a real MTA's refusal. */
async function startRefusingServer(responseCode: number): Promise<number> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    disableReverseLookup: true,
    onRcptTo: (_address, _session, callback) =>
      callback(Object.assign(new Error('mailbox unavailable'), { responseCode })),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(resolve)));
  return (server.server.address() as AddressInfo).port;
}

async function sendFails(port: number): Promise<MailError> {
  const mailer = createSmtpMailer({ host: '127.0.0.1', port, from: FROM, timeoutMs: 2000 });
  cleanups.push(() => mailer.close());
  const error = await mailer
    .send({ to: 'person@example.test', subject: 's', text: 't' }, { messageId: newMessageId(FROM) })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MailError);
  expect((error as MailError).message).not.toContain('person@example.test');
  return error as MailError;
}

describe('SMTP mailer', () => {
  it('given Persian subject and body, when sent to the mail catcher, then they read back intact', async () => {
    const { mailer, inbox } = await startCatcher();
    const mail = {
      to: 'applicant@example.test',
      subject: 'کد تأیید ثبت‌نام در پیام ایران',
      text: 'کد تأیید شما: ۴۸۲۱۹۳',
      html: '<p dir="rtl">کد: <b>۴۸۲۱۹۳</b></p>',
    };

    const { messageId } = await mailer.send(mail, { messageId: newMessageId(FROM) });

    expect(await inbox('applicant@example.test')).toEqual([
      expect.objectContaining({ ...mail, to: [mail.to], from: FROM, messageId }),
    ]);
  });

  it('given the Message-ID a notice was given, then each copy sent carries it, and another notice its own', async () => {
    const { mailer, inbox } = await startCatcher();
    const mail = { to: 'applicant@example.test', subject: 's', text: 't' };
    const [one, two] = [newMessageId(FROM), newMessageId(FROM)];

    const first = await mailer.send(mail, { messageId: one });
    const again = await mailer.send(mail, { messageId: one });
    const other = await mailer.send(mail, { messageId: two });

    expect([first.messageId, again.messageId, other.messageId]).toEqual([one, one, two]);
    expect(two).not.toBe(one);
    expect((await inbox(mail.to)).map((m) => m.messageId)).toEqual([one, one, two]);
  });

  it('given no server on the port, then it fails with MAIL_UNAVAILABLE, retryable', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    expect(await sendFails(port)).toMatchObject({ code: MAIL_UNAVAILABLE, retryable: true, name: 'MailError' });
  });

  it('given a 5xx refusal, then it fails with MAIL_REJECTED, not retryable', async () => {
    expect(await sendFails(await startRefusingServer(550))).toMatchObject({
      code: MAIL_REJECTED,
      retryable: false,
      details: { smtpCode: 550 },
    });
  });

  it('given a 4xx refusal, then it fails with MAIL_UNAVAILABLE, retryable', async () => {
    expect(await sendFails(await startRefusingServer(451))).toMatchObject({
      code: MAIL_UNAVAILABLE,
      retryable: true,
      details: { smtpCode: 451 },
    });
  });
});
