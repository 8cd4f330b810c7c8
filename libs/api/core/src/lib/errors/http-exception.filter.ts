import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { AppError } from './app-error';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  fields?: { field: string; message: string }[];
}

const DEFAULT_MESSAGES: Partial<Record<number, string>> = {
  401: 'Please sign in to continue.',
  403: 'Your account may not do this.',
  404: 'Nothing was found at this address.',
  413: 'The request is too large.',
  429: 'Too many attempts. Wait a minute and try again.',
  500: 'Something went wrong on our side. Try again; if it keeps happening, tell the organizers.',
};

/** The one place every failure becomes `{statusCode, error, message}`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (reply.sent) return;
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      const status = exception.getStatus();
      return compact({
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message: exception.message,
        code: exception.code,
        fields: exception.fields,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : undefined;
      return {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message: pickMessage(status, message),
      };
    }
    const status = statusOfFrameworkError(exception);
    return {
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message: status < 500 && exception instanceof Error ? exception.message : pickMessage(status),
    };
  }
}

/** Fastify's own errors (body too large, bad JSON, bad content type) carry a statusCode. */
function statusOfFrameworkError(exception: unknown): number {
  const status = (exception as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : HttpStatus.INTERNAL_SERVER_ERROR;
}

function pickMessage(status: number, message?: string): string {
  const generic = !message || message === STATUS_CODES[status] || /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(message);
  if (status === 404 && message && /^Cannot /.test(message)) return DEFAULT_MESSAGES[404] as string;
  if (generic) return DEFAULT_MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error';
  return message;
}

function compact(body: ErrorBody): ErrorBody {
  if (!body.code) delete body.code;
  if (!body.fields || body.fields.length === 0) delete body.fields;
  return body;
}
