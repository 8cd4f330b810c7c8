/**
 * Not a failure: the answer a request already got, to be sent again as it was, without running its
 * handler (a POST repeated with its `Idempotency-Key`). A guard can only let a request through or
 * throw, so the idempotency guard throws this and `HttpExceptionFilter` sends it.
 */
export class StoredAnswer extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
  ) {
    super('A stored answer, sent again');
    this.name = 'StoredAnswer';
  }
}
