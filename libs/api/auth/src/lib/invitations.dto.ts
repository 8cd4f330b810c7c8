import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { type AcceptInvitationRequest, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ description: 'The token of the mailed link (after #token=)' })
  @IsString({ message: 'must be the token of the invitation link' })
  @MinLength(16, { message: 'is not a complete invitation token: copy the whole link' })
  @MaxLength(200, { message: 'is not an invitation token: copy the link again' })
  token!: string;

  @ApiPropertyOptional({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'Required when no verified account uses the address',
  })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `must be at most ${PASSWORD_MAX_LENGTH} characters long` })
  password?: string;
}
