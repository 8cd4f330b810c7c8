import { Module } from '@nestjs/common';
import { AwardsController } from './awards.controller';
import { AwardsService } from './awards.service';
import { CouncilController } from './council.controller';
import { CouncilService } from './council.service';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';
import { LiveBoardService } from './live-board.service';
import { LiveController } from './live.controller';
import { PublicationMail } from './publication-mail';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

@Module({
  controllers: [ResultsController, AwardsController, LiveController, CouncilController, FeedbackController],
  providers: [ResultsService, AwardsService, PublicationMail, LiveBoardService, CouncilService, FeedbackService],
  exports: [ResultsService],
})
export class ResultsModule {}
