import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, ServerTiming } from '@laurel/api-core';
import type { AggregationMethod, ContestStatus, EntrySheetsView, PanelMode, PublicVoteSettings, RankBy, RoundOutcome, RoundResultsView, RoundStatus } from '@laurel/contracts';
import { checkDivergence, computeRoundResults, type LeanSheet, missingSheets, type RoundResults, ScoringInputError } from '@laurel/domain';

/** A round with what results need of it and of its contest. */
export interface ResultsRound {
  id: string;
  contestId: string;
  name: string;
  order: number;
  status: RoundStatus;
  panel: PanelMode;
  blind: boolean;
  aggregation: AggregationMethod;
  trim: number;
  minSheetsForNormalization: number;
  rankBy: RankBy;
  priorityCriteria: string[];
  spreadThreshold: number;
  divergenceThreshold: number | null;
  judgesPerEntry: number;
  /** The contest's public vote; it blends into this round's ranking when its roundId is this round. */
  publicVote: PublicVoteSettings | null;
  ownerId: string;
  contestStatus: ContestStatus;
}

export interface ResultsCriterion {
  id: string;
  name: string;
  weight: number;
  maxScore: number;
}

export interface ResultsEntry {
  entryId: string;
  code: string | null;
  title: string;
  teamName: string;
  categoryId: string | null;
  eligible: boolean;
  outcome: 'pending' | 'advanced' | 'eliminated';
}

/** A submitted sheet as the domain reads thousands of them: values in the order of the criteria. */
export type ResultsSheet = LeanSheet;

/** Everything one round's ranking is computed from: submitted sheets of assignments not recused. */
export interface RoundData {
  criteria: ResultsCriterion[];
  entries: ResultsEntry[];
  sheets: ResultsSheet[];
  judges: { id: string; name: string }[];
  /** Judges divergence review added, per entry id. */
  extraJudges: Map<string, string[]>;
  /** Per entry: its assignments not recused, and those recused. */
  panels: { entryId: string; assigned: number; recused: number }[];
  /** Counted public votes per entry the round covers; null unless the round holds the contest's vote. */
  votes: Record<string, number> | null;
}

const ROUND_SELECT = `
  SELECT r.id, r.contest_id AS "contestId", r.name, r."order", r.status, r.panel, r.blind, r.aggregation, r.trim,
         r.min_sheets_for_normalization AS "minSheetsForNormalization", r.rank_by AS "rankBy",
         r.priority_criteria::text[] AS "priorityCriteria", r.spread_threshold::float8 AS "spreadThreshold",
         r.divergence_threshold::float8 AS "divergenceThreshold", r.judges_per_entry AS "judgesPerEntry",
         c.owner_id AS "ownerId", c.status AS "contestStatus", c.public_vote AS "publicVote"
    FROM rounds r JOIN contests c ON c.id = r.contest_id`;

/**
 * Round results: the rows they are computed from, in a fixed number of statements whatever the
 * size of the round, and the snapshots of closed rounds.
 *
 * The snapshot of a closed round is written by the first read after closing (`roundResults`),
 * or right away by whoever closes the round and calls `storeRoundSnapshot` in its transaction;
 * a trigger drops it when the round reopens. Nothing that ranks can change while a round is
 * closed (another trigger refuses sheet writes, and closed rounds keep their settings), so both
 * ways store the same numbers.
 */
@Injectable()
export class ResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One entry of a round, its criteria and every assignment with its sheet: values and totals of
   * submitted sheets only. Null when the entry is not in the round (the caller answers 404).
   */
  async entrySheets(round: ResultsRound, entryId: string, manager: EntityManager = this.dataSource.manager): Promise<EntrySheetsView | null> {
    const [entry]: { code: string | null; title: string }[] = await manager.query(
      `SELECT e.code, e.title FROM entries e
        WHERE e.id = $1 AND e.contest_id = $2
          AND (EXISTS (SELECT 1 FROM round_entries re WHERE re.round_id = $3 AND re.entry_id = e.id)
               OR EXISTS (SELECT 1 FROM assignments a WHERE a.round_id = $3 AND a.entry_id = e.id))`,
      [entryId, round.contestId, round.id],
    );
    if (!entry) return null;
    const criteria: EntrySheetsView['criteria'] = await manager.query(
      `SELECT id, name, weight::float8 AS weight, max_score::float8 AS "maxScore" FROM criteria WHERE round_id = $1 ORDER BY position, name`,
      [round.id],
    );
    const rows: {
      assignmentId: string;
      judgeId: string;
      judgeName: string;
      assignmentStatus: 'assigned' | 'recused';
      recusalReason: string | null;
      sheetId: string | null;
      sheetStatus: 'draft' | 'submitted' | null;
      total: number | null;
      submittedAt: string | null;
      comment: string | null;
      commentInternal: boolean | null;
    }[] = await manager.query(
      `SELECT a.id AS "assignmentId", a.judge_id AS "judgeId", u.display_name AS "judgeName", a.status AS "assignmentStatus",
              a.recusal_reason AS "recusalReason", s.id AS "sheetId", s.status AS "sheetStatus", s.total::float8 AS total,
              to_char(s.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "submittedAt",
              s.comment, s.comment_internal AS "commentInternal"
         FROM assignments a JOIN users u ON u.id = a.judge_id LEFT JOIN score_sheets s ON s.assignment_id = a.id
        WHERE a.round_id = $1 AND a.entry_id = $2
        ORDER BY u.display_name, a.id`,
      [round.id, entryId],
    );
    const submitted = rows.filter((r) => r.sheetStatus === 'submitted' && r.assignmentStatus !== 'recused').map((r) => r.sheetId as string);
    const scores: { sheetId: string; criterionId: string; value: number; comment: string | null; commentInternal: boolean }[] = submitted.length
      ? await manager.query(
          `SELECT sheet_id AS "sheetId", criterion_id AS "criterionId", value::float8 AS value, comment, comment_internal AS "commentInternal"
             FROM scores WHERE sheet_id = ANY($1::uuid[])`,
          [submitted],
        )
      : [];
    return {
      roundId: round.id,
      roundName: round.name,
      entryId,
      code: entry.code,
      title: entry.title,
      criteria,
      sheets: rows.map((r) => {
        const counted = r.sheetStatus === 'submitted' && r.assignmentStatus !== 'recused';
        return {
          assignmentId: r.assignmentId,
          judgeId: r.judgeId,
          judgeName: r.judgeName,
          status: r.assignmentStatus === 'recused' ? 'recused' : r.sheetStatus === 'submitted' ? 'submitted' : r.sheetStatus === 'draft' ? 'draft' : 'todo',
          recusalReason: r.assignmentStatus === 'recused' ? r.recusalReason : null,
          total: counted ? r.total : null,
          submittedAt: counted ? r.submittedAt : null,
          scores: counted ? scores.filter((v) => v.sheetId === r.sheetId).map(({ sheetId: _sheet, ...score }) => score) : [],
          comment: counted ? r.comment : null,
          commentInternal: counted ? !!r.commentInternal : false,
        };
      }),
    };
  }

  async findRound(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<ResultsRound | null> {
    const rows: ResultsRound[] = await manager.query(`${ROUND_SELECT} WHERE r.id = $1`, [roundId]);
    return rows[0] ?? null;
  }

  /** Rounds of a contest, lowest order first. */
  async contestRounds(contestId: string, manager: EntityManager = this.dataSource.manager): Promise<ResultsRound[]> {
    return manager.query(`${ROUND_SELECT} WHERE r.contest_id = $1 ORDER BY r."order"`, [contestId]);
  }

  /**
   * Five statements, whatever the number of entries, in one read-only snapshot of the database
   * (unless the caller's transaction is used): its start, the rubric with the judges' names, the
   * entries with the size of each one's panel, every submitted sheet with its values, the commit.
   */
  async loadRoundData(roundId: string, manager?: EntityManager, timing = new ServerTiming(), voteRound?: boolean): Promise<RoundData> {
    if (voteRound === undefined) {
      const round = await this.findRound(roundId, manager);
      voteRound = round !== null && holdsVote(round);
    }
    const withVotes = voteRound;
    if (manager) return readRoundData(manager, roundId, timing, withVotes);
    return inReadOnlySnapshot(this.dataSource, timing, (tx) => readRoundData(tx, roundId, timing, withVotes));
  }

  /**
   * The round's results: a closed round answers its snapshot, storing it first when there is
   * none; any other round is computed from its current sheets. Outcomes are always current.
   * The snapshot is written outside any repeatable-read snapshot, so that a concurrent first
   * reader's row is waited for and answered instead of failing the transaction.
   */
  async roundResults(round: ResultsRound, manager?: EntityManager, timing = new ServerTiming()): Promise<RoundResultsView> {
    if (round.status !== 'closed') {
      const data = await this.loadRoundData(round.id, manager, timing, holdsVote(round));
      // The entries were read with their outcomes, in the same snapshot as the sheets.
      return withEntryOutcomes(computeView(round, data, new Date(), timing), data.entries);
    }
    const tx = manager ?? this.dataSource.manager;
    const stored = await timing.measure('sql', () => findSnapshot(tx, round.id));
    if (stored) return withOutcomes(tx, stored, round.id, timing);
    const view = computeView(round, await this.loadRoundData(round.id, manager, timing, holdsVote(round)), new Date(), timing);
    return withOutcomes(tx, await timing.measure('sql', () => insertSnapshot(tx, round.id, view, false)), round.id, timing);
  }

  /**
   * Computes the round's results and stores them as its snapshot, replacing any earlier one.
   * For whoever closes a round: call it inside the transaction that sets the status.
   */
  async storeRoundSnapshot(roundId: string, manager?: EntityManager): Promise<RoundResultsView> {
    const run = async (tx: EntityManager): Promise<RoundResultsView> => {
      const round = await this.findRound(roundId, tx);
      if (!round) throw AppError.notFound('round.not_found', 'No round has this id. Check the link.');
      const view = computeView(round, await readRoundData(tx, roundId, undefined, holdsVote(round)), new Date());
      return insertSnapshot(tx, roundId, view, true);
    };
    if (manager) return run(manager);
    return this.dataSource.transaction(run);
  }

  /** Entries of the round the organizer screened out (eligibility can change after a snapshot). */
  async ineligibleEntries(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT e.id FROM round_entries re JOIN entries e ON e.id = re.entry_id WHERE re.round_id = $1 AND e.eligibility = 'ineligible'`,
      [roundId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Submitted and expected sheets of a round (assignments not recused). */
  async sheetProgress(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<{ submittedSheets: number; expectedSheets: number }> {
    const [row]: { submitted: number; expected: number }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE ss.status = 'submitted')::int AS submitted, count(*)::int AS expected
         FROM assignments a LEFT JOIN score_sheets ss ON ss.assignment_id = a.id
        WHERE a.round_id = $1 AND a.status = 'assigned'`,
      [roundId],
    );
    return { submittedSheets: row.submitted, expectedSheets: row.expected };
  }

  /** Runs `work` in one transaction (advancement). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Serializes advancement of one round; answers the round as the lock found it. */
  async lockRound(roundId: string, manager: EntityManager): Promise<ResultsRound | null> {
    await manager.query(`SELECT 1 FROM rounds WHERE id = $1 FOR UPDATE`, [roundId]);
    return this.findRound(roundId, manager);
  }

  /**
   * Marks every entry of `roundId` advanced or eliminated and makes the next round cover exactly
   * the advanced ones. In the caller's transaction.
   */
  async applyAdvancement(manager: EntityManager, roundId: string, nextRoundId: string, advanced: string[]): Promise<number> {
    const [{ eliminated }]: { eliminated: number }[] = await manager.query(
      `WITH marked AS (
         UPDATE round_entries SET outcome = CASE WHEN entry_id = ANY($2::uuid[]) THEN 'advanced' ELSE 'eliminated' END
          WHERE round_id = $1 RETURNING outcome)
       SELECT count(*) FILTER (WHERE outcome = 'eliminated')::int AS eliminated FROM marked`,
      [roundId, advanced],
    );
    await manager.query(`DELETE FROM round_entries WHERE round_id = $1 AND NOT (entry_id = ANY($2::uuid[]))`, [nextRoundId, advanced]);
    await manager.query(
      `INSERT INTO round_entries (round_id, entry_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT (round_id, entry_id) DO NOTHING`,
      [nextRoundId, advanced],
    );
    return eliminated;
  }
}

/**
 * Runs `work` in a transaction that sees one snapshot and writes nothing, started in one
 * statement (TypeORM's transaction with an isolation level takes three before the first read).
 */
async function inReadOnlySnapshot<T>(dataSource: DataSource, timing: ServerTiming, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await timing.measure('sql', () => runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY'));
    const result = await work(runner.manager);
    await timing.measure('sql', () => runner.query('COMMIT'));
    return result;
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/** The round's rows, each statement timed as `sql` and the turning of rows into data as `map`. */
async function readRoundData(manager: EntityManager, roundId: string, timing = new ServerTiming(), voteRound = false): Promise<RoundData> {
  const sql = <T>(text: string, params: unknown[]): Promise<T> => timing.measure('sql', () => manager.query(text, params));
  // The rubric in its order and the names of the round's judges, as JSON in one row.
  const [rubric]: { criteria: ResultsCriterion[]; judges: { id: string; name: string }[] }[] = await sql(
    `SELECT coalesce((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'weight', c.weight::float8, 'maxScore', c.max_score::float8)
                                      ORDER BY c.position, c.id)
                        FROM criteria c WHERE c.round_id = $1), '[]') AS criteria,
            coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.display_name))
                        FROM users u WHERE u.id IN (SELECT a.judge_id FROM assignments a WHERE a.round_id = $1)), '[]') AS judges`,
    [roundId],
  );
  const { criteria, judges } = rubric;
  // Per entry: its assigned and recused judges, the judges divergence review added, in order, and
  // in the round of the contest's public vote its counted votes (confirmed, not voided; one
  // indexed aggregate joined here, so a vote round reads no more statements than another).
  const rows: (ResultsEntry & { assigned: number; recused: number; extra: string[] | null; votes?: number })[] = await sql(
    `SELECT re.entry_id AS "entryId", e.code, e.title, e.team_name AS "teamName", e.category_id AS "categoryId",
            e.eligibility <> 'ineligible' AS eligible, re.outcome,
            coalesce(p.assigned, 0) AS assigned, coalesce(p.recused, 0) AS recused, p.extra${voteRound ? ', coalesce(v.votes, 0) AS votes' : ''}
       FROM round_entries re
       JOIN entries e ON e.id = re.entry_id
       LEFT JOIN (SELECT entry_id, count(*) FILTER (WHERE status = 'assigned')::int AS assigned,
                         count(*) FILTER (WHERE status = 'recused')::int AS recused,
                         array_agg(judge_id::text ORDER BY created_at, judge_id) FILTER (WHERE divergence_extra) AS extra
                    FROM assignments WHERE round_id = $1 GROUP BY entry_id) p ON p.entry_id = re.entry_id${
       voteRound
         ? `
       LEFT JOIN (SELECT entry_id, count(*)::int AS votes FROM votes
                   WHERE round_id = $1 AND confirmed_at IS NOT NULL AND voided_at IS NULL GROUP BY entry_id) v ON v.entry_id = re.entry_id`
         : ''
     }
      WHERE re.round_id = $1 AND e.status <> 'withdrawn'`,
    [roundId],
  );
  // One row per submitted sheet of an assignment not recused, with its values as one short text
  // in rubric order (one small sorted aggregate per sheet, no sort of every score of the round),
  // so 500,000 scores arrive as 50,000 rows and no object keyed by criterion id is built per
  // sheet. A sheet lacking a criterion's score is handed over without values: the domain refuses
  // it rather than rank it; one with no score at all is left out.
  const sheetRows: { entryId: string; judgeId: string; values: string | null }[] = await sql(
    `SELECT a.entry_id AS "entryId", a.judge_id AS "judgeId",
            (SELECT string_agg(s.value::text, ',' ORDER BY c.position, c.id)
               FROM scores s JOIN criteria c ON c.id = s.criterion_id AND c.round_id = $1
              WHERE s.sheet_id = ss.id) AS values
       FROM score_sheets ss
       JOIN assignments a ON a.id = ss.assignment_id AND a.round_id = ss.round_id AND a.status = 'assigned'
      WHERE ss.round_id = $1 AND ss.status = 'submitted'`,
    [roundId],
  );
  return timing.measureSync('map', () => {
    const entries: ResultsEntry[] = [];
    const extraJudges = new Map<string, string[]>();
    const panels: RoundData['panels'] = [];
    // Only entries the round still covers: a withdrawn entry's votes leave with it.
    const votes: Record<string, number> | null = voteRound ? {} : null;
    for (const { assigned, recused, extra, votes: counted, ...entry } of rows) {
      entries.push(entry);
      if (extra) extraJudges.set(entry.entryId, extra);
      panels.push({ entryId: entry.entryId, assigned, recused });
      if (votes && counted) votes[entry.entryId] = counted;
    }
    // Sheets of entries the round no longer covers (withdrawn, or moved out) do not rank.
    const covered = new Set(entries.map((e) => e.entryId));
    const sheets: ResultsSheet[] = [];
    for (const { entryId, judgeId, values } of sheetRows) {
      if (values === null || !covered.has(entryId)) continue;
      const scores = values.split(',');
      sheets.push({ entryId, judgeId, scores: scores.length === criteria.length ? scores.map(Number) : [] });
    }
    return { criteria, entries, sheets, judges, extraJudges, panels, votes };
  });
}

/** The round holds the contest's public vote (enabled, and this is its round). */
export function holdsVote(round: ResultsRound): boolean {
  return round.publicVote?.enabled === true && round.publicVote.roundId === round.id;
}

/** Rows to the domain and back: the domain does every number (timed as `domain`, the rest as `map`). */
function computeView(round: ResultsRound, data: RoundData, computedAt: Date, timing = new ServerTiming()): RoundResultsView {
  let results: RoundResults;
  try {
    results = timing.measureSync('domain', () => computeRoundResults({
      criteria: data.criteria,
      entries: data.entries.map((e) => ({ entryId: e.entryId, categoryId: e.categoryId })),
      sheets: data.sheets,
      method: round.aggregation,
      trim: round.trim,
      minSheetsForNormalization: round.minSheetsForNormalization,
      rankBy: round.rankBy,
      priorityCriteria: round.priorityCriteria.filter((id) => data.criteria.some((c) => c.id === id)),
      spreadThreshold: round.spreadThreshold,
      ...(data.votes && round.publicVote ? { publicVote: { share: round.publicVote.share, scope: round.publicVote.scope, votes: data.votes } } : {}),
    }));
  } catch (error) {
    if (error instanceof ScoringInputError) {
      throw new AppError(
        HttpStatus.CONFLICT,
        'results.inconsistent_scores',
        `The sheets of round "${round.name}" cannot be ranked: ${error.message}. Ask an administrator to check the round's sheets.`,
      );
    }
    throw error;
  }
  return timing.measureSync('map', () => toView(round, data, results, computedAt));
}

function toView(round: ResultsRound, data: RoundData, results: RoundResults, computedAt: Date): RoundResultsView {
  const entries = new Map(data.entries.map((e) => [e.entryId, e]));
  const judgeNames = new Map(data.judges.map((j) => [j.id, j.name]));
  const panels = new Map(data.panels.map((p) => [p.entryId, p]));
  return {
    roundId: round.id,
    contestId: round.contestId,
    roundName: round.name,
    roundStatus: round.status,
    method: results.method,
    rankBy: results.rankBy,
    criteria: data.criteria.map(({ id, name, weight, maxScore }) => ({ id, name, weight, maxScore })),
    priorityCriteria: round.priorityCriteria,
    entries: results.entries.map((r) => {
      const entry = entries.get(r.entryId) as ResultsEntry;
      return {
        entryId: r.entryId,
        code: entry.code,
        title: entry.title,
        teamName: entry.teamName,
        categoryId: r.categoryId,
        rank: r.rank,
        score: r.score,
        judgeScore: r.judgeScore,
        ...(r.votes === undefined ? {} : { votes: r.votes, voteScore: r.voteScore }),
        divergence: {
          maxDifference: r.maxDifference,
          extraJudges: data.extraJudges.get(r.entryId) ?? [],
          flagged: checkDivergence({ totals: r.sheets.map((sheet) => sheet.total), threshold: round.divergenceThreshold, extraJudges: 0 }).divergent,
        },
        rawMean: r.rawMean,
        medianTotal: r.medianTotal,
        judgeCount: r.judgeCount,
        missingSheets: missingSheets(round, { assigned: 0, recused: 0, ...panels.get(r.entryId), submitted: r.judgeCount }),
        criterionMeans: { ...r.criterionMeans },
        spread: r.spread,
        spreadFlagged: r.spreadFlagged,
        settledBy: r.settledBy,
      };
    }),
    reliability: {
      iccKind: results.reliability.iccKind,
      icc: results.reliability.icc,
      iccBand: results.reliability.iccBand,
      kendallW: results.reliability.kendallW,
      judges: results.reliability.judges.map((j) => ({ ...j, name: judgeNames.get(j.judgeId) ?? '' })),
      flaggedEntries: [...results.reliability.flaggedEntries],
    },
    computedAt: computedAt.toISOString(),
    snapshotAt: null,
  };
}

async function findSnapshot(manager: EntityManager, roundId: string): Promise<RoundResultsView | null> {
  const rows: { payload: RoundResultsView; createdAt: Date }[] = await manager.query(
    `SELECT payload, created_at AS "createdAt" FROM results_snapshots WHERE round_id = $1`,
    [roundId],
  );
  if (!rows[0]) return null;
  const { payload } = rows[0];
  // Snapshots stored before divergence review and the public vote lack their fields: the score
  // they ranked by was the judges' score, and no judge was added.
  const entries = payload.entries.map((e) => ({
    ...e,
    judgeScore: e.judgeScore === undefined ? e.score : e.judgeScore,
    divergence: e.divergence ?? { maxDifference: null, extraJudges: [], flagged: false },
  }));
  return { ...payload, entries, snapshotAt: rows[0].createdAt.toISOString() };
}

/**
 * Stores the view as the round's snapshot. Without `replace`, a snapshot another request stored
 * first wins and is answered, so two first readers agree.
 */
async function insertSnapshot(manager: EntityManager, roundId: string, view: RoundResultsView, replace: boolean): Promise<RoundResultsView> {
  const { snapshotAt: _unused, ...payload } = view;
  const rows: { createdAt: Date }[] = await manager.query(
    `INSERT INTO results_snapshots (round_id, payload) VALUES ($1, $2::jsonb)
     ON CONFLICT (round_id) DO ${replace ? 'UPDATE SET payload = excluded.payload, created_at = now()' : 'NOTHING'}
     RETURNING created_at AS "createdAt"`,
    [roundId, JSON.stringify({ ...payload, roundStatus: 'closed' })],
  );
  if (rows.length > 0) return { ...view, roundStatus: 'closed', snapshotAt: rows[0].createdAt.toISOString() };
  return (await findSnapshot(manager, roundId)) as RoundResultsView;
}

/** The outcomes of entries read with the round's data (an open round's answer). */
function withEntryOutcomes(view: RoundResultsView, entries: readonly ResultsEntry[]): RoundResultsView {
  const outcomes = new Map<string, RoundOutcome>();
  for (const e of entries) if (e.outcome !== 'pending') outcomes.set(e.entryId, e.outcome);
  if (outcomes.size === 0) return view;
  return { ...view, entries: view.entries.map((e) => (outcomes.has(e.entryId) ? { ...e, outcome: outcomes.get(e.entryId) } : e)) };
}

/** Outcomes move after the snapshot (advancement), so they are read fresh on every answer. */
async function withOutcomes(manager: EntityManager, view: RoundResultsView, roundId: string, timing = new ServerTiming()): Promise<RoundResultsView> {
  const rows: { entryId: string; outcome: 'advanced' | 'eliminated' }[] = await timing.measure('sql', () =>
    manager.query(`SELECT entry_id AS "entryId", outcome FROM round_entries WHERE round_id = $1 AND outcome <> 'pending'`, [roundId]),
  );
  if (rows.length === 0) return view;
  const outcomes = new Map(rows.map((r) => [r.entryId, r.outcome]));
  return { ...view, entries: view.entries.map((e) => (outcomes.has(e.entryId) ? { ...e, outcome: outcomes.get(e.entryId) } : e)) };
}
