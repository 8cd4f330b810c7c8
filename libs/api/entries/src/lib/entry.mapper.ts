import type { AttachmentEntity, EntryListRow, EntryRecord, OwnEntryRow } from '@laurel/api-database';
import type { AttachmentView, EligibilityCheck, EntryListItemView, EntryView, OwnEntryResult, OwnEntryView } from '@laurel/contracts';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toAttachmentView(attachment: AttachmentEntity): AttachmentView {
  return {
    id: attachment.id,
    kind: attachment.kind,
    fileName: attachment.originalName,
    contentType: attachment.contentType,
    size: attachment.sizeBytes,
    sha256: attachment.sha256,
    createdAt: attachment.createdAt.toISOString(),
    url: `/api/entries/${attachment.entryId}/attachments/${attachment.id}`,
  };
}

/** The whole entry; `forManager` adds who screened it and the rule outcomes. */
export function toEntryView(
  { entry, contest }: EntryRecord,
  attachments: AttachmentEntity[],
  forManager: boolean,
  checks?: EligibilityCheck[],
): EntryView {
  const view: EntryView = {
    id: entry.id,
    contestId: entry.contestId,
    contestName: contest.name,
    categoryId: entry.categoryId,
    categoryName: contest.categories.find((c) => c.id === entry.categoryId)?.name ?? null,
    ownerId: entry.ownerId,
    status: entry.status,
    code: entry.code,
    title: entry.title,
    teamName: entry.teamName,
    summary: entry.summary,
    problem: entry.problem,
    solution: entry.solution,
    market: entry.market,
    businessModel: entry.businessModel,
    organization: entry.organization,
    videoUrl: entry.videoUrl,
    members: entry.members,
    answers: entry.answers,
    eligibility: entry.eligibility,
    eligibilityReason: entry.eligibilityReason,
    eligibilityAt: iso(entry.eligibilityAt),
    version: entry.version,
    submittedAt: iso(entry.submittedAt),
    withdrawnAt: iso(entry.withdrawnAt),
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
    attachments: attachments.map(toAttachmentView),
  };
  if (forManager) {
    view.eligibilityBy = entry.eligibilityBy;
    view.eligibilityChecks = checks ?? [];
  }
  return view;
}

export function toOwnEntryView(row: OwnEntryRow): OwnEntryView {
  const { award: _award, lastRound: _lastRound, ...rest } = row;
  return {
    ...rest,
    submissionClosesAt: row.submissionClosesAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    updatedAt: row.updatedAt.toISOString(),
    result: ownResult(row),
  };
}

/**
 * How far a submitted entry of a published contest went: its prize, else screened out, else the
 * final without a prize, else out in the last round that ranked it; an entry no round covered
 * was not ranked. (An award stands even if eligibility changed after it was confirmed.)
 */
export function ownResult(
  row: Pick<OwnEntryRow, 'contestStatus' | 'status' | 'eligibility' | 'award' | 'lastRound'>,
): OwnEntryResult | null {
  if (row.contestStatus !== 'published' || row.status !== 'submitted') return null;
  const none = { tier: null, amount: null, currency: null, roundName: null };
  if (row.eligibility === 'ineligible' && !row.award) return { ...none, outcome: 'ineligible', roundName: row.lastRound?.name ?? null };
  if (row.award)
    return {
      ...none,
      outcome: 'awarded',
      tier: row.award.tier,
      amount: row.award.amount,
      currency: row.award.currency,
      roundName: row.lastRound?.name ?? null,
    };
  if (!row.lastRound) return { ...none, outcome: 'not_ranked' };
  const finalist = row.lastRound.final || row.lastRound.outcome === 'advanced';
  return { ...none, outcome: finalist ? 'finalist' : 'eliminated', roundName: row.lastRound.name };
}

export function toListItemView({ answers: _answers, ...row }: EntryListRow, eligibilityChecks: EligibilityCheck[]): EntryListItemView {
  return {
    ...row,
    eligibilityChecks,
    submittedAt: iso(row.submittedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
