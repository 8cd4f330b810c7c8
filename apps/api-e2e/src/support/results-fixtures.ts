import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import type { Http } from './http';
import { acceptInvitationByMail, registerVerified } from './mailbox';

/**
 * Builds judged contests for the results tests through the API itself, as the people involved
 * would: the organizer sets up the contest and its rounds, applicants submit entries, invited
 * judges score their assignments, the organizer opens and closes rounds. Each helper fails the
 * test with the answer it got when a step is refused.
 */
export interface RubricCriterion {
  name: string;
  weight: number;
  maxScore: number;
}

export interface RoundSpec {
  name: string;
  order: number;
  aggregation?: 'mean' | 'median' | 'trimmed_mean' | 'zscore';
  rankBy?: 'overall' | 'category';
  blind?: boolean;
  priorityCriteria?: string[];
  /** Default complete (every judge scores every entry). */
  panel?: 'assigned' | 'complete';
  judgesPerEntry?: number;
  divergenceThreshold?: number;
  maxExtraJudges?: number;
  criteria: RubricCriterion[];
}

export interface ContestSpec {
  name?: string;
  categories: string[];
  prizes: { tier: string; count: number; amount?: number; currency?: string; categoryName?: string }[];
  minScoreForPrize?: number;
  noZeroCriterion?: boolean;
  rounds: [RoundSpec, ...RoundSpec[]];
}

export interface BuiltContest {
  id: string;
  slug: string;
  categories: Map<string, string>;
  /** In order; never empty: a contest is built with its rounds. */
  rounds: [BuiltRound, ...BuiltRound[]];
}

export interface BuiltRound {
  id: string;
  name: string;
  criteria: Map<string, string>;
}

/** A two-round contest's rounds, screening then final; fails for a contest made with one. */
export function twoRounds(contest: BuiltContest): [BuiltRound, BuiltRound] {
  const [screening, final] = contest.rounds;
  if (final === undefined) throw new Error('the contest was made with one round; this test needs two');
  return [screening, final];
}

export interface BuiltEntry {
  id: string;
  code: string;
  title: string;
  teamName: string;
  categoryId: string;
  /** The applicant's session. */
  ownerToken: string;
}

export interface BuiltJudge {
  id: string;
  email: string;
  displayName: string;
  token: string;
}

/** How an invited judge gets the invitation: the admin mailbox by default (captured mail). */
export type InvitationAcceptor = (email: string) => Promise<{ accessToken: string; user: { id: string } }>;

/** How a new applicant proves the mailbox: the admin mailbox by default (captured mail). */
export type SignUp = (account: { email: string; password: string; displayName: string }) => Promise<{ accessToken: string }>;

export class ResultsFixture {
  constructor(
    private readonly http: Http,
    private readonly organizer: string,
    private readonly acceptInvitation: InvitationAcceptor = (email) =>
      acceptInvitationByMail(this.http, email, { password: 'judge-password-1' }),
    private readonly signUp: SignUp = (account) => registerVerified(this.http, account),
  ) {}

  async contest(spec: ContestSpec): Promise<BuiltContest> {
    const day = 24 * 60 * 60 * 1000;
    const slug = `results-${randomBytes(4).toString('hex')}`;
    const created = await this.expectOk(
      this.http.post(
        '/api/contests',
        {
          name: spec.name ?? 'Startup talent test',
          slug,
          year: 2026,
          description: 'Results tests',
          submissionOpensAt: new Date(Date.now() - day).toISOString(),
          submissionClosesAt: new Date(Date.now() + 30 * day).toISOString(),
          minScoreForPrize: spec.minScoreForPrize ?? 0,
          ...(spec.noZeroCriterion === undefined ? {} : { noZeroCriterion: spec.noZeroCriterion }),
          requirePitchDeck: false,
          categories: spec.categories.map((name) => ({ name })),
          prizes: spec.prizes,
        },
        this.organizer,
      ),
      'create the contest',
    );
    const rounds: BuiltRound[] = [];
    for (const round of spec.rounds) {
      const body = await this.expectOk(
        this.http.post(
          `/api/contests/${created.id}/rounds`,
          {
            name: round.name,
            order: round.order,
            panel: round.panel ?? 'complete',
            judgesPerEntry: round.judgesPerEntry ?? 1,
            ...(round.divergenceThreshold === undefined ? {} : { divergenceThreshold: round.divergenceThreshold }),
            ...(round.maxExtraJudges === undefined ? {} : { maxExtraJudges: round.maxExtraJudges }),
            blind: round.blind ?? false,
            aggregation: round.aggregation ?? 'mean',
            rankBy: round.rankBy ?? 'overall',
            priorityCriteria: round.priorityCriteria ?? [],
            criteria: round.criteria,
          },
          this.organizer,
        ),
        `add round ${round.name}`,
      );
      rounds.push({ id: body.id, name: body.name, criteria: new Map<string, string>(body.criteria.map((c: any) => [c.name, c.id])) });
    }
    await this.status(created.id, 'open');
    const [first, ...later] = rounds;
    if (first === undefined) throw new Error('a contest needs a round');
    return { id: created.id, slug, categories: new Map(created.categories.map((c: any) => [c.name, c.id])), rounds: [first, ...later] };
  }

  async status(contestId: string, status: string): Promise<void> {
    await this.expectOk(this.http.post(`/api/contests/${contestId}/status`, { status }, this.organizer), `move the contest to ${status}`);
  }

  /** A new applicant's entry, submitted. */
  async entry(contest: BuiltContest, fields: { title: string; teamName: string; category: string }): Promise<BuiltEntry> {
    const email = `team-${randomBytes(5).toString('hex')}@example.vn`;
    const { accessToken: token } = await this.signUp({ email, password: 'team-password-1', displayName: fields.teamName });
    const categoryId = contest.categories.get(fields.category) as string;
    const draft = await this.expectOk(
      this.http.post(
        `/api/contests/${contest.id}/entries`,
        {
          title: fields.title,
          teamName: fields.teamName,
          summary: 'Tóm tắt dự án',
          problem: 'Vấn đề',
          solution: 'Giải pháp',
          market: 'Thị trường',
          businessModel: 'Mô hình kinh doanh',
          categoryId,
          members: [{ name: 'Nguyễn Văn A', role: 'CEO' }],
        },
        token,
      ),
      `create the entry ${fields.title}`,
    );
    const submitted = await this.expectOk(this.http.post(`/api/entries/${draft.id}/submit`, {}, token), `submit ${fields.title}`);
    return { id: draft.id, code: submitted.code, title: fields.title, teamName: fields.teamName, categoryId, ownerToken: token };
  }

  async eligibility(entryId: string, eligible: boolean, reason?: string): Promise<void> {
    await this.expectOk(
      this.http.post(`/api/entries/${entryId}/eligibility`, { eligible, ...(reason ? { reason } : {}) }, this.organizer),
      'screen an entry',
    );
  }

  /** Invites a judge to the contest's panel and signs them in through the invitation. */
  async judge(contestId: string, displayName: string): Promise<BuiltJudge> {
    const email = `judge-${randomBytes(5).toString('hex')}@jury.example.org`;
    await this.expectOk(
      this.http.post(`/api/contests/${contestId}/judges`, { email, displayName, organization: `Hội đồng ${displayName}` }, this.organizer),
      `invite ${displayName}`,
    );
    const accepted = await this.acceptInvitation(email);
    return { id: accepted.user.id, email, displayName, token: accepted.accessToken };
  }

  /** Opens the round and gives every judge of the panel every entry it covers. */
  async openRound(roundId: string): Promise<void> {
    await this.expectOk(this.http.post(`/api/rounds/${roundId}/open`, {}, this.organizer), 'open the round');
    await this.expectOk(this.http.post(`/api/rounds/${roundId}/assignments/auto`, {}, this.organizer), 'assign the judges');
  }

  async closeRound(roundId: string): Promise<void> {
    await this.expectOk(this.http.post(`/api/rounds/${roundId}/close`, {}, this.organizer), 'close the round');
  }

  /** The judge's assignment id for an entry of a round. */
  async assignment(judge: BuiltJudge, roundId: string, entryId: string): Promise<string> {
    const mine = await this.expectOk(this.http.get('/api/me/assignments', judge.token), 'list my assignments');
    const found = mine.find((a: any) => a.roundId === roundId && a.entry.id === entryId);
    if (!found) throw new Error(`judge ${judge.displayName} has no assignment for entry ${entryId}`);
    return found.id;
  }

  /** Saves and submits the judge's sheet: values by criterion name. */
  async score(
    judge: BuiltJudge,
    round: BuiltContest['rounds'][number],
    entryId: string,
    values: Record<string, number>,
    http = this.http,
  ): Promise<void> {
    const assignmentId = await this.assignment(judge, round.id, entryId);
    const scores = Object.entries(values).map(([name, value]) => ({
      criterionId: round.criteria.get(name),
      value,
      comment: `Nhận xét ${name}`,
    }));
    await this.expectOk(
      http.request('PUT', `/api/assignments/${assignmentId}/sheet`, { body: { scores }, token: judge.token }),
      'save a sheet',
    );
    await this.expectOk(http.post(`/api/assignments/${assignmentId}/submit`, {}, judge.token), 'submit a sheet');
  }

  /** Council members approve the awards as they stand (the default council: the final round's judges). */
  async approve(contestId: string, members: BuiltJudge[], http = this.http): Promise<void> {
    for (const member of members) {
      await this.expectOk(
        http.post(`/api/contests/${contestId}/awards/approvals`, { decision: 'approve' }, member.token),
        `approve as ${member.displayName}`,
      );
    }
  }

  private async expectOk(pending: Promise<{ status: number; body: any }>, what: string): Promise<any> {
    const result = await pending;
    if (result.status >= 300) throw new Error(`could not ${what}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }
}

/**
 * Changes a submitted score behind the API's back: the guard triggers are switched off for the
 * statements, as someone with direct database access could. The score row and the values stored
 * on its sheet (what results read) both change. Used to prove snapshots hold.
 */
export async function tamperScore(
  db: Client,
  roundId: string,
  entryId: string,
  judgeId: string,
  criterionId: string,
  value: number,
): Promise<void> {
  await db.query('BEGIN');
  try {
    await db.query('ALTER TABLE scores DISABLE TRIGGER scores_round_open');
    await db.query('ALTER TABLE score_sheets DISABLE TRIGGER score_sheets_round_open');
    const updated = await db.query(
      `UPDATE scores s SET value = $5
         FROM score_sheets ss JOIN assignments a ON a.id = ss.assignment_id
        WHERE s.sheet_id = ss.id AND ss.round_id = $1 AND a.entry_id = $2 AND a.judge_id = $3 AND s.criterion_id = $4
        RETURNING s.sheet_id`,
      [roundId, entryId, judgeId, criterionId, value],
    );
    if (updated.rowCount !== 1) throw new Error(`expected to change one score, changed ${updated.rowCount}`);
    await db.query(
      `UPDATE score_sheets ss SET score_values = (SELECT array_agg(s.value ORDER BY c.position, c.id) FROM scores s
                                                    JOIN criteria c ON c.id = s.criterion_id WHERE s.sheet_id = ss.id)
        WHERE ss.id = $1`,
      [updated.rows[0].sheet_id],
    );
    await db.query('ALTER TABLE score_sheets ENABLE TRIGGER score_sheets_round_open');
    await db.query('ALTER TABLE scores ENABLE TRIGGER scores_round_open');
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}
