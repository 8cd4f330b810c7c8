import { type ArgumentsHost, Catch } from '@nestjs/common';
import { HttpExceptionFilter } from '@laurel/api-core';
import { isRoundNotOpenError } from '@laurel/api-database';
import { roundClosed } from './round-state-errors';

/**
 * The one place the database's refusal to change a sheet of a round that is not open (the
 * trigger's SQLSTATE LR001) becomes 409. The sheet services check the round under a lock first,
 * so this answers the writes they do not check one by one, such as a draft deleted along with
 * its assignment or a judge's assignments when the judge leaves the panel. Every other failure
 * gets the global filter's answer unchanged.
 *
 * A filter rather than an interceptor: it costs nothing until something fails, where an
 * interceptor wraps every request of the controller (a judge's autosave included) in an rxjs
 * pipeline and two async-context bindings.
 */
@Catch()
export class RoundClosedFilter extends HttpExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    super.catch(isRoundNotOpenError(exception) ? roundClosed() : exception, host);
  }
}
