import type { EntrySheetsView, RoundOutcome, RoundResultsView } from '@laurel/contracts';
import type { EntryAssignmentRow, ResultsCriterion, ResultsRound, RoundRows, SheetScoreRow, StoredSnapshot } from '@laurel/api-database';
import { checkDivergence, isDivergent, type LeanSheet, missingSheets, type RoundInput, type RoundResults } from '@laurel/domain';

// Pure steps between the rows of a round and its results view: rows → the domain's input, the
// domain's results → the view, a stored snapshot → the view. No database, no Nest: the service
// around them reads the rows and keeps the snapshot policy.

/** The round holds the contest's public vote (enabled, and this is its round). */
export function holdsVote(round: Pick<ResultsRound, 'id' | 'publicVote'>): boolean {
  return round.publicVote?.enabled === true && round.publicVote.roundId === round.id;
}

/**
 * What the domain ranks: the entries the round covers, and the sheets of those entries. A sheet
 * of an entry the round no longer covers (withdrawn, or moved out) does not rank; a sheet lacking
 * a criterion's score is handed over without values, so the domain refuses it rather than rank
 * it; one without any score is left out.
 */
export function roundInput(round: ResultsRound, rows: RoundRows): RoundInput {
  const { criteria } = rows;
  const covered = new Set<string>();
  const entries: { entryId: string; categoryId: string | null }[] = [];
  // Only entries the round still covers: a withdrawn entry's votes leave with it.
  const votes: Record<string, number> | null = holdsVote(round) ? {} : null;
  for (const entry of rows.entries) {
    covered.add(entry.entryId);
    entries.push({ entryId: entry.entryId, categoryId: entry.categoryId });
    if (votes && entry.votes) votes[entry.entryId] = entry.votes;
  }
  const sheets: LeanSheet[] = [];
  for (const { entryId, judgeId, values } of rows.sheets) {
    if (values === null || !covered.has(entryId)) continue;
    const scores = parseValues(values);
    sheets.push({ entryId, judgeId, scores: scores.length === criteria.length ? scores : [] });
  }
  return {
    criteria,
    entries,
    sheets,
    method: round.aggregation,
    trim: round.trim,
    minSheetsForNormalization: round.minSheetsForNormalization,
    rankBy: round.rankBy,
    priorityCriteria: round.priorityCriteria.filter((id) => criteria.some((c) => c.id === id)),
    spreadThreshold: round.spreadThreshold,
    ...(votes && round.publicVote ? { publicVote: { share: round.publicVote.share, scope: round.publicVote.scope, votes } } : {}),
  };
}

/**
 * The values of a sheet as the database writes them, `8.50,10.00,0.25`, in one pass over the
 * characters: a value of d decimals is read as the integer of its digits divided by 10^d, one
 * correctly rounded division of two exact integers, so the same double as Number('8.50'). Anything
 * else (a sign, an exponent) goes through Number.
 */
export function parseValues(text: string): number[] {
  const values: number[] = [];
  let start = 0;
  let digits = 0;
  let decimals = -1;
  let plain = true;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 44;
    if (code === 44) {
      // Up to 15 characters the digits are an exact integer (below 2^53).
      values.push(plain && i > start && i - start <= 15 ? digits / 10 ** Math.max(decimals, 0) : Number(text.slice(start, i)));
      start = i + 1;
      digits = 0;
      decimals = -1;
      plain = true;
    } else if (code >= 48 && code <= 57) {
      digits = digits * 10 + (code - 48);
      if (decimals >= 0) decimals++;
    } else if (code === 46 && decimals < 0) {
      decimals = 0;
    } else {
      plain = false;
    }
  }
  return values;
}

/**
 * The domain's results with the names, panels and divergence judges of the rows: the answer,
 * without outcomes (a snapshot is stored without them; they move after it, see withOutcomes).
 */
export function resultsView(round: ResultsRound, rows: RoundRows, results: RoundResults, computedAt: Date): RoundResultsView {
  const entries = new Map(rows.entries.map((e) => [e.entryId, e]));
  const judgeNames = new Map(rows.judges.map((j) => [j.id, j.name]));
  // The round's threshold is checked once (checkDivergence refuses an invalid one); each entry's
  // flag then follows from the difference the domain already took.
  if (results.entries.length > 0) checkDivergence({ totals: [], threshold: round.divergenceThreshold, extraJudges: 0 });
  return {
    roundId: round.id,
    contestId: round.contestId,
    roundName: round.name,
    roundStatus: round.status,
    method: results.method,
    rankBy: results.rankBy,
    criteria: rows.criteria.map(({ id, name, weight, maxScore }) => ({ id, name, weight, maxScore })),
    priorityCriteria: round.priorityCriteria,
    entries: results.entries.map((r) => {
      const entry = entries.get(r.entryId);
      return {
        entryId: r.entryId,
        code: entry?.code ?? null,
        title: entry?.title ?? '',
        teamName: entry?.teamName ?? '',
        categoryId: r.categoryId,
        rank: r.rank,
        score: r.score,
        judgeScore: r.judgeScore,
        ...(r.votes === undefined ? {} : { votes: r.votes, voteScore: r.voteScore }),
        divergence: {
          maxDifference: r.maxDifference,
          extraJudges: entry?.extra ?? [],
          flagged: isDivergent(r.maxDifference, round.divergenceThreshold),
        },
        rawMean: r.rawMean,
        medianTotal: r.medianTotal,
        judgeCount: r.judgeCount,
        missingSheets: missingSheets(round, { assigned: entry?.assigned ?? 0, recused: entry?.recused ?? 0, submitted: r.judgeCount }),
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

/**
 * A closed round's stored results. Snapshots stored before divergence review and the public vote
 * lack their fields: the score they ranked by was the judges' score, and no judge was added.
 */
export function snapshotView({ payload, createdAt }: StoredSnapshot): RoundResultsView {
  const entries = payload.entries.map((e) => ({
    ...e,
    judgeScore: e.judgeScore === undefined ? e.score : e.judgeScore,
    divergence: e.divergence ?? { maxDifference: null, extraJudges: [], flagged: false },
  }));
  return { ...payload, entries, snapshotAt: createdAt.toISOString() };
}

/** The view with each entry's outcome (advanced or eliminated) where it has one. */
export function withOutcomes(
  view: RoundResultsView,
  outcomes: Iterable<{ entryId: string; outcome: RoundOutcome | 'pending' }>,
): RoundResultsView {
  const byEntry = new Map<string, RoundOutcome>();
  for (const { entryId, outcome } of outcomes) if (outcome !== 'pending') byEntry.set(entryId, outcome);
  if (byEntry.size === 0) return view;
  return {
    ...view,
    entries: view.entries.map((e) => {
      const outcome = byEntry.get(e.entryId);
      return outcome === undefined ? e : { ...e, outcome };
    }),
  };
}

/**
 * One entry's judges in a round and their sheets: values, total and comments of submitted sheets
 * of judges not recused only (a draft says nothing before it is submitted).
 */
export function entrySheetsView(
  round: Pick<ResultsRound, 'id' | 'name'>,
  entry: { entryId: string; code: string | null; title: string },
  criteria: ResultsCriterion[],
  assignments: EntryAssignmentRow[],
  scores: SheetScoreRow[],
): EntrySheetsView {
  const bySheet = new Map<string, EntrySheetsView['sheets'][number]['scores']>();
  for (const { sheetId, ...score } of scores) {
    const list = bySheet.get(sheetId);
    if (list) list.push(score);
    else bySheet.set(sheetId, [score]);
  }
  return {
    roundId: round.id,
    roundName: round.name,
    entryId: entry.entryId,
    code: entry.code,
    title: entry.title,
    criteria,
    sheets: assignments.map((r) => {
      const counted = countedSheet(r);
      return {
        assignmentId: r.assignmentId,
        judgeId: r.judgeId,
        judgeName: r.judgeName,
        status:
          r.assignmentStatus === 'recused'
            ? 'recused'
            : r.sheetStatus === 'submitted'
              ? 'submitted'
              : r.sheetStatus === 'draft'
                ? 'draft'
                : 'todo',
        recusalReason: r.assignmentStatus === 'recused' ? r.recusalReason : null,
        total: counted ? r.total : null,
        submittedAt: counted ? r.submittedAt : null,
        scores: counted && r.sheetId !== null ? (bySheet.get(r.sheetId) ?? []) : [],
        comment: counted ? r.comment : null,
        commentInternal: counted ? !!r.commentInternal : false,
      };
    }),
  };
}

/** A submitted sheet of a judge not recused: the sheets whose values count. */
export function countedSheet(row: Pick<EntryAssignmentRow, 'sheetStatus' | 'assignmentStatus'>): boolean {
  return row.sheetStatus === 'submitted' && row.assignmentStatus !== 'recused';
}
