import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { MessageCode } from '../../domain/messages.js';
import { AppError } from './app-error.js';
import { dependencyUnavailable } from './dependency-unavailable.js';
import { errorBody } from './error-body.js';
import { validationFields } from './validation-fields.js';

/** Fastify's and its plugins' own 4xx errors, as our message ids (their texts are English-only and technical). */
function clientError(error: FastifyError): { status: number; code: MessageCode } {
  const status = error.statusCode ?? 400;
  if (error.code === 'FST_REQ_FILE_TOO_LARGE') return { status: 413, code: 'letter_too_large' };
  // Multipart is registered for the letter only, which is one file: a second one is not "too large".
  if (error.code === 'FST_FILES_LIMIT') return { status: 400, code: 'letter_one_file' };
  if (status === 413) return { status, code: 'request_too_large' };
  if (status === 406 || status === 415) return { status: 415, code: 'unsupported_media_type' };
  if (status === 404) return { status, code: 'not_found' };
  if (status === 429) return { status, code: 'rate_limited' };
  return { status: 400, code: 'bad_request' };
}

/** The multipart parser's (busboy's) own errors carry no status: a body cut short or without its boundary. */
const MALFORMED_MULTIPART =
  /^(Unexpected end of multipart data|Multipart: Boundary not found|Boundary required|\w+ terminated early due to unexpected end of multipart data)$/;

/**
 * The one error handler. Client errors answer with their id and are logged by code only (bodies
 * carry personal data). Anything else is a 500 whose message and stack go to the log, never out.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    request.log.info(
      { errorId: error.code, statusCode: error.statusCode, fields: error.fields.map((f) => `${f.field}:${f.code}`) },
      'request refused',
    );
    if (error.statusCode === 401) reply.header('www-authenticate', 'Bearer');
    // A lock's wait, as the rate limit already sets it for its own 429s.
    const wait = error.detail.retryAfterSeconds;
    if (typeof wait === 'number' && !reply.hasHeader('retry-after')) reply.header('retry-after', String(wait));
    return reply.code(error.statusCode).send(errorBody(error.code, error.fields, error.detail));
  }
  if (error.validation) {
    const fields = validationFields(error.validation, error.validationContext);
    request.log.info(
      { errorId: 'validation_failed', statusCode: 422, fields: fields.map((f) => `${f.field}:${f.code}`) },
      'request refused',
    );
    return reply.code(422).send(errorBody('validation_failed', fields));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const { status, code } = clientError(error);
    request.log.info({ errorId: code, statusCode: status, cause: error.code }, 'request refused');
    return reply.code(status).send(errorBody(code));
  }
  if (MALFORMED_MULTIPART.test(error.message)) {
    request.log.info({ errorId: 'bad_request', statusCode: 400, cause: 'malformed multipart' }, 'request refused');
    return reply.code(400).send(errorBody('bad_request'));
  }
  if (dependencyUnavailable(error)) {
    request.log.warn(
      {
        errorId: 'service_unavailable',
        statusCode: 503,
        failure: { name: error.name, errorCode: error.code, message: error.message },
      },
      'request refused: a service is unreachable',
    );
    return reply
      .code(503)
      .header('retry-after', '5')
      .send(errorBody('service_unavailable', [], { retryAfterSeconds: 5 }));
  }
  // Named fields only: a database error's `detail` can quote the row's values, which are personal data.
  // (`code` would be redacted with the one-time codes; `err` would go through pino's serializer whole.)
  const failure = { name: error.name, errorCode: error.code, message: error.message, stack: error.stack };
  request.log.error(
    { failure, method: request.method, route: request.routeOptions.url, params: request.params },
    'request failed',
  );
  return reply.code(500).send(errorBody('internal_error'));
}

/**
 * Errors Fastify raises before routing (a URL that does not decode, a bad Accept-Version): the same
 * body as every other error, instead of Fastify's English-only one.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.info({ errorId: 'bad_request', statusCode: 400, cause: error.code }, 'request refused');
  void reply.code(400).send(errorBody('bad_request'));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  request.log.info({ errorId: 'not_found', statusCode: 404 }, 'no such route');
  return reply.code(404).send(errorBody('not_found'));
}
