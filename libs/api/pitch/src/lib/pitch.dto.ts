import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  type BreakSlotInput,
  type DrawRunSheetRequest,
  type EntrySlotInput,
  type RunSheetSlotInput,
  type SaveRunSheetRequest,
  STAGE_ACTIONS,
  type StageActionRequest,
  type StageActionType,
} from '@laurel/contracts';

const SLOT_KINDS = ['entry', 'break'] as const;

/** Both kinds of slot in one validation class (a class cannot be a union): each kind's own fields, optional here. */
type RunSheetSlotFields = Pick<RunSheetSlotInput, 'id' | 'kind'> &
  Partial<Omit<EntrySlotInput, 'id' | 'kind'>> &
  Partial<Omit<BreakSlotInput, 'id' | 'kind'>>;

export class RunSheetSlotDto implements RunSheetSlotFields {
  @ApiProperty({ example: 'entry:7f0c…', description: '`entry:<entryId>` for a team, `break:<name>` for a break' })
  @IsString({ message: 'must be text' })
  @MaxLength(60)
  id!: string;

  @ApiProperty({ enum: SLOT_KINDS })
  @IsIn(SLOT_KINDS, { message: `must be one of ${SLOT_KINDS.join(', ')}` })
  kind!: 'entry' | 'break';

  @ApiPropertyOptional({ description: 'The team (kind entry)' })
  @ValidateIf((slot: RunSheetSlotDto) => slot.kind === 'entry')
  @IsUUID('all', { message: 'must be the id of an entry of this round' })
  entryId?: string;

  @ApiPropertyOptional({ example: 300, description: 'Pitch length in seconds, 30 to 3600 (kind entry)' })
  @ValidateIf((slot: RunSheetSlotDto) => slot.kind === 'entry')
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(30)
  @Max(3600)
  pitchSeconds?: number;

  @ApiPropertyOptional({ example: 300, description: 'Questions in seconds, 0 to 3600 (kind entry)' })
  @ValidateIf((slot: RunSheetSlotDto) => slot.kind === 'entry')
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(0)
  @Max(3600)
  qaSeconds?: number;

  @ApiPropertyOptional({ example: 900, description: 'Break length in seconds, 60 to 7200 (kind break)' })
  @ValidateIf((slot: RunSheetSlotDto) => slot.kind === 'break')
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(60)
  @Max(7200)
  seconds?: number;

  @ApiPropertyOptional({ type: String, example: 'Giải lao', nullable: true })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(120)
  label?: string | null;
}

export class SaveRunSheetDto implements Omit<SaveRunSheetRequest, 'slots'> {
  @ApiProperty({ description: 'The stage version last read (0 before the first change); 409 when it moved on' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  version!: number;

  @ApiProperty({ type: [RunSheetSlotDto], description: 'Every team of the round once, and any breaks, in pitching order' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RunSheetSlotDto)
  slots!: RunSheetSlotDto[];
}

export class DrawRunSheetDto implements DrawRunSheetRequest {
  @ApiProperty({ description: 'The stage version last read (0 before the first change)' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  version!: number;

  @ApiPropertyOptional({ example: 'chung-ket-2026', description: 'Absent: a random seed, returned in the answer' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(64)
  @Matches(/^[\p{L}\p{N} _.-]+$/u, { message: 'may hold letters, digits, spaces, dots, dashes and underscores' })
  seed?: string;
}

export class StageActionDto implements StageActionRequest {
  @ApiProperty({ description: 'The stage version last read; of two presses on one version, the second is refused (409)' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  version!: number;

  @ApiProperty({ enum: STAGE_ACTIONS })
  @IsIn(STAGE_ACTIONS, { message: `must be one of ${STAGE_ACTIONS.join(', ')}` })
  action!: StageActionType;

  @ApiPropertyOptional({ description: 'start: the slot to start; skip, no_show: the slot (default: on stage, else next)' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(60)
  slotId?: string;

  @ApiPropertyOptional({ example: 60, description: 'extend: seconds to add, 1 to 1800' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1)
  @Max(1800)
  seconds?: number;
}
