import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorCode, ApiFieldProblem, ErrorParams } from '@laurel/contracts';

export type FieldProblem = ApiFieldProblem;

/**
 * A refusal a person can act on: an HTTP status, a stable code for translation and tests, a
 * sentence saying what was wrong and what to do, the values that sentence names (`params`, so a
 * client can say it in its own language), and per-field problems where they apply.
 */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
    readonly details?: Record<string, unknown>,
    readonly params?: ErrorParams,
  ) {
    super({ message, code, params, fields, details }, status);
  }

  static badRequest(code: ApiErrorCode, message: string, fields?: FieldProblem[], params?: ErrorParams) {
    return new AppError(HttpStatus.BAD_REQUEST, code, message, fields, undefined, params);
  }
  static unauthorized(code: ApiErrorCode, message: string, params?: ErrorParams) {
    return new AppError(HttpStatus.UNAUTHORIZED, code, message, undefined, undefined, params);
  }
  static forbidden(code: ApiErrorCode, message: string, params?: ErrorParams) {
    return new AppError(HttpStatus.FORBIDDEN, code, message, undefined, undefined, params);
  }
  static notFound(code: ApiErrorCode, message: string, params?: ErrorParams) {
    return new AppError(HttpStatus.NOT_FOUND, code, message, undefined, undefined, params);
  }
  static conflict(code: ApiErrorCode, message: string, params?: ErrorParams) {
    return new AppError(HttpStatus.CONFLICT, code, message, undefined, undefined, params);
  }
  static unprocessable(
    code: ApiErrorCode,
    message: string,
    fields?: FieldProblem[],
    details?: Record<string, unknown>,
    params?: ErrorParams,
  ) {
    return new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, fields, details, params);
  }
}
