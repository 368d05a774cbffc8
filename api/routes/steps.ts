import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { applicantRegistration } from '../plugins/applicant-auth.js';
import { limitTo } from '../plugins/rate-limit.js';
import { bearer, errorResponses, IdParams } from '../schemas/common.js';
import { OtpBody, SubmitBody } from '../schemas/requests.js';
import { RegistrationViewSchema } from '../schemas/view.js';

const tags = ['registration'];
const response = { 200: RegistrationViewSchema, ...errorResponses };

/** Completing the applicant's user tasks: steps 4–5 (submit) and 9-2 (the code). Each answers with the view. */
export default async function stepRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = app;

  app.post(
    '/api/registrations/:id/submit',
    {
      schema: {
        tags,
        security: bearer,
        params: IdParams,
        body: SubmitBody,
        response,
        summary:
          'Password and captcha (card steps 4–5); answers at the next wait state, or with step "verifying" to poll',
      },
      preParsing: app.requireApplicant,
      config: limitTo(config.RATE_LIMIT_SUBMIT_MAX),
    },
    async (request) => {
      const settled = await app.steps.submit(applicantRegistration(request), request.body);
      return app.view(request.params.id, settled);
    },
  );

  app.post(
    '/api/registrations/:id/otp',
    {
      schema: {
        tags,
        summary: 'The code received by SMS (card step 9-2)',
        security: bearer,
        params: IdParams,
        body: OtpBody,
        response,
      },
      preParsing: app.requireApplicant,
      config: limitTo(config.RATE_LIMIT_OTP_MAX),
    },
    async (request) => {
      const settled = await app.steps.enterOtp(applicantRegistration(request), request.body.code);
      return app.view(request.params.id, settled);
    },
  );

  app.post(
    '/api/registrations/:id/otp/resend',
    {
      schema: {
        tags,
        summary: 'A new code, after the cool-down (otp.resendAvailableAt)',
        security: bearer,
        params: IdParams,
        response,
      },
      preParsing: app.requireApplicant,
      config: limitTo(config.RATE_LIMIT_OTP_MAX),
    },
    async (request) => {
      const settled = await app.steps.resendOtp(applicantRegistration(request));
      return app.view(request.params.id, settled);
    },
  );
}
