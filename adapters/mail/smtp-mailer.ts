import nodemailer, { type NodemailerError } from 'nodemailer';
import { MAIL_REJECTED, MAIL_UNAVAILABLE, MailError } from './mail-error.js';
import type { Mailer } from './mailer.js';

export interface SmtpMailerConfig {
  host: string;
  port: number;
  secure?: boolean;
  user?: string;
  pass?: string;
  from: string;
  /** Bounds connect, greeting and each socket wait, so a hung server turns into a retry, not a stuck job. */
  timeoutMs?: number;
}

export function createSmtpMailer(config: SmtpMailerConfig): Mailer & { close(): void } {
  const { secure = false, timeoutMs = 10_000 } = config;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure,
    ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
    // Never send a password over a connection that did not upgrade to TLS.
    requireTLS: Boolean(config.user) && !secure,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Messages are built from our templates only; no part of one may make us read a file or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  return {
    async send(msg, { messageId }) {
      try {
        await transport.sendMail({
          from: config.from,
          to: msg.to,
          subject: msg.subject,
          text: msg.text,
          html: msg.html,
          messageId,
        });
      } catch (err) {
        throw toMailError(err as NodemailerError);
      }
      return { messageId };
    },
    close: () => transport.close(),
  };
}

/**
 * 5xx replies reject this message for good (nodemailer's `permanent` excludes 503, a session-state
 * reply). Authentication failures are the exception: they are our misconfiguration, and marking
 * every message undeliverable would silently drop them all instead of raising an incident.
 */
function toMailError(err: NodemailerError): MailError {
  const smtpCode = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  const transportCode = typeof err.code === 'string' ? err.code : undefined;
  const details = { ...(smtpCode ? { smtpCode } : {}), ...(transportCode ? { transportCode } : {}) };
  const authFailure = transportCode === 'EAUTH' || transportCode === 'ENOAUTH';
  const permanent = err.permanent ?? (smtpCode !== undefined && smtpCode >= 500 && smtpCode < 600 && smtpCode !== 503);
  const badEnvelope = transportCode === 'EENVELOPE' && smtpCode === undefined; // e.g. malformed address
  if ((permanent || badEnvelope) && !authFailure) {
    return new MailError(MAIL_REJECTED, `SMTP server rejected the message (${smtpCode ?? transportCode})`, details);
  }
  return new MailError(
    MAIL_UNAVAILABLE,
    `SMTP server unavailable (${smtpCode ?? transportCode ?? 'unknown'})`,
    details,
  );
}
