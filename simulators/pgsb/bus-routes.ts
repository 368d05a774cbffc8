import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Value } from '@sinclair/typebox/value';
import { createHang } from '../shared/hang.js';
import { answerCivilRegistry, answerShahkar } from './answers.js';
import { isAuthorized, type BusCredentials } from './bus-auth.js';
import { busFault } from './bus-fault.js';
import { CivilRegistryRequest, ShahkarRequest, type PgsbService } from './schemas.js';
import type { PgsbState } from './state.js';

type Params = Record<'instance' | 'memberClass' | 'memberCode' | 'subsystem' | 'serviceCode' | 'version', string>;

// Service addresses as X-Road writes them: instance/class/member/subsystem/service/version.
const ADDRESSES: Record<string, PgsbService> = {
  'IR/GOV/NOCR/CIVIL-REGISTRY/inquiry/v1': 'civil-registry',
  'IR/GOV/CRA/SHAHKAR/match/v1': 'shahkar',
};
const CLIENT_ID = /^[^/]+\/[^/]+\/[^/]+\/[^/]+$/;

const header = (value: string | string[] | undefined) =>
  typeof value === 'string' && value !== '' ? value : undefined;

export function registerBusRoutes(app: FastifyInstance, state: PgsbState, credentials: BusCredentials): void {
  const hang = createHang(app, (reply: FastifyReply) => {
    reply.raw.writeHead(504, { 'content-type': 'application/json' });
    reply.raw.end(JSON.stringify(busFault('Server.ServerProxy.Timeout', 'service did not answer')));
  });

  app.post<{ Params: Params }>(
    '/r1/:instance/:memberClass/:memberCode/:subsystem/:serviceCode/:version',
    async (req, reply) => {
      const p = req.params;
      const service =
        ADDRESSES[[p.instance, p.memberClass, p.memberCode, p.subsystem, p.serviceCode, p.version].join('/')];
      const xRoadId = header(req.headers['x-road-id']);
      const xRoadClient = header(req.headers['x-road-client']);
      const xRoadUserId = header(req.headers['x-road-userid']);
      // The bus echoes the message id and stamps its own request id, so both ends can trace one exchange.
      if (xRoadId) reply.header('X-Road-Id', xRoadId);
      reply.header('X-Road-Request-Id', header(req.headers['x-road-request-id']) ?? randomUUID());

      if (!service)
        return reply.code(404).send(busFault('Server.ServerProxy.UnknownService', 'unknown service address'));
      state.calls.push({ service, xRoadId, xRoadClient, xRoadUserId, at: new Date().toISOString() });
      if (!isAuthorized(req.headers.authorization, credentials)) {
        return reply
          .code(401)
          .send(busFault('Server.ClientProxy.AuthenticationFailed', 'missing or wrong credentials'));
      }
      if (!xRoadId || !xRoadUserId || !xRoadClient || !CLIENT_ID.test(xRoadClient)) {
        return reply
          .code(400)
          .send(busFault('Client.BadRequest.MissingHeader', 'X-Road-Client, X-Road-Id and X-Road-UserId are required'));
      }
      const fault = state.faults.take(service);
      if (fault === 'error')
        return reply.code(503).send(busFault('Server.ServerProxy.ServiceFailed', 'service unavailable'));
      if (fault === 'timeout') return hang(reply);

      if (service === 'civil-registry') {
        if (!Value.Check(CivilRegistryRequest, req.body))
          return reply.code(400).send(busFault('Client.BadRequest.InvalidBody', 'invalid body'));
        return answerCivilRegistry(state, req.body);
      }
      if (!Value.Check(ShahkarRequest, req.body))
        return reply.code(400).send(busFault('Client.BadRequest.InvalidBody', 'invalid body'));
      return answerShahkar(state, req.body);
    },
  );
}
