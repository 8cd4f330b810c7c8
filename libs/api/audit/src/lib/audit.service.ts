import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser, hasRole, isUuid } from '@laurel/api-core';
import { AuditRepository, ContestsRepository } from '@laurel/api-database';
import type { AuditPageView, AuditVerificationView } from '@laurel/contracts';
import type { AuditQueryDto } from './audit.dto';

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly contests: ContestsRepository,
  ) {}

  async page(actor: AuthUser, contestId: string, query: AuditQueryDto): Promise<AuditPageView> {
    await this.assertManages(actor, contestId);
    const { items, total } = await this.audit.page({
      contestId,
      action: query.action,
      actorId: query.actorId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      page: query.page,
      pageSize: query.pageSize,
    });
    const names = await this.audit.names(contestId, items.flatMap(idsOf));
    return { items, total, page: query.page, pageSize: query.pageSize, names };
  }

  /** The contest's own chain: its organizer checks it without walking any other contest's events. */
  async verifyContest(actor: AuthUser, contestId: string): Promise<AuditVerificationView> {
    await this.assertManages(actor, contestId);
    return this.audit.verify(contestId);
  }

  /** Every chain of the platform: the contests' and the one of events without a contest. */
  verify(): Promise<AuditVerificationView> {
    return this.audit.verify();
  }

  private async assertManages(actor: AuthUser, contestId: string): Promise<void> {
    const found = await this.contests.findById(contestId);
    // Another organizer's contest answers as if it did not exist.
    if (!found || (!hasRole(actor, 'admin') && found.contest.ownerId !== actor.id)) {
      throw contestNotFound();
    }
  }
}

export const contestNotFound = () => AppError.notFound('contest.not_found', 'No contest of yours has this id. Check the link.');

/** The ids an event mentions: its actor, its subject and the ids in its payload (one level deep, lists included). */
function idsOf(event: { actorId: string | null; subjectId: string | null; payload: unknown }): string[] {
  const found = [event.actorId, event.subjectId];
  if (event.payload && typeof event.payload === 'object') {
    for (const value of Object.values(event.payload as Record<string, unknown>)) {
      if (Array.isArray(value)) found.push(...value.filter((v): v is string => typeof v === 'string'));
      else if (typeof value === 'string') found.push(value);
    }
  }
  return found.filter((id): id is string => isUuid(id));
}
