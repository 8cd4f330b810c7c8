import { AppError, type FieldProblem } from './app-error';
import { type ArgumentsHost, BadRequestException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { HttpExceptionFilter, methodNotAllowed } from './http-exception.filter';
import { StoredAnswer } from './stored-answer';

describe(HttpExceptionFilter.name, () => {
  const sut = new HttpExceptionFilter();

  it('sends a refusal’s code with the values its sentence names, so a client words it in its own language', () => {
    const error = AppError.conflict('round.name_taken', 'The contest already has a round named "Chung kết". Choose another name.', {
      name: 'Chung kết',
    });
    expect(sut.toBody(error)).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'The contest already has a round named "Chung kết". Choose another name.',
      code: 'round.name_taken',
      params: { name: 'Chung kết' },
    });
  });

  it('carries the params of a refusal with field problems, each problem with its own code and params', () => {
    const problems: FieldProblem[] = [
      {
        field: 'rounds.0.criteria',
        code: 'round.no_rubric',
        params: { round: 'Sơ khảo' },
        message: 'round "Sơ khảo" has no rubric: add at least one criterion',
      },
    ];
    const body = sut.toBody(
      AppError.unprocessable('contest.not_ready', 'The contest cannot open yet.', problems, undefined, { problems: 1 }),
    );
    expect(body).toMatchObject({ statusCode: 422, code: 'contest.not_ready', params: { problems: 1 }, fields: problems });
  });

  it('leaves out what a refusal does not have', () => {
    expect(sut.toBody(AppError.notFound('contest.not_found', 'No contest has this id.', {}))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No contest has this id.',
      code: 'contest.not_found',
    });
  });

  it('sends a stored answer as it was kept, with its status, and logs nothing', () => {
    const sent: { status?: number; body?: unknown } = {};
    const reply = {
      sent: false,
      status(code: number) {
        sent.status = code;
        return this;
      },
      send(body: unknown) {
        sent.body = body;
        return this;
      },
    };
    const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
    sut.catch(new StoredAnswer(201, { id: 'c-1', name: 'Kept' }), host);
    expect(sent).toEqual({ status: 201, body: { id: 'c-1', name: 'Kept' } });
  });

  it('words fastify’s own refusals by their code', () => {
    const fastifyError = (code: string, statusCode: number, message: string) =>
      Object.assign(new Error(message), { name: 'FastifyError', code, statusCode });
    const cases: [string, number, string][] = [
      ['FST_ERR_BAD_URL', 400, 'request.bad_url'],
      ['FST_ERR_MAX_PARAM_LENGTH', 404, 'request.unknown_route'],
      ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'request.too_large'],
      ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'request.unsupported_media_type'],
      ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'request.unreadable_body'],
      ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'request.unreadable_body'],
      ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 'request.unreadable_body'],
    ];
    for (const [code, status, apiCode] of cases) {
      expect(sut.toBody(fastifyError(code, status, 'fastify’s own words'))).toEqual({
        statusCode: status,
        error: STATUS_CODES[status],
        message: expect.not.stringContaining('fastify’s own words'),
        code: apiCode,
      });
    }
    // Any other error of fastify's keeps its status and message, without a code of ours.
    expect(sut.toBody(fastifyError('FST_ERR_SOMETHING_NEW', 400, 'Something new'))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Something new',
    });
  });

  it('says which methods a path takes when it does not take the one sent', () => {
    expect(sut.toBody(methodNotAllowed('DELETE', ['GET', 'HEAD', 'POST']))).toEqual({
      statusCode: 405,
      error: 'Method Not Allowed',
      message: 'This address does not take DELETE; it takes GET, HEAD, POST. Check the method.',
      code: 'request.method_not_allowed',
      params: { method: 'DELETE', allowed: 'GET, HEAD, POST' },
    });
  });

  it('leaves Nest’s own exceptions, which carry an object, to their status and message', () => {
    expect(sut.toBody(new BadRequestException('The page number must be 1 or more.'))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The page number must be 1 or more.',
    });
  });
});
