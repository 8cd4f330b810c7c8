import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, CurrentUser, Public } from '@laurel/api-core';
import type { AuthResponse, InvitationPreview } from '@laurel/contracts';
import { AcceptInvitationDto } from './invitations.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @ApiOperation({
    summary: 'What an invitation link is for: contest, name, address, whether an account uses it',
    description:
      "What a mailed invitation link is for, before it is accepted: judge of a contest or staff role, the contest's name, the invited name and address, whether a confirmed account already uses that address (then the person signs in instead of choosing a password), and when the link expires. Anyone holding the token may call it. Refusals: 400 `invitation.invalid` (unknown token, or replaced by a newer one); 410 `invitation.used` or `invitation.expired` (valid 14 days).",
  })
  @Public()
  @ApiAnswer(
    200,
    'InvitationPreview',
    "What the invitation is for: the kind, the contest's name, the invited name and address, whether an account already uses that address, and when the link expires.",
    { errors: [400, 410] },
  )
  @Get('by-token/:token')
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @ApiOperation({
    summary: 'Accept a mailed invitation; 400 unknown token, 410 accepted or expired, 401/403 when another account must sign in',
    description:
      'Accepts a judge or staff invitation with the token of its mailed link and answers a session. A new mailbox holder sends a `password` and gets an account; an existing confirmed account must be signed in as the invited address and sends no password. Refusals: 400 `invitation.invalid`, `invitation.password_required` or `auth.weak_password`; 401 `invitation.sign_in` (sign in as the invited address first); 403 `invitation.other_account` (signed in as someone else) or `auth.account_disabled`; 409 `invitation.retry`; 410 `invitation.used` or `invitation.expired`.',
  })
  @Public()
  @ApiAnswer(200, 'AuthResponse', 'A session for the account that accepted: the bearer token and the account with its new role.', {
    errors: [401, 403, 410],
  })
  @Post('accept')
  @HttpCode(200)
  accept(@CurrentUser() actor: AuthUser | undefined, @Body() dto: AcceptInvitationDto): Promise<AuthResponse> {
    return this.invitations.accept(actor, dto);
  }
}
