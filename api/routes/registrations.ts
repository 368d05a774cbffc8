import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { applicantRegistration } from '../plugins/applicant-auth.js';
import { limitTo } from '../plugins/rate-limit.js';
import { bearer, errorResponses, IdParams } from '../schemas/common.js';
import { ApplicantBody, StartedSchema } from '../schemas/requests.js';
import { RegistrationViewSchema } from '../schemas/view.js';

const tags = ['registration'];

/** Card steps 1–3: start, read, and save the applicant's details. */
export default async function registrationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = app;

  app.post('/api/registrations', {
    schema: { tags, summary: 'Start a registration (card steps 1–2)', response: { 201: StartedSchema, ...errorResponses } },
    config: limitTo(config.RATE_LIMIT_START_MAX),
  }, async (_request, reply) => {
    const { id, token } = await app.registrations.start();
    return reply.code(201).send({ token, registration: await app.view(id) });
  });

  app.get('/api/registrations/:id', {
    schema: { tags, summary: 'The registration as the form shows it', security: bearer, params: IdParams, response: { 200: RegistrationViewSchema, ...errorResponses } },
    preParsing: app.requireApplicant,
  }, async (request) => app.view(applicantRegistration(request)));

  app.put('/api/registrations/:id/applicant', {
    schema: {
      tags, summary: "Save the applicant's details (card step 3); every wrong field is reported", security: bearer,
      params: IdParams, body: ApplicantBody, response: { 200: RegistrationViewSchema, ...errorResponses },
    },
    preParsing: app.requireApplicant,
  }, async (request) => {
    await app.registrations.saveApplicantData(applicantRegistration(request), request.body);
    return app.view(request.params.id);
  });
}
