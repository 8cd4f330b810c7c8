import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PRIZE_TIERS, type PrizeTier } from '@laurel/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CategoryInputDto {
  @ApiProperty({ example: 'Doanh nghiệp khởi nghiệp' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  name!: string;
}

export class PrizeInputDto {
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

export class CreateContestDto {
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

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  requirePitchDeck?: boolean;

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
