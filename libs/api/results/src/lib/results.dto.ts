import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { type AdvanceRequest, type AwardInput, type ConfirmAwardsRequest, PRIZE_TIERS, type PrizeTier } from '@laurel/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AdvanceDto implements AdvanceRequest {
  @ApiPropertyOptional({
    example: 10,
    description: 'The first N of each ranking scope among the entries that pass the other gates (and everyone tied with the N-th)',
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100_000)
  top?: number;

  @ApiPropertyOptional({ example: 50, description: 'Gate: a score of at least this (0-100)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  @Min(0, { message: 'must be between 0 and 100' })
  @Max(100, { message: 'must be between 0 and 100' })
  minScore?: number;

  @ApiPropertyOptional({ description: 'Gate: no criterion whose mean over the entry’s sheets is 0' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  noZeroCriterion?: boolean;

  @ApiPropertyOptional({ description: 'true: answer who would advance and why the others would not, changing nothing' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  preview?: boolean;
}

export class AwardInputDto implements AwardInput {
  @ApiProperty({ enum: PRIZE_TIERS })
  @IsIn(PRIZE_TIERS, { message: `must be one of ${PRIZE_TIERS.join(', ')}` })
  tier!: PrizeTier;

  @ApiProperty({ description: 'An entry of the final round' })
  @IsUUID('all', { message: 'must be the id of an entry of the final round' })
  entryId!: string;

  @ApiPropertyOptional({ description: 'Needed when the award differs from the proposal; kept in the audit trail' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  reason?: string;
}

export class ConfirmAwardsDto implements ConfirmAwardsRequest {
  @ApiProperty({ type: [AwardInputDto], description: 'Every award of the contest: this list replaces any earlier confirmation' })
  @IsArray({ message: 'must be a list of awards' })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AwardInputDto)
  awards!: AwardInputDto[];
}
