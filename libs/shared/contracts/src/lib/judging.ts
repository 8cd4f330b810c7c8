import type { JudgeAnswerView } from './application';
import type { UserView } from './auth';
import type { PanelMode, RoundStatus } from './contests';

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

export interface InviteJudgeResponse {
  user: UserView;
  /**
   * Single-use, valid 14 days, shown once: only its hash is stored. Null when the e-mail already
   * belongs to an account with a password: that person signs in with it and the account was
   * linked to the panel instead.
   */
  inviteToken: string | null;
  /**
   * Where the judge sets a password, relative to the console: `/accept-invite#token=…`. The token
   * sits in the fragment so that it never reaches a server log. Null with `inviteToken`.
   */
  inviteUrl: string | null;
  inviteExpiresAt: string | null;
}

/**
 * `POST /api/auth/accept-invite`. An unknown token answers 400 (`auth.invite_invalid`); a used or
 * expired one 410 (`auth.invite_used`, `auth.invite_expired`); each message asks the judge to get
 * a new link from the organizer.
 */
export interface AcceptInviteRequest {
  token: string;
  password: string;
}

export const ASSIGNMENT_STATUSES = ['todo', 'draft', 'submitted', 'recused'] as const;
/** Where a judge stands on one assignment: no sheet yet, a draft, submitted, or recused. */
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface JudgeProgress {
  /** Assignments not recused (to do, draft and submitted together). */
  assigned: number;
  draft: number;
  submitted: number;
  recused: number;
}

export interface PanelJudgeView {
  judgeId: string;
  email: string;
  displayName: string;
  organization: string | null;
  expertise: string[];
  invitedAt: string;
  /** False until the judge has set a password through the invite. */
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
  kind: 'pitch_deck' | 'business_plan' | 'other';
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
  status: 'draft' | 'submitted';
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

export interface AssignmentDetailView {
  assignment: {
    id: string;
    status: AssignmentStatus;
    roundId: string;
    entryId: string;
    recusalReason: string | null;
  };
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
