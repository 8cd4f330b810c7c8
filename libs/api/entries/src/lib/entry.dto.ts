import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  type CreateEntryRequest,
  type EligibilityRequest,
  ENTRY_LIMITS,
  type EntryCorrectionRequest,
  type EntryFieldsRequest,
  type EntryMember,
  type SubmitEntryRequest,
  type UpdateEntryRequest,
} from '@laurel/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** For columns that may be empty: a blank value clears them. */
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
/** Absent means "leave as it is"; null is refused for text that cannot be empty-as-null. */
const Present = () => ValidateIf((_object, value) => value !== undefined);

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true, require_tld: false };

export class EntryMemberDto implements EntryMember {
  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @Transform(trim)
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(ENTRY_LIMITS.memberName, { message: `must be at most ${ENTRY_LIMITS.memberName} characters long` })
  @IsString({ message: 'must be text' })
  name!: string;

  @ApiProperty({ example: 'CEO' })
  @Transform(trim)
  @MinLength(1, { message: 'must not be empty: say what this person does in the team' })
  @MaxLength(ENTRY_LIMITS.memberRole, { message: `must be at most ${ENTRY_LIMITS.memberRole} characters long` })
  @IsString({ message: 'must be text' })
  role!: string;

  @ApiPropertyOptional({ type: String, example: 'hoa@greenharbor.vn', nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(ENTRY_LIMITS.email)
  @IsEmail({}, { message: 'must be an e-mail address such as name@example.vn' })
  email?: string | null;
}

/** The fields an applicant fills in; every one may be left out of a draft. */
export class EntryFieldsDto implements Omit<EntryFieldsRequest, 'answers'> {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'One of the contest categories; may wait until the entry is submitted',
  })
  @Transform(trimToNull)
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of one of the contest categories' })
  categoryId?: string | null;

  @ApiPropertyOptional({ example: 'GreenHarbor: cảng xanh' })
  @Transform(trim)
  @Present()
  @MaxLength(ENTRY_LIMITS.title, { message: `must be at most ${ENTRY_LIMITS.title} characters long` })
  @IsString({ message: 'must be text' })
  title?: string;

  @ApiPropertyOptional({ example: 'GreenHarbor' })
  @Transform(trim)
  @Present()
  @MaxLength(ENTRY_LIMITS.teamName, { message: `must be at most ${ENTRY_LIMITS.teamName} characters long` })
  @IsString({ message: 'must be text' })
  teamName?: string;

  @ApiPropertyOptional()
  @Transform(trim)
  @Present()
  @MaxLength(ENTRY_LIMITS.longText, { message: `must be at most ${ENTRY_LIMITS.longText} characters long` })
  @IsString({ message: 'must be text' })
  summary?: string;

  @ApiPropertyOptional()
  @Transform(trim)
  @Present()
  @MaxLength(ENTRY_LIMITS.longText, { message: `must be at most ${ENTRY_LIMITS.longText} characters long` })
  @IsString({ message: 'must be text' })
  problem?: string;

  @ApiPropertyOptional()
  @Transform(trim)
  @Present()
  @MaxLength(ENTRY_LIMITS.longText, { message: `must be at most ${ENTRY_LIMITS.longText} characters long` })
  @IsString({ message: 'must be text' })
  solution?: string;

  @ApiPropertyOptional()
  @Transform(trim)
  @Present()
  @MaxLength(ENTRY_LIMITS.longText, { message: `must be at most ${ENTRY_LIMITS.longText} characters long` })
  @IsString({ message: 'must be text' })
  market?: string;

  @ApiPropertyOptional()
  @Transform(trim)
  @Present()
  @MaxLength(ENTRY_LIMITS.longText, { message: `must be at most ${ENTRY_LIMITS.longText} characters long` })
  @IsString({ message: 'must be text' })
  businessModel?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Công ty CP GreenHarbor' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(ENTRY_LIMITS.organization, { message: `must be at most ${ENTRY_LIMITS.organization} characters long` })
  @IsString({ message: 'must be text' })
  organization?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.youtube.com/watch?v=…' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(ENTRY_LIMITS.videoUrl, { message: `must be at most ${ENTRY_LIMITS.videoUrl} characters long` })
  @IsUrl(HTTP_URL, { message: 'must be a web address starting with http:// or https://' })
  videoUrl?: string | null;

  @ApiPropertyOptional({ type: [EntryMemberDto] })
  @Present()
  @ArrayMaxSize(ENTRY_LIMITS.members, { message: `may list at most ${ENTRY_LIMITS.members} members` })
  @ValidateNested({ each: true })
  @Type(() => EntryMemberDto)
  @IsArray({ message: 'must be a list of members' })
  members?: EntryMemberDto[];

  // Each answer is checked against the contest's form by the domain's checkAnswers.
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "Answers to the contest's form by field key; null clears one, keys left out stay as they are",
  })
  @IsOptional()
  @IsObject({ message: 'must be an object of answers by field key, such as {"teamSize": 4}' })
  answers?: Record<string, unknown>;
}

export class CreateEntryDto extends EntryFieldsDto implements Omit<CreateEntryRequest, 'answers'> {}

export class UpdateEntryDto extends EntryFieldsDto implements Omit<UpdateEntryRequest, 'answers'> {
  @ApiProperty({ description: 'The version this change was made on, as last read; an older one is refused with 409' })
  @IsInt({ message: 'must be the whole-number version of the entry you last loaded' })
  @Min(1)
  version!: number;
}

export class SubmitEntryDto implements SubmitEntryRequest {
  @ApiPropertyOptional({ description: 'When given, the submission is refused (409) if the entry changed since' })
  @IsOptional()
  @IsInt({ message: 'must be the whole-number version of the entry you last loaded' })
  @Min(1)
  version?: number;
}

export class EligibilityDto implements EligibilityRequest {
  @ApiProperty()
  @IsBoolean({ message: 'must be true or false' })
  eligible!: boolean;

  @ApiPropertyOptional({ description: 'Required when the entry is not eligible' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(1000, { message: 'must be at most 1000 characters long' })
  @IsString({ message: 'must be text' })
  reason?: string | null;
}

/** The organizer's correction of a submitted entry's organization or team, with why. */
export class EntryCorrectionDto implements EntryCorrectionRequest {
  @ApiProperty({ description: 'The version this correction was made on, as last read; an older one is refused with 409' })
  @IsInt({ message: 'must be the whole-number version of the entry you last loaded' })
  @Min(1)
  version!: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Đại học Hải Phòng',
    description: 'Absent: unchanged; null or blank: none',
  })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(ENTRY_LIMITS.organization, { message: `must be at most ${ENTRY_LIMITS.organization} characters long` })
  @IsString({ message: 'must be text' })
  organization?: string | null;

  @ApiPropertyOptional({ type: [EntryMemberDto], description: 'Absent: unchanged; otherwise the whole team' })
  @Present()
  @ArrayMinSize(1, { message: 'must list one member or more: a submitted entry keeps its team' })
  @ArrayMaxSize(ENTRY_LIMITS.members, { message: `may list at most ${ENTRY_LIMITS.members} members` })
  @ValidateNested({ each: true })
  @Type(() => EntryMemberDto)
  @IsArray({ message: 'must be a list of members' })
  members?: EntryMemberDto[];

  @ApiProperty({ example: 'The team wrote its university without accents; corrected from its registration letter.' })
  @Transform(trim)
  @MinLength(1, { message: 'must say why the submitted entry is changed: the audit trail keeps it' })
  @MaxLength(1000, { message: 'must be at most 1000 characters long' })
  @IsString({ message: 'must be text' })
  reason!: string;
}
