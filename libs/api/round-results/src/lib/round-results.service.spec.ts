import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ResultsRepository, type ResultsRound, SheetsRepository } from '@laurel/api-database';
import type { RoundResultsView } from '@laurel/contracts';
import { sheetTotal } from '@laurel/domain';
import { RoundResultsService } from './round-results.service';
import { startThrowawayPostgres, type ThrowawayPostgres } from '@laurel/api-database/testing';

/**
 * RoundResultsService with its repository on a real PostgreSQL (a throwaway embedded one, in a
 * process of its own), on a round small enough to work out by hand. The sheets are written by the
 * judges' own statements (SheetsRepository's save and submit), so what results read is what a
 * submit stores.
 *
 * Rubric: Idea (weight 2, out of 10), Team (weight 1, out of 5). A sheet's total is
 *   T = 100 · (2·idea/10 + 1·team/5) / 3 = 20 · (idea + team) / 3.
 * Three judges score all four entries (a complete panel), method mean:
 *
 *   entry | J1 (idea, team) → T | J2            → T | J3            → T | mean
 *   A     | (8, 4)   → 80       | (6, 3)   → 60     | (5, 2.5) → 50     | 190/3 = 63.33
 *   B     | (7, 3.5) → 70       | (5, 2.5) → 50     | (7, 3.5) → 70     | 190/3 = 63.33
 *   C     | (10, 5)  → 100      | (9, 4.5) → 90     | (8, 4)   → 80     | 90
 *   D     | (3, 1.5) → 30       | (4.5, 3) → 50     | (3, 0)   → 20     | 100/3 = 33.33
 *
 * C ranks 1 and D 4 on their scores. A and B tie on 63.33 (190/3 both ways); head to head, J1
 * (80 > 70) and J2 (60 > 50) prefer A, J3 (50 < 70) prefers B: A wins 2–1, so A 2 and B 3, both
 * settled by head_to_head.
 */
describe(RoundResultsService.name, () => {
  let postgres: ThrowawayPostgres | undefined;
  let app: INestApplicationContext;
  let sut: RoundResultsService;
  let db: DataSource;
  let roundId: string;
  const entry: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
  const judge: Record<'J1' | 'J2' | 'J3', string> = { J1: '', J2: '', J3: '' };

  const VALUES: Record<keyof typeof entry, Record<keyof typeof judge, [number, number]>> = {
    A: { J1: [8, 4], J2: [6, 3], J3: [5, 2.5] },
    B: { J1: [7, 3.5], J2: [5, 2.5], J3: [7, 3.5] },
    C: { J1: [10, 5], J2: [9, 4.5], J3: [8, 4] },
    D: { J1: [3, 1.5], J2: [4.5, 3], J3: [3, 0] },
  };

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    const url = postgres.url;
    @Module({
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions({ url, poolMax: 4 }), logging: false })],
      providers: [RoundResultsService, ResultsRepository, SheetsRepository],
    })
    class RoundResultsUnderTest {}
    app = await NestFactory.createApplicationContext(RoundResultsUnderTest, { logger: ['error'], abortOnError: false });
    db = app.get(DataSource);
    await db.runMigrations({ transaction: 'each' });
    sut = app.get(RoundResultsService);

    const one = async (sql: string, params: unknown[] = []): Promise<string> => {
      const rows: { id: string }[] = await db.query(sql, params);
      const id = rows[0]?.id;
      if (id === undefined) throw new Error(`nothing returned by ${sql}`);
      return id;
    };
    const owner = await one(
      `INSERT INTO users (email, password_hash, display_name, roles) VALUES ('owner@example.test', 'x', 'Owner', '{organizer}') RETURNING id`,
    );
    for (const key of ['J1', 'J2', 'J3'] as const) {
      judge[key] = await one(`INSERT INTO users (email, password_hash, display_name, roles) VALUES ($1, 'x', $2, '{judge}') RETURNING id`, [
        `${key.toLowerCase()}@example.test`,
        `Judge ${key}`,
      ]);
    }
    const contest = await one(
      `INSERT INTO contests (name, slug, year, status, submission_opens_at, submission_closes_at, owner_id, code_prefix)
       VALUES ('Results', 'results-2026', 2026, 'judging', now() - interval '30 days', now() - interval '1 day', $1, 'RS') RETURNING id`,
      [owner],
    );
    const category = await one(`INSERT INTO categories (contest_id, name, position) VALUES ($1, 'Ideas', 0) RETURNING id`, [contest]);
    roundId = await one(
      `INSERT INTO rounds (contest_id, name, "order", status, panel, judges_per_entry, aggregation)
       VALUES ($1, 'Screening', 1, 'open', 'complete', 3, 'mean') RETURNING id`,
      [contest],
    );
    await db.query(
      `INSERT INTO criteria (round_id, name, description, weight, max_score, position)
       VALUES ($1, 'Idea', 'How new', 2, 10, 0), ($1, 'Team', 'How able', 1, 5, 1)`,
      [roundId],
    );
    for (const [i, key] of (['A', 'B', 'C', 'D'] as const).entries()) {
      entry[key] = await one(
        `INSERT INTO entries (contest_id, category_id, status, code, title, team_name, eligibility, submitted_at)
         VALUES ($1, $2, 'submitted', $3, $4, $5, 'eligible', now()) RETURNING id`,
        [contest, category, `RS-00${i + 1}`, `Entry ${key}`, `Team ${key}`],
      );
      await db.query(`INSERT INTO round_entries (round_id, entry_id) VALUES ($1, $2)`, [roundId, entry[key]]);
    }
    await db.query(`INSERT INTO contest_judges (contest_id, user_id) SELECT $1, unnest($2::uuid[])`, [contest, Object.values(judge)]);

    // Each sheet through the judges' own statements: save the draft, then submit it with its total.
    const sheets = app.get(SheetsRepository);
    for (const e of ['A', 'B', 'C', 'D'] as const) {
      for (const j of ['J1', 'J2', 'J3'] as const) {
        const assignmentId = await one(`INSERT INTO assignments (round_id, entry_id, judge_id) VALUES ($1, $2, $3) RETURNING id`, [
          roundId,
          entry[e],
          judge[j],
        ]);
        const blank = await sheets.state(assignmentId);
        if (!blank) throw new Error('no assignment');
        const [idea, team] = VALUES[e][j];
        const [ideaCriterion, teamCriterion] = blank.criteria;
        if (!ideaCriterion || !teamCriterion) throw new Error('no rubric');
        const scores = [
          { criterionId: ideaCriterion.id, value: idea, comment: null, commentInternal: false },
          { criterionId: teamCriterion.id, value: team, comment: null, commentInternal: false },
        ];
        if (!(await sheets.saveDraft(blank, null, { text: null, internal: false }, scores))) throw new Error('not saved');
        const draft = await sheets.state(assignmentId);
        if (!draft?.sheet) throw new Error('no draft');
        const total = sheetTotal(
          [
            { id: 'idea', weight: 2, maxScore: 10 },
            { id: 'team', weight: 1, maxScore: 5 },
          ],
          { idea, team },
        );
        if (!(await sheets.submitAlone({ ...draft, sheet: draft.sheet }, total))) throw new Error('not submitted');
      }
    }
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await postgres?.stop();
  }, 60_000);

  const round = async (): Promise<ResultsRound> => {
    const found = await sut.findRound(roundId);
    if (!found) throw new Error('no round');
    return found;
  };
  const line = (view: RoundResultsView, key: keyof typeof entry) => {
    const found = view.entries.find((e) => e.entryId === entry[key]);
    if (!found) throw new Error(`no entry ${key}`);
    return found;
  };

  it('stores each submitted sheet’s values in rubric order, as its score rows hold them', async () => {
    const rows: { values: string[]; fromRows: string[] }[] = await db.query(
      `SELECT ss.score_values::text[] AS values,
              (SELECT array_agg(s.value::text ORDER BY c.position, c.id) FROM scores s JOIN criteria c ON c.id = s.criterion_id
                WHERE s.sheet_id = ss.id) AS "fromRows"
         FROM score_sheets ss JOIN assignments a ON a.id = ss.assignment_id
        WHERE ss.round_id = $1 AND ss.status = 'submitted' AND a.entry_id = $2 AND a.judge_id = $3`,
      [roundId, entry.D, judge.J2],
    );
    // D by J2: Idea 4.5, Team 3, numeric(8,2) as PostgreSQL writes it.
    expect(rows).toEqual([{ values: ['4.50', '3.00'], fromRows: ['4.50', '3.00'] }]);
    const counts: { count: number }[] = await db.query(
      `SELECT count(*)::int AS count FROM score_sheets WHERE round_id = $1 AND status = 'submitted' AND cardinality(score_values) = 2`,
      [roundId],
    );
    expect(counts).toEqual([{ count: 12 }]);
  });

  it('ranks an open round from its sheets, the tie settled head to head', async () => {
    const view = await sut.roundResults(await round());
    expect(view.roundStatus).toBe('open');
    expect(view.snapshotAt).toBeNull();
    expect(view.entries.map((e) => [e.code, e.rank, e.settledBy])).toEqual([
      ['RS-003', 1, 'score'],
      ['RS-001', 2, 'head_to_head'],
      ['RS-002', 3, 'head_to_head'],
      ['RS-004', 4, 'score'],
    ]);
    expect(line(view, 'C').score).toBeCloseTo(90, 9);
    expect(line(view, 'A').score).toBeCloseTo(190 / 3, 9);
    expect(line(view, 'B').score).toBeCloseTo(190 / 3, 9);
    expect(line(view, 'D').score).toBeCloseTo(100 / 3, 9);
    // C: Idea (10 + 9 + 8)/3 = 9, Team (5 + 4.5 + 4)/3 = 4.5; totals 100, 90, 80: median 90,
    // spread √((10² + 0 + 10²)/3) = √(200/3) ≈ 8.165, largest difference 20.
    const c = line(view, 'C');
    expect(c.criterionMeans).toEqual({ [view.criteria[0]?.id ?? '']: 9, [view.criteria[1]?.id ?? '']: 4.5 });
    expect(c.medianTotal).toBeCloseTo(90, 9);
    expect(c.spread).toBeCloseTo(Math.sqrt(200 / 3), 9);
    expect(c.divergence.maxDifference).toBeCloseTo(20, 9);
    expect(c.judgeCount).toBe(3);
    expect(c.missingSheets).toBe(0);
  });

  it('measures the judges: their means, and Kendall’s W of a complete panel', async () => {
    const { reliability } = await sut.roundResults(await round());
    // J1 (80 + 70 + 100 + 30)/4 = 70, J2 (60 + 50 + 90 + 50)/4 = 62.5, J3 (50 + 70 + 80 + 20)/4 = 55.
    const means = Object.fromEntries(reliability.judges.map((j) => [j.name, j.mean]));
    expect(means['Judge J1']).toBeCloseTo(70, 9);
    expect(means['Judge J2']).toBeCloseTo(62.5, 9);
    expect(means['Judge J3']).toBeCloseTo(55, 9);
    // Ranks (ascending) of A B C D: J1 3 2 4 1; J2 3 1.5 4 1.5 (B and D tie, T = 2³ − 2 = 6);
    // J3 2 3 4 1. Rank sums 8, 6.5, 12, 3.5 around m(n + 1)/2 = 7.5: S = 0.25 + 1 + 20.25 + 16
    // = 37.5; W = 12·37.5 / (3²·(4³ − 4) − 3·6) = 450 / 522 = 25/29.
    expect(reliability.iccKind).toBe('ICC(2,k)');
    expect(reliability.kendallW).toBeCloseTo(25 / 29, 12);
  });

  it('answers a closed round from the snapshot its first read stored', async () => {
    await db.query(`UPDATE rounds SET status = 'closed' WHERE id = $1`, [roundId]);
    const first = await sut.roundResults(await round());
    expect(first.snapshotAt).not.toBeNull();
    const again = await sut.roundResults(await round());
    expect(again.snapshotAt).toBe(first.snapshotAt);
    expect(again.entries.map((e) => [e.code, e.rank])).toEqual(first.entries.map((e) => [e.code, e.rank]));
    await db.query(`UPDATE rounds SET status = 'open' WHERE id = $1`, [roundId]);
  });

  it('backfills the stored values of sheets submitted before them, so results do not change', async () => {
    const before = await sut.roundResults(await round());
    // The database as it was before the migration (no stored values), then the migration again.
    const migration = db.migrations.find((m) => m.name === 'SheetScoreValues1766120000000');
    if (!migration) throw new Error('no SheetScoreValues migration');
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const after = await sut.roundResults(await round());
    expect({ ...after, computedAt: null }).toEqual({ ...before, computedAt: null });
  });
});
