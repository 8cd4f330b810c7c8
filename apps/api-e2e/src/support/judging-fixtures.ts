import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import type { Http } from './http';
import { acceptInvitationByMail } from './mailbox';

const day = 24 * 60 * 60 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * day).toISOString();
let contestCount = 0;

/** Innovation 40 % out of 10, Market 35 % out of 10, Team 25 % out of 5. */
export const RUBRIC = [
  { name: 'Innovation', description: '0 = common, 10 = breakthrough', weight: 40, maxScore: 10 },
  { name: 'Market', description: 'Size and clarity of the market', weight: 35, maxScore: 10 },
  { name: 'Team', description: 'Skills and commitment', weight: 25, maxScore: 5 },
];

export interface JudgingContest {
  id: string;
  categoryId: string;
  codePrefix: string;
  /** In order; never empty: a judging contest is made with its rounds. */
  rounds: [JudgingRound, ...JudgingRound[]];
}

export interface JudgingRound {
  id: string;
  criteria: { id: string; name: string; maxScore: number }[];
}

interface RoundSpec {
  name: string;
  panel?: 'assigned' | 'complete';
  judgesPerEntry?: number;
  blind?: boolean;
}

/**
 * A contest of the organizer with the given rounds (each with RUBRIC), its panel, and its
 * status moved through the lifecycle API up to `status` (judging by default).
 */
export async function createJudgingContest(
  http: Http,
  organizer: string,
  options: {
    rounds: [RoundSpec, ...RoundSpec[]];
    /** Invited by mail, and each accepts from the mail (`password` for an address without a verified account). */
    judges?: { email: string; displayName: string; organization?: string; password?: string }[];
    status?: 'open' | 'closed' | 'judging';
  },
): Promise<JudgingContest> {
  contestCount += 1;
  const codePrefix = `JT${contestCount}`;
  const created = await http.post(
    '/api/contests',
    {
      name: `Judging test ${contestCount}`,
      slug: `judging-test-${contestCount}-${Date.now()}`,
      year: 2027,
      submissionOpensAt: inDays(-1),
      submissionClosesAt: inDays(30),
      codePrefix,
      categories: [{ name: 'Startups' }],
      prizes: [{ tier: 'first', count: 1 }],
    },
    organizer,
  );
  if (created.status !== 201) throw new Error(`contest: ${created.status} ${JSON.stringify(created.body)}`);
  const rounds: JudgingRound[] = [];
  for (const [i, round] of options.rounds.entries()) {
    const result = await http.post(
      `/api/contests/${created.body.id}/rounds`,
      {
        name: round.name,
        order: i + 1,
        panel: round.panel ?? 'assigned',
        judgesPerEntry: round.judgesPerEntry ?? 2,
        blind: round.blind ?? false,
        aggregation: 'mean',
        criteria: RUBRIC,
      },
      organizer,
    );
    if (result.status !== 201) throw new Error(`round: ${result.status} ${JSON.stringify(result.body)}`);
    rounds.push({ id: result.body.id, criteria: result.body.criteria });
  }
  for (const { password, ...judge } of options.judges ?? []) {
    const invited = await http.post(`/api/contests/${created.body.id}/judges`, judge, organizer);
    if (invited.status !== 202) throw new Error(`judge: ${invited.status} ${JSON.stringify(invited.body)}`);
    if (invited.body.status === 'pending') await acceptInvitationByMail(http, judge.email, { password, signInPassword: password });
  }
  const steps = ['open', 'closed', 'judging'];
  for (const status of steps.slice(0, steps.indexOf(options.status ?? 'judging') + 1)) {
    const moved = await http.post(`/api/contests/${created.body.id}/status`, { status }, organizer);
    if (moved.status !== 200) throw new Error(`status ${status}: ${moved.status} ${JSON.stringify(moved.body)}`);
  }
  const [first, ...later] = rounds;
  if (first === undefined) throw new Error('a judging contest needs a round');
  return { id: created.body.id, categoryId: created.body.categories[0].id, codePrefix, rounds: [first, ...later] };
}

export interface EntrySpec {
  title: string;
  teamName?: string;
  organization?: string | null;
  members?: { name: string; role: string; email?: string }[];
  ownerId?: string | null;
  status?: 'draft' | 'submitted' | 'withdrawn';
  eligibility?: 'pending' | 'eligible' | 'ineligible';
  videoUrl?: string | null;
}

export interface EntryRow {
  id: string;
  code: string | null;
  title: string;
}

/**
 * Entries written straight into the database (submitted and eligible unless told otherwise),
 * numbered like the entries API numbers them (JT1-001).
 */
export async function insertEntries(db: Client, contest: JudgingContest, specs: EntrySpec[]): Promise<EntryRow[]> {
  const rows: EntryRow[] = [];
  for (const spec of specs) {
    const status = spec.status ?? 'submitted';
    const [{ seq }] = (
      await db.query(`UPDATE contests SET entry_seq = entry_seq + 1 WHERE id = $1 RETURNING entry_seq AS seq`, [contest.id])
    ).rows;
    const code = status === 'draft' ? null : `${contest.codePrefix}-${String(seq).padStart(3, '0')}`;
    const eligibility = spec.eligibility ?? 'eligible';
    const result = await db.query(
      `INSERT INTO entries (contest_id, category_id, owner_id, status, code, title, team_name, summary, problem, solution, market,
                            business_model, organization, video_url, members, eligibility, eligibility_reason, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'A summary', 'A problem', 'A solution', 'A market', 'A business model', $8, $9, $10::jsonb, $11, $12,
               CASE WHEN $4 = 'draft' THEN NULL ELSE now() END)
       RETURNING id, code, title`,
      [
        contest.id,
        contest.categoryId,
        spec.ownerId ?? null,
        status,
        code,
        spec.title,
        spec.teamName ?? `${spec.title} team`,
        spec.organization ?? null,
        spec.videoUrl ?? null,
        JSON.stringify(spec.members ?? [{ name: `Founder of ${spec.title}`, role: 'CEO' }]),
        eligibility,
        eligibility === 'ineligible' ? 'Outside the rules' : null,
      ],
    );
    rows.push(result.rows[0]);
  }
  return rows;
}

/** One entry written straight into the database, as `insertEntries` writes it. */
export async function insertEntry(db: Client, contest: JudgingContest, spec: EntrySpec): Promise<EntryRow> {
  const [row] = await insertEntries(db, contest, [spec]);
  if (row === undefined) throw new Error(`the entry "${spec.title}" was not inserted`);
  return row;
}

/** An attachment row with its bytes where the API's local-disk storage (LAUREL_DATA_DIR) reads them. */
export async function insertAttachment(
  db: Client,
  dataDir: string,
  entryId: string,
  file: { kind: 'pitch_deck' | 'business_plan' | 'other'; originalName: string; contentType: string; bytes: Buffer },
): Promise<string> {
  const key = `attachments/${randomUUID()}`;
  mkdirSync(join(dataDir, 'files', 'attachments'), { recursive: true });
  writeFileSync(join(dataDir, 'files', ...key.split('/')), file.bytes);
  const result = await db.query(
    `INSERT INTO attachments (entry_id, kind, storage_key, original_name, content_type, size_bytes, sha256)
     VALUES ($1, $2, $3, $4, $5, $6, 'not-checked') RETURNING id`,
    [entryId, file.kind, key, file.originalName, file.contentType, file.bytes.length],
  );
  return result.rows[0].id;
}

export async function userId(db: Client, email: string): Promise<string> {
  const result = await db.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [email]);
  return result.rows[0].id;
}

/** Scores every criterion of the rubric with `fraction` of its maximum, then submits. */
export async function scoreAndSubmit(http: Http, token: string, assignmentId: string, fraction = 0.5): Promise<void> {
  const detail = await http.get(`/api/assignments/${assignmentId}`, token);
  const scores = detail.body.round.criteria.map((c: { id: string; maxScore: number }) => ({
    criterionId: c.id,
    value: Math.round(c.maxScore * fraction * 2) / 2,
  }));
  const saved = await http.request('PUT', `/api/assignments/${assignmentId}/sheet`, {
    body: { scores, version: detail.body.sheet.version },
    token,
  });
  if (saved.status !== 200) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body)}`);
  const submitted = await http.post(`/api/assignments/${assignmentId}/submit`, {}, token);
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
}

/**
 * Every submitted sheet of the database whose stored score values (what results read) are not its
 * score rows in rubric order (criterion position, then id), and how many submitted sheets there
 * are: after a contest run the first is empty and the second is not 0.
 */
export async function sheetValuesOutOfStep(db: Client): Promise<{ submitted: number; outOfStep: string[] }> {
  const { rows } = await db.query<{ id: string; inStep: boolean }>(
    `SELECT ss.id,
            ss.score_values IS NOT DISTINCT FROM
              (SELECT coalesce(array_agg(s.value ORDER BY c.position, c.id), '{}') FROM scores s
                 JOIN criteria c ON c.id = s.criterion_id AND c.round_id = ss.round_id
                WHERE s.sheet_id = ss.id) AS "inStep"
       FROM score_sheets ss WHERE ss.status = 'submitted'`,
  );
  return { submitted: rows.length, outOfStep: rows.filter((r) => !r.inStep).map((r) => r.id) };
}
