import type { Answers, EligibilityCheck } from '@laurel/contracts';
// Shapes of the entries API (libs/api/entries: entry.views.ts), which @laurel/contracts does not carry yet.

export type EntryStatus = 'draft' | 'submitted' | 'withdrawn';
export type Eligibility = 'pending' | 'eligible' | 'ineligible';
export type AttachmentKind = 'pitch_deck' | 'business_plan' | 'other';
export type EntrySortKey = 'code' | 'title' | 'teamName' | 'status' | 'submittedAt' | 'createdAt';

export const ENTRY_STATUSES: readonly EntryStatus[] = ['draft', 'submitted', 'withdrawn'];
export const ELIGIBILITIES: readonly Eligibility[] = ['pending', 'eligible', 'ineligible'];

export interface EntryMember {
  name: string;
  role: string;
  email?: string | null;
}

export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
  url: string;
}

export interface EntryView {
  id: string;
  contestId: string;
  contestName: string;
  categoryId: string | null;
  categoryName: string | null;
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
  /** Answers to the contest's own questions, by field key. */
  answers: Answers;
  eligibility: Eligibility;
  eligibilityReason: string | null;
  eligibilityAt: string | null;
  eligibilityBy?: string | null;
  /** Each eligibility rule's outcome, checked again on every read. */
  eligibilityChecks?: EligibilityCheck[];
  version: number;
  submittedAt: string | null;
  withdrawnAt: string | null;
  createdAt: string;
  updatedAt: string;
  attachments: AttachmentView[];
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

export interface EntryFilter {
  status?: EntryStatus | '';
  categoryId?: string;
  eligibility?: Eligibility | '';
  q?: string;
}

export interface EntryQuery extends EntryFilter {
  page: number;
  pageSize: number;
  sort?: EntrySortKey;
  order?: 'asc' | 'desc';
}

export interface ImportResultView {
  imported: number;
}
