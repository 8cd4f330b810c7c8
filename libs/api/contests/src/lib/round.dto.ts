import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  AGGREGATION_METHODS,
  type AggregationMethod,
  type CreateRoundRequest,
  type CriterionInput,
  type LiveSettingInput,
  PANEL_MODES,
  type PanelMode,
  RANK_BY,
  type RankBy,
  type UpdateRoundRequest,
} from '@laurel/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CriterionInputDto implements CriterionInput {
  @ApiPropertyOptional({ description: 'Id of a criterion of this round (kept); absent: a new criterion' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a criterion of this round' })
  id?: string;

  @ApiProperty({ example: 'Tính đổi mới sáng tạo' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, description: 'Scoring guidance shown to judges', nullable: true })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(4000)
  description?: string | null;

  @ApiProperty({ example: 25, description: 'Greater than 0, at most two decimals' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, { message: 'must be a number with at most two decimals' })
  @IsPositive({ message: 'must be greater than 0' })
  @Max(10_000)
  weight!: number;

  @ApiProperty({ example: 25, description: 'Greater than 0, at most two decimals' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, { message: 'must be a number with at most two decimals' })
  @IsPositive({ message: 'must be greater than 0' })
  @Max(10_000)
  maxScore!: number;
}

export class CreateRoundDto implements CreateRoundRequest {
  @ApiProperty({ example: 'Vòng sơ khảo' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 1, description: 'Rounds run in this order; unique in the contest' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100)
  order!: number;

  @ApiProperty({ enum: PANEL_MODES })
  @IsIn(PANEL_MODES, { message: `must be one of ${PANEL_MODES.join(', ')}` })
  panel!: PanelMode;

  @ApiProperty({ example: 3 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(50)
  judgesPerEntry!: number;

  @ApiPropertyOptional({ default: false, description: 'Judges see no team, member, organization or file name' })
  @IsOptional()
  @IsBoolean()
  blind?: boolean;

  @ApiProperty({ enum: AGGREGATION_METHODS })
  @IsIn(AGGREGATION_METHODS, { message: `must be one of ${AGGREGATION_METHODS.join(', ')}` })
  aggregation!: AggregationMethod;

  @ApiPropertyOptional({ default: 1, description: 'k of trimmed_mean: the k highest and k lowest totals are dropped' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(20)
  trim?: number;

  @ApiPropertyOptional({ default: 5, description: 'zscore: judges with fewer sheets are not normalized' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(1000)
  minSheetsForNormalization?: number;

  @ApiPropertyOptional({ enum: RANK_BY, default: 'overall' })
  @IsOptional()
  @IsIn(RANK_BY, { message: `must be one of ${RANK_BY.join(', ')}` })
  rankBy?: RankBy;

  @ApiPropertyOptional({ type: [String], description: 'Names of criteria of this round, in the order they break ties' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true, message: 'must be criterion names' })
  priorityCriteria?: string[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 20,
    description:
      'Divergence review (assigned panels): when two totals of one entry differ by this many points or more, one more judge is assigned; null: off',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, { message: 'must be a number with at most two decimals' })
  @Min(0, { message: 'must be between 0 and 100' })
  @Max(100, { message: 'must be between 0 and 100' })
  divergenceThreshold?: number | null;

  @ApiPropertyOptional({ default: 1, description: 'Divergence review adds at most this many judges to one entry' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be between 0 and 10' })
  @Max(10, { message: 'must be between 0 and 10' })
  maxExtraJudges?: number;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2027-05-20T17:00:00+07:00',
    description: "When the judges' scores are due; null: no deadline. Judges still owing sheets are mailed reminderHoursBefore ahead of it",
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO-8601 date and time, e.g. 2027-05-20T17:00:00+07:00' })
  scoresDueAt?: string | null;

  @ApiPropertyOptional({ default: 24, description: 'Hours before scoresDueAt the reminder goes (0–720)' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of hours' })
  @Min(0, { message: 'must be between 0 and 720 hours' })
  @Max(720, { message: 'must be between 0 and 720 hours' })
  reminderHoursBefore?: number;

  @ApiProperty({ type: [CriterionInputDto], description: 'The rubric in display order; may stay empty only while the contest is a draft' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionInputDto)
  criteria!: CriterionInputDto[];
}

export class LiveSettingDto implements LiveSettingInput {
  @ApiProperty({ description: 'Run the round live in the hall: a run sheet, a stage the judges follow, a projector board' })
  @IsBoolean({ message: 'must be true or false' })
  enabled!: boolean;
}

/** Any subset of a round's settings and rubric; criteria with an id keep it, missing ones are removed. */
export class UpdateRoundDto extends PartialType(CreateRoundDto) implements UpdateRoundRequest {
  @ApiPropertyOptional({ type: LiveSettingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LiveSettingDto)
  live?: LiveSettingDto;
}
