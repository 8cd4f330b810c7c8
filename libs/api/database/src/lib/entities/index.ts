import { AttachmentEntity } from './attachment.entity';
import { CategoryEntity } from './category.entity';
import { ContestEntity } from './contest.entity';
import { CriterionEntity } from './criterion.entity';
import { EntryEntity } from './entry.entity';
import { PrizeEntity } from './prize.entity';
import { RoundEntity } from './round.entity';
import { UserEntity } from './user.entity';

export { AttachmentEntity, CategoryEntity, ContestEntity, CriterionEntity, EntryEntity, PrizeEntity, RoundEntity, UserEntity };
export type { AttachmentKind } from './attachment.entity';
export type { Eligibility, EntryMember, EntryStatus } from './entry.entity';

export const ENTITIES = [
  UserEntity,
  ContestEntity,
  CategoryEntity,
  RoundEntity,
  CriterionEntity,
  PrizeEntity,
  EntryEntity,
  AttachmentEntity,
];
