import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A refusal a person can act on: an HTTP status, a stable code for translation and tests, a
 * sentence saying what was wrong and what to do, and per-field problems where they apply.
 */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly fields?: FieldProblem[],
    readonly details?: Record<string, unknown>,
  ) {
    super({ message, code, fields, details }, status);
  }

  static badRequest(code: string, message: string, fields?: FieldProblem[]) {
    return new AppError(HttpStatus.BAD_REQUEST, code, message, fields);
  }
  static unauthorized(code: string, message: string) {
    return new AppError(HttpStatus.UNAUTHORIZED, code, message);
  }
  static forbidden(code: string, message: string) {
    return new AppError(HttpStatus.FORBIDDEN, code, message);
  }
  static notFound(code: string, message: string) {
    return new AppError(HttpStatus.NOT_FOUND, code, message);
  }
  static conflict(code: string, message: string) {
    return new AppError(HttpStatus.CONFLICT, code, message);
  }
  static unprocessable(code: string, message: string, fields?: FieldProblem[], details?: Record<string, unknown>) {
    return new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, fields, details);
  }
}
