import type { ApiError } from '@laurel/contracts';
import { refusalMessage } from './refusal-message';

const body = (statusCode: number, rest: Partial<ApiError>): ApiError => ({ statusCode, error: 'Error', message: '', ...rest });

describe(refusalMessage.name, () => {
  it('words a known code with the values the refusal names in its params, not out of its English sentence', () => {
    const api = body(409, {
      code: 'round.previous_not_closed',
      message: 'Close the round "Chung khảo" and advance its finalists before opening this one.',
      params: { round: 'Vòng sơ khảo' },
    });
    expect(refusalMessage(409, api, null)).toEqual({ key: 'errors.codes.roundPreviousNotClosed', params: { round: 'Vòng sơ khảo' } });
  });

  it('keeps the fixed values of a code beside the refusal’s own', () => {
    expect(refusalMessage(400, body(400, { code: 'auth.weak_password', message: 'The password is too short.' }), null)).toEqual({
      key: 'errors.weakPassword',
      params: { min: { number: 8 }, max: { number: 128 } },
    });
  });

  it('says how long to wait, from a throttle’s details first, then the Retry-After header', () => {
    // 90 s → 1.5 → rounded up to 2 minutes; the header's 600 s would be 10.
    const api = body(429, { code: 'auth.too_many_attempts', message: 'Too many attempts.', details: { retryAfterSeconds: 90 } });
    expect(refusalMessage(429, api, '600')).toEqual({ key: 'errors.throttle.signIn', params: { minutes: { number: 2 } } });
    expect(refusalMessage(429, body(429, { code: 'auth.too_many_attempts', message: 'Too many attempts.' }), '600')).toEqual({
      key: 'errors.throttle.signIn',
      params: { minutes: { number: 10 } },
    });
  });

  it('words a code that has a sentence in another area of the dictionary, with its params', () => {
    const api = body(422, {
      code: 'sheet.incomplete',
      message: 'Score every criterion before submitting.',
      params: { criteria: 'Thị trường' },
    });
    expect(refusalMessage(422, api, null)).toEqual({ key: 'judging.errors.incomplete', params: { criteria: 'Thị trường' } });
  });

  it('gives an answer without a code (a framework’s refusal) the API’s words, and a sentence for the status in other languages', () => {
    const api = body(413, { message: 'Request body is too large' });
    expect(refusalMessage(413, api, null)).toEqual({ text: 'Request body is too large', fallback: { key: 'errors.fallback.tooLarge' } });
  });

  it('prefers what the status means on this page, then the code’s sentence, then what the status means anywhere', () => {
    const api = body(401, { code: 'auth.session_ended', message: 'Sign in again.' });
    expect(refusalMessage(401, api, null, { 401: 'errors.invalidCredentials' })).toEqual({ key: 'errors.invalidCredentials' });
    expect(refusalMessage(401, api, null)).toEqual({ key: 'refusals.auth.sessionEnded' });
    expect(refusalMessage(401, body(401, { message: 'Unauthorized' }), null)).toEqual({ key: 'errors.unauthenticated' });
    expect(refusalMessage(0, null, null)).toEqual({ key: 'errors.network' });
    expect(refusalMessage(502, null, null)).toEqual({ key: 'errors.server' });
  });
});
