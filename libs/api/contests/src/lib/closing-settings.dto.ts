import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { CouncilSettingsInput, FeedbackSettings } from '@laurel/contracts';

export class CouncilSettingsDto implements CouncilSettingsInput {
  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description: "Judges of the contest's panel; null: the judges of the final round",
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of user ids, or null for the judges of the final round' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'must be the id of a judge of this contest' })
  memberIds?: string[] | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 0.6667,
    description: 'Share of the members whose approval publication needs, 0 to 1; null: two thirds',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number between 0 and 1' })
  @Min(0, { message: 'must be between 0 and 1' })
  @Max(1, { message: 'must be between 0 and 1' })
  approvalShare?: number | null;
}

export class FeedbackSettingsDto implements Partial<FeedbackSettings> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) enabled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) showCriterionMeans?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) showCategoryAverage?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'must be true or false' }) showComments?: boolean;
}
