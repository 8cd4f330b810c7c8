import type { EligibilityCheck } from '@laurel/contracts';
import type { AttachmentEntity, EntryListRow, EntryRecord, OwnEntryRow } from '@laurel/api-database';
import type { AttachmentView, EntryListItemView, EntryView, OwnEntryView } from './entry.views';

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
export function toEntryView({ entry, contest }: EntryRecord, attachments: AttachmentEntity[], forManager: boolean, checks?: EligibilityCheck[]): EntryView {
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
  return {
    ...row,
    submissionClosesAt: row.submissionClosesAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
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
