import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser } from '@laurel/api-core';
import { AttachmentsRepository, ConflictsRepository, EntriesRepository, type EntryContest, type EntryRecord } from '@laurel/api-database';
import { EntryAccess } from './entry-access.service';
import { EntryMail } from './entry-mail';
import type { EligibilityDto, EntryCorrectionDto } from './entry.dto';
import { toEntryView, toListItemView } from './entry.mapper';
import { checkEntry, countsOrganizations } from './eligibility';
import type { EntryFilterQueryDto, EntryListQueryDto } from './entry-query.dto';
import type { EntryFilterQuery, EntryMember, EntryPageView, EntryView } from '@laurel/contracts';

/** An organizer's view of a contest's entries: the table, the eligibility decision, corrections of a submitted entry. */
@Injectable()
export class ScreeningService {
  constructor(
    private readonly entries: EntriesRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly access: EntryAccess,
    private readonly mail: EntryMail,
    private readonly conflicts: ConflictsRepository,
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
        {
          field: 'reason',
          code: 'screening.reason_ineligible',
          message: 'is needed when the entry is not eligible: the team and the audit trail read it',
        },
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
            code: 'screening.reason_override',
            params: { rules: failed.map((c) => c.ruleId).join(', ') },
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
    return this.managerView({ entry: updated, contest });
  }

  /**
   * Corrects a submitted entry's organization or team (the team can no longer change it), with
   * why. These are facts of conflict detection, so it runs again for the entry's judges in the same
   * transaction: a judge whose conflict appears can no longer score the entry, one whose conflict
   * went can again. A correction that changes nothing writes nothing.
   */
  async correct(actor: AuthUser, entryId: string, dto: EntryCorrectionDto): Promise<EntryView> {
    const record = await this.access.managed(actor, entryId);
    const { entry, contest } = record;
    if (entry.status !== 'submitted') throw notCorrectable(entry.status);
    if (dto.version !== entry.version) throw staleCorrection(entry.version);
    const members = dto.members?.map((m): EntryMember => ({ name: m.name, role: m.role, email: m.email ?? null }));
    const changes = {
      ...(dto.organization !== undefined && dto.organization !== entry.organization ? { organization: dto.organization } : {}),
      ...(members !== undefined && !sameMembers(members, entry.members) ? { members } : {}),
    };
    if (Object.keys(changes).length === 0) return this.managerView(record);
    const updated = await this.entries.correct(entryId, dto.version, changes, dto.reason, actor.id, async (manager) => {
      await this.conflicts.recordDetected(manager, { entryIds: [entryId] }, actor.id);
    });
    if (!updated) {
      const now = await this.access.managed(actor, entryId);
      if (now.entry.status !== 'submitted') throw notCorrectable(now.entry.status);
      throw staleCorrection(now.entry.version);
    }
    return this.managerView({ entry: updated, contest });
  }

  /** The entry as its contest's managers see it, with its rule outcomes. */
  private async managerView({ entry, contest }: EntryRecord): Promise<EntryView> {
    const [attachments, submitted] = await Promise.all([
      this.attachments.listForEntry(entry.id),
      countsOrganizations(contest) ? this.entries.submittedOrganizations(contest.id) : [],
    ]);
    return toEntryView({ entry, contest }, attachments, true, checkEntry(contest, entry, submitted));
  }
}

function notCorrectable(status: string): AppError {
  return AppError.conflict(
    'entry.not_submitted',
    status === 'draft'
      ? 'This entry is still a draft: its team edits it. Organizers correct submitted entries only.'
      : 'This entry was withdrawn: there is nothing to correct.',
  );
}

function staleCorrection(current: number): AppError {
  return AppError.conflict(
    'entry.stale_version',
    `This entry was changed since you loaded it (it is now at version ${current}). Reload it, check it, then make your correction again.`,
  );
}

/** The same team, member by member, in the same order. */
function sameMembers(a: readonly EntryMember[], b: readonly EntryMember[]): boolean {
  const key = (members: readonly EntryMember[]) => JSON.stringify(members.map((m) => [m.name, m.role, m.email ?? null]));
  return key(a) === key(b);
}

/** The filter as the repository reads it; a category of another contest is a mistake worth naming. */
export function entryFilter(contest: EntryContest, query: EntryFilterQueryDto): EntryFilterQuery {
  if (query.categoryId && !contest.categories.some((c) => c.id === query.categoryId)) {
    throw AppError.badRequest('validation_failed', 'Please correct the request: categoryId is not a category of this contest.', [
      { field: 'categoryId', code: 'unknown', message: 'is not a category of this contest' },
    ]);
  }
  return { status: query.status, categoryId: query.categoryId, eligibility: query.eligibility, q: query.q };
}
