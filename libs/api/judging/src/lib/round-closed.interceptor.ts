import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { isRoundNotOpenError } from '@laurel/api-database';
import { roundClosed } from './judging-access';

/**
 * The one place the database's refusal to change a sheet of a round that is not open (the
 * trigger's SQLSTATE LR001) becomes 409. The services check the round first; this catches the
 * race where the round closes between that check and the write.
 */
@Injectable()
export class RoundClosedInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => (isRoundNotOpenError(error) ? roundClosed() : error))));
  }
}
