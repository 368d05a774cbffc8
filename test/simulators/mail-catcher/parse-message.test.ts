import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../simulators/mail-catcher/parse-message.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`fixtures/${name}`, import.meta.url));

describe('parseMessage', () => {
  it('given multipart/alternative with QP text, base64 HTML and a split encoded-word subject, then Persian is intact', async () => {
    const parsed = await parseMessage(fixture('multipart-alternative-persian.eml'));

    expect(parsed).toEqual({
      from: 'پیام ایران <no-reply@payam.test>',
      subject: 'کد تأیید پیام ایران',
      messageId: '<abc123@payam.test>',
      text: 'سلام،\nکد تأیید شما: ۴۸۲۱۹۳\nاین کد تا ۱۰ دقیقه معتبر است.\n',
      html: '<p dir="rtl">کد تأیید شما: <b>۴۸۲۱۹۳</b></p>',
    });
  });

  it('given nested multiparts, 8bit UTF-8, windows-1256 and an attachment, then it takes the inline bodies', async () => {
    const parsed = await parseMessage(fixture('nested-multipart-attachment.eml'));

    expect(parsed.subject).toBe('سلام and plain');
    expect(parsed.text).toBe('متن ساده');
    expect(parsed.html).toBe('<p>سلام</p>');
  });

  it('given a single part with bare LF line ends and no Content-Type, then the body is the text', async () => {
    const parsed = await parseMessage(fixture('single-part-lf-only.eml'));

    expect(parsed).toEqual({ from: 'a@example.test', subject: 'plain ascii', text: 'Hello\nworld' });
  });

  it('given what nodemailer composes for long Persian content, then subject, text and html round-trip', async () => {
    const subject = 'ثبت‌نام دستگاه اجرایی در پیام ایران — کد تأیید نشانی پست الکترونیکی شما';
    const text = `${'این یک متن آزمایشی طولانی فارسی است. '.repeat(12)}\nکد: ۱۲۳۴۵`;
    const html = `<p dir="rtl">${'متن HTML با نویسه‌های فارسی و <b>پررنگ</b>. '.repeat(8)}</p>`;
    const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const info = await composer.sendMail({
      from: 'پیام <no-reply@payam.test>',
      to: 'x@example.test',
      subject,
      text,
      html,
    });

    expect(await parseMessage(info.message as Buffer)).toMatchObject({
      subject,
      text,
      html,
      from: 'پیام <no-reply@payam.test>',
    });
  });
});
