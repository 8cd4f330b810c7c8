import { Logger } from '@nestjs/common';
import { DatabaseLogger } from './database-logger';

describe(DatabaseLogger.name, () => {
  it('logs a failed query with its text and the number of parameters, never their values', () => {
    const errors: string[] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
    const sut = new DatabaseLogger();
    sut.logQueryError(new Error('duplicate key value'), 'UPDATE users\n  SET password_hash = $1 WHERE email = $2', [
      '$argon2id$v=19$secret-hash',
      'someone@example.vn',
    ]);
    expect(errors).toEqual([
      'Query failed: duplicate key value (query: UPDATE users SET password_hash = $1 WHERE email = $2; 2 parameters withheld)',
    ]);
  });

  it('blanks a signed token that reached an error message', () => {
    const errors: string[] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
    new DatabaseLogger().logQueryError('invalid input "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"', 'SELECT 1', []);
    expect(errors[0]).toBe('Query failed: invalid input "[redacted]" (query: SELECT 1)');
  });
});
