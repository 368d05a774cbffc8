import Fastify, { LogController } from 'fastify';
import type { Logger } from 'pino';
import { renderMessageListPage } from './message-list-page.js';
import type { MessageStore } from './message-store.js';

export function buildMailCatcherHttpApp(store: MessageStore, logger: Logger) {
  // Request URLs carry `?to=<address>`, so requests are not logged and an error log shows the route only.
  const loggerInstance = logger.child(
    {},
    {
      serializers: {
        req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
          method: req.method,
          route: req.routeOptions?.url,
        }),
      },
    },
  );
  const app = Fastify({ loggerInstance, logController: new LogController({ disableRequestLogging: true }) });

  app.get('/health', async () => ({ status: 'ok' }));

  app.get<{ Querystring: { to?: string } }>(
    '/messages',
    {
      schema: { querystring: { type: 'object', properties: { to: { type: 'string', maxLength: 320 } } } },
    },
    async (req) => store.list({ to: req.query.to }),
  );

  app.get<{ Params: { id: string } }>('/messages/:id', async (req, reply) => {
    const message = store.get(req.params.id);
    return (
      message ?? reply.code(404).send({ code: 'MAIL_CATCHER_MESSAGE_NOT_FOUND', message: 'No message with this id' })
    );
  });

  app.delete('/messages', async (_req, reply) => {
    store.clear();
    return reply.code(204).send();
  });

  app.get('/', async (_req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      // Message fields are attacker-controlled text; no script may run on this page even if escaping slipped.
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(renderMessageListPage(store.list())),
  );

  return app;
}
