import { known } from '@laurel/domain';

/** Who calls. "Owner" and "assigned" are about the fixture's entry and assignment. */
export const ACTORS = [
  'anonymous',
  'ownerApplicant',
  'otherApplicant',
  'assignedJudge',
  'unassignedJudge',
  /** Was assigned to the fixture's entry and recused: reads nothing more of it. */
  'recusedJudge',
  /** Was assigned to the fixture's entry, then removed from the panel: reads nothing more of it. */
  'removedJudge',
  'otherOrganizer',
  'admin',
  'organizer',
] as const;
export type Actor = (typeof ACTORS)[number];

/** 'ok' means the access checks let the caller through (the answer may still be 400/409/422). */
export type Outcome = 'ok' | 401 | 403 | 404;
type Expectation = Record<Actor, Outcome | Outcome[]>;

const rule = (anonymous: Outcome, rest: Partial<Expectation>, otherwise: Outcome): Expectation =>
  Object.fromEntries(ACTORS.map((actor) => [actor, actor === 'anonymous' ? anonymous : (rest[actor] ?? otherwise)])) as Expectation;

/** Anyone, signed in or not. */
const PUBLIC = rule('ok', {}, 'ok');
/** Nobody before the contest's results are published (the fixture's are not). */
const UNPUBLISHED = rule(404, {}, 404);
/** The fixture contest holds no public vote: its ballot and casting are 404 to everyone, as is an unknown confirmation token. */
const NO_VOTE = rule(404, {}, 404);
/** Any signed-in account (an answer about the caller's own things). */
const SIGNED_IN = rule(401, {}, 'ok');
/** The administrator's alone (the platform-wide audit verification walks every contest's chain). */
const ADMIN_ONLY = rule(401, { admin: 'ok' }, 403);
/** Organizer routes not tied to one contest. */
const ANY_ORGANIZER = rule(401, { organizer: 'ok', admin: 'ok', otherOrganizer: 'ok' }, 403);
/** The fixture contest's organizer and admin; another organizer learns nothing (404). */
const CONTEST_ORGANIZER = rule(401, { organizer: 'ok', admin: 'ok', otherOrganizer: 404 }, 403);
/** Deleting: whoever of admin and organizer comes second finds it gone (404). */
const CONTEST_ORGANIZER_DELETE = rule(401, { organizer: ['ok', 404], admin: 'ok', otherOrganizer: 404 }, 403);
/** Platform administration. */
const ADMIN = rule(401, { admin: 'ok' }, 403);
/** Applicants start entries; nobody else. */
const APPLICANTS = rule(401, { ownerApplicant: 'ok', otherApplicant: 'ok' }, 403);
/** Reading the fixture's entry: its owner, the contest's organizer and admin; others 404. */
const ENTRY_READERS = rule(401, { ownerApplicant: 'ok', organizer: 'ok', admin: 'ok' }, 404);
/** Changing the fixture's entry: its owner only; organizer and admin see it, so 403. */
const ENTRY_OWNER = rule(401, { ownerApplicant: 'ok', organizer: 403, admin: 403 }, 404);
/** The fixture's council (named: the assigned judge alone) and the contest's organizer and admin read it; nobody else learns of it. */
const COUNCIL_READERS = rule(401, { assignedJudge: 'ok', organizer: 'ok', admin: 'ok' }, 404);
/** Only a council member decides; for everybody else, the organizer included, there is no council. */
const COUNCIL_MEMBER = rule(401, { assignedJudge: 'ok' }, 404);
/** An entry's feedback and certificate: its team, after publication; the fixture's contest is not published, so nobody. */
const OWNER_AFTER_PUBLICATION = rule(401, {}, 404);
/**
 * The fixture's assignment: only the judge it is assigned to; for everybody else it does not
 * exist. The recused and the removed judge call with their own former assignment: reading it is
 * a 404 for both; the recused judge's writes are refused for the recusal (409, past the access check).
 */
const ASSIGNED_JUDGE = rule(401, { assignedJudge: 'ok' }, 404);
const ASSIGNED_JUDGE_WRITE = rule(401, { assignedJudge: 'ok', recusedJudge: 'ok' }, 404);
/** A live round's stage: its organizer, the admin and its judges follow it; for anyone else it does not exist. */
const STAGE_FOLLOWERS = rule(401, { organizer: 'ok', admin: 'ok', assignedJudge: 'ok' }, 404);
/** The same for a write: by the time writes run, the assigned judge may have recused (and follows no more). */
const STAGE_FOLLOWERS_WRITE = rule(401, { organizer: 'ok', admin: 'ok', assignedJudge: ['ok', 404] }, 404);

/** Routes that end the caller's own sessions: every test that walks the route table calls them last. */
export const SESSION_ENDING_ROUTES = new Set(['POST /api/auth/sign-out-everywhere']);

const METHOD_RANK: Record<string, number> = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 };

/** Route table order for a walk: reads, then writes, deletions, and the session-ending routes at the very end. */
export function walkOrder<T extends { method: string; path: string }>(routes: T[]): T[] {
  const rank = (r: T) =>
    SESSION_ENDING_ROUTES.has(`${r.method} ${r.path}`) ? 3 : known(METHOD_RANK[r.method], `the walk rank of ${r.method}`);
  return [...routes].sort((a, b) => rank(a) - rank(b));
}

/**
 * The expected outcome of every route for every caller. A route that is not listed here fails
 * the test: a new endpoint cannot ship without its rule. `PRINT_MATRIX=1` prints what the API
 * does, to review when a route is added.
 */
export const expectedOutcomes: Record<string, Expectation> = {
  'GET /api/health': PUBLIC,
  'POST /api/auth/register': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'GET /api/invitations/by-token/:token': PUBLIC,
  'POST /api/invitations/accept': PUBLIC,
  'POST /api/invitations/:id/resend': CONTEST_ORGANIZER,
  'GET /api/admin/mail': ADMIN,
  'POST /api/admin/mail/:id/retry': ADMIN,
  'GET /api/admin/users': ADMIN,
  'PATCH /api/admin/users/:id': ADMIN,
  'POST /api/admin/invitations': ADMIN,
  'GET /api/auth/me': SIGNED_IN,
  'PATCH /api/auth/me': SIGNED_IN,
  'POST /api/auth/password-reset': PUBLIC,
  'POST /api/auth/password-reset/confirm': PUBLIC,
  'POST /api/auth/verify-email': PUBLIC,
  'POST /api/auth/verify-email/resend': SIGNED_IN,
  'POST /api/auth/password': SIGNED_IN,
  'POST /api/auth/sign-out-everywhere': SIGNED_IN,
  'GET /api/me/entries': SIGNED_IN,
  'GET /api/me/assignments': SIGNED_IN,
  'GET /api/me/council': SIGNED_IN,
  'GET /api/contests': PUBLIC,
  'GET /api/contests/:idOrSlug': PUBLIC,
  'GET /api/public/contests/:slug/results': UNPUBLISHED,
  'GET /api/public/contests/:slug/ballot': NO_VOTE,
  'POST /api/public/contests/:slug/votes': NO_VOTE,
  'POST /api/public/votes/confirm': NO_VOTE,
  'GET /api/contests/mine': ANY_ORGANIZER,
  'GET /api/contests/mine/summary': ANY_ORGANIZER,
  'POST /api/contests': ANY_ORGANIZER,
  'GET /api/audit/verify': ADMIN_ONLY,

  'PATCH /api/contests/:id': CONTEST_ORGANIZER,
  'POST /api/contests/:id/status': CONTEST_ORGANIZER,
  'POST /api/contests/:id/rounds': CONTEST_ORGANIZER,
  'PATCH /api/rounds/:id': CONTEST_ORGANIZER,
  'DELETE /api/rounds/:id': CONTEST_ORGANIZER,
  'GET /api/contests/:id/audit': CONTEST_ORGANIZER,
  'GET /api/contests/:id/audit/verify': CONTEST_ORGANIZER,
  'GET /api/contests/:id/entries': CONTEST_ORGANIZER,
  'GET /api/contests/:id/entries.xlsx': CONTEST_ORGANIZER,
  'GET /api/contests/:id/entries/import-template.xlsx': CONTEST_ORGANIZER,
  'POST /api/contests/:id/entries/import': CONTEST_ORGANIZER,
  'POST /api/entries/:id/eligibility': CONTEST_ORGANIZER,
  'POST /api/entries/:id/correction': CONTEST_ORGANIZER,
  'GET /api/contests/:id/judges': CONTEST_ORGANIZER,
  'POST /api/contests/:id/judges': CONTEST_ORGANIZER,
  'DELETE /api/contests/:id/judges/:judgeId': CONTEST_ORGANIZER_DELETE,
  'GET /api/contests/:id/conflicts': CONTEST_ORGANIZER,
  'POST /api/contests/:id/conflicts': CONTEST_ORGANIZER,
  'DELETE /api/contests/:id/conflicts/:conflictId': CONTEST_ORGANIZER_DELETE,
  'POST /api/rounds/:id/open': CONTEST_ORGANIZER,
  'POST /api/rounds/:id/close': CONTEST_ORGANIZER,
  'GET /api/rounds/:id/assignments': CONTEST_ORGANIZER,
  'POST /api/rounds/:id/assignments': CONTEST_ORGANIZER,
  'POST /api/rounds/:id/assignments/auto': CONTEST_ORGANIZER,
  'DELETE /api/assignments/:id': CONTEST_ORGANIZER,
  'GET /api/rounds/:id/progress': CONTEST_ORGANIZER,
  'GET /api/rounds/:id/results': CONTEST_ORGANIZER,
  'GET /api/rounds/:id/entries/:entryId/sheets': CONTEST_ORGANIZER,
  'POST /api/rounds/:id/advance': CONTEST_ORGANIZER,
  'GET /api/rounds/:id/live': CONTEST_ORGANIZER,
  'POST /api/rounds/:id/live-ticket': CONTEST_ORGANIZER,
  'PUT /api/rounds/:id/run-sheet': CONTEST_ORGANIZER,
  'POST /api/rounds/:id/run-sheet/draw': CONTEST_ORGANIZER,
  'POST /api/rounds/:id/stage': CONTEST_ORGANIZER,
  'GET /api/rounds/:id/stage': STAGE_FOLLOWERS,
  'POST /api/rounds/:id/stage/ticket': STAGE_FOLLOWERS_WRITE,
  'GET /api/rounds/:id/stage/events': STAGE_FOLLOWERS,
  'GET /api/rounds/:id/score-sheets.xlsx': CONTEST_ORGANIZER,
  'GET /api/contests/:id/awards': CONTEST_ORGANIZER,
  'GET /api/contests/:id/awards/proposal': CONTEST_ORGANIZER,
  'POST /api/contests/:id/awards': CONTEST_ORGANIZER,
  'POST /api/contests/:id/publish': CONTEST_ORGANIZER,
  'GET /api/contests/:id/awards/approvals': COUNCIL_READERS,
  'GET /api/contests/:id/minutes.docx': CONTEST_ORGANIZER,
  'GET /api/contests/:id/certificates.pdf': CONTEST_ORGANIZER,
  'GET /api/rounds/:id/score-sheets.pdf': CONTEST_ORGANIZER,
  'GET /api/entries/:id/certificate.pdf': OWNER_AFTER_PUBLICATION,
  'GET /api/entries/:id/feedback': OWNER_AFTER_PUBLICATION,
  'POST /api/contests/:id/awards/approvals': COUNCIL_MEMBER,
  'GET /api/contests/:id/export.xlsx': CONTEST_ORGANIZER,
  'GET /api/contests/:id/votes': CONTEST_ORGANIZER,
  'POST /api/votes/:id/void': CONTEST_ORGANIZER,

  'POST /api/contests/:id/entries': APPLICANTS,
  'GET /api/entries/:id': ENTRY_READERS,
  'GET /api/entries/:id/attachments/:attachmentId': ENTRY_READERS,
  'PATCH /api/entries/:id': ENTRY_OWNER,
  'POST /api/entries/:id/attachments': ENTRY_OWNER,
  'DELETE /api/entries/:id/attachments/:attachmentId': ENTRY_OWNER,
  'POST /api/entries/:id/submit': ENTRY_OWNER,
  'POST /api/entries/:id/withdraw': ENTRY_OWNER,

  'GET /api/assignments/:id': ASSIGNED_JUDGE,
  'GET /api/assignments/:id/attachments/:attachmentId': ASSIGNED_JUDGE,
  'PUT /api/assignments/:id/sheet': ASSIGNED_JUDGE_WRITE,
  'POST /api/assignments/:id/submit': ASSIGNED_JUDGE_WRITE,
  'POST /api/assignments/:id/recuse': ASSIGNED_JUDGE_WRITE,
};
