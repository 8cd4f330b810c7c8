import { AttachmentEntity } from './attachment.entity';
import { CategoryEntity } from './category.entity';
import { ContestEntity } from './contest.entity';
import { CriterionEntity } from './criterion.entity';
import { EntryEntity } from './entry.entity';
import { PrizeEntity } from './prize.entity';
import { RoundEntity } from './round.entity';
import { UserEntity } from './user.entity';
import { AssignmentEntity } from './assignment.entity';
import { ConflictEntity } from './conflict.entity';
import { ContestJudgeEntity } from './contest-judge.entity';
import { RoundEntryEntity } from './round-entry.entity';
import { ScoreEntity } from './score.entity';
import { ScoreSheetEntity } from './score-sheet.entity';

export { AttachmentEntity, CategoryEntity, ContestEntity, CriterionEntity, EntryEntity, PrizeEntity, RoundEntity, UserEntity };
export { AssignmentEntity, ConflictEntity, ContestJudgeEntity, RoundEntryEntity, ScoreEntity, ScoreSheetEntity };
export type { ConflictSourceColumn } from './conflict.entity';
export type { RoundOutcome } from './round-entry.entity';

export const ENTITIES = [
  UserEntity,
  ContestEntity,
  CategoryEntity,
  RoundEntity,
  CriterionEntity,
  PrizeEntity,
  EntryEntity,
  AttachmentEntity,
  ContestJudgeEntity,
  ConflictEntity,
  RoundEntryEntity,
  AssignmentEntity,
  ScoreSheetEntity,
  ScoreEntity,
];
