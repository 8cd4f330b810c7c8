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
