import { Module } from '@nestjs/common';
import { DivergenceReviewService } from './divergence-review.service';
import { StorageModule } from '@laurel/api-storage';
import { AssignmentsService } from './assignments.service';
import { ConflictsController } from './conflicts.controller';
import { ConflictsService } from './conflicts.service';
import { JudgeAssignmentsService } from './judge-assignments.service';
import { JudgeController } from './judge.controller';
import { JudgeMail } from './judge-mail';
import { JudgingRoundsController } from './judging-rounds.controller';
import { InvitationsResendController, PanelController } from './panel.controller';
import { PanelService } from './panel.service';
import { ProgressService } from './progress.service';
import { RoundClosedFilter } from './round-closed.filter';
import { RoundLifecycleService } from './round-lifecycle.service';
import { ScoreSheetsService } from './score-sheets.service';

/** The panel, conflicts of interest, rounds' lifecycle, assignment and scoring. */
@Module({
  imports: [StorageModule],
  controllers: [PanelController, InvitationsResendController, ConflictsController, JudgingRoundsController, JudgeController],
  providers: [
    DivergenceReviewService,
    PanelService,
    ConflictsService,
    RoundLifecycleService,
    AssignmentsService,
    JudgeMail,
    ProgressService,
    JudgeAssignmentsService,
    ScoreSheetsService,
    RoundClosedFilter,
  ],
})
export class JudgingModule {}
