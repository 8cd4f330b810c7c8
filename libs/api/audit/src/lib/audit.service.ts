import { Injectable } from '@nestjs/common';
import { type AuthUser, contestNotFound, isUuid, managesContest } from '@laurel/api-core';
import { AccessRepository, AuditRepository } from '@laurel/api-database';
import type { AuditPageView, AuditVerificationView } from '@laurel/contracts';
import type { AuditQueryDto } from './audit.dto';

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly access: AccessRepository,
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

  /** Another organizer's contest answers as if it did not exist. */
  private async assertManages(actor: AuthUser, contestId: string): Promise<void> {
    const contest = await this.access.contest(contestId);
    if (!contest || !managesContest(actor, contest)) throw contestNotFound();
  }
}

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
