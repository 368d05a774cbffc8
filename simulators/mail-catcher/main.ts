import { createLogger } from '../../config/logger.js';
import { createMailCatcher } from './create-mail-catcher.js';

/** Stand-alone development SMTP server: `tsx simulators/mail-catcher/main.ts`. */
function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

const logger = createLogger({ name: 'mail-catcher' });
const catcher = createMailCatcher({
  smtpPort: portFromEnv('MAIL_CATCHER_SMTP_PORT', 2525),
  httpPort: portFromEnv('MAIL_CATCHER_HTTP_PORT', 8025),
  // Loopback unless told otherwise: the catcher has no authentication. Containers set 0.0.0.0.
  host: process.env.MAIL_CATCHER_HOST || '127.0.0.1',
  logger,
});

const ports = await catcher.start();
logger.info(ports, 'mail catcher listening');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'mail catcher stopping');
    catcher.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'stop failed');
        process.exit(1);
      },
    );
  });
}
