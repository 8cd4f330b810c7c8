import { AppError, type FieldProblem } from './app-error';
import { type ArgumentsHost, BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { HttpExceptionFilter } from './http-exception.filter';
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

  it('words fastify’s own refusals with a code, whether they come as they are or rewrapped by Nest', () => {
    const badUrl = Object.assign(new Error("'/api/contests/%E0%A4%A' is not a valid url component"), {
      name: 'FastifyError',
      code: 'FST_ERR_BAD_URL',
      statusCode: 400,
    });
    expect(sut.toBody(badUrl)).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'request.bad_url' });
    // Nest's error handler hands a FastifyError on as `new HttpException(error.message, error.statusCode)`.
    expect(sut.toBody(new HttpException('Request body is too large', 413))).toMatchObject({ statusCode: 413, code: 'request.too_large' });
    expect(sut.toBody(new HttpException('Unsupported Media Type', 415))).toMatchObject({
      statusCode: 415,
      code: 'request.unsupported_media_type',
    });
    expect(sut.toBody(new HttpException("Body is not valid JSON but content-type is set to 'application/json'", 400))).toMatchObject({
      statusCode: 400,
      code: 'request.unreadable_body',
    });
    expect(sut.toBody(new NotFoundException('Cannot DELETE /api/contests'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Nothing is at this address for this method. Check the link.',
      code: 'request.unknown_route',
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
