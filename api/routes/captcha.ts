import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { SpeechBusyError } from '../../adapters/captcha/speech-slots.js';
import { SpeechUnavailableError } from '../../adapters/captcha/speak-digits.js';
import { AppError, notFound } from '../errors/app-error.js';
import { limitTo } from '../plugins/rate-limit.js';
import { CaptchaSchema } from '../schemas/requests.js';
import { errorResponses } from '../schemas/common.js';

const STATUS = { captcha_audio_used: 410, captcha_expired: 410, not_found: 404 } as const;

/** Card step 5: a new challenge, single use, short-lived; also for login. Its audio alternative, once. */
export default async function captchaRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = app;

  app.get(
    '/api/captcha',
    {
      schema: {
        tags: ['captcha'],
        summary: 'A new captcha challenge',
        response: { 200: CaptchaSchema, ...errorResponses },
      },
      config: limitTo(config.RATE_LIMIT_CAPTCHA_MAX),
    },
    async () => {
      const { id, image, answer } = await app.captchas.create();
      app.testAnswers?.remember(id, answer);
      return { id, image };
    },
  );

  app.get(
    '/api/captcha/:id/audio',
    {
      schema: {
        tags: ['captcha'],
        summary:
          'The same answer spoken in Persian digits with noise (audio/wav), once per challenge, before it is answered',
        description:
          "A second request, or one after the answer was checked, is refused (410 captcha_audio_used); the answer is checked as the image's",
        params: Type.Object({ id: Type.String({ description: 'The id from GET /api/captcha' }) }),
        produces: ['audio/wav'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'WAV, 16-bit mono' }),
          ...errorResponses,
        },
      },
      config: limitTo(config.RATE_LIMIT_CAPTCHA_MAX),
    },
    async (request, reply) => {
      let audio;
      try {
        audio = await app.captchas.audio(request.params.id);
      } catch (e) {
        // Every espeak-ng slot stayed busy: a load to shed, not a fault; a slot frees within the timeout.
        if (e instanceof SpeechBusyError)
          throw new AppError('service_unavailable', 503, [], {
            retryAfterSeconds: Math.ceil(config.ESPEAK_TIMEOUT_MS / 1000),
          });
        if (!(e instanceof SpeechUnavailableError)) throw e;
        request.log.error({ failure: { name: e.name, errorCode: e.code, message: e.message } }, 'captcha audio failed');
        throw new AppError('captcha_audio_unavailable', 503);
      }
      if (!audio.ok) throw new AppError(audio.code, STATUS[audio.code]);
      return reply.type('audio/wav').send(audio.value);
    },
  );

  const answers = app.testAnswers;
  if (!answers) return;
  // Automated tests only: TEST_HOOKS is refused when NODE_ENV=production (config/config.ts).
  app.get(
    '/__test/captcha/:id',
    {
      schema: {
        hide: true,
        params: Type.Object({ id: Type.String() }),
        response: { 200: Type.Object({ answer: Type.String() }), ...errorResponses },
      },
    },
    async (request) => {
      const answer = answers.answerOf(request.params.id);
      if (!answer) throw notFound();
      return { answer };
    },
  );
}
