import { Module } from '@nestjs/common';
import { RoundResultsModule } from '@laurel/api-round-results';
import { PitchController } from './pitch.controller';
import { RevealReader } from './reveal';
import { StageStreamService } from './stage-stream.service';
import { StageService } from './stage.service';

/** Pitch day: the run sheet, the stage and its live streams of a round run live in the hall. */
@Module({
  imports: [RoundResultsModule],
  controllers: [PitchController],
  providers: [StageService, StageStreamService, RevealReader],
})
export class PitchModule {}
