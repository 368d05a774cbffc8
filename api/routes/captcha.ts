import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../errors/app-error.js';
import { limitTo } from '../plugins/rate-limit.js';
import { CaptchaSchema } from '../schemas/requests.js';
import { errorResponses } from '../schemas/common.js';

/** Card step 5: a new challenge, single use, short-lived; also for login. */
export default async function captchaRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = app;

  app.get('/api/captcha', {
    schema: { tags: ['captcha'], summary: 'A new captcha challenge', response: { 200: CaptchaSchema, ...errorResponses } },
    config: limitTo(config.RATE_LIMIT_CAPTCHA_MAX),
  }, async () => {
    const { id, image, answer } = await app.captchas.create();
    app.testAnswers?.remember(id, answer);
    return { id, image };
  });

  const answers = app.testAnswers;
  if (!answers) return;
  // Automated tests only: TEST_HOOKS is refused when NODE_ENV=production (config/config.ts).
  app.get('/__test/captcha/:id', {
    schema: { hide: true, params: Type.Object({ id: Type.String() }), response: { 200: Type.Object({ answer: Type.String() }), ...errorResponses } },
  }, async (request) => {
    const answer = answers.answerOf(request.params.id);
    if (!answer) throw notFound();
    return { answer };
  });
}
