import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { MAIL_LANGUAGES, type MailLanguage, type ProfileUpdateRequest } from '@laurel/contracts';

/** Absent: unchanged. null is checked like any value (and refused): neither can be emptied. */
const given = (_: object, value: unknown) => value !== undefined;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Any subset of what a person may change about themselves. */
export class ProfileUpdateDto implements ProfileUpdateRequest {
  @ApiPropertyOptional({ example: 'Trần Thị Lan' })
  @ValidateIf(given)
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  displayName?: string;

  @ApiPropertyOptional({ enum: MAIL_LANGUAGES, description: 'The language of the mails this account receives' })
  @ValidateIf(given)
  @IsIn(MAIL_LANGUAGES, { message: `must be one of ${MAIL_LANGUAGES.join(', ')}` })
  language?: MailLanguage;
}
