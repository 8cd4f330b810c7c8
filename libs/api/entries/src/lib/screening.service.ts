import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser } from '@laurel/api-core';
import { AttachmentsRepository, EntriesRepository, type EntryContest } from '@laurel/api-database';
import { EntryAccess } from './entry-access.service';
import { EntryMail } from './entry-mail';
import type { EligibilityDto } from './entry.dto';
import { toEntryView, toListItemView } from './entry.mapper';
import { checkEntry, countsOrganizations } from './eligibility';
import type { EntryFilterQueryDto, EntryListQueryDto } from './entry-query.dto';
import type { EntryFilterQuery, EntryPageView, EntryView } from '@laurel/contracts';

/** An organizer's view of a contest's entries: the table, and the eligibility decision. */
@Injectable()
export class ScreeningService {
  constructor(
    private readonly entries: EntriesRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly access: EntryAccess,
    private readonly mail: EntryMail,
  ) {}

  async list(actor: AuthUser, contestId: string, query: EntryListQueryDto): Promise<EntryPageView> {
    const contest = await this.access.managedContest(actor, contestId);
    const sort = query.sort ?? 'createdAt';
    const order = query.order ?? (sort === 'createdAt' || sort === 'submittedAt' ? 'desc' : 'asc');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [{ items, total }, submitted] = await Promise.all([
      this.entries.listForContest(contest.id, entryFilter(contest, query), { sort, order, page, pageSize }),
      countsOrganizations(contest) ? this.entries.submittedOrganizations(contest.id) : [],
    ]);
    return {
      items: items.map((row) => toListItemView(row, checkEntry(contest, { ...row, members: row.memberCount }, submitted))),
      total,
      page,
      pageSize,
    };
  }

  async setEligibility(actor: AuthUser, entryId: string, dto: EligibilityDto): Promise<EntryView> {
    const { entry, contest } = await this.access.managed(actor, entryId);
    if (!dto.eligible && !dto.reason) {
      throw AppError.badRequest('validation_failed', 'Please correct the decision: say why the entry is not eligible.', [
        { field: 'reason', message: 'is needed when the entry is not eligible: the team and the audit trail read it' },
      ]);
    }
    const notSubmitted = () =>
      AppError.conflict(
        'entry.not_submitted',
        `Only submitted entries are screened; this one is ${entry.status === 'draft' ? 'still a draft' : 'withdrawn'}.`,
      );
    if (entry.status !== 'submitted') throw notSubmitted();
    const submitted = countsOrganizations(contest) ? await this.entries.submittedOrganizations(contest.id) : [];
    const failed = checkEntry(contest, entry, submitted).filter((check) => !check.passed);
    // Declaring eligible an entry that fails a rule overrides the rule: the trail must say why.
    if (dto.eligible && failed.length > 0 && !dto.reason) {
      throw AppError.badRequest(
        'validation_failed',
        'Please correct the decision: say why the entry is eligible although it fails a rule.',
        [
          {
            field: 'reason',
            message: `is needed to override the failed rule${failed.length > 1 ? 's' : ''} ${failed.map((c) => c.ruleId).join(', ')}: the audit trail keeps it`,
          },
        ],
      );
    }
    const overridden = dto.eligible ? failed.map((check) => check.ruleId) : [];
    const reason = dto.reason ?? null;
    const updated = await this.entries.setEligibility(
      entryId,
      dto.eligible ? 'eligible' : 'ineligible',
      reason,
      actor.id,
      overridden,
      (manager) => this.mail.eligibilityDecided(manager, contest, entry, dto.eligible, reason),
    );
    if (!updated) throw notSubmitted();
    const after = countsOrganizations(contest) ? await this.entries.submittedOrganizations(contest.id) : submitted;
    return toEntryView(
      { entry: updated, contest },
      await this.attachments.listForEntry(entryId),
      true,
      checkEntry(contest, updated, after),
    );
  }
}

/** The filter as the repository reads it; a category of another contest is a mistake worth naming. */
export function entryFilter(contest: EntryContest, query: EntryFilterQueryDto): EntryFilterQuery {
  if (query.categoryId && !contest.categories.some((c) => c.id === query.categoryId)) {
    throw AppError.badRequest('validation_failed', 'Please correct the request: categoryId is not a category of this contest.', [
      { field: 'categoryId', message: 'is not a category of this contest' },
    ]);
  }
  return { status: query.status, categoryId: query.categoryId, eligibility: query.eligibility, q: query.q };
}
