import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  type LoginRequest,
  MAIL_LANGUAGES,
  type MailLanguage,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordChangeRequest,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type RegisterRequest,
  type VerifyEmailRequest,
} from '@laurel/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'organizer@demo.laurel' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'laurel-demo' })
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'team@startup.vn' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString({ message: 'must be text' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `must be at most ${PASSWORD_MAX_LENGTH} characters long` })
  password!: string;

  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  displayName!: string;

  @ApiProperty({ enum: MAIL_LANGUAGES, required: false, description: 'The language of the mails this account receives (default vi)' })
  @IsOptional()
  @IsIn(MAIL_LANGUAGES, { message: 'must be vi or en' })
  language?: MailLanguage;
}

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty({ example: 'team@startup.vn' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty({ description: 'The token of the mailed link (after #token=)' })
  @IsString({ message: 'must be the token of the link' })
  @MinLength(16, { message: 'is not a complete token: copy the whole link' })
  @MaxLength(200, { message: 'is not a token: copy the link again' })
  token!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString({ message: 'must be text' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `must be at most ${PASSWORD_MAX_LENGTH} characters long` })
  password!: string;
}

export class VerifyEmailDto implements VerifyEmailRequest {
  @ApiProperty({ description: 'The token of the mailed link (after #token=)' })
  @IsString({ message: 'must be the token of the link' })
  @MinLength(16, { message: 'is not a complete token: copy the whole link' })
  @MaxLength(200, { message: 'is not a token: copy the link again' })
  token!: string;
}

export class PasswordChangeDto implements PasswordChangeRequest {
  @ApiProperty()
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString({ message: 'must be text' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `must be at most ${PASSWORD_MAX_LENGTH} characters long` })
  newPassword!: string;
}
