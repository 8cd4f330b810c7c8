import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { isRoundNotOpenError } from '@laurel/api-database';
import { roundClosed } from './judging-access';

/**
 * The one place the database's refusal to change a sheet of a round that is not open (the
 * trigger's SQLSTATE LR001) becomes 409. The sheet services check the round under a lock first,
 * so this answers the writes they do not check one by one, such as a draft deleted along with
 * its assignment or a judge's assignments when the judge leaves the panel.
 */
@Injectable()
export class RoundClosedInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => (isRoundNotOpenError(error) ? roundClosed() : error))));
  }
}
