import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  ELIGIBILITIES,
  type Eligibility,
  ENTRY_SORT_KEYS,
  ENTRY_STATUSES,
  type EntryFilterQuery,
  type EntryListQuery,
  type EntrySortKey,
  type EntryStatus,
} from '@laurel/contracts';

const blankToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

/** Which entries of a contest: every query parameter is parsed here, and nothing else is accepted. */
export class EntryFilterQueryDto implements EntryFilterQuery {
  @ApiPropertyOptional({ enum: ENTRY_STATUSES })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(ENTRY_STATUSES, { message: `must be one of ${ENTRY_STATUSES.join(', ')}` })
  status?: EntryStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of one of the contest categories' })
  categoryId?: string;

  @ApiPropertyOptional({ enum: ELIGIBILITIES })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(ELIGIBILITIES, { message: `must be one of ${ELIGIBILITIES.join(', ')}` })
  eligibility?: Eligibility;

  @ApiPropertyOptional({ description: 'Part of the title, team name or code, in any case' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(100, { message: 'must be at most 100 characters long' })
  q?: string;
}

export class EntryListQueryDto extends EntryFilterQueryDto implements EntryListQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @Transform(blankToUndefined)
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number from 1' })
  @Min(1, { message: 'must be a whole number from 1' })
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @Transform(blankToUndefined)
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number from 1 to 100' })
  @Min(1, { message: 'must be a whole number from 1 to 100' })
  @Max(100, { message: 'must be at most 100: ask for the next page instead' })
  pageSize?: number;

  @ApiPropertyOptional({ enum: ENTRY_SORT_KEYS, default: 'createdAt' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(ENTRY_SORT_KEYS, { message: `must be one of ${ENTRY_SORT_KEYS.join(', ')}` })
  sort?: EntrySortKey;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Default: desc for the dates, asc otherwise' })
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'must be asc or desc' })
  order?: 'asc' | 'desc';
}
