import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CouncilSettingsDto, FeedbackSettingsDto } from './closing-settings.dto';
import {
  type CategoryInput,
  type CategoryUpdateInput,
  CONTEST_LANGUAGES,
  CONTEST_STATUSES,
  type ContestLanguage,
  type ContestStatus,
  type ContestStatusRequest,
  type CreateContestRequest,
  PRIZE_TIERS,
  type PrizeInput,
  type PrizeTier,
  type PublicVoteSettings,
  type UpdateContestRequest,
  VOTE_SCOPES,
  type VoteScope,
} from '@laurel/contracts';
import { FORM_LIMITS, RULE_LIMITS } from '@laurel/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CategoryInputDto implements CategoryInput {
  @ApiProperty({ example: 'Doanh nghiệp khởi nghiệp' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  name!: string;
}

export class PrizeInputDto implements PrizeInput {
  @ApiProperty({ enum: PRIZE_TIERS })
  @IsIn(PRIZE_TIERS, { message: `must be one of ${PRIZE_TIERS.join(', ')}` })
  tier!: PrizeTier;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(1000)
  count!: number;

  @ApiPropertyOptional({ example: 50000000 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'must be a number with at most two decimals' })
  @Min(0)
  @Max(1e12)
  amount?: number;

  @ApiPropertyOptional({ example: 'VND' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be a three-letter currency code such as VND' })
  currency?: string;

  @ApiPropertyOptional({ description: 'Name of one of the contest categories; absent: the prize is for the whole contest' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  categoryName?: string;
}

export class CreateContestDto implements CreateContestRequest {
  @ApiProperty({ example: 'Tìm kiếm tài năng khởi nghiệp đổi mới sáng tạo 2027' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(3, { message: 'must be at least 3 characters long' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'startup-talent-2027' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'may hold only lower-case letters, digits and single hyphens' })
  @MaxLength(80)
  slug!: string;

  @ApiProperty({ example: 2027 })
  @IsInt({ message: 'must be a whole number' })
  @Min(2000)
  @Max(2200)
  year!: number;

  @ApiPropertyOptional({ description: 'Markdown' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  description?: string;

  @ApiProperty({ example: '2027-03-01T00:00:00+07:00' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO-8601 date and time' })
  submissionOpensAt!: string;

  @ApiProperty({ example: '2027-04-30T23:59:59+07:00' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO-8601 date and time' })
  submissionClosesAt!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  minScoreForPrize?: number;

  @ApiPropertyOptional({ default: false, description: 'Prize gate: an entry with a criterion mean of 0 in the final round gets no prize' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  noZeroCriterion?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  requirePitchDeck?: boolean;

  @ApiPropertyOptional({ example: 'ST27', description: 'Prefix of entry codes (ST27-007); absent: derived from the slug' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{1,8}$/, { message: 'must be 1 to 8 upper-case letters or digits, such as ST27' })
  codePrefix?: string;

  @ApiPropertyOptional({
    enum: CONTEST_LANGUAGES,
    default: 'vi',
    description: 'The language of the contest’s documents (workbooks, score sheets)',
  })
  @IsOptional()
  @IsIn(CONTEST_LANGUAGES, { message: `must be one of ${CONTEST_LANGUAGES.join(', ')}` })
  language?: ContestLanguage;

  @ApiPropertyOptional({
    example: 'Asia/Ho_Chi_Minh',
    default: 'Asia/Ho_Chi_Minh',
    description: 'IANA time zone the documents write times in',
  })
  @IsOptional()
  @IsString({ message: 'must be an IANA time zone name such as Asia/Ho_Chi_Minh' })
  @MaxLength(64)
  @Matches(/^[A-Za-z][A-Za-z0-9_+/-]*$/, { message: 'must be an IANA time zone name such as Asia/Ho_Chi_Minh' })
  @IsTimeZone({ message: 'is not a time zone this server knows: use an IANA name such as Asia/Ho_Chi_Minh or Europe/Berlin' })
  timeZone?: string;

  @ApiProperty({ type: [CategoryInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one category' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CategoryInputDto)
  categories!: CategoryInputDto[];

  @ApiProperty({ type: [PrizeInputDto] })
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => PrizeInputDto)
  prizes!: PrizeInputDto[];
}

export class CategoryUpdateDto extends CategoryInputDto implements CategoryUpdateInput {
  @ApiPropertyOptional({ description: 'Id of an existing category (kept, possibly renamed); absent: a new category' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of one of the contest categories' })
  id?: string;
}

export class PrizeUpdateDto extends PrizeInputDto {
  @ApiPropertyOptional({ description: 'Id of an existing category; or give categoryName' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of one of the contest categories' })
  categoryId?: string;
}

export class PublicVoteDto implements PublicVoteSettings {
  @ApiProperty({ description: 'false keeps the settings but holds no vote' })
  @IsBoolean({ message: 'must be true or false' })
  enabled!: boolean;

  @ApiProperty({ description: 'The round whose entries are on the ballot and whose ranking the vote blends into' })
  @IsUUID('all', { message: 'must be the id of a round of this contest' })
  roundId!: string;

  @ApiProperty({ example: '2026-11-01T08:00:00+07:00' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO-8601 date and time' })
  opensAt!: string;

  @ApiProperty({ example: '2026-11-15T20:00:00+07:00' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO-8601 date and time' })
  closesAt!: string;

  @ApiProperty({ example: 0.2, description: 'p in score = (1 − p)·judgeScore + p·voteScore, from 0 to 0.5' })
  @IsNumber({ maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  @Min(0, { message: 'must be between 0 and 0.5' })
  @Max(0.5, { message: 'must be between 0 and 0.5' })
  share!: number;

  @ApiProperty({ enum: VOTE_SCOPES })
  @IsIn(VOTE_SCOPES, { message: `must be one of ${VOTE_SCOPES.join(', ')}` })
  scope!: VoteScope;
}

/**
 * Every field optional but `version`; what a contest's status lets change is in
 * `CONTEST_EDITABLE_FIELDS` (fields sent unchanged are always accepted).
 */
export class UpdateContestDto
  extends PartialType(OmitType(CreateContestDto, ['categories', 'prizes', 'codePrefix'] as const))
  implements Omit<UpdateContestRequest, 'formFields' | 'eligibilityRules'>
{
  @ApiProperty({ description: 'The version the edit was made from (ContestView.version); a stale one is answered 409' })
  @IsInt({ message: 'must be the whole-number version of the contest you loaded' })
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ type: PublicVoteDto, nullable: true, description: 'The public vote; null: none' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicVoteDto)
  publicVote?: PublicVoteDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null: derive the prefix from the slug' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{1,8}$/, { message: 'must be 1 to 8 upper-case letters or digits, such as ST27' })
  codePrefix?: string | null;

  @ApiPropertyOptional({
    type: [CategoryUpdateDto],
    description: 'The whole list in display order: with id kept, without added, missing removed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one category' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CategoryUpdateDto)
  categories?: CategoryUpdateDto[];

  @ApiPropertyOptional({ type: [PrizeUpdateDto], description: 'Replaces the whole prize list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => PrizeUpdateDto)
  prizes?: PrizeUpdateDto[];

  @ApiPropertyOptional({ type: CouncilSettingsDto, description: 'Who approves the awards before publication, and what share of them must' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CouncilSettingsDto)
  council?: CouncilSettingsDto;

  @ApiPropertyOptional({
    type: FeedbackSettingsDto,
    description: 'What applicants see of their entry after publication; fields left out keep their value',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeedbackSettingsDto)
  feedback?: FeedbackSettingsDto;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-11-20T14:00:00+07:00',
    description: "The council's meeting, for the minutes",
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO-8601 date and time with its zone' })
  councilMeetingAt?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Hội trường Trung tâm Khởi nghiệp',
    description: 'Where the council meets, for the minutes',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty (send null to clear it)' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  councilMeetingPlace?: string | null;
  // The form and the rules are read field by field by the domain (parseFormFields,
  // parseEligibilityRules), which the console's form builder uses too; here only their outline.
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description:
      'The whole application form: [{key, label: {vi, en}, help?, type, required, options?, min?, max?, maxLength?, identifying?, categoryIds?}]',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of form fields' })
  @ArrayMaxSize(FORM_LIMITS.fields, { message: `may hold at most ${FORM_LIMITS.fields} fields` })
  formFields?: unknown[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description: 'Every eligibility rule: [{id, kind, params, message: {vi, en}}]',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of rules' })
  @ArrayMaxSize(RULE_LIMITS.rules, { message: `may hold at most ${RULE_LIMITS.rules} rules` })
  eligibilityRules?: unknown[];

  @ApiPropertyOptional({ type: [String], description: 'Keys of the fields this edit removes from a form with submitted entries' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FORM_LIMITS.fields)
  @IsString({ each: true })
  @MaxLength(FORM_LIMITS.keyLength, { each: true })
  confirmRemovedFields?: string[];
}

export class ContestStatusDto implements ContestStatusRequest {
  @ApiProperty({ enum: CONTEST_STATUSES, description: 'open, closed or judging; published goes through POST /api/contests/:id/publish' })
  @IsIn(CONTEST_STATUSES, { message: `must be one of ${CONTEST_STATUSES.join(', ')}` })
  status!: ContestStatus;

  @ApiPropertyOptional({ description: 'The version the decision was made from; a stale one is answered 409' })
  @IsOptional()
  @IsInt({ message: 'must be the whole-number version of the contest you loaded' })
  version?: number;
}
