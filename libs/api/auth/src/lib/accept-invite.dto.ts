import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';

export class AcceptInviteDto {
  @ApiProperty({ description: 'The token of the invite link (after #token=)' })
  @IsString({ message: 'must be the token of the invite link' })
  @MinLength(16, { message: 'is not a complete invite token: copy the whole link' })
  @MaxLength(200, { message: 'is not an invite token: copy the link again' })
  token!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString({ message: 'must be text' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `must be at most ${PASSWORD_MAX_LENGTH} characters long` })
  password!: string;
}
