import { Global, Module } from '@nestjs/common';
import { AccessRepository } from './access.repository';
import { AttachmentsRepository } from './attachments.repository';
import { AuditRepository } from './audit.repository';
import { IdempotencyRepository } from './idempotency.repository';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailRecipientsRepository } from './mail-recipients.repository';
import { AccountTokensRepository } from './account-tokens.repository';
import { ContestsRepository } from './contests.repository';
import { EntriesRepository } from './entries.repository';
import { RoundsRepository } from './rounds.repository';
import { UsersRepository } from './users.repository';
import { AssignmentsRepository } from './assignments.repository';
import { ConflictsRepository } from './conflicts.repository';
import { InvitationsRepository } from './invitations.repository';
import { JudgingRepository } from './judging.repository';
import { PanelRepository } from './panel.repository';
import { SheetsRepository } from './sheets.repository';
import { AwardsRepository } from './awards.repository';
import { ExportRepository } from './export.repository';
import { ResultsRepository } from './results.repository';
import { SheetEventsRepository } from './sheet-events.repository';
import { DivergenceRepository } from './divergence.repository';
import { CouncilRepository } from './council.repository';
import { DocumentsRepository } from './documents.repository';
import { FeedbackRepository } from './feedback.repository';
import { PitchRepository } from './pitch.repository';
import { VotesRepository } from './votes.repository';

const REPOSITORIES = [
  AccessRepository,
  AuditRepository,
  IdempotencyRepository,
  MailOutboxRepository,
  MailRecipientsRepository,
  AccountTokensRepository,
  ContestsRepository,
  RoundsRepository,
  UsersRepository,
  EntriesRepository,
  AttachmentsRepository,
];
const JUDGING_REPOSITORIES = [
  JudgingRepository,
  PanelRepository,
  InvitationsRepository,
  ConflictsRepository,
  AssignmentsRepository,
  SheetsRepository,
  DivergenceRepository,
];
const RESULTS_REPOSITORIES = [ResultsRepository, AwardsRepository, ExportRepository, SheetEventsRepository, VotesRepository];
const CLOSING_REPOSITORIES = [CouncilRepository, DocumentsRepository, FeedbackRepository];
const PITCH_REPOSITORIES = [PitchRepository];

/** Every query lives in a repository; feature modules inject them from here. */
@Global()
@Module({
  providers: [...REPOSITORIES, ...JUDGING_REPOSITORIES, ...RESULTS_REPOSITORIES, ...CLOSING_REPOSITORIES, ...PITCH_REPOSITORIES],
  exports: [...REPOSITORIES, ...JUDGING_REPOSITORIES, ...RESULTS_REPOSITORIES, ...CLOSING_REPOSITORIES, ...PITCH_REPOSITORIES],
})
export class RepositoriesModule {}
