import type { MessageCode } from '../../domain/messages.js';

export interface FieldProblem {
  field: string;
  code: MessageCode;
}

/**
 * An error a client caused and can act on: a stable message id (its text comes from
 * domain/messages.ts in Persian and English), the HTTP status, and per-field problems.
 */
export class AppError extends Error {
  override name = AppError.name;
  constructor(
    readonly code: MessageCode,
    readonly statusCode: number,
    readonly fields: FieldProblem[] = [],
    readonly detail: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError('not_found', 404);
export const unauthorized = () => new AppError('unauthorized', 401);
