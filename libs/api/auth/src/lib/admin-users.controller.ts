import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@laurel/api-core';
import type { AccountInvitationResponse, AdminUserPage, AdminUserView } from '@laurel/contracts';
import { AccountInvitationDto, AdminUserChangeDto, AdminUsersQueryDto } from './admin-users.dto';
import { AccountInvitations } from './account-invitations.service';
import { AdminUsersService } from './admin-users.service';

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

  @ApiOperation({ summary: 'Accounts, newest first, searched by name or address and filtered by role' })
  @Get('users')
  @ApiOkResponse({ description: 'AdminUserPage' })
  list(@Query() query: AdminUsersQueryDto): Promise<AdminUserPage> {
    return this.users.list(query);
  }

  @ApiOperation({ summary: 'Grant or revoke organizer and admin, disable or enable; the account’s sessions end within a second. 422 for the last administrator or oneself' })
  @Patch('users/:id')
  @ApiOkResponse({ description: 'AdminUserView' })
  change(@CurrentUser() actor: AuthUser, @Param('id') id: string, @Body() dto: AdminUserChangeDto): Promise<AdminUserView> {
    return this.users.change(actor, id, dto);
  }

  @ApiOperation({ summary: 'Invite an organizer or administrator: the invitation travels only by mail (no token in the answer)' })
  @Post('invitations')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'AccountInvitationResponse' })
  invite(@CurrentUser() actor: AuthUser, @Body() dto: AccountInvitationDto): Promise<AccountInvitationResponse> {
    return this.invitations.invite({ id: actor.id, displayName: actor.displayName }, dto);
  }
}
