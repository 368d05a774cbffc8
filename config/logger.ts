import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Every field that can carry personal data, a secret or a code, at any depth we log.
 * Redaction is by path, so a new personal field must be added here (a test asserts the list).
 */
export const redactedKeys = [
  'nationalCode', 'mobile', 'firstName', 'lastName', 'fatherName', 'birthDate', 'birthCertificateNumber',
  'email', 'password', 'passwordHash', 'code', 'otp', 'captcha', 'answer', 'apiKey', 'token', 'authorization',
  'to', 'text', 'receptor', 'token1', 'token2', 'token3',
] as const;

const redactPaths = redactedKeys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `req.headers.${k}`]);

export function createLogger(options: { level?: string; name?: string } = {}, destination?: DestinationStream): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      name: options.name,
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    destination,
  );
}
