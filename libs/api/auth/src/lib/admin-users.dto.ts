import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  type AccountInvitationRequest,
  type AdminUserChange,
  type AdminUsersQuery,
  GRANTABLE_ROLES,
  type GrantableRole,
  MAIL_LANGUAGES,
  type MailLanguage,
  type Role,
  ROLES,
} from '@laurel/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AdminUsersQueryDto implements AdminUsersQuery {
  @ApiPropertyOptional({ description: 'Part of the name or the e-mail address' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(254)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ default: 25, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100)
  pageSize = 25;
}

export class AdminUserChangeDto implements AdminUserChange {
  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    description: 'The account roles after the change; only organizer and admin may differ from now',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of roles' })
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: `each must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'true disables the account (its sessions end within a second); false enables it' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  disabled?: boolean;
}

export class AccountInvitationDto implements AccountInvitationRequest {
  @ApiProperty({ example: 'btc@techfest.vn' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Ban tổ chức Techfest' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  displayName!: string;

  @ApiProperty({ enum: GRANTABLE_ROLES })
  @IsIn(GRANTABLE_ROLES, { message: `must be one of ${GRANTABLE_ROLES.join(', ')}` })
  role!: GrantableRole;

  @ApiPropertyOptional({ enum: MAIL_LANGUAGES, description: 'The language of the mail; the account language when the address has one' })
  @IsOptional()
  @IsIn(MAIL_LANGUAGES, { message: `must be one of ${MAIL_LANGUAGES.join(', ')}` })
  language?: MailLanguage;
}
