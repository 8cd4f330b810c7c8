import type { PageQuery } from './paging';

/** One event of a contest's audit trail, as the organizer reads it. */
export interface AuditEventView {
  id: string;
  contestId: string | null;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  occurredAt: string;
  /** sha256 of the previous event's hash in the chain and this event's canonical JSON. */
  prevHash: string;
  hash: string;
}

export interface AuditPageView {
  items: AuditEventView[];
  total: number;
  page: number;
  pageSize: number;
  /** What a person calls the ids of this page (people by name, entries by code and title, rounds, sheets as "code · judge"); an id missing here is shown shortened. */
  names: Record<string, string>;
}

/** The outcome of walking a chain: the first event whose hash does not match, when one does not. */
export interface AuditVerificationView {
  valid: boolean;
  count: number;
  firstBrokenEventId?: string;
}

/** `GET /api/contests/:id/audit`: a page of the contest's trail, narrowed by action, actor and time. */
export interface AuditPageQuery extends PageQuery {
  /** An action name such as `sheet.submitted`. */
  action?: string;
  actorId?: string;
  /** ISO-8601, inclusive. */
  from?: string;
  /** ISO-8601, exclusive. */
  to?: string;
}

/** The actions the API records about an account, outside any contest's trail. */
export const ACCOUNT_AUDIT_ACTIONS = [
  'auth.registered',
  'auth.email_verified',
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.profile_updated',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.signed_out_everywhere',
  'admin.account_invited',
  'admin.user_changed',
] as const;

/** The actions of a contest's trail, in the order of its life (what the audit page filters by). */
export const CONTEST_AUDIT_ACTIONS = [
  'invitation.accepted',
  'invitation.resent',
  'mail.retried',
  'contest.created',
  'contest.updated',
  'contest.council_changed',
  'contest.status_changed',
  'round.created',
  'round.updated',
  'round.deleted',
  'panel.judge_invited',
  'panel.judge_removed',
  'entry.submitted',
  'entry.withdrawn',
  'attachment.added',
  'attachment.removed',
  'entries.imported',
  'entry.eligibility_set',
  'entry.corrected',
  'conflict.added',
  'conflict.removed',
  'assignment.created',
  'assignment.removed',
  'assignment.recused',
  'round.opened',
  'sheet.saved',
  'sheet.submitted',
  'divergence.extra_judge',
  'divergence.no_judge_left',
  'round.closed',
  'stage.run_sheet_saved',
  'stage.drawn',
  'stage.start',
  'stage.pause',
  'stage.resume',
  'stage.extend',
  'stage.skip',
  'stage.no_show',
  'stage.next',
  'stage.reveal',
  'vote.voided',
  'round.advanced',
  'awards.confirmed',
  'awards.approved',
  'awards.objected',
  'contest.published',
] as const;

/**
 * Every action the API records (`AuditRepository.record`'s `action` is typed with it). The console
 * words each one; its spec compares the dictionaries to this list.
 */
export const AUDIT_ACTIONS = [...ACCOUNT_AUDIT_ACTIONS, ...CONTEST_AUDIT_ACTIONS] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
