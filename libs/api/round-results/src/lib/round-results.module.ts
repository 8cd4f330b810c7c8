import { Module } from '@nestjs/common';
import { RoundResultsService } from './round-results.service';

/** Import it where a feature needs a round's results; the repositories come from the global RepositoriesModule. */
@Module({
  providers: [RoundResultsService],
  exports: [RoundResultsService],
})
export class RoundResultsModule {}
