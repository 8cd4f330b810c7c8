import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MAIL_LANGUAGES, type MailLanguage, type CastVoteRequest, type ConfirmVoteRequest, type VoidVoteRequest } from '@laurel/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CastVoteDto implements CastVoteRequest {
  @ApiProperty({ description: 'An entry on the ballot' })
  @IsUUID('all', { message: 'must be the id of an entry on the ballot' })
  entryId!: string;

  @ApiProperty({ example: 'ban.doc@example.vn', description: 'The confirmation link is mailed here; one counted vote per mailbox' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address, such as ten@example.vn' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email!: string;

  @ApiPropertyOptional({ enum: MAIL_LANGUAGES, default: 'vi', description: 'The language of the confirmation mail' })
  @IsOptional()
  @IsIn(MAIL_LANGUAGES, { message: 'must be vi or en' })
  language?: MailLanguage;
}

export class ConfirmVoteDto implements ConfirmVoteRequest {
  @ApiProperty({ description: 'The token of the link in the confirmation mail' })
  @IsString({ message: 'must be the token from the confirmation link' })
  @Matches(/^[A-Za-z0-9_-]{20,200}$/, { message: 'must be the token from the confirmation link' })
  token!: string;
}

export class VoidVoteDto implements VoidVoteRequest {
  @ApiProperty({ example: 'The same person voted from dozens of throwaway addresses.' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty: say why the vote is voided' })
  @MaxLength(2000)
  reason!: string;
}
