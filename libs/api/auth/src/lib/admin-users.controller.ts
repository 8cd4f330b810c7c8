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

  @ApiOperation({ summary: 'Accounts, newest first, searched by name or address and filtered by role' })
  @ApiAnswer(200, 'AdminUserPage')
  @Get('users')
  list(@Query() query: AdminUsersQueryDto): Promise<AdminUserPage> {
    return this.users.list(query);
  }

  @ApiOperation({
    summary:
      'Grant or revoke organizer and admin, disable or enable; the account’s sessions end within a second. 422 for the last administrator or oneself',
  })
  @ApiAnswer(200, 'AdminUserView', { errors: [422] })
  @Patch('users/:id')
  change(@CurrentUser() actor: AuthUser, @Param('id', USER_ID) id: string, @Body() dto: AdminUserChangeDto): Promise<AdminUserView> {
    return this.users.change(actor, id, dto);
  }

  @ApiOperation({ summary: 'Invite an organizer or administrator: the invitation travels only by mail (no token in the answer)' })
  @ApiAnswer(202, 'AccountInvitationResponse', { errors: [409] })
  @Post('invitations')
  @HttpCode(202)
  invite(@CurrentUser() actor: AuthUser, @Body() dto: AccountInvitationDto): Promise<AccountInvitationResponse> {
    return this.invitations.invite({ id: actor.id, displayName: actor.displayName }, dto);
  }
}
