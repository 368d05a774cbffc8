import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { applicantRegistration } from '../plugins/applicant-auth.js';
import { bearer, errorResponses, IdParams } from '../schemas/common.js';
import { ApplicantBody, StartBody, StartedSchema } from '../schemas/requests.js';
import { RegistrationViewSchema } from '../schemas/view.js';

const tags = ['registration'];

/** Card steps 1–3: start, read, and save the applicant's details; and leave. */
export default async function registrationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = app;

  app.post(
    '/api/registrations',
    {
      schema: {
        tags,
        body: StartBody,
        response: { 201: StartedSchema, ...errorResponses },
        summary:
          'Start a registration (card steps 1–2); past RATE_LIMIT_START_MAX per address and window, with a solved captcha',
      },
      // The form sends no body until a captcha is asked for.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      // Many offices reach us from one NAT address: past the limit a person answers a captcha, a script stops.
      const count = await app.countRequest('start', request, config.RATE_LIMIT_START_MAX);
      if (count.over) {
        const { captchaId, captcha } = request.body;
        if (!captchaId || !captcha)
          throw new AppError('captcha_required', 429, [], { retryAfterSeconds: count.resetSeconds });
        const checked = await app.captchas.verify(captchaId, captcha);
        if (!checked.ok) throw new AppError(checked.code, 422, [{ field: 'captcha', code: checked.code }]);
      }
      const { id, token } = await app.registrations.start();
      return reply.code(201).send({ token, registration: await app.view(id) });
    },
  );

  app.get(
    '/api/registrations/:id',
    {
      schema: {
        tags,
        summary: 'The registration as the form shows it',
        security: bearer,
        params: IdParams,
        response: { 200: RegistrationViewSchema, ...errorResponses },
      },
      preParsing: app.requireApplicant,
    },
    async (request) => app.view(applicantRegistration(request)),
  );

  app.put(
    '/api/registrations/:id/applicant',
    {
      schema: {
        tags,
        summary: "Save the applicant's details (card step 3); every wrong field is reported",
        security: bearer,
        params: IdParams,
        body: ApplicantBody,
        response: { 200: RegistrationViewSchema, ...errorResponses },
      },
      preParsing: app.requireApplicant,
    },
    async (request) => {
      await app.registrations.saveApplicantData(applicantRegistration(request), request.body);
      return app.view(request.params.id);
    },
  );

  app.delete(
    '/api/registrations/:id/session',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        response: { 204: Type.Null({ description: 'The token has ended' }), ...errorResponses },
        summary: 'Leave: the token ends at once (401 from then on); the request goes on, or closes, as it would have',
      },
      preParsing: app.requireApplicant,
    },
    async (request, reply) => {
      await app.registrations.leave(applicantRegistration(request));
      return reply.code(204).send(null);
    },
  );
}
