import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  ArrayMaxSize,
  IsArray,
  IsEmail,
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
import type {
  AutoAssignRequest,
  CreateAssignmentRequest,
  CreateConflictRequest,
  InviteJudgeRequest,
  RecuseRequest,
  SaveSheetRequest,
  ScoreInput,
} from '@laurel/contracts';
import { saveSheetBodyAsIs } from './save-sheet-check';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class InviteJudgeDto implements InviteJudgeRequest {
  @ApiProperty({ example: 'an.nguyen@dhhp.edu.vn' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'TS. Nguyễn Văn An' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120, { message: 'must be at most 120 characters long' })
  displayName!: string;

  @ApiPropertyOptional({ example: 'Đại học Hải Phòng', description: 'Conflicts of interest are detected against it' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  organization?: string;

  @ApiPropertyOptional({ example: ['fintech', 'agritech'], type: [String] })
  @IsOptional()
  @Transform(trimEach)
  @IsArray({ message: 'must be a list of tags' })
  @ArrayMaxSize(20, { message: 'may hold at most 20 tags' })
  @IsString({ each: true, message: 'must hold text tags' })
  @MinLength(1, { each: true, message: 'must not hold an empty tag' })
  @MaxLength(60, { each: true, message: 'tags must be at most 60 characters long' })
  expertise?: string[];
}

export class CreateConflictDto implements CreateConflictRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be the id of a judge on the panel' })
  judgeId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be the id of an entry of this contest' })
  entryId!: string;

  @ApiProperty({ example: 'Mentored the team last year' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must say why' })
  @MaxLength(1000, { message: 'must be at most 1000 characters long' })
  reason!: string;
}

export class AutoAssignDto implements AutoAssignRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, description: "Defaults to the round's judgesPerEntry" })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(50, { message: 'must be at most 50' })
  judgesPerEntry?: number;

  @ApiPropertyOptional({ description: 'The same seed gives the same assignment; defaults to the round id' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(100)
  seed?: string;
}

export class CreateAssignmentDto implements CreateAssignmentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be the id of an entry of this round' })
  entryId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be the id of a judge on the panel' })
  judgeId!: string;
}

export class ScoreInputDto implements ScoreInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be the id of a criterion of this round' })
  criterionId!: string;

  /** Range and decimals are checked against the criterion by the domain's validateScoreValue. */
  @ApiProperty({ example: 7.5, description: '0..maxScore of the criterion, at most two decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  value!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(4000, { message: 'must be at most 4000 characters long' })
  comment?: string;

  @ApiPropertyOptional({ description: 'For the organizers only: never shown to the applicant' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  commentInternal?: boolean;
}

/**
 * A judge's autosave, the API's most frequent write: `acceptsAsIs` lets the global
 * LaurelValidationPipe hand on a body these decorators would pass unchanged without building
 * instances (see save-sheet-check.ts); every other body is checked by the decorators as before.
 */
export class SaveSheetDto implements SaveSheetRequest {
  static acceptsAsIs(body: unknown): boolean {
    return saveSheetBodyAsIs(body);
  }

  @ApiProperty({ type: [ScoreInputDto], description: 'The sheet becomes exactly these scores; criteria left out are unscored' })
  @IsArray({ message: 'must be a list of scores' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ScoreInputDto)
  scores!: ScoreInputDto[];

  @ApiPropertyOptional({ description: 'The overall comment; left out, the sheet has none' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(10_000, { message: 'must be at most 10000 characters long' })
  comment?: string;

  @ApiPropertyOptional({ description: 'The overall comment is for the organizers only: never shown to the applicant' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  commentInternal?: boolean;

  @ApiPropertyOptional({ description: 'The version last read (0 before the first save); a stale one is answered 409' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  version?: number;
}

export class RecuseDto implements RecuseRequest {
  @ApiProperty({ example: 'I advised this team last year' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must say why you recuse' })
  @MaxLength(1000, { message: 'must be at most 1000 characters long' })
  reason!: string;
}
