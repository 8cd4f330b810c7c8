import { CategoryEntity } from './category.entity';
import { ContestEntity } from './contest.entity';
import { CriterionEntity } from './criterion.entity';
import { PrizeEntity } from './prize.entity';
import { RoundEntity } from './round.entity';
import { UserEntity } from './user.entity';

export { CategoryEntity, ContestEntity, CriterionEntity, PrizeEntity, RoundEntity, UserEntity };

export const ENTITIES = [UserEntity, ContestEntity, CategoryEntity, RoundEntity, CriterionEntity, PrizeEntity];
