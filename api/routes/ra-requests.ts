import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RA_REJECTION_REASONS, RA_REJECTION_TEXT } from '../../domain/ra-decision.js';
import type { UploadedFile } from '../certificates/ra-intake.js';
import { AppError } from '../errors/app-error.js';
import { signedInStaff } from '../plugins/staff-auth.js';
import { LETTER_MAX_BYTES } from '../registrations/registration-service.js';
import { staffBearer } from '../schemas/auth.js';
import { errorResponses } from '../schemas/common.js';
import {
  DocumentParams,
  FiledSchema,
  RaDecisionBody,
  RaDecisionSchema,
  RequestDetailSchema,
  RequestIdParams,
  RequestListQuery,
  RequestListSchema,
  RevokeBody,
} from '../schemas/ra.js';

const tags = ['registration office'];
const security = staffBearer;
const rejectionReasons = RA_REJECTION_REASONS.map((id) => ({ id, text: RA_REJECTION_TEXT[id] }));
const FILE_FIELDS = new Set(['nationalCard', 'birthCertificate', 'agencyLetter', 'csr']);
const disposition = (kind: string, name: string | null) =>
  `inline; filename*=UTF-8''${encodeURIComponent(name ?? kind)}`;

/** The form's text fields and files, read part by part; a file over the limit names its field. */
async function readForm(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415);
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (!FILE_FIELDS.has(part.fieldname) || files.some((f) => f.field === part.fieldname)) {
        await part.toBuffer().catch(() => undefined);
        throw new AppError('validation_failed', 400, [{ field: part.fieldname, code: 'letter_one_file' }]);
      }
      try {
        files.push({ field: part.fieldname, fileName: part.filename || null, content: await part.toBuffer() });
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('validation_failed', 413, [{ field: part.fieldname, code: 'document_too_large' }]);
        throw e;
      }
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  return { fields, files };
}

/** Seeds 001 and 002 at the registration office's desk (role ra-clerk or admin); each call is audited by the desk. */
export default async function raRequestRoutes(fastify: FastifyInstance) {
  await fastify.register(multipart, {
    limits: { fileSize: LETTER_MAX_BYTES, files: 4, fields: 12, parts: 16, fieldSize: 1024 },
  });
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const clerk = app.staffOnly('certificates');
  const multipartBody = {
    consumes: ['multipart/form-data'],
    description:
      'Fields kind, role, organization, agencyNationalId, nationalCode, firstName, lastName, mobile; files nationalCard (required), birthCertificate, agencyLetter (PDF, JPEG or PNG, 5 MB each) and csr (PKCS#10, PEM or DER)',
  };

  app.post(
    '/api/ra/requests',
    {
      schema: {
        tags,
        summary:
          "File a certificate request: the applicant's identity, scanned documents and the token's CSR (checked: key, subject, proof of possession); starts the process",
        security,
        ...multipartBody,
        response: { 201: FiledSchema, ...errorResponses },
      },
      preParsing: clerk,
    },
    async (request, reply) => {
      const { fields, files } = await readForm(request);
      return reply.code(201).send(await app.raDesk.file(signedInStaff(request), fields, files));
    },
  );

  app.get(
    '/api/ra/requests',
    {
      schema: {
        tags,
        summary: 'The requests waiting for the office (state=open, oldest first) or all, newest first',
        security,
        querystring: RequestListQuery,
        response: { 200: RequestListSchema, ...errorResponses },
      },
      preParsing: clerk,
    },
    async (request) => ({
      items: (await app.raDesk.list(request.query.state !== 'all')).map((r) => ({
        id: r.id,
        trackingCode: r.tracking_code,
        status: r.status,
        action: r.action,
        kind: r.kind,
        organization: r.organization,
        role: r.role,
        createdAt: r.created_at.toISOString(),
      })),
    }),
  );

  app.get(
    '/api/ra/requests/:id',
    {
      schema: {
        tags,
        summary: "One request: the applicant's identity, the documents, the CSR's subject and key, the decision",
        security,
        params: RequestIdParams,
        response: { 200: RequestDetailSchema, ...errorResponses },
      },
      preParsing: clerk,
    },
    async (request) => ({
      ...(await app.raDesk.detail(signedInStaff(request), request.params.id)),
      rejectionReasons,
    }),
  );

  app.get(
    '/api/ra/requests/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'One scanned document as uploaded (PDF, JPEG or PNG)',
        security,
        params: DocumentParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses },
      },
      preParsing: clerk,
    },
    async (request, reply) => {
      const d = await app.raDesk.document(signedInStaff(request), request.params.id, request.params.documentId);
      return reply.type(d.mime_type).header('content-disposition', disposition(d.kind, d.file_name)).send(d.content);
    },
  );

  app.post(
    '/api/ra/requests/:id/decision',
    {
      schema: {
        tags,
        summary: "Approve, or reject with a listed reason: completes the RA check as Tasklist's form would",
        security,
        params: RequestIdParams,
        body: RaDecisionBody,
        response: { 200: RaDecisionSchema, ...errorResponses },
      },
      preParsing: clerk,
    },
    async (request) =>
      app.raDesk.decide(signedInStaff(request), request.params.id, request.body.decision, request.body.reason),
  );

  app.get(
    '/api/ra/requests/:id/certificate',
    {
      schema: {
        tags,
        summary: 'The issued certificate and its chain (PEM) to load onto the token: once; 410 after',
        security,
        params: RequestIdParams,
        produces: ['application/pem-certificate-chain'],
        response: { 200: Type.String(), ...errorResponses },
      },
      preParsing: clerk,
    },
    async (request, reply) => {
      const { fileName, pem } = await app.raDesk.download(signedInStaff(request), request.params.id);
      return reply
        .type('application/pem-certificate-chain')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pem);
    },
  );

  app.post(
    '/api/ra/requests/:id/renewal',
    {
      schema: {
        tags,
        summary:
          "Renew the request's certificate from a new CSR (file csr) for the same subject; a new request to check",
        security,
        params: RequestIdParams,
        ...multipartBody,
        response: { 201: FiledSchema, ...errorResponses },
      },
      preParsing: clerk,
    },
    async (request, reply) => {
      const { files } = await readForm(request);
      return reply.code(201).send(await app.raDesk.renew(signedInStaff(request), request.params.id, files));
    },
  );

  app.post(
    '/api/ra/requests/:id/revocation',
    {
      schema: {
        tags,
        summary:
          "Revoke the request's certificate with an RFC 5280 reason; a new request to check, then the CRL lists it",
        security,
        params: RequestIdParams,
        body: RevokeBody,
        response: { 201: FiledSchema, ...errorResponses },
      },
      preParsing: clerk,
    },
    async (request, reply) =>
      reply.code(201).send(await app.raDesk.revoke(signedInStaff(request), request.params.id, request.body.reason)),
  );
}
