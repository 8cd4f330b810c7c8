import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { COUNCIL_DECISIONS, type CouncilDecisionRequest, type CouncilDecisionValue } from '@laurel/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CouncilDecisionDto implements CouncilDecisionRequest {
  @ApiProperty({ enum: COUNCIL_DECISIONS })
  @IsIn(COUNCIL_DECISIONS, { message: `must be one of ${COUNCIL_DECISIONS.join(', ')}` })
  decision!: CouncilDecisionValue;

  @ApiPropertyOptional({ description: 'Why; shown to the organizer and kept in the audit trail' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty (leave it out instead)' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  note?: string;
}
