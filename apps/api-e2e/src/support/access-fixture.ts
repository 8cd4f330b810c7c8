import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabase, runNode, startApi, type ApiProcess } from './api-process';
import type { Actor } from './authorization-matrix';
import { acceptInvitationByMail } from './mailbox';
import { Http } from './http';
import { createJudgingContest, insertAttachment, insertEntry, userId } from './judging-fixtures';

export interface RouteInfo {
  method: string;
  path: string;
}

export interface AccessFixture {
  api: ApiProcess;
  http: Http;
  db: Client;
  routes: RouteInfo[];
  tokens: Partial<Record<Actor, string>>;
  params: Record<string, string>;
  /** Ids and e-mails of the judges other than the assigned one. */
  otherJudges: string[];
  concrete(path: string, actor?: Actor): string;
  /** The recused and the removed judge's assignments to the fixture's entry. */
  formerAssignments: Partial<Record<Actor, string>>;
  sampleBody(key: string): unknown;
  /** A fresh token for an actor whose sessions a test ended (sign out everywhere). */
  signInAgain(actor: Actor): Promise<void>;
  close(): Promise<void>;
}

/**
 * A contest in judging with one owned, submitted entry (with an attachment), an open round,
 * one judge assigned to the entry, one on the panel but not assigned, a declared conflict, two
 * organizers, two applicants and an admin — and the API's own route table.
 */
export async function buildAccessFixture(): Promise<AccessFixture> {
  const url = await createDatabase();
  const seeded = await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url });
  if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.output}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'laurel-access-'));
  const listed = await runNode('dist/apps/api/main.js', [], {
    DATABASE_URL: url,
    LAUREL_PRINT_ROUTES: '1',
    LOG_LEVEL: 'silent',
    LAUREL_DATA_DIR: dataDir,
    NODE_ENV: 'test',
  });
  const routes: RouteInfo[] = JSON.parse(/LAUREL_ROUTES (.*)/.exec(listed.output)?.[1] ?? '[]');
  const api = await startApi({ LAUREL_DATA_DIR: dataDir }, url);
  const http = new Http(api.url);
  const db = new Client({ connectionString: url });
  await db.connect();
  const tokens: Partial<Record<Actor, string>> = {};
  const credentials: Partial<Record<Actor, [string, string]>> = {};
  /** Signs the actor in and remembers how, so a test can sign in again after ending its sessions. */
  const signIn = async (actor: Actor, email: string, password = 'laurel-demo'): Promise<string> => {
    credentials[actor] = [email, password];
    return http.login(email, password);
  };

  await http.post('/api/auth/register', { email: 'other.organizer@authz.vn', password: 'password-1', displayName: 'Other organizer' });
  await db.query(`UPDATE users SET roles = '{organizer}' WHERE email = 'other.organizer@authz.vn'`);
  tokens.organizer = await signIn('organizer', 'organizer@demo.laurel');
  tokens.otherOrganizer = await signIn('otherOrganizer', 'other.organizer@authz.vn', 'password-1');
  tokens.admin = await signIn('admin', 'admin@demo.laurel');
  // Applicants of their own domains: the demo accounts share demo.laurel with the judges,
  // which is a conflict of interest by e-mail domain.
  for (const [actor, email] of [
    ['ownerApplicant', 'founder@owner-startup.vn'],
    ['otherApplicant', 'founder@other-startup.vn'],
  ] as const) {
    await http.post('/api/auth/register', { email, password: 'password-1', displayName: actor });
    tokens[actor] = await signIn(actor, email, 'password-1');
  }
  tokens.assignedJudge = await signIn('assignedJudge', 'judge1@demo.laurel');
  tokens.unassignedJudge = await signIn('unassignedJudge', 'judge2@demo.laurel');

  const contest = await createJudgingContest(http, tokens.organizer, {
    rounds: [
      { name: 'Screening', judgesPerEntry: 1 },
      { name: 'Final', panel: 'complete' },
    ],
    judges: ['judge1@demo.laurel', 'judge2@demo.laurel', 'judge3@demo.laurel'].map((email) => ({ email, displayName: email })),
    status: 'judging',
  });
  const owner = await userId(db, 'founder@owner-startup.vn');
  const entry = await insertEntry(db, contest, { title: 'Owned entry', ownerId: owner });
  const attachmentId = await insertAttachment(db, dataDir, entry.id, {
    kind: 'pitch_deck',
    originalName: 'deck.pdf',
    contentType: 'application/pdf',
    bytes: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  const screening = contest.rounds[0].id;
  const opened = await http.post(`/api/rounds/${screening}/open`, {}, tokens.organizer);
  if (opened.status !== 200) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  const judge1 = await userId(db, 'judge1@demo.laurel');
  const judge2 = await userId(db, 'judge2@demo.laurel');
  const judge3 = await userId(db, 'judge3@demo.laurel');
  const assigned = await http.post(`/api/rounds/${screening}/assignments`, { entryId: entry.id, judgeId: judge1 }, tokens.organizer);
  if (assigned.status !== 201) throw new Error(`assign: ${assigned.status} ${JSON.stringify(assigned.body)}`);
  const conflict = await http.post(
    `/api/contests/${contest.id}/conflicts`,
    { judgeId: judge3, entryId: entry.id, reason: 'Former adviser' },
    tokens.organizer,
  );
  if (conflict.status !== 201) throw new Error(`conflict: ${conflict.status} ${JSON.stringify(conflict.body)}`);
  const [{ slug }] = (await db.query('SELECT slug FROM contests WHERE id = $1', [contest.id])).rows;
  // A council of the assigned judge alone: its page names no other judge.
  const version = (await http.get(`/api/contests/${contest.id}`, tokens.organizer)).body.version;
  const council = await http.request('PATCH', `/api/contests/${contest.id}`, {
    body: { version, council: { memberIds: [judge1] } },
    token: tokens.organizer,
  });
  if (council.status !== 200) throw new Error(`council: ${council.status} ${JSON.stringify(council.body)}`);

  // Two more judges, each of a domain of their own, assigned to the entry: one recuses, the other
  // leaves the panel. A removal deletes assignments of rounds still open and keeps those of closed
  // rounds; the panel row is deleted by hand here so the kept assignment is what is checked.
  const formerAssignments: Partial<Record<Actor, string>> = {};
  for (const [actor, email] of [
    ['recusedJudge', 'judge@recused-judge.vn'],
    ['removedJudge', 'judge@removed-judge.vn'],
  ] as const) {
    await http.post('/api/auth/register', { email, password: 'password-1', displayName: actor });
    await db.query(`UPDATE users SET roles = '{judge}' WHERE email = $1`, [email]);
    const invited = await http.post(`/api/contests/${contest.id}/judges`, { email, displayName: actor }, tokens.organizer);
    if (invited.status >= 300) throw new Error(`panel ${actor}: ${invited.status} ${JSON.stringify(invited.body)}`);
    await acceptInvitationByMail(http, email, { password: 'password-1' });
    tokens[actor] = await signIn(actor, email, 'password-1');
    const judgeId = await userId(db, email);
    const made = await http.post(`/api/rounds/${screening}/assignments`, { entryId: entry.id, judgeId }, tokens.organizer);
    if (made.status !== 201) throw new Error(`assign ${actor}: ${made.status} ${JSON.stringify(made.body)}`);
    formerAssignments[actor] = made.body.id;
  }
  const recusal = await http.post(
    `/api/assignments/${formerAssignments.recusedJudge}/recuse`,
    { reason: 'Advised the team' },
    tokens.recusedJudge,
  );
  if (recusal.status !== 200) throw new Error(`recuse: ${recusal.status} ${JSON.stringify(recusal.body)}`);
  await db.query(`DELETE FROM contest_judges WHERE contest_id = $1 AND user_id = $2`, [
    contest.id,
    await userId(db, 'judge@removed-judge.vn'),
  ]);

  // An invitation still waiting for its mailbox holder, for the resend route.
  const pending = await http.post(
    `/api/contests/${contest.id}/judges`,
    { email: 'pending.judge@matrix-panel.vn', displayName: 'Pending judge' },
    tokens.organizer,
  );
  if (pending.status !== 202) throw new Error(`pending invitation: ${pending.status} ${JSON.stringify(pending.body)}`);
  // A counted public vote of the contest, for the organizer's void route (the contest itself holds
  // no vote, so its ballot and casting answer 404 to everyone).
  const [{ id: vote }] = (
    await db.query(
      `INSERT INTO votes (contest_id, round_id, entry_id, scope_key, email, mailbox, token_hash, confirmed_at)
       VALUES ($1, $2, $3, '', 'voter@matrix.vn', 'voter@matrix.vn', 'matrix-token-hash', now()) RETURNING id`,
      [contest.id, screening, entry.id],
    )
  ).rows;

  // A message of the outbox (the invitation's), for the admin's retry route.
  const [outboxMessage] = (await db.query(`SELECT id FROM mail_outbox ORDER BY created_at DESC LIMIT 1`)).rows;
  // An account nobody in the matrix signs in as: the administrator's changes to it (roles,
  // disabling) touch no actor's session.
  const bystander = await http.post('/api/auth/register', {
    email: 'bystander@authz.vn',
    password: 'password-1',
    displayName: 'Bystander',
  });
  if (bystander.status !== 202) throw new Error(`bystander: ${bystander.status} ${JSON.stringify(bystander.body)}`);

  const params: Record<string, string> = {
    user: await userId(db, 'bystander@authz.vn'),
    invitation: pending.body.invitationId,
    mail: outboxMessage.id,
    token: 'x'.repeat(43),
    contest: contest.id,
    entry: entry.id,
    entryId: entry.id,
    round: screening,
    assignment: assigned.body.id,
    attachmentId,
    conflictId: conflict.body.id,
    judgeId: judge3,
    judge2,
    slug,
    vote,
  };

  /** Fills `:params` from the resource the path is about; a former judge of the entry calls with their own assignment. */
  function concrete(path: string, actor?: Actor): string {
    const assignment = (actor && formerAssignments[actor]) || params['assignment'];
    return path.replace(/\/(\w+)\/:(\w+)/g, (_whole, segment: string, name: string) => {
      const value =
        name === 'id' || name === 'idOrSlug'
          ? (
              {
                contests: params['contest'],
                entries: params['entry'],
                rounds: params['round'],
                assignments: assignment,
                invitations: params['invitation'],
                mail: params['mail'],
                votes: params['vote'],
                users: params['user'],
              } as Record<string, string>
            )[segment]
          : params[name];
      if (!value) throw new Error(`no fixture for :${name} after /${segment} in ${path}`);
      return `/${segment}/${value}`;
    });
  }

  /**
   * Bodies that pass validation, so a request reaches the access check in the service (an
   * empty body would be refused with 400 before anyone asks who is calling).
   */
  function sampleBody(key: string): unknown {
    const bodies: Record<string, unknown> = {
      'POST /api/contests': {
        name: 'Matrix contest',
        slug: `matrix-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
        year: 2027,
        submissionOpensAt: '2027-01-01T00:00:00Z',
        submissionClosesAt: '2027-02-01T00:00:00Z',
        categories: [{ name: 'A' }],
        prizes: [],
      },
      'PATCH /api/contests/:id': {
        version: 1,
        name: 'Matrix renamed',
        formFields: [{ key: 'foundedOn', label: { vi: 'Ngày thành lập', en: 'Founded' }, type: 'date', required: true }],
        eligibilityRules: [
          {
            id: 'young',
            kind: 'date_within_years',
            params: { field: 'foundedOn', years: 5 },
            message: { vi: 'Không quá 5 năm', en: 'At most 5 years' },
          },
        ],
        confirmRemovedFields: [],
      },
      'POST /api/contests/:id/status': { status: 'published' },
      'POST /api/contests/:id/rounds': {
        name: `Extra ${Date.now()}`,
        order: 9,
        panel: 'assigned',
        judgesPerEntry: 1,
        aggregation: 'mean',
        criteria: [{ name: 'X', weight: 1, maxScore: 10 }],
      },
      'PATCH /api/rounds/:id': { name: 'Screening' },
      'POST /api/contests/:id/judges': { email: 'new.judge@matrix-panel.vn', displayName: 'New judge' },
      'POST /api/contests/:id/conflicts': { judgeId: params['judge2'], entryId: params['entry'], reason: 'Matrix check' },
      'POST /api/rounds/:id/assignments': { entryId: params['entry'], judgeId: params['judge2'] },
      'POST /api/rounds/:id/advance': { top: 1 },
      'PUT /api/rounds/:id/run-sheet': { version: 0, slots: [] },
      'POST /api/rounds/:id/run-sheet/draw': { version: 0 },
      'POST /api/rounds/:id/stage': { version: 0, action: 'next' },
      'POST /api/contests/:id/awards': { awards: [] },
      'POST /api/contests/:id/awards/approvals': { decision: 'approve' },
      'POST /api/entries/:id/eligibility': { eligible: true },
      'POST /api/entries/:id/correction': { version: 1, reason: 'Matrix check' },
      'PATCH /api/entries/:id': { version: 1, title: 'Matrix title', answers: { foundedOn: '2024-01-01' } },
      'PUT /api/assignments/:id/sheet': { scores: [] },
      'POST /api/assignments/:id/recuse': { reason: 'Matrix check' },
      'POST /api/invitations/accept': { token: 'x'.repeat(43), password: 'password-1' },
      'POST /api/public/contests/:slug/votes': { entryId: params['entry'], email: 'voter@matrix.vn' },
      'POST /api/public/votes/confirm': { token: 'x'.repeat(43) },
      'POST /api/votes/:id/void': { reason: 'Matrix check' },
      'POST /api/auth/register': { email: 'someone@matrix.vn', password: 'password-1', displayName: 'Someone' },
      'POST /api/auth/password-reset': { email: 'someone.else@matrix.vn' },
      'POST /api/auth/password-reset/confirm': { token: 'x'.repeat(43), password: 'password-1' },
      'POST /api/auth/verify-email': { token: 'x'.repeat(43) },
      'PATCH /api/admin/users/:id': { roles: ['applicant', 'organizer'] },
      'POST /api/admin/invitations': { email: 'new.organizer@matrix.vn', displayName: 'New organizer', role: 'organizer' },
      'POST /api/auth/password': { currentPassword: 'not-the-password', newPassword: 'password-new-1' },
      'PATCH /api/auth/me': { language: 'vi' },
    };
    return bodies[key] ?? {};
  }

  return {
    api,
    http,
    db,
    routes,
    tokens,
    params,
    otherJudges: [judge2, judge3, 'judge2@demo.laurel', 'judge3@demo.laurel'],
    concrete,
    formerAssignments,
    sampleBody,
    /** A fresh token for an actor whose sessions a test ended (sign out everywhere). */
    signInAgain: async (actor: Actor) => {
      const known = credentials[actor];
      if (known) tokens[actor] = await http.login(...known);
    },
    close: async () => {
      await db.end();
      await api.stop();
    },
  };
}
