import { Writable } from 'node:stream';
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../config/logger.js';
import { createMailCatcher, type MailCatcher } from '../../../simulators/mail-catcher/create-mail-catcher.js';

let logLines: string[];
let catcher: MailCatcher;
let base: string;
let send: (mail: { to: string; bcc?: string; subject: string; text: string }) => Promise<unknown>;

beforeEach(async () => {
  logLines = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  catcher = createMailCatcher({
    smtpPort: 0,
    httpPort: 0,
    maxMessages: 3,
    logger: createLogger({ level: 'trace' }, sink),
  });
  const { smtpPort, httpPort } = await catcher.start();
  base = `http://127.0.0.1:${httpPort}`;
  send = (mail) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port: smtpPort })
      .sendMail({ from: 'no-reply@payam.test', ...mail });
});

afterEach(async () => {
  await catcher.stop();
});

describe('mail catcher', () => {
  it('answers health checks', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
  });

  it('given mail to several people, when filtered by recipient, then it lists theirs oldest first, Bcc included', async () => {
    await send({ to: 'Alice@Example.test', subject: 'first', text: 'a' });
    await send({ to: 'bob@example.test', bcc: 'alice@example.test', subject: 'second', text: 'b' });

    const res = await fetch(`${base}/messages?to=${encodeURIComponent('alice@example.test')}`);
    const list = (await res.json()) as { subject: string; to: string[]; id: string; receivedAt: string }[];

    expect(list.map((m) => m.subject)).toEqual(['first', 'second']);
    expect(list[1]!.to).toEqual(['bob@example.test', 'alice@example.test']);
    expect(Date.parse(list[0]!.receivedAt)).not.toBeNaN();
    expect(await (await fetch(`${base}/messages/${list[0]!.id}`)).json()).toMatchObject({
      subject: 'first',
      text: 'a',
    });
  });

  it('given an unknown id, then it answers 404 with a stable code', async () => {
    const res = await fetch(`${base}/messages/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'MAIL_CATCHER_MESSAGE_NOT_FOUND' });
  });

  it('when messages are deleted, then none are left', async () => {
    await send({ to: 'a@example.test', subject: 's', text: 't' });
    expect((await fetch(`${base}/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(`${base}/messages`)).json()).toEqual([]);
  });

  it('keeps only the newest maxMessages', async () => {
    for (const n of [1, 2, 3, 4]) await send({ to: 'a@example.test', subject: `m${n}`, text: 't' });
    const list = (await (await fetch(`${base}/messages`)).json()) as { subject: string }[];
    expect(list.map((m) => m.subject)).toEqual(['m2', 'm3', 'm4']);
  });

  it('given markup in a subject, when the HTML list is shown, then it is escaped and scripts are forbidden', async () => {
    await send({ to: 'a@example.test', subject: '<script>alert("x")</script>', text: 't' });
    const res = await fetch(`${base}/`);
    const page = await res.text();

    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
  });

  it('logs no address, subject or body even at trace level', async () => {
    await send({ to: 'secret.person@example.test', subject: 'کد ۱۲۳۴۵', text: '۱۲۳۴۵' });
    await fetch(`${base}/messages?to=secret.person@example.test`);
    await fetch(`${base}/messages/missing`);

    expect(logLines.join('')).not.toMatch(/secret\.person|۱۲۳۴۵/);
  });

  it('when stopped, then both ports refuse connections', async () => {
    await catcher.stop();
    await expect(fetch(`${base}/health`)).rejects.toThrow();
    await expect(send({ to: 'a@example.test', subject: 's', text: 't' })).rejects.toMatchObject({ code: 'ESOCKET' });
  });
});
