import type { Logger } from 'pino';
import type { CaRaClient } from '../../adapters/ca/ra-client.js';
import type { SignatureChecker } from '../../adapters/certificates/signature-checker.js';
import type { CivilRegistry } from '../../adapters/pgsb/civil-registry.js';
import type { Shahkar } from '../../adapters/pgsb/shahkar.js';
import type { NotificationQueue } from '../../adapters/queue/notification-queue.js';
import type { SmsGateway } from '../../adapters/sms/sms-gateway.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';

/** What a worker may use: passed in, so a test can start a worker against its own database and simulators. */
export interface WorkerDeps {
  db: Db;
  config: Config;
  logger: Logger;
  civilRegistry: CivilRegistry;
  shahkar: Shahkar;
  sms: SmsGateway;
  notifications: NotificationQueue;
  signatures: SignatureChecker;
  ca: CaRaClient;
  now: () => Date;
}
