import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, CurrentUser, Public } from '@laurel/api-core';
import type { AuthResponse, InvitationPreview } from '@laurel/contracts';
import { AcceptInvitationDto } from './invitations.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('auth')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @ApiOperation({ summary: 'What an invitation link is for: contest, name, address, whether an account uses it' })
  @Public()
  @ApiAnswer(200, 'InvitationPreview', { errors: [410] })
  @Get('by-token/:token')
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @ApiOperation({
    summary: 'Accept a mailed invitation; 400 unknown token, 410 accepted or expired, 401/403 when another account must sign in',
  })
  @Public()
  @ApiAnswer(200, 'AuthResponse', { errors: [401, 403, 410] })
  @Post('accept')
  @HttpCode(200)
  accept(@CurrentUser() actor: AuthUser | undefined, @Body() dto: AcceptInvitationDto): Promise<AuthResponse> {
    return this.invitations.accept(actor, dto);
  }
}
