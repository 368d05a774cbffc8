import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHang } from '../shared/hang.js';
import { kavenegarError, kavenegarOk } from './kavenegar-reply.js';
import type { SmsState } from './state.js';
import { renderTemplate, TEMPLATES } from './templates.js';

const RECEPTOR = /^09[0-9]{9}$/;
const VERIFY_LINE = '2000660110';

/** Kavenegar accepts parameters in the query string or a form body; the body wins. */
function readParams(req: FastifyRequest): Record<string, string | undefined> {
  const merged = { ...(req.query as object), ...(typeof req.body === 'object' ? (req.body as object) : {}) };
  const entries = Object.entries(merged).filter((e): e is [string, string] => typeof e[1] === 'string');
  return Object.fromEntries(entries);
}

export function registerKavenegarRoutes(app: FastifyInstance, state: SmsState, apiKey: string): void {
  const hang = createHang(app, (reply) => reply.raw.writeHead(504).end());

  app.post<{ Params: { apiKey: string; group: string; action: string } }>(
    '/v1/:apiKey/:group/:action',
    async (req, reply) => {
      const fault = state.faults.take('sms');
      // An outage looks like the proxy in front of the API answering, not like Kavenegar itself.
      if (fault === 'error')
        return reply.code(503).type('text/html').send('<html><body>503 Service Unavailable</body></html>');
      if (fault === 'timeout') return hang(reply);
      if (req.params.apiKey !== apiKey) return kavenegarError(reply, 403);

      const p = readParams(req);
      if (!p.receptor) return kavenegarError(reply, 400);
      if (!RECEPTOR.test(p.receptor)) return kavenegarError(reply, 411);
      const route = `${req.params.group}/${req.params.action}`;

      if (route === 'sms/send.json') {
        if (!p.message) return kavenegarError(reply, 400);
        const earlier = p.localid ? state.byLocalId.get(p.localid) : undefined;
        const sent = earlier ?? state.record({ to: p.receptor, text: p.message });
        if (p.localid) state.byLocalId.set(p.localid, sent);
        return kavenegarOk(sent, p.sender ?? VERIFY_LINE);
      }
      if (route === 'verify/lookup.json') {
        const template = p.template ? TEMPLATES[p.template] : undefined;
        if (!p.template || !p.token) return kavenegarError(reply, 400);
        if (!template) return kavenegarError(reply, 424);
        const tokens = [p.token, p.token2, p.token3].filter((t): t is string => t !== undefined);
        if (tokens.some((t) => /\s/.test(t) || t.length > 100)) return kavenegarError(reply, 431);
        const text = renderTemplate(template, { token: p.token, token2: p.token2, token3: p.token3 });
        return kavenegarOk(state.record({ to: p.receptor, text, template: p.template, tokens }), VERIFY_LINE);
      }
      return reply.code(404).send({ return: { status: 404, message: 'متد یافت نشد' }, entries: null });
    },
  );
}
