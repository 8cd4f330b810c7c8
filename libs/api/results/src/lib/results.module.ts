import { Module } from '@nestjs/common';
import { RoundResultsModule } from '@laurel/api-round-results';
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
import { PublicVotesController, VotesController } from './votes.controller';
import { VotesService } from './votes.service';
import { VoteThrottle } from './votes.throttle';

@Module({
  imports: [RoundResultsModule],
  controllers: [
    ResultsController,
    AwardsController,
    LiveController,
    CouncilController,
    FeedbackController,
    PublicVotesController,
    VotesController,
  ],
  providers: [
    ResultsService,
    AwardsService,
    PublicationMail,
    LiveBoardService,
    CouncilService,
    FeedbackService,
    VotesService,
    VoteThrottle,
  ],
  exports: [ResultsService],
})
export class ResultsModule {}
