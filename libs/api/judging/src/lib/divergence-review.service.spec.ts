import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@laurel/api-core';
import {
  AssignmentsRepository,
  AuditRepository,
  ConflictsRepository,
  dataSourceOptions,
  DivergenceRepository,
  EntriesRepository,
  SheetsRepository,
  UsersRepository,
} from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';
import { startThrowawayPostgres, type ThrowawayPostgres } from '@laurel/api-database/testing';
import type { SaveSheetDto } from './judging.dto';
import { DivergenceReviewService } from './divergence-review.service';
import { ScoreSheetsService } from './score-sheets.service';
import { storeSpecPeople } from './service-spec.people';

/**
 * Divergence review's extra judge against a change of the facts of conflict detection committed at
 * the same moment, on a real PostgreSQL with two real connections interleaved by hand.
 *
 * Each case has its own contest: a rubric of one criterion (weight 100, out of 10, so a sheet's
 * total is 10 × the score), a round with divergence review (threshold 20, one extra judge at most),
 * a panel of Ana, Bình and a third judge, and one entry assigned to Ana and Bình whose team has a
 * member who gave no e-mail, "Trần Thị Chi Mai". Ana submits 9 (total 90); when Bình submits 5
 * (total 50) the totals differ by 40 ≥ 20, so the review assigns the only judge left: the third.
 * At that moment the third judge renames themself "Trần Thị Chi Mai", the team member's name (the
 * profile edit: the name, then detection for the judge in the same transaction). The last case
 * holds an organizer's correction of the entry against an assignment run of its round: the two
 * take the round's lock and the contest's audit chain, and must take them in the same order.
 */
describe(DivergenceReviewService.name, () => {
  const MEMBER = 'Trần Thị Chi Mai';
  let postgres: ThrowawayPostgres | undefined;
  let app: INestApplicationContext;
  let db: DataSource;
  let sheets: ScoreSheetsService;
  let conflicts: ConflictsRepository;
  let organizerId: string;
  const judges: Record<'ana' | 'binh', AuthUser> = {} as never;
  /** The mails divergence review wrote, in order; each waits for `mailGate` inside the submit's transaction. */
  const mailed: { userId: string }[] = [];
  let mailGate: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    @Module({
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions({ url: postgres.url, poolMax: 4 }), logging: false })],
      providers: [
        ScoreSheetsService,
        AssignmentsRepository,
        SheetsRepository,
        DivergenceReviewService,
        DivergenceRepository,
        AuditRepository,
        ConflictsRepository,
        EntriesRepository,
        UsersRepository,
        // The extra judge's mail is the last write of the submit's transaction: holding it there
        // holds the transaction open with the extra judge assigned, not yet committed.
        {
          provide: MailOutbox,
          useValue: {
            enqueue: async (_manager: unknown, mail: { userId: string }) => {
              mailed.push({ userId: mail.userId });
              await mailGate;
            },
          },
        },
      ],
    })
    class DivergenceReviewUnderTest {}
    app = await NestFactory.createApplicationContext(DivergenceReviewUnderTest, { logger: ['error'], abortOnError: false });
    db = app.get(DataSource);
    await db.runMigrations({ transaction: 'each' });
    sheets = app.get(ScoreSheetsService);
    conflicts = app.get(ConflictsRepository);
    const people = await storeSpecPeople(app.get(UsersRepository), 'review.test');
    organizerId = people.organizerId;
    Object.assign(judges, people.judges);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await postgres?.stop();
  }, 60_000);

  /** A contest as described above with Ana's sheet submitted: Bình's assignment and the third judge. */
  async function scene(slug: string): Promise<{ contestId: string; entryId: string; binhAssignment: string; third: string }> {
    const [third] = await db.query(
      `INSERT INTO users (email, password_hash, display_name, roles) VALUES ($1, 'x', 'Chi', ARRAY['judge']) RETURNING id`,
      [`chi-${slug}@judges.test`],
    );
    const [contest] = await db.query(
      `INSERT INTO contests (name, slug, year, status, submission_opens_at, submission_closes_at, owner_id, code_prefix)
       VALUES ($1, $1, 2026, 'judging', now() - interval '30 days', now() - interval '1 day', $2, 'RV') RETURNING id`,
      [`review-${slug}`, organizerId],
    );
    const contestId = (contest as { id: string }).id;
    const [category] = await db.query(`INSERT INTO categories (contest_id, name, position) VALUES ($1, 'Agritech', 0) RETURNING id`, [
      contestId,
    ]);
    const [round] = await db.query(
      `INSERT INTO rounds (contest_id, name, "order", status, panel, judges_per_entry, divergence_threshold, max_extra_judges)
       VALUES ($1, 'Round 1', 1, 'open', 'assigned', 2, 20, 1) RETURNING id`,
      [contestId],
    );
    const roundId = (round as { id: string }).id;
    const [criterion] = await db.query(
      `INSERT INTO criteria (round_id, name, weight, max_score, position) VALUES ($1, 'Idea', 100, 10, 1) RETURNING id`,
      [roundId],
    );
    await db.query(`INSERT INTO contest_judges (contest_id, user_id) VALUES ($1, $2), ($1, $3), ($1, $4)`, [
      contestId,
      judges.ana.id,
      judges.binh.id,
      (third as { id: string }).id,
    ]);
    const [entry] = await db.query(
      `INSERT INTO entries (contest_id, category_id, status, code, title, submitted_at, members)
       VALUES ($1, $2, 'submitted', 'RV-001', 'Rice husk bricks', now(), $3::jsonb) RETURNING id`,
      [contestId, (category as { id: string }).id, JSON.stringify([{ name: MEMBER, role: 'CEO', email: null }])],
    );
    const entryId = (entry as { id: string }).id;
    await db.query(`INSERT INTO round_entries (round_id, entry_id) VALUES ($1, $2)`, [roundId, entryId]);
    const assigned: { id: string; judgeId: string }[] = await db.query(
      `INSERT INTO assignments (round_id, entry_id, judge_id) VALUES ($1, $2, $3), ($1, $2, $4) RETURNING id, judge_id AS "judgeId"`,
      [roundId, entryId, judges.ana.id, judges.binh.id],
    );
    const idOf = (judge: AuthUser) => {
      const found = assigned.find((a) => a.judgeId === judge.id);
      if (!found) throw new Error(`no assignment for ${judge.displayName}`);
      return found.id;
    };
    const score = (value: number) => ({ scores: [{ criterionId: (criterion as { id: string }).id, value }], version: 0 }) as SaveSheetDto;
    await sheets.save(judges.ana, idOf(judges.ana), score(9));
    await sheets.submit(judges.ana, idOf(judges.ana));
    await sheets.save(judges.binh, idOf(judges.binh), score(5));
    return { contestId, entryId, binhAssignment: idOf(judges.binh), third: (third as { id: string }).id };
  }

  /** The profile edit of a name (ProfileService.update): the name, then detection for the judge, in one transaction. */
  async function rename(manager: DataSource['manager'], judgeId: string, name: string): Promise<void> {
    await manager.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [judgeId, name]);
    await conflicts.recordDetected(manager, { judgeIds: [judgeId] }, judgeId);
  }

  /** Until `work` settles or some connection of the database waits on a lock (the other transaction's). */
  async function settledOrWaiting(work: Promise<unknown>): Promise<'settled' | 'waiting'> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let tries = 0; tries < 500; tries++) {
      if (settled) return 'settled';
      const [row]: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if ((row?.n ?? 0) > 0) return 'waiting';
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the work neither settled nor waited on a lock within 5 s');
  }

  /** The assignments of the entry (judge, extra or not) and its stored conflicts. */
  async function outcome(
    entryId: string,
  ): Promise<{ assigned: { judgeId: string; extra: boolean }[]; conflicts: { judgeId: string; reason: string }[] }> {
    const assigned = await db.query(
      `SELECT judge_id AS "judgeId", divergence_extra AS extra FROM assignments WHERE entry_id = $1 ORDER BY divergence_extra, created_at`,
      [entryId],
    );
    const stored = await db.query(`SELECT judge_id AS "judgeId", reason FROM conflicts WHERE entry_id = $1 AND source = 'detected'`, [
      entryId,
    ]);
    return { assigned, conflicts: stored };
  }

  it('a judge renamed while the review assigns them as extra judge gets the conflict stored (the rename waits for the submit)', async () => {
    const { entryId, binhAssignment, third } = await scene('assign-first');
    let release = () => undefined as void;
    mailGate = new Promise<void>((resolve) => (release = resolve));
    mailed.length = 0;

    // Bình's submit: the review assigns the third judge, then its transaction stays open at the mail.
    const submitting = sheets.submit(judges.binh, binhAssignment);
    for (let tries = 0; mailed.length === 0 && tries < 500; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(mailed).toEqual([{ userId: third }]);

    // The rename, on another connection, while that assignment is not yet committed.
    const renaming = db.transaction((manager) => rename(manager, third, MEMBER));
    await settledOrWaiting(renaming);
    release();
    await submitting;
    await renaming;
    mailGate = Promise.resolve();

    // Either order of commits must end here: the extra judge is assigned and, being the team
    // member by name, has the detected conflict, so their save is refused.
    expect(await outcome(entryId)).toEqual({
      assigned: [
        { judgeId: judges.ana.id, extra: false },
        { judgeId: judges.binh.id, extra: false },
        { judgeId: third, extra: true },
      ],
      conflicts: [{ judgeId: third, reason: 'team_member' }],
    });
  });

  it('a submit whose review runs while a rename is not yet committed does not pick the renamed judge (the review waits for it)', async () => {
    const { contestId, entryId, binhAssignment, third } = await scene('rename-first');
    mailed.length = 0;

    // The rename on a connection of its own, its transaction held open after detection ran.
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await rename(runner.manager, third, MEMBER);
      const submitting = sheets.submit(judges.binh, binhAssignment);
      await settledOrWaiting(submitting);
      await runner.commitTransaction();
      await submitting;
    } finally {
      await runner.release();
    }

    // The third judge, now the team member by name, is the only one left and has a conflict: no
    // extra judge, and the review says so in the audit trail.
    expect(mailed).toEqual([]);
    expect(await outcome(entryId)).toEqual({
      assigned: [
        { judgeId: judges.ana.id, extra: false },
        { judgeId: judges.binh.id, extra: false },
      ],
      conflicts: [],
    });
    const events: { action: string }[] = await db.query(
      `SELECT action FROM audit_events WHERE contest_id = $1 AND action LIKE 'divergence.%'`,
      [contestId],
    );
    expect(events).toEqual([{ action: 'divergence.no_judge_left' }]);
  });

  it("an organizer's correction and an assignment run of the entry's round at the same moment both go through, one after the other", async () => {
    // The run holds its round's row lock, then writes the contest's audit trail; the correction's
    // detection needs a share lock on that round. Were the correction to hold the contest's audit
    // chain before asking for the round, each would wait for the other (PostgreSQL would abort one).
    const { contestId, entryId } = await scene('correction-run');
    const [round]: { id: string }[] = await db.query(`SELECT id FROM rounds WHERE contest_id = $1`, [contestId]);
    const [entry]: { version: number }[] = await db.query(`SELECT version FROM entries WHERE id = $1`, [entryId]);
    let running = false;
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = app.get(AssignmentsRepository).changeRound(round?.id ?? '', async (_round, changes) => {
      running = true;
      await gate;
      await app
        .get(AuditRepository)
        .record(changes.manager, { contestId, actorId: organizerId, action: 'assignment.created', payload: {} });
    });
    for (let tries = 0; !running && tries < 500; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(running).toBe(true);

    const correcting = app
      .get(EntriesRepository)
      .correct(
        entryId,
        entry?.version ?? 0,
        { organization: 'Đại học Hàng hải Việt Nam' },
        'From the registration letter.',
        organizerId,
        (manager) => conflicts.recordDetected(manager, { entryIds: [entryId] }, organizerId).then(() => undefined),
      );
    expect(await settledOrWaiting(correcting)).toBe('waiting');
    release();
    await expect(run).resolves.toBeUndefined();
    await expect(correcting).resolves.toMatchObject({ organization: 'Đại học Hàng hải Việt Nam' });
  });
});
