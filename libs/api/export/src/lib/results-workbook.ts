import type { Writable } from 'node:stream';
import type { RoundResultsView, SettledBy } from '@laurel/contracts';
import type { AwardRow, JudgeRoundStats, ScoreExportRow } from '@laurel/api-database';
import { type CellInput, cell, DATE_TIME, openTableSheet, settle, SheetNames, TWO_DECIMALS, type WorkbookWriter, writeRow } from './xlsx-cells';

export interface SummaryFacts {
  contest: {
    name: string;
    slug: string;
    year: number;
    status: string;
    submissionOpensAt: Date;
    submissionClosesAt: Date;
    publishedAt: Date | null;
    minScoreForPrize: number;
  };
  rounds: { view: RoundResultsView; panel: string; judgesPerEntry: number; blind: boolean; trim: number; minSheetsForNormalization: number }[];
  entriesByStatus: Record<string, number>;
  eligibility: Record<string, number>;
  judges: number;
  awards: number;
  generatedAt: Date;
}

const TIE_NOTES: Record<SettledBy, string> = {
  score: '',
  priority_criteria: 'Tie broken by priority criteria',
  head_to_head: 'Tie broken head to head',
  median: 'Tie broken by median sheet total',
  tie: 'Tied: equal rank',
};

/**
 * The results workbook, written sheet by sheet into a streaming WorkbookWriter: each sheet is
 * committed before the next starts, so only the rows being zipped are ever in memory, and the
 * big sheet waits for the response to drain (backpressure) between batches.
 */
export class ResultsWorkbook {
  private readonly names = new SheetNames();

  constructor(
    private readonly workbook: WorkbookWriter,
    private readonly out: Writable,
    private readonly categories: ReadonlyMap<string, string>,
  ) {}

  summary(facts: SummaryFacts): void {
    const sheet = openTableSheet(this.workbook, this.names.name('Summary'), [
      { header: 'Item', width: 34 },
      { header: 'Value', width: 60 },
    ]);
    const { contest } = facts;
    const rows: [string, CellInput][] = [
      ['Contest', contest.name],
      ['Address (slug)', contest.slug],
      ['Year', contest.year],
      ['Status', contest.status],
      ['Submissions open', contest.submissionOpensAt],
      ['Submissions close', contest.submissionClosesAt],
      ['Results published', contest.publishedAt],
      ['Minimum score for a prize', contest.minScoreForPrize],
      ['Entries submitted', facts.entriesByStatus['submitted'] ?? 0],
      ['Entries withdrawn', facts.entriesByStatus['withdrawn'] ?? 0],
      ['Entries eligible / ineligible / not screened', `${facts.eligibility['eligible'] ?? 0} / ${facts.eligibility['ineligible'] ?? 0} / ${facts.eligibility['pending'] ?? 0}`],
      ['Judges on the panel', facts.judges],
      ['Awards confirmed', facts.awards],
    ];
    for (const { view, panel, judgesPerEntry, blind, trim, minSheetsForNormalization } of facts.rounds) {
      const method = view.method === 'trimmed_mean' ? `trimmed_mean (k = ${trim})` : view.method === 'zscore' ? `zscore (at least ${minSheetsForNormalization} sheets per judge)` : view.method;
      const sheets = view.entries.reduce((sum, e) => sum + e.judgeCount, 0);
      rows.push(
        [`Round: ${view.roundName}`, view.roundStatus],
        [`  ${view.roundName}: scoring`, `${method}; ranked ${view.rankBy === 'category' ? 'per category' : 'overall'}`],
        [`  ${view.roundName}: panel`, `${panel}, ${judgesPerEntry} judges per entry${blind ? ', blind' : ''}`],
        [`  ${view.roundName}: entries / submitted sheets`, `${view.entries.length} / ${sheets}`],
        [`  ${view.roundName}: results`, view.snapshotAt ? `snapshot of ${view.snapshotAt}` : 'computed live (round not closed)'],
      );
    }
    rows.push(['Generated at', facts.generatedAt]);
    for (const [item, value] of rows) {
      const row = sheet.addRow([cell(item), cell(value)]);
      if (value instanceof Date) row.getCell(2).numFmt = DATE_TIME;
      row.commit();
    }
    sheet.commit();
  }

  async ranking(view: RoundResultsView): Promise<void> {
    // A public-vote round shows both parts of the blended score; the columns appear only there.
    const voteRound = view.entries.some((e) => e.votes !== undefined);
    const judgeNames = new Map(view.reliability.judges.map((j) => [j.judgeId, j.name]));
    const sheet = openTableSheet(this.workbook, this.names.name(`Ranking ${view.roundName}`), [
      { header: 'Rank', width: 7 },
      { header: 'Code', width: 12 },
      { header: 'Title', width: 40 },
      { header: 'Team', width: 28 },
      { header: 'Category', width: 24 },
      { header: 'Judges', width: 8 },
      ...view.criteria.map((c) => ({ header: `${c.name} (mean of ${c.maxScore})`, width: 16, format: TWO_DECIMALS })),
      { header: 'Raw mean', width: 11, format: TWO_DECIMALS },
      ...(voteRound
        ? [
            { header: 'Judges’ score', width: 12, format: TWO_DECIMALS },
            { header: 'Votes', width: 9 },
            { header: 'Vote score', width: 11, format: TWO_DECIMALS },
          ]
        : []),
      { header: 'Final score', width: 12, format: TWO_DECIMALS },
      { header: 'Spread', width: 10, format: TWO_DECIMALS },
      { header: 'Largest gap', width: 11, format: TWO_DECIMALS },
      { header: 'Extra judges', width: 26 },
      { header: 'Outcome', width: 12 },
      { header: 'Tie note', width: 30 },
    ]);
    for (const [i, e] of view.entries.entries()) {
      if (i % 1000 === 999) await settle(sheet, this.out);
      writeRow(sheet, [
        e.rank,
        e.code,
        e.title,
        e.teamName,
        this.category(e.categoryId),
        e.judgeCount,
        ...view.criteria.map((c) => e.criterionMeans[c.id] ?? null),
        e.rawMean,
        ...(voteRound ? [e.judgeScore, e.votes ?? 0, e.voteScore ?? 0] : []),
        e.score,
        e.spread,
        e.divergence?.maxDifference ?? null,
        (e.divergence?.extraJudges ?? []).map((id) => judgeNames.get(id) ?? id).join(', ') || null,
        e.outcome ?? '',
        [
          TIE_NOTES[e.settledBy],
          e.spreadFlagged ? 'judges disagree (spread above threshold)' : '',
          e.divergence?.flagged ? 'totals apart by the divergence threshold or more' : '',
        ]
          .filter(Boolean)
          .join('; '),
      ]);
    }
    sheet.commit();
  }

  async scores(roundName: string, batches: AsyncIterable<ScoreExportRow[]>): Promise<void> {
    const sheet = openTableSheet(this.workbook, this.names.name(`Scores ${roundName}`), [
      { header: 'Code', width: 12 },
      { header: 'Title', width: 36 },
      { header: 'Team', width: 26 },
      { header: 'Judge', width: 26 },
      { header: 'Criterion', width: 30 },
      { header: 'Max', width: 8, format: TWO_DECIMALS },
      { header: 'Value', width: 9, format: TWO_DECIMALS },
      { header: 'Comment', width: 50 },
    ]);
    for await (const batch of batches) {
      // Each row is let go as soon as it is written, so that it dies young instead of being
      // promoted with the rest of its batch by the collections that writing the batch triggers.
      for (let i = 0; i < batch.length; i++) {
        const s = batch[i] as ScoreExportRow;
        (batch as (ScoreExportRow | undefined)[])[i] = undefined;
        writeRow(sheet, [s.code, s.title, s.teamName, s.judgeName, s.criterionName, s.maxScore, s.value, s.comment]);
      }
      await settle(sheet, this.out);
    }
    sheet.commit();
  }

  /** Entries × judges sheet totals; `totals` is entry id → judge id → total. */
  async matrix(view: RoundResultsView, judges: readonly { id: string; name: string }[], totals: ReadonlyMap<string, ReadonlyMap<string, number>>): Promise<void> {
    const sheet = openTableSheet(this.workbook, this.names.name(`Matrix ${view.roundName}`), [
      { header: 'Rank', width: 7 },
      { header: 'Code', width: 12 },
      { header: 'Title', width: 36 },
      ...judges.map((j) => ({ header: j.name, width: 18, format: TWO_DECIMALS })),
      { header: 'Raw mean', width: 11, format: TWO_DECIMALS },
    ]);
    for (const [i, e] of view.entries.entries()) {
      const row = totals.get(e.entryId);
      writeRow(sheet, [e.rank, e.code, e.title, ...judges.map((j) => row?.get(j.id) ?? null), e.rawMean]);
      if (i % 1000 === 999) await settle(sheet, this.out);
    }
    sheet.commit();
  }

  awards(awards: readonly AwardRow[]): void {
    const sheet = openTableSheet(this.workbook, this.names.name('Awards'), [
      { header: 'Place', width: 7 },
      { header: 'Tier', width: 15 },
      { header: 'Category', width: 24 },
      { header: 'Rank', width: 7 },
      { header: 'Code', width: 12 },
      { header: 'Entry', width: 40 },
      { header: 'Team', width: 28 },
      { header: 'Score', width: 10, format: TWO_DECIMALS },
      { header: 'Prize', width: 16 },
      { header: 'Currency', width: 9 },
      { header: 'Override reason', width: 50 },
    ]);
    if (awards.length === 0) writeRow(sheet, [null, 'No awards confirmed yet']);
    for (const a of awards) {
      writeRow(sheet, [a.place, a.tier, this.category(a.categoryId), a.rank, a.code, a.title, a.teamName, a.score, a.prizeAmount, a.currency, a.reason]);
    }
    sheet.commit();
  }

  judges(stats: readonly JudgeRoundStats[], roundNames: ReadonlyMap<string, string>, leniency: ReadonlyMap<string, number | null>): void {
    const sheet = openTableSheet(this.workbook, this.names.name('Judges'), [
      { header: 'Round', width: 24 },
      { header: 'Name', width: 30 },
      { header: 'Organization', width: 34 },
      { header: 'Assigned', width: 10 },
      { header: 'Submitted', width: 10 },
      { header: 'Recused', width: 10 },
      { header: 'Leniency', width: 10, format: TWO_DECIMALS },
    ]);
    for (const j of stats) {
      writeRow(sheet, [roundNames.get(j.roundId), j.name, j.organization, j.assigned, j.submitted, j.recused, leniency.get(`${j.roundId}|${j.judgeId}`) ?? null]);
    }
    sheet.commit();
  }

  private category(id: string | null): string {
    return id ? (this.categories.get(id) ?? '') : '';
  }
}
