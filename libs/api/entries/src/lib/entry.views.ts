import type { Answers, EligibilityCheck } from '@laurel/contracts';
import type { AttachmentKind, Eligibility, EntryMember, EntryStatus } from '@laurel/api-database';
import type { ContestStatus, OwnEntryResult } from '@laurel/contracts';

export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  /** The uploaded name, sanitised; the file is stored under a generated key. */
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
  /** Where to download it (the API answers with `Content-Disposition: attachment`). */
  url: string;
}

export interface EntryView {
  id: string;
  contestId: string;
  contestName: string;
  categoryId: string | null;
  categoryName: string | null;
  /** Null for an entry an organizer imported on a team's behalf. */
  ownerId: string | null;
  status: EntryStatus;
  code: string | null;
  title: string;
  teamName: string;
  summary: string;
  problem: string;
  solution: string;
  market: string;
  businessModel: string;
  organization: string | null;
  videoUrl: string | null;
  members: EntryMember[];
  /** Answers to the contest's form by field key. */
  answers: Answers;
  eligibility: Eligibility;
  eligibilityReason: string | null;
  eligibilityAt: string | null;
  /** Each eligibility rule's outcome: shown to the contest's managers only. */
  eligibilityChecks?: EligibilityCheck[];
  /** Who decided the eligibility: shown to the contest's managers only. */
  eligibilityBy?: string | null;
  version: number;
  submittedAt: string | null;
  withdrawnAt: string | null;
  createdAt: string;
  updatedAt: string;
  attachments: AttachmentView[];
}

export interface OwnEntryView {
  id: string;
  contestId: string;
  contestName: string;
  contestSlug: string;
  submissionClosesAt: string;
  categoryId: string | null;
  categoryName: string | null;
  title: string;
  teamName: string;
  status: EntryStatus;
  code: string | null;
  version: number;
  submittedAt: string | null;
  updatedAt: string;
  contestStatus: ContestStatus;
  eligibility: Eligibility;
  /** Null until the contest's results are published. */
  result: OwnEntryResult | null;
}

export interface EntryListItemView {
  id: string;
  code: string | null;
  title: string;
  teamName: string;
  organization: string | null;
  categoryId: string | null;
  categoryName: string | null;
  status: EntryStatus;
  eligibility: Eligibility;
  eligibilityReason: string | null;
  memberCount: number;
  attachmentCount: number;
  eligibilityChecks: EligibilityCheck[];
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EntryPageView {
  items: EntryListItemView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ImportResultView {
  imported: number;
}
