import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, type AuthUser } from '@laurel/api-core';
import { AuditRepository, ConflictsRepository, UsersRepository } from '@laurel/api-database';
import type { UserView } from '@laurel/contracts';
import { toView } from './auth.service';
import type { ProfileUpdateDto } from './profile.dto';

/** What a person changes about themselves: the name others see and the language of their mail. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly conflicts: ConflictsRepository,
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
      // A judge's name is a fact of conflict detection (a team member who gave no e-mail): where
      // it changes, the conflicts of the judge's assignments are detected again.
      if (changes.displayName !== undefined) await this.conflicts.recordDetected(manager, { judgeIds: [actor.id] }, actor.id);
      return updated;
    });
    return toView(after);
  }
}
