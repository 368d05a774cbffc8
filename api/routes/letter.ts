import multipart, { type MultipartFile } from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createApplicantDataRepo } from '../../db/applicant-data-repo.js';
import { AppError } from '../errors/app-error.js';
import { renderLetterTemplate } from '../letter/letter-template.js';
import { applicantRegistration } from '../plugins/applicant-auth.js';
import { assertOpen } from '../registrations/open-registration.js';
import { LETTER_MAX_BYTES } from '../registrations/registration-service.js';
import { bearer, errorResponses, IdParams } from '../schemas/common.js';
import { RegistrationViewSchema } from '../schemas/view.js';

const tags = ['letter'];

/**
 * `isFile` comes from @fastify/multipart's ajv plugin (registered in app.ts); it documents a binary field.
 * A new object per app: the plugin rewrites the schema it compiles, which would break a second app.
 */
const letterUpload = () =>
  Type.Object({
    letter: Type.Unsafe<MultipartFile>({
      isFile: true,
      description: 'One file: PDF (unencrypted, LETTER_MAX_PAGES pages at most), JPEG or PNG, at most 5 MB',
    }),
  });

/** Card steps 3-1 and 3-2. Multipart is registered here only, so no other route reads uploads. */
export default async function letterRoutes(fastify: FastifyInstance) {
  // One file: a second answers 400 letter_one_file (api/errors/error-handler.ts).
  await fastify.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: LETTER_MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
  });
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const applicantData = createApplicantDataRepo(app.db);

  app.get(
    '/api/registrations/:id/letter-template',
    {
      schema: {
        tags,
        summary: 'The introduction letter, prefilled, as an HTML page to print on letterhead (card step 3-1)',
        security: bearer,
        params: IdParams,
        produces: ['text/html'],
        response: { 200: Type.String({ description: 'text/html' }), ...errorResponses },
      },
      preParsing: app.requireApplicant,
      // The page embeds its styles and font and runs no script (plugins/security-headers.ts).
      config: { csp: 'letter' },
    },
    async (request, reply) => {
      const registration = applicantRegistration(request);
      // A closed request's page shows its outcome only; the letter would show the representative again.
      assertOpen(registration);
      const { id } = registration;
      const data = await applicantData.get(id);
      reply.type('text/html; charset=utf-8');
      return renderLetterTemplate({ registrationId: id, data: data ?? null });
    },
  );

  app.post(
    '/api/registrations/:id/letter',
    {
      schema: {
        tags,
        summary: 'Upload the signed letter (card step 3-2); the type is read from the content',
        security: bearer,
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: letterUpload(),
        response: { 200: RegistrationViewSchema, ...errorResponses },
      },
      preParsing: app.requireApplicant,
      // A JSON body would reach the handler without a file in it.
      preValidation: async (request) => {
        if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415);
      },
    },
    async (request) => {
      const { letter } = request.body;
      await app.registrations.saveLetter(applicantRegistration(request), await letter.toBuffer(), letter.filename);
      return app.view(request.params.id);
    },
  );

  app.post(
    '/api/registrations/:id/letter-signature',
    {
      schema: {
        tags,
        summary:
          'Upload the detached CMS signature (.p7s) of the letter already uploaded (card step 3-2); a new letter drops it',
        security: bearer,
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: Type.Object({
          signature: Type.Unsafe<MultipartFile>({
            isFile: true,
            description: 'One file: a CMS SignedData over the letter (.p7s), at most 64 KB',
          }),
        }),
        response: { 200: RegistrationViewSchema, ...errorResponses },
      },
      preParsing: app.requireApplicant,
      preValidation: async (request) => {
        if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415);
      },
    },
    async (request) => {
      const { signature } = request.body;
      await app.registrations.saveLetterSignature(applicantRegistration(request), await signature.toBuffer());
      return app.view(request.params.id);
    },
  );
}
