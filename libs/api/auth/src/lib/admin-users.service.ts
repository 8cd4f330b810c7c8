import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, type AuthUser, userNotFound } from '@laurel/api-core';
import { AuditRepository, type UserEntity, UsersRepository } from '@laurel/api-database';
import { type AdminUserPage, type AdminUserView, GRANTABLE_ROLES, ROLES, type Role } from '@laurel/contracts';
import type { AdminUserChangeDto, AdminUsersQueryDto } from './admin-users.dto';
import { SessionCheck } from './session-check';

/**
 * The administrator manages people: lists and searches accounts, grants and revokes the organizer
 * and admin roles, disables and enables accounts. Every change ends the account's sessions (the
 * session version), is audited, and never leaves the platform without an enabled administrator.
 */
@Injectable()
export class AdminUsersService {
  private readonly logger = new Logger(AdminUsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly sessions: SessionCheck,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: AdminUsersQueryDto): Promise<AdminUserPage> {
    const { items, total } = await this.users.page({
      q: query.q || undefined,
      role: query.role,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { items: items.map(toAdminView), total, page: query.page, pageSize: query.pageSize };
  }

  async change(actor: AuthUser, userId: string, dto: AdminUserChangeDto): Promise<AdminUserView> {
    if (dto.roles === undefined && dto.disabled === undefined) {
      throw AppError.badRequest('admin.nothing_to_change', 'Say what to change: roles, disabled, or both.');
    }
    const changed = await this.dataSource.transaction(async (manager) => {
      // Administrators first, then the account, always in this order: two changes never deadlock.
      const admins = await this.users.lockActiveAdmins(manager);
      const user = await this.users.lockById(manager, userId);
      if (!user) throw userNotFound();

      const roles = dto.roles ? ROLES.filter((role) => dto.roles?.includes(role)) : user.roles;
      const fixed = ROLES.filter((role) => !(GRANTABLE_ROLES as readonly string[]).includes(role));
      const fixedChanged = fixed.filter((role) => roles.includes(role) !== user.roles.includes(role));
      if (fixedChanged.length > 0) {
        throw AppError.unprocessable(
          'admin.role_not_grantable',
          `Only the organizer and admin roles are granted here; ${fixedChanged.join(' and ')} come${fixedChanged.length === 1 ? 's' : ''} from a contest's invitation or from signing up.`,
        );
      }
      const disabled = dto.disabled ?? user.disabledAt !== null;
      if (user.id === actor.id && disabled) {
        throw AppError.unprocessable('admin.disable_self', 'You cannot disable your own account. Ask another administrator.');
      }
      const staysAdmin = roles.includes('admin') && !disabled;
      if (admins.includes(user.id) && !staysAdmin && admins.length === 1) {
        throw AppError.unprocessable(
          'admin.last_admin',
          'This is the last enabled administrator: the platform would have none. Invite or appoint another administrator first.',
        );
      }
      if (roles.length === 0) throw AppError.unprocessable('admin.no_role', 'An account keeps at least one role. Disable it instead.');
      const rolesChanged = roles.length !== user.roles.length || roles.some((role) => !user.roles.includes(role));
      const standingChanged = disabled !== (user.disabledAt !== null);
      if (!rolesChanged && !standingChanged) return user;

      const updated = await this.users.setRolesAndStanding(manager, user.id, roles, disabled);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'admin.user_changed',
        subjectType: 'user',
        subjectId: user.id,
        payload: {
          granted: roles.filter((role) => !user.roles.includes(role)),
          revoked: user.roles.filter((role) => !roles.includes(role)),
          ...(standingChanged ? { disabled } : {}),
        },
      });
      return updated;
    });
    // This instance knows at once; every other one within a second (SessionCheck).
    this.sessions.forget(changed.id);
    this.logger.log({ userId: changed.id, by: actor.id }, 'Account changed by an administrator');
    return toAdminView(changed);
  }
}

function toAdminView(user: UserEntity): AdminUserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: ROLES.filter((role: Role) => user.roles.includes(role)),
    emailVerified: user.emailVerifiedAt !== null,
    disabled: user.disabledAt !== null,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}
