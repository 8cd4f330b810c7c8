import type { AnswerValue, Answers, EligibilityCheck } from '@laurel/contracts';

/**
 * The entry shapes of `libs/api/entries` (entry.views.ts, entry.dto.ts) as the console reads and
 * sends them. They are not in `@laurel/contracts` yet; when they move there, import them instead.
 */
import type { ContestStatus, OwnEntryResult } from '@laurel/contracts';
export const ENTRY_STATUSES = ['draft', 'submitted', 'withdrawn'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export type Eligibility = 'pending' | 'eligible' | 'ineligible';
export const ATTACHMENT_KINDS = ['pitch_deck', 'business_plan', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface EntryMember {
  name: string;
  role: string;
  email: string | null;
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
  /** Each eligibility rule's outcome: in the organizer's view only. */
  eligibilityChecks?: EligibilityCheck[];
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
  eligibility: Eligibility;
  contestStatus: ContestStatus;
  /** Null until the contest's results are published. */
  result: OwnEntryResult | null;
}

/** What an applicant fills in; every field may be left out of a draft. */
export interface EntryFields {
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

export interface UpdateEntryRequest extends EntryFields {
  version: number;
}

/** The sizes the API's DTOs enforce (libs/api/entries entry-rules.ts `ENTRY_LIMITS`). */
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
  /** The API's default `UPLOAD_MAX_BYTES`; the server's 413 stays the authority. */
  uploadBytes: 20 * 1024 * 1024,
} as const;

/** Types the API accepts (it reads the bytes; the browser's picker only pre-filters). */
export const ACCEPTED_UPLOADS = '.pdf,.pptx,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation,image/png,image/jpeg';
