import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Public } from '@laurel/api-core';
import type { AuthResponse, InvitationPreview } from '@laurel/contracts';
import { AuthResponseDto } from './auth.dto';
import { AcceptInvitationDto } from './invitations.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('auth')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @ApiOperation({ summary: 'What an invitation link is for: contest, name, address, whether an account uses it' })
  @Public()
  @Get('by-token/:token')
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @ApiOperation({ summary: 'Accept a mailed invitation; 400 unknown token, 410 accepted or expired, 401/403 when another account must sign in' })
  @Public()
  @Post('accept')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto })
  accept(@CurrentUser() actor: AuthUser | undefined, @Body() dto: AcceptInvitationDto): Promise<AuthResponse> {
    return this.invitations.accept(actor, dto);
  }
}
