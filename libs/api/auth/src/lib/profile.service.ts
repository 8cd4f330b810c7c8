import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, type AuthUser } from '@laurel/api-core';
import { AuditRepository, UsersRepository } from '@laurel/api-database';
import type { UserView } from '@laurel/contracts';
import { toView } from './auth.service';
import type { ProfileUpdateDto } from './profile.dto';

/** What a person changes about themselves: the name others see and the language of their mail. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async update(actor: AuthUser, dto: ProfileUpdateDto): Promise<UserView> {
    const before = await this.users.findById(actor.id);
    if (!before) throw AppError.unauthorized('auth.account_gone', 'This account no longer exists. Sign in again.');
    const changes = {
      ...(dto.displayName !== undefined && dto.displayName !== before.displayName ? { displayName: dto.displayName } : {}),
      ...(dto.language !== undefined && dto.language !== before.language ? { language: dto.language } : {}),
    };
    if (Object.keys(changes).length === 0) return toView(before);
    const after = await this.dataSource.transaction(async (manager) => {
      const updated = await this.users.updateProfile(manager, actor.id, changes);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'auth.profile_updated',
        subjectType: 'user',
        subjectId: actor.id,
        payload: { fields: Object.keys(changes) },
      });
      return updated;
    });
    return toView(after);
  }
}
