import type { JudgeAnswerView } from './application';
import type { MailStatus } from './auth';
import type { PanelMode, RoundStatus } from './contests';
import type { AttachmentKind } from './entries';

// ---------------------------------------------------------------------------------------------
// Panel and invitations
// ---------------------------------------------------------------------------------------------

export interface InviteJudgeRequest {
  email: string;
  displayName: string;
  organization?: string;
  /** Tags such as "fintech", "agritech". */
  expertise?: string[];
}

/**
 * `POST /api/contests/:id/judges` answers 202: the invitation is mailed to the address. The
 * organizer never sees a token nor anything about an account that may use the address.
 * `accepted` when the address is already a judge of this contest (what was said of them is updated).
 */
export interface InviteJudgeResponse {
  invitationId: string | null;
  status: 'pending' | 'accepted';
}

export const INVITATION_KINDS = ['judge', 'organizer', 'admin'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

/** `GET /api/invitations/by-token/:token`: what the landing page shows the mailbox holder. */
export interface InvitationPreview {
  kind: InvitationKind;
  /** Null for an organizer or admin invitation. */
  contestName: string | null;
  displayName: string;
  email: string;
  /** An account uses the address: accepting needs signing in as it (unless it was never verified). */
  accountExists: boolean;
  expiresAt: string;
}

/**
 * `POST /api/invitations/accept`. Without an account (or with one never verified, which the
 * mailbox holder takes over) the password is required; an existing verified account must be
 * signed in as the invited address and sends no password. An unknown token is a 400
 * (`invitation.invalid`); an accepted or expired one a 410 (`invitation.used`, `invitation.expired`).
 */
export interface AcceptInvitationRequest {
  token: string;
  password?: string;
}

export const SHEET_STATUSES = ['draft', 'submitted'] as const;
/** A score sheet is a draft its judge still edits, or submitted: read-only, and counted in results. */
export type SheetStatus = (typeof SHEET_STATUSES)[number];

export const ASSIGNMENT_STATUSES = ['todo', ...SHEET_STATUSES, 'recused'] as const;
/** Where a judge stands on one assignment: no sheet yet, its sheet's status, or recused. */
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface JudgeProgress {
  /** Assignments not recused (to do, draft and submitted together). */
  assigned: number;
  draft: number;
  submitted: number;
  recused: number;
}

export const PANEL_STATUSES = ['pending', 'accepted', 'declined', 'expired'] as const;
export type PanelStatus = (typeof PANEL_STATUSES)[number];

/** One line of the panel: a judge who accepted, or an invitation still waiting for its mailbox. */
export interface PanelJudgeView {
  /** Null until the invitation is accepted. */
  judgeId: string | null;
  /** The invitation (for "resend"); null for a judge who joined before invitations were mailed. */
  invitationId: string | null;
  email: string;
  displayName: string;
  organization: string | null;
  expertise: string[];
  invitedAt: string;
  status: PanelStatus;
  /** The state of the invitation's mail; null when no mail is on record. */
  mail: MailStatus | null;
  /** status === 'accepted'. */
  accepted: boolean;
  /** Over every round of the contest. */
  progress: JudgeProgress;
}

// ---------------------------------------------------------------------------------------------
// Conflicts of interest
// ---------------------------------------------------------------------------------------------

export const CONFLICT_SOURCES = ['detected', 'declared', 'organizer'] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

export interface ConflictView {
  /** Null for a detected conflict: it is computed from the panel and the entries, not stored. */
  id: string | null;
  source: ConflictSource;
  judgeId: string;
  judgeName: string;
  entryId: string;
  entryCode: string | null;
  entryTitle: string;
  /**
   * Detected: `same_organization`, `same_email_domain` or `team_member` (translate it);
   * declared and organizer: the reason as written.
   */
  reason: string;
  /** Detected: an English sentence naming what matched. */
  detail: string | null;
  createdAt: string | null;
}

export interface CreateConflictRequest {
  judgeId: string;
  entryId: string;
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// Rounds and assignment
// ---------------------------------------------------------------------------------------------

/** The answer of `POST /api/rounds/:id/open` and `/close`. */
export interface RoundStateView {
  id: string;
  contestId: string;
  name: string;
  order: number;
  status: RoundStatus;
  panel: PanelMode;
  judgesPerEntry: number;
  blind: boolean;
  /** Entries the round covers (filled when it opens). */
  entryCount: number;
}

export interface AutoAssignRequest {
  /** Defaults to the round's judgesPerEntry; ignored by a complete-panel round. */
  judgesPerEntry?: number;
  /** The same seed gives the same assignment; defaults to the round id. */
  seed?: string;
}

/** One assignment as the organizer sees it. */
export interface AssignmentView {
  id: string;
  roundId: string;
  entryId: string;
  entryCode: string | null;
  entryTitle: string;
  judgeId: string;
  judgeName: string;
  status: AssignmentStatus;
  /** Only once submitted. */
  total: number | null;
  recusalReason: string | null;
  /** Assigned by divergence review (two totals of the entry were far apart). */
  divergenceExtra: boolean;
}

export interface AutoAssignResponse {
  /** The assignments this call made; existing ones are kept and not repeated here. */
  assignments: AssignmentView[];
  /** Non-recused assignments per judge id after this call, existing ones included. */
  perJudgeLoad: Record<string, number>;
  conflictsAvoided: number;
}

export interface CreateAssignmentRequest {
  entryId: string;
  judgeId: string;
}

// ---------------------------------------------------------------------------------------------
// The judge's side
// ---------------------------------------------------------------------------------------------

export interface JudgeAttachmentView {
  id: string;
  kind: AttachmentKind;
  size: number;
  contentType: string;
  /** Absent in blind rounds; downloads then carry a neutral name such as ST26-007-pitch_deck.pdf. */
  name?: string;
}

export interface JudgeEntryMemberView {
  name: string;
  role: string;
}

/**
 * An entry as a judge reads it. In a blind round teamName, members, organization and videoUrl
 * are absent (not null: absent), and attachments carry no file name.
 */
export interface JudgeEntryView {
  id: string;
  code: string | null;
  title: string;
  summary: string;
  problem: string;
  solution: string;
  market: string;
  businessModel: string;
  category: { id: string; name: string } | null;
  attachments: JudgeAttachmentView[];
  /** Answers to the contest's form; a blind round leaves out the identifying ones. */
  answers: JudgeAnswerView[];
  teamName?: string;
  members?: JudgeEntryMemberView[];
  organization?: string | null;
  videoUrl?: string | null;
}

export interface MyAssignmentView {
  id: string;
  roundId: string;
  roundName: string;
  roundStatus: RoundStatus;
  blind: boolean;
  contestId: string;
  contestName: string;
  status: AssignmentStatus;
  /** Only once submitted. */
  total: number | null;
  entry: JudgeEntryView;
}

export interface RubricCriterionView {
  id: string;
  name: string;
  /** What earns high or low marks; shown beside the input. */
  guidance: string | null;
  weight: number;
  maxScore: number;
  order: number;
}

export interface ScoreView {
  criterionId: string;
  value: number;
  comment: string | null;
  /** The comment is for the organizers only and never reaches the applicant. */
  commentInternal: boolean;
}

export interface SheetView {
  /** Null until the first save. */
  id: string | null;
  status: SheetStatus;
  scores: ScoreView[];
  comment: string | null;
  commentInternal: boolean;
  /** 0 before the first save; send it back with the next PUT. */
  version: number;
  /**
   * Submitted: the stored total (full precision; round to 2 decimals for display). Draft: the
   * total earned so far by the domain's `sheetTotal` (missing criteria count 0).
   */
  total: number;
  submittedAt: string | null;
}

/** An assignment as its judge sees it (also the answer of a recusal). */
export interface AssignmentStateView {
  id: string;
  status: AssignmentStatus;
  roundId: string;
  entryId: string;
  recusalReason: string | null;
}

export interface AssignmentDetailView {
  assignment: AssignmentStateView;
  entry: JudgeEntryView;
  round: {
    id: string;
    contestId: string;
    name: string;
    status: RoundStatus;
    blind: boolean;
    /** Run live in the hall: the scoring page follows the stage (GET /api/rounds/:id/stage). */
    live: boolean;
    criteria: RubricCriterionView[];
  };
  sheet: SheetView;
}

export interface ScoreInput {
  criterionId: string;
  value: number;
  comment?: string;
  /** Keep the comment for the organizers: applicants never see it. */
  commentInternal?: boolean;
}

/**
 * `PUT /api/assignments/:id/sheet`: the sheet becomes exactly this (criteria left out are
 * unscored, an absent comment is no comment). `version` is the one last read; a stale one is
 * answered 409 `sheet.stale_version`; absent, the save is unconditional.
 */
export interface SaveSheetRequest {
  scores: ScoreInput[];
  comment?: string;
  commentInternal?: boolean;
  version?: number;
}

export interface RecuseRequest {
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// The organizer's judging dashboard
// ---------------------------------------------------------------------------------------------

export interface JudgeRoundProgress extends JudgeProgress {
  judgeId: string;
  name: string;
}

export interface EntryCoverage {
  entryId: string;
  code: string | null;
  title: string;
  /** Judges the entry should get: judgesPerEntry, or for a complete panel every judge without a conflict. */
  needed: number;
  /** Assignments not recused. */
  assigned: number;
  submitted: number;
  /** Largest difference of two submitted totals; null below two. */
  maxDifference: number | null;
  /** maxDifference reached the round's divergenceThreshold. */
  divergent: boolean;
}

export interface ProgressCell {
  judgeId: string;
  entryId: string;
  assignmentId: string;
  status: AssignmentStatus;
  /** Only once submitted. */
  total: number | null;
  /** The judge was added by divergence review. */
  divergenceExtra: boolean;
}

export interface RoundProgressView {
  roundId: string;
  roundStatus: RoundStatus;
  judges: JudgeRoundProgress[];
  entries: EntryCoverage[];
  /** The judges × entries matrix: a cell per assignment; pairs without one have no cell. */
  matrix: {
    judges: { id: string; name: string }[];
    entries: { id: string; code: string | null; title: string }[];
    cells: ProgressCell[];
  };
  /** Submitted sheets over assignments not recused, 0..100 (100 when every sheet is in). */
  percentSubmitted: number;
}
