import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, type AuthUser } from '@laurel/api-core';
import {
  AssignmentsRepository,
  AuditRepository,
  dataSourceOptions,
  DivergenceRepository,
  SheetsRepository,
  UsersRepository,
} from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';
import type { SaveSheetDto } from './judging.dto';
import { DivergenceReviewService } from './divergence-review.service';
import { ScoreSheetsService } from './score-sheets.service';
import { storeSpecPeople } from './service-spec.people';
import { startThrowawayPostgres, type ThrowawayPostgres } from '@laurel/api-database/testing';

/**
 * The judge's save and submit (ScoreSheetsService with its repositories) on a real PostgreSQL (a
 * throwaway embedded one, in a process of its own), against a rubric of three criteria:
 *
 *   Idea        weight 50, out of 10
 *   Team        weight 30, out of 10
 *   Market      weight 20, out of 5
 *
 * A sheet's total is 100 · Σ w·(v/max) / Σ w (the domain's sheetTotal). The rounds here have no
 * divergence review, so a submit never reaches the review service nor its mail.
 */
describe(ScoreSheetsService.name, () => {
  let postgres: ThrowawayPostgres | undefined;
  let app: INestApplicationContext;
  let db: DataSource;
  let sut: ScoreSheetsService;
  const judges: Record<'ana' | 'binh', AuthUser> = {} as never;
  let contestId: string;
  let roundId: string;
  let categoryId: string;
  const criterion: Record<'idea' | 'team' | 'market', string> = {} as never;

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    const url = postgres.url;
    @Module({
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions({ url, poolMax: 4 }), logging: false })],
      providers: [
        ScoreSheetsService,
        AssignmentsRepository,
        SheetsRepository,
        DivergenceReviewService,
        DivergenceRepository,
        AuditRepository,
        UsersRepository,
        // Reached only by a round with divergence review (none here): fail loudly were it reached.
        { provide: MailOutbox, useValue: { enqueue: () => Promise.reject(new Error('no mail in these rounds')) } },
      ],
    })
    class ScoreSheetsUnderTest {}
    app = await NestFactory.createApplicationContext(ScoreSheetsUnderTest, { logger: ['error'], abortOnError: false });
    db = app.get(DataSource);
    await db.runMigrations({ transaction: 'each' });
    sut = app.get(ScoreSheetsService);

    const people = await storeSpecPeople(app.get(UsersRepository), 'sheets.test');
    Object.assign(judges, people.judges);
    [{ id: contestId }] = await db.query(
      `INSERT INTO contests (name, slug, year, status, submission_opens_at, submission_closes_at, owner_id, code_prefix)
       VALUES ('Sheets', 'sheets-2026', 2026, 'judging', now() - interval '30 days', now() - interval '1 day', $1, 'SH') RETURNING id`,
      [people.organizerId],
    );
    [{ id: categoryId }] = await db.query(`INSERT INTO categories (contest_id, name, position) VALUES ($1, 'Agritech', 0) RETURNING id`, [
      contestId,
    ]);
    roundId = await newRound('Round 1', 'open');
    const rubric: { id: string; name: string }[] = await db.query(
      `INSERT INTO criteria (round_id, name, weight, max_score, position)
       VALUES ($1, 'Idea', 50, 10, 1), ($1, 'Team', 30, 10, 2), ($1, 'Market', 20, 5, 3) RETURNING id, name`,
      [roundId],
    );
    for (const row of rubric) criterion[row.name.toLowerCase() as keyof typeof criterion] = row.id;
    await db.query(`INSERT INTO contest_judges (contest_id, user_id) VALUES ($1, $2), ($1, $3)`, [
      contestId,
      judges.ana.id,
      judges.binh.id,
    ]);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await postgres?.stop();
  }, 60_000);

  async function newRound(name: string, status: 'open' | 'closed'): Promise<string> {
    const order = Number((await db.query(`SELECT count(*)::int AS n FROM rounds WHERE contest_id = $1`, [contestId]))[0].n) + 1;
    const [round] = await db.query(
      `INSERT INTO rounds (contest_id, name, "order", status, panel, judges_per_entry) VALUES ($1, $2, $3, $4, 'assigned', 2) RETURNING id`,
      [contestId, name, order, status],
    );
    return (round as { id: string }).id;
  }

  /** A fresh entry in `round`, assigned to `judge`: the assignment's id. */
  async function assignment(judge: AuthUser, round = roundId): Promise<string> {
    const [entry] = await db.query(
      `INSERT INTO entries (contest_id, category_id, status, code, title, submitted_at)
       VALUES ($1, $2, 'submitted', $3, 'Rice husk bricks', now()) RETURNING id`,
      [contestId, categoryId, `SH-${randomUUID().slice(0, 8)}`],
    );
    const entryId = (entry as { id: string }).id;
    await db.query(`INSERT INTO round_entries (round_id, entry_id) VALUES ($1, $2)`, [round, entryId]);
    const [row] = await db.query(`INSERT INTO assignments (round_id, entry_id, judge_id) VALUES ($1, $2, $3) RETURNING id`, [
      round,
      entryId,
      judge.id,
    ]);
    return (row as { id: string }).id;
  }

  const sheet = (scores: [keyof typeof criterion, number][], version?: number, comment?: string): SaveSheetDto =>
    ({ scores: scores.map(([name, value]) => ({ criterionId: criterion[name], value })), version, comment }) as SaveSheetDto;

  /** The code of the refusal `work` throws (and its status), or 'allowed'. */
  async function outcome(work: () => Promise<unknown>): Promise<string> {
    try {
      await work();
      return 'allowed';
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return `${error.getStatus()} ${error.code}`;
    }
  }

  /** The audit events of a sheet, oldest first. */
  const events = (
    subjectId: string | null,
  ): Promise<{ action: string; contestId: string; actorId: string; payload: Record<string, unknown> }[]> =>
    db.query(
      `SELECT action, contest_id AS "contestId", actor_id AS "actorId", payload FROM audit_events WHERE subject_id = $1 ORDER BY id`,
      [subjectId],
    );

  it('saves a partial draft with its running total, then a later version; a stale version is refused', async () => {
    const id = await assignment(judges.ana);
    // Idea 8/10 only: 100 · 50·0.8 / (50 + 30 + 20) = 40.
    const first = await sut.save(judges.ana, id, sheet([['idea', 8]], 0, '  Strong idea  '));
    expect(first).toMatchObject({ status: 'draft', version: 1, total: 40, comment: 'Strong idea', submittedAt: null });
    expect(first.scores).toEqual([{ criterionId: criterion.idea, value: 8, comment: null, commentInternal: false }]);

    // Sent out of order, kept in the rubric's order. Idea 8, Team 6/10, Market 4/5:
    // 100 · (50·0.8 + 30·0.6 + 20·0.8) / 100 = 40 + 18 + 16 = 74.
    const second = await sut.save(
      judges.ana,
      id,
      sheet(
        [
          ['market', 4],
          ['idea', 8],
          ['team', 6],
        ],
        1,
      ),
    );
    expect(second).toMatchObject({ status: 'draft', version: 2, total: 74, comment: null });
    expect(second.scores.map((s) => s.criterionId)).toEqual([criterion.idea, criterion.team, criterion.market]);

    // Version 1 again: someone saved in between (version 2), so this one is refused, nothing written.
    expect(await outcome(() => sut.save(judges.ana, id, sheet([['idea', 1]], 1)))).toBe('409 sheet.stale_version');
    // The sheet becomes exactly the scores sent: Team left out is unscored again. 40 + 16 = 56.
    const third = await sut.save(
      judges.ana,
      id,
      sheet(
        [
          ['idea', 8],
          ['market', 4],
        ],
        2,
      ),
    );
    expect(third.version).toBe(3);
    // 100 · (56 / 100) in doubles is 56.00000000000001: the total is kept in full precision.
    expect(third.total).toBeCloseTo(56, 10);
    const stored = await db.query(`SELECT count(*)::int AS n FROM scores WHERE sheet_id = $1`, [third.id]);
    expect(stored[0].n).toBe(2);
    // One audit event per save that wrote, in the contest's chain, by the judge.
    const saved = await events(third.id);
    expect(saved.map((e) => e.action)).toEqual(['sheet.saved', 'sheet.saved', 'sheet.saved']);
    expect(saved.every((e) => e.contestId === contestId && e.actorId === judges.ana.id)).toBe(true);
  });

  it('refuses a score above its criterion’s maximum (400), writing nothing', async () => {
    const id = await assignment(judges.ana);
    expect(await outcome(() => sut.save(judges.ana, id, sheet([['market', 6]], 0)))).toBe('400 sheet.invalid_scores');
    expect(await db.query(`SELECT 1 FROM score_sheets WHERE assignment_id = $1`, [id])).toEqual([]);
  });

  it('submits a complete sheet with its total, once; afterwards it can neither change nor be submitted again', async () => {
    const id = await assignment(judges.ana);
    // Idea 7.5/10, Team 9/10, Market 2.5/5: 100 · (50·0.75 + 30·0.9 + 20·0.5) / 100 = 37.5 + 27 + 10 = 74.5.
    await sut.save(
      judges.ana,
      id,
      sheet(
        [
          ['idea', 7.5],
          ['team', 9],
          ['market', 2.5],
        ],
        0,
      ),
    );
    const submitted = await sut.submit(judges.ana, id);
    expect(submitted).toMatchObject({ status: 'submitted', version: 2, total: 74.5 });
    expect(submitted.submittedAt).toEqual(expect.any(String));
    const [row] = await db.query(`SELECT status, total FROM score_sheets WHERE assignment_id = $1`, [id]);
    expect(row).toEqual({ status: 'submitted', total: 74.5 });

    expect(await outcome(() => sut.submit(judges.ana, id))).toBe('409 sheet.submitted');
    expect(await outcome(() => sut.save(judges.ana, id, sheet([['idea', 1]], 2)))).toBe('409 sheet.submitted');
    const audit = await events(submitted.id);
    expect(audit.map((e) => e.action)).toEqual(['sheet.saved', 'sheet.submitted']);
    expect(audit.at(1)?.payload).toMatchObject({ total: 74.5, assignmentId: id });
    // The contest's chain still verifies with these events in it.
    expect(await app.get(AuditRepository).verify(contestId)).toMatchObject({ valid: true });
  });

  it('refuses to submit an incomplete sheet (422 naming what is missing), and a sheet never saved', async () => {
    const id = await assignment(judges.ana);
    expect(await outcome(() => sut.submit(judges.ana, id))).toBe('422 sheet.incomplete');
    await sut.save(
      judges.ana,
      id,
      sheet(
        [
          ['idea', 5],
          ['market', 5],
        ],
        0,
      ),
    );
    const refusal = await sut.submit(judges.ana, id).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('sheet.incomplete');
    expect((refusal as AppError).fields).toEqual([
      { field: `scores.${criterion.team}`, message: '"Team" has no score yet', code: 'required', params: { criterion: 'Team' } },
    ]);
    const [row] = await db.query(`SELECT status, total FROM score_sheets WHERE assignment_id = $1`, [id]);
    expect(row).toEqual({ status: 'draft', total: null });
  });

  it('answers another judge’s assignment, or one that does not exist, with the same 404', async () => {
    const id = await assignment(judges.ana);
    await sut.save(judges.ana, id, sheet([['idea', 8]], 0));
    expect(await outcome(() => sut.save(judges.binh, id, sheet([['idea', 1]], 1)))).toBe('404 assignment.not_found');
    expect(await outcome(() => sut.submit(judges.binh, id))).toBe('404 assignment.not_found');
    expect(await outcome(() => sut.save(judges.binh, randomUUID(), sheet([['idea', 1]], 0)))).toBe('404 assignment.not_found');
    // An organizer of the contest does not score on a judge's behalf either.
    const organizer: AuthUser = { ...judges.binh, id: randomUUID(), roles: ['organizer', 'admin'] };
    expect(await outcome(() => sut.submit(organizer, id))).toBe('404 assignment.not_found');
    // Ana's sheet is as she left it.
    const [row] = await db.query(`SELECT version FROM score_sheets WHERE assignment_id = $1`, [id]);
    expect(row).toEqual({ version: 1 });
  });

  it('refuses every write in a closed round (409 round.closed), and a judge who recused (409)', async () => {
    const closedRound = await newRound('Closed round', 'closed');
    const closed = await assignment(judges.ana, closedRound);
    expect(await outcome(() => sut.save(judges.ana, closed, sheet([['idea', 8]], 0)))).toBe('409 round.closed');
    expect(await outcome(() => sut.submit(judges.ana, closed))).toBe('409 round.closed');

    const id = await assignment(judges.binh);
    await sut.recuse(judges.binh, id, { reason: 'My cousin founded this startup.' });
    expect(await outcome(() => sut.save(judges.binh, id, sheet([['idea', 8]], 0)))).toBe('409 assignment.recused');
  });
  it('writes in one statement what this process remembers, and answers as without memory when another process changed it since', async () => {
    // A second API process: the same database, its own memory of sheets.
    const other = new ScoreSheetsService(app.get(AssignmentsRepository), app.get(SheetsRepository), app.get(DivergenceReviewService));
    const complete = (idea: number): SaveSheetDto =>
      sheet(
        [
          ['idea', idea],
          ['team', 6],
          ['market', 4],
        ],
        undefined,
      );
    const id = await assignment(judges.ana);
    expect(await sut.save(judges.ana, id, { ...complete(8), version: 0 })).toMatchObject({ version: 1, total: 74 });
    // The other process saves Idea 9: 100 · (50·0.9 + 30·0.6 + 20·0.8) / 100 = 45 + 18 + 16 = 79.
    expect(await other.save(judges.ana, id, { ...complete(9), version: 1 })).toMatchObject({ version: 2, total: 79 });
    // This process remembers version 1: its save of version 1 is stale, its submit totals version 2.
    expect(await outcome(() => sut.save(judges.ana, id, { ...complete(1), version: 1 }))).toBe('409 sheet.stale_version');
    expect(await sut.submit(judges.ana, id)).toMatchObject({ status: 'submitted', version: 3, total: 79 });
    expect(await db.query(`SELECT total, score_values::float8[] AS v FROM score_sheets WHERE assignment_id = $1`, [id])).toEqual([
      { total: 79, v: [9, 6, 4] },
    ]);

    // A score changed behind the API, without a new version: the submit totals what is stored.
    const edited = await assignment(judges.ana);
    await sut.save(judges.ana, edited, { ...complete(8), version: 0 });
    await db.query(
      `UPDATE scores SET value = 10 WHERE criterion_id = $1 AND sheet_id = (SELECT id FROM score_sheets WHERE assignment_id = $2)`,
      [criterion.idea, edited],
    );
    // 50 + 18 + 16 = 84.
    expect(await sut.submit(judges.ana, edited)).toMatchObject({ status: 'submitted', total: 84 });

    // The submit's one statement writes only while the round's divergence review settings are the ones decided on.
    const reviewed = await assignment(judges.ana);
    const draft = await sut.save(judges.ana, reviewed, { ...complete(8), version: 0 });
    const sheets = app.get(SheetsRepository);
    const state = await sheets.state(reviewed);
    if (!state?.sheet || !draft.id) throw new Error('no draft');
    await db.query(`UPDATE rounds SET divergence_threshold = 30 WHERE id = $1`, [roundId]);
    try {
      const basis = { ...state, sheet: state.sheet, divergence: { panel: 'assigned' as const, threshold: null } };
      expect(await sheets.submitAlone(basis, 74)).toBeNull();
      expect(await sheets.submitAlone({ ...basis, divergence: { panel: 'assigned', threshold: 30 } }, 74)).toMatchObject({
        status: 'submitted',
      });
    } finally {
      await db.query(`UPDATE rounds SET divergence_threshold = NULL WHERE id = $1`, [roundId]);
    }

    // The round closes after this process remembered the draft: the save writes nothing and answers 409.
    const closing = await assignment(judges.ana);
    await sut.save(judges.ana, closing, { ...complete(8), version: 0 });
    await db.query(`UPDATE rounds SET status = 'closed' WHERE id = $1`, [roundId]);
    try {
      expect(await outcome(() => sut.save(judges.ana, closing, { ...complete(2), version: 1 }))).toBe('409 round.closed');
      expect(await outcome(() => sut.submit(judges.ana, closing))).toBe('409 round.closed');
    } finally {
      await db.query(`UPDATE rounds SET status = 'open' WHERE id = $1`, [roundId]);
    }
    expect(await db.query(`SELECT status, version FROM score_sheets WHERE assignment_id = $1`, [closing])).toEqual([
      { status: 'draft', version: 1 },
    ]);
    // Every write above is in the contest's chain, which still verifies.
    expect(await app.get(AuditRepository).verify(contestId)).toMatchObject({ valid: true });
  });
  it('writes a new sheet in a round this process knows without reading first; a save for another judge’s assignment writes nothing', async () => {
    // Ana's earlier saves taught this process the round and its rubric.
    await sut.save(judges.ana, await assignment(judges.ana), sheet([['idea', 5]], 0));
    const binhs = await assignment(judges.binh);
    const state = jest.spyOn(app.get(SheetsRepository), 'state');
    try {
      // Ana sends a first save for Bình's assignment: the write checks the judge and writes nothing; the read says 404.
      expect(await outcome(() => sut.save(judges.ana, binhs, sheet([['idea', 1]], 0)))).toBe('404 assignment.not_found');
      expect(state).toHaveBeenCalledTimes(1);
      expect(await db.query(`SELECT 1 FROM score_sheets WHERE assignment_id = $1`, [binhs])).toEqual([]);
      state.mockClear();
      // Bình's own first save: one write, no read. Team 7/10: 100 · 30·0.7 / 100 = 21.
      expect(await sut.save(judges.binh, binhs, sheet([['team', 7]], 0))).toMatchObject({ status: 'draft', version: 1, total: 21 });
      expect(state).not.toHaveBeenCalled();
    } finally {
      state.mockRestore();
    }
    // Its event names the assignment's entry, which the statement took from the assignment.
    const [saved] = await events((await db.query(`SELECT id FROM score_sheets WHERE assignment_id = $1`, [binhs]))[0].id);
    const [{ entryId }] = await db.query(`SELECT entry_id AS "entryId" FROM assignments WHERE id = $1`, [binhs]);
    expect(saved).toMatchObject({ action: 'sheet.saved', actorId: judges.binh.id, payload: { assignmentId: binhs, entryId } });
    expect(await app.get(AuditRepository).verify(contestId)).toMatchObject({ valid: true });
  });
});
