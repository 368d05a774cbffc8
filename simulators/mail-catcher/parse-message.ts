import { simpleParser, type AddressObject } from 'mailparser';

export interface ParsedMessage {
  from: string;
  subject: string;
  messageId?: string;
  text: string;
  html?: string;
}

/** "Name <address>" as the sender wrote it, names decoded (mailparser's own text quotes them). */
const fromLine = (from: AddressObject | undefined) =>
  (from?.value ?? []).map((a) => (a.name ? `${a.name} <${a.address ?? ''}>` : (a.address ?? ''))).join(', ');

/**
 * A caught message as the tests read it, parsed by mailparser: the first inline text/plain and text/html
 * bodies of any nesting of multiparts, every transfer encoding and charset, encoded-word headers decoded.
 */
export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  // SMTP makes every message end in a line break; it is framing, not part of a single-part body.
  const end = raw.at(-1) === 0x0a ? (raw.at(-2) === 0x0d ? 2 : 1) : 0;
  const mail = await simpleParser(raw.subarray(0, raw.length - end), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  return {
    from: fromLine(mail.from),
    subject: mail.subject ?? '',
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    // SMTP mandates CRLF; callers compare against strings written with \n.
    text: (mail.text ?? '').replace(/\r\n/g, '\n'),
    ...(typeof mail.html === 'string' ? { html: mail.html.replace(/\r\n/g, '\n') } : {}),
  };
}
