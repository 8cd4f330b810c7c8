import type { AnswerValue, Answers, EligibilityCheck } from './application';
import type { ContestStatus } from './contests';
import type { OwnEntryResult } from './results';

// ---------------------------------------------------------------------------------------------
// An applicant's entry (libs/api/entries): what the API answers and what it accepts
// ---------------------------------------------------------------------------------------------

export const ENTRY_STATUSES = ['draft', 'submitted', 'withdrawn'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const ELIGIBILITIES = ['pending', 'eligible', 'ineligible'] as const;
export type Eligibility = (typeof ELIGIBILITIES)[number];

export const ATTACHMENT_KINDS = ['pitch_deck', 'business_plan', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The columns a contest's entry list sorts by (`?sort=`). */
export const ENTRY_SORT_KEYS = ['code', 'title', 'teamName', 'status', 'submittedAt', 'createdAt'] as const;
export type EntrySortKey = (typeof ENTRY_SORT_KEYS)[number];

/** The sizes the API refuses beyond (400); the console's forms stop at the same ones. */
export const ENTRY_LIMITS = {
  title: 200,
  teamName: 200,
  organization: 200,
  longText: 5000,
  memberName: 120,
  memberRole: 120,
  email: 254,
  videoUrl: 500,
  members: 20,
  attachmentsPerEntry: 10,
  /** The default of the API's `UPLOAD_MAX_BYTES`; a deployment may set another, and its 413 stays the authority. */
  uploadBytes: 20 * 1024 * 1024,
} as const;

/** A team member. `email` is absent on members saved without one (an import leaves it out). */
export interface EntryMember {
  name: string;
  role: string;
  email?: string | null;
}

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

/** `GET /api/entries/:id`: the whole entry, for its owner and the contest's managers. */
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
  /** Each eligibility rule's outcome, checked again on every read: shown to the contest's managers only. */
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

/** One line of `GET /api/me/entries`. */
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

/** One line of a contest's entry list (`GET /api/contests/:id/entries`). */
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

/** What an applicant fills in (`POST /api/contests/:id/entries`); every field may be left out of a draft. */
export interface EntryFieldsRequest {
  /** One of the contest's categories; may wait until the entry is submitted. */
  categoryId?: string | null;
  title?: string;
  teamName?: string;
  summary?: string;
  problem?: string;
  solution?: string;
  market?: string;
  businessModel?: string;
  organization?: string | null;
  videoUrl?: string | null;
  members?: EntryMember[];
  /** Answers by field key; null clears one, keys left out stay as they are. */
  answers?: Record<string, AnswerValue | null>;
}

export type CreateEntryRequest = EntryFieldsRequest;

/** `PATCH /api/entries/:id`: a change made on `version` (an older one is refused with 409). */
export interface UpdateEntryRequest extends EntryFieldsRequest {
  version: number;
}

/** `POST /api/entries/:id/submit`: with a version, refused (409) if the entry changed since. */
export interface SubmitEntryRequest {
  version?: number;
}

/** `POST /api/entries/:id/eligibility`: a reason is required when the entry is not eligible. */
export interface EligibilityRequest {
  eligible: boolean;
  reason?: string | null;
}

/**
 * `POST /api/entries/:id/correction` (the contest's organizer): a submitted entry's organization or
 * team corrected, made on `version` (an older one is refused with 409), with why. Conflicts of
 * interest are detected again for the entry's judges in the same transaction.
 */
export interface EntryCorrectionRequest {
  version: number;
  /** Absent: unchanged; null or blank: none. */
  organization?: string | null;
  /** Absent: unchanged; otherwise the whole team, one member or more. */
  members?: EntryMember[];
  /** Why the submitted entry is changed: the audit trail keeps it. */
  reason: string;
}

/** Which entries of a contest (`GET /api/contests/:id/entries` and its export). */
export interface EntryFilterQuery {
  status?: EntryStatus;
  categoryId?: string;
  eligibility?: Eligibility;
  /** Part of the title, team name or code, in any case. */
  q?: string;
}

export interface EntryListQuery extends EntryFilterQuery {
  page?: number;
  pageSize?: number;
  sort?: EntrySortKey;
  /** Default: desc for the dates, asc otherwise. */
  order?: 'asc' | 'desc';
}
