import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, CurrentUser, Roles, userNotFound, UuidPipe } from '@laurel/api-core';
import type { AccountInvitationResponse, AdminUserPage, AdminUserView } from '@laurel/contracts';
import { AccountInvitationDto, AdminUserChangeDto, AdminUsersQueryDto } from './admin-users.dto';
import { AccountInvitations } from './account-invitations.service';
import { AdminUsersService } from './admin-users.service';

const USER_ID = new UuidPipe(userNotFound);

/** People management, for administrators: accounts, their roles and standing, and invitations of new organizers. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class AdminUsersController {
  constructor(
    private readonly users: AdminUsersService,
    private readonly invitations: AccountInvitations,
  ) {}

  @ApiOperation({
    summary: 'Accounts, newest first, searched by name or address and filtered by role',
    description:
      "The platform's accounts, newest first, with their roles, whether the address is confirmed and whether the account is disabled, searched by name or address (`q`) and filtered by `role`, in pages (25 by default, at most 100). Administrators only.",
  })
  @ApiAnswer(
    200,
    'AdminUserPage',
    'A page of accounts, newest first, each with its roles, whether its address is confirmed and whether it is disabled, and the total.',
  )
  @Get('users')
  list(@Query() query: AdminUsersQueryDto): Promise<AdminUserPage> {
    return this.users.list(query);
  }

  @ApiOperation({
    summary:
      'Grant or revoke organizer and admin, disable or enable; the account’s sessions end within a second. 422 for the last administrator or oneself',
    description:
      "Grants or revokes the organizer and administrator roles, or disables and enables the account; the account's open sessions end within a second, so the change takes effect at once. Administrators only; audited. Refusals: 400 `admin.nothing_to_change`; 404 `user.not_found`; 422 `admin.role_not_grantable` (judge and applicant come from invitations and sign-up), `admin.disable_self`, `admin.last_admin` or `admin.no_role`.",
  })
  @ApiAnswer(200, 'AdminUserView', 'The account after the change: its roles and whether it is disabled.', { errors: [422] })
  @Patch('users/:id')
  change(@CurrentUser() actor: AuthUser, @Param('id', USER_ID) id: string, @Body() dto: AdminUserChangeDto): Promise<AdminUserView> {
    return this.users.change(actor, id, dto);
  }

  @ApiOperation({
    summary: 'Invite an organizer or administrator: the invitation travels only by mail (no token in the answer)',
    description:
      'Invites an address to become an organizer or administrator. The link travels only by mail, so the answer holds no token; an existing account gets the role when it accepts while signed in. Administrators only; audited. Refusals: 409 `invitation.has_role` (the account already has that role).',
  })
  @ApiAnswer(202, 'AccountInvitationResponse', "The invitation's id, pending until its mailbox holder accepts it; never its token.", {
    errors: [409],
  })
  @Post('invitations')
  @HttpCode(202)
  invite(@CurrentUser() actor: AuthUser, @Body() dto: AccountInvitationDto): Promise<AccountInvitationResponse> {
    return this.invitations.invite({ id: actor.id, displayName: actor.displayName }, dto);
  }
}
