import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { REJECTION_REASONS, REJECTION_REASON_TEXT } from '../../domain/review-decision.js';
import { signedInStaff } from '../plugins/staff-auth.js';
import { staffBearer } from '../schemas/auth.js';
import { errorResponses, IdParams } from '../schemas/common.js';
import {
  DecisionBody,
  DecisionSchema,
  ReviewDetailSchema,
  ReviewQueueQuery,
  ReviewQueueSchema,
  REVIEW_PAGE_SIZE,
} from '../schemas/reviews.js';

const tags = ['review'];
const security = staffBearer;
const rejectionReasons = REJECTION_REASONS.map((id) => ({ id, text: REJECTION_REASON_TEXT[id] }));
// A letter's file name is the applicant's; only safe characters go into the header, the rest is percent-encoded.
const disposition = (name: string | null) => (name ? `inline; filename*=UTF-8''${encodeURIComponent(name)}` : 'inline');

/** Card steps 10–11 for the IT office's reviewers (role reviewer or admin); each call is audited by the service. */
export default async function reviewRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const reviewer = app.staffOnly('review');

  app.get(
    '/api/reviews',
    {
      schema: {
        tags,
        summary:
          'The open review tasks, a page at a time, oldest first, with their due time, the total and how many are overdue',
        security,
        querystring: ReviewQueueQuery,
        response: { 200: ReviewQueueSchema, ...errorResponses },
      },
      preParsing: reviewer,
    },
    async (request) => {
      // The schema's defaults fill these in; the fallbacks only satisfy the optional types.
      const { page = 1, pageSize = REVIEW_PAGE_SIZE } = request.query;
      return app.reviews.queue(signedInStaff(request), { page, pageSize });
    },
  );

  app.get(
    '/api/reviews/:id',
    {
      schema: {
        tags,
        summary: 'One request: agency, representative, civil-registry and Shahkar outcomes, letter',
        security,
        params: IdParams,
        response: { 200: ReviewDetailSchema, ...errorResponses },
      },
      preParsing: reviewer,
    },
    async (request) => ({ ...(await app.reviews.detail(signedInStaff(request), request.params.id)), rejectionReasons }),
  );

  app.get(
    '/api/reviews/:id/letter',
    {
      schema: {
        tags,
        summary: 'The signed letter as uploaded (PDF, JPEG or PNG)',
        security,
        params: IdParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses },
      },
      preParsing: reviewer,
    },
    async (request, reply) => {
      const letter = await app.reviews.letter(signedInStaff(request), request.params.id);
      // The type was read from the content at upload; nosniff (plugins/security-headers.ts) keeps the browser to it.
      return reply
        .type(letter.mimeType)
        .header('content-disposition', disposition(letter.fileName))
        .send(letter.content);
    },
  );

  app.post(
    '/api/reviews/:id/decision',
    {
      schema: {
        tags,
        summary:
          'Approve, or reject with a reason (and with other, its text); completes the review task as Tasklist would',
        security,
        params: IdParams,
        body: DecisionBody,
        response: { 200: DecisionSchema, ...errorResponses },
      },
      preParsing: reviewer,
    },
    async (request) =>
      app.reviews.decide({
        registrationId: request.params.id,
        staff: signedInStaff(request),
        decision: request.body.decision,
        reason: request.body.reason,
        reasonText: request.body.reasonText,
      }),
  );
}
