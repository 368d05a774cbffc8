import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { createLogger } from '../../config/logger.js';
import { buildMailCatcherHttpApp } from './http-app.js';
import { createMessageStore } from './message-store.js';
import { parseMessage } from './parse-message.js';

export interface MailCatcherOptions {
  smtpPort: number;
  httpPort: number;
  host?: string;
  maxMessages?: number;
  logger?: Logger;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export function createMailCatcher(opts: MailCatcherOptions) {
  const { host = '127.0.0.1', maxMessages = 500, logger = createLogger({ name: 'mail-catcher' }) } = opts;
  const store = createMessageStore(maxMessages);
  const http = buildMailCatcherHttpApp(store, logger);
  const smtp = new SMTPServer({
    // Development only: anyone on the host may deliver; plain text keeps it usable from any client.
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
    rejectOversized: true,
    closeTimeout: 1000,
    disableReverseLookup: true, // a DNS lookup per connection only slows tests down
    onData(
      stream: SMTPServerDataStream,
      session: SMTPServerSession,
      callback: (err?: Error | null, message?: string) => void,
    ) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.once('error', callback);
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(); // rejectOversized has answered 552 already
        parseMessage(Buffer.concat(chunks)).then(
          (parsed) => {
            const message = store.add(
              parsed,
              session.envelope.rcptTo.map((r) => r.address),
            );
            logger.debug({ messageId: message.id }, 'mail caught'); // the id only: the rest is personal
            callback(null, `Queued as ${message.id}`);
          },
          () => {
            // Anyone may connect; a message the parser chokes on must not take the catcher down.
            callback(Object.assign(new Error('Message could not be parsed'), { responseCode: 554 }));
          },
        );
      });
    },
  });
  let running = false;

  return {
    store,
    async start(): Promise<{ smtpPort: number; httpPort: number }> {
      await new Promise<void>((resolve, reject) => {
        smtp.server.once('error', reject);
        smtp.listen(opts.smtpPort, host, () => {
          smtp.server.off('error', reject);
          resolve();
        });
      });
      running = true;
      await http.listen({ port: opts.httpPort, host });
      return {
        smtpPort: (smtp.server.address() as AddressInfo).port,
        httpPort: (http.server.address() as AddressInfo).port,
      };
    },
    async stop(): Promise<void> {
      if (running) await new Promise<void>((resolve) => smtp.close(resolve));
      running = false;
      await http.close();
    },
  };
}

export type MailCatcher = ReturnType<typeof createMailCatcher>;
