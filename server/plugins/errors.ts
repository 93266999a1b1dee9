import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, type ErrorCode, type Problem } from '../../shared/domain/errors';
import { AppError } from '../domain/app-error';

/** Sends an RFC 9457 problem+json body. */
export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  detail?: string,
  errors?: Problem['errors'],
) {
  const { status, title } = ERROR_CODES[code];
  // A 503 always says when to come back.
  if (status === 503 && !reply.hasHeader('Retry-After')) reply.header('Retry-After', '5');
  const body: Problem = { type: `/problems/${code}`, title, status, code, requestId: request.id };
  if (detail) body.detail = detail;
  if (errors) body.errors = errors;
  return reply.code(status).type('application/problem+json').send(body);
}

// Fastify's own errors for a bad body, mapped to our documented codes.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

/** One error shape for the whole API; 5xx bodies never carry internal messages. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(reply, request, error.code, error.detail, error.fieldErrors);
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped)
      return sendProblem(
        reply,
        request,
        mapped,
        mapped === 'invalid_json' ? 'The request body is not valid JSON.' : error.message,
      );
    if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
      return sendProblem(reply, request, 'invalid_json', 'The request body is not valid JSON.');
    }
    if (error.statusCode === 429) return sendProblem(reply, request, 'rate_limited');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, request, 'bad_request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, 'internal', `Something went wrong on our side. Quote request id ${request.id}.`);
  });
}
