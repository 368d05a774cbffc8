import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Keys whose values are personal data, secrets or codes, redacted at any depth of a log entry
 * (error codes are logged as `errorCode`, so `code` can stay on this list).
 */
const redactedKeys = new Set([
  'nationalCode',
  'mobile',
  'firstName',
  'lastName',
  'fatherName',
  'birthDate',
  'birthDateGregorian',
  'birthCertificateNumber',
  'email',
  'password',
  'passwordHash',
  'code',
  'otp',
  'captcha',
  'answer',
  'apiKey',
  'token',
  'authorization',
  'cookie',
  'to',
  'text',
  'receptor',
  'token1',
  'token2',
  'token3',
  'agencyName',
  'representativePosition',
  'reasonText',
  'rejection_text',
]);

const CENSOR = '[redacted]';

const MAX_DEPTH = 8;
const isPlain = (v: object) =>
  Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null;

/** Plain objects and arrays are walked; what lies deeper than we walk is withheld rather than shown. */
function redactDeep(value: unknown, depth = 0, seen = new WeakSet()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, errorCode: (value as { code?: unknown }).code };
  if (value instanceof Date) return value.toISOString();
  if (!isPlain(value)) return `[${value.constructor?.name ?? 'object'}]`;
  if (depth >= MAX_DEPTH) return CENSOR;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1, seen));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, redactedKeys.has(k) ? CENSOR : redactDeep(v, depth + 1, seen)]),
  );
}

export function createLogger(options: { level?: string; name?: string } = {}, destination?: DestinationStream): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      name: options.name,
      formatters: { log: (entry) => redactDeep(entry) as Record<string, unknown> },
      // Fields given to logger.child({...}) do not pass through `log`; pino's own redaction covers them.
      redact: { paths: [...redactedKeys], censor: CENSOR },
    },
    destination,
  );
}
