import type { Writable } from 'node:stream';
import type { AnswerValue, Answers, FormField, RoundResultsView } from '@laurel/contracts';
import type { AwardRow, JudgeRoundStats, ScoreExportRow } from '@laurel/api-database';
import type { DocumentLocale } from './document-locale';
import {
  type CellInput,
  cell,
  DATE_TIME,
  openTableSheet,
  settle,
  SheetNames,
  TWO_DECIMALS,
  type WorkbookWriter,
  writeRow,
} from './xlsx-cells';

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
  /** Prizes as the Summary lists them ("Giải Nhất × 1: 50.000.000 ₫"). */
  prizes: { tier: string; count: number; amount: number | null; currency: string | null }[];
  rounds: {
    view: RoundResultsView;
    panel: string;
    judgesPerEntry: number;
    blind: boolean;
    trim: number;
    minSheetsForNormalization: number;
  }[];
  entriesByStatus: Record<string, number>;
  eligibility: Record<string, number>;
  judges: number;
  awards: number;
  generatedAt: Date;
}

/**
 * The results workbook, written sheet by sheet into a streaming WorkbookWriter: each sheet is
 * committed before the next starts, so only the rows being zipped are ever in memory, and the
 * big sheet waits for the response to drain (backpressure) between batches. Every word, time and
 * amount is written the contest's way (`DocumentLocale`): its language, its time zone (named in
 * the Summary), money in its currency's format.
 */
export class ResultsWorkbook {
  private readonly names = new SheetNames();

  constructor(
    private readonly workbook: WorkbookWriter,
    private readonly out: Writable,
    private readonly categories: ReadonlyMap<string, string>,
    private readonly doc: DocumentLocale,
  ) {}

  private get w() {
    return this.doc.words;
  }

  summary(facts: SummaryFacts): void {
    const w = this.w.summary;
    const sheet = openTableSheet(this.workbook, this.names.name(this.w.sheets.summary), [
      { header: w.item, width: 38 },
      { header: w.value, width: 52 },
    ]);
    const { contest } = facts;
    const time = (at: Date | null) => (at ? this.doc.wallClock(at) : null);
    const rows: [string, CellInput][] = [
      [w.contest, contest.name],
      [w.slug, contest.slug],
      [w.year, contest.year],
      [w.status, this.w.statuses[contest.status] ?? contest.status],
      [w.timeZone, this.doc.zoneLabel(contest.submissionClosesAt)],
      [w.opens, time(contest.submissionOpensAt)],
      [w.closes, time(contest.submissionClosesAt)],
      [w.published, time(contest.publishedAt)],
      [w.minScore, contest.minScoreForPrize],
      [w.submitted, facts.entriesByStatus['submitted'] ?? 0],
      [w.withdrawn, facts.entriesByStatus['withdrawn'] ?? 0],
      [
        w.eligibility,
        `${facts.eligibility['eligible'] ?? 0} / ${facts.eligibility['ineligible'] ?? 0} / ${facts.eligibility['pending'] ?? 0}`,
      ],
      [w.judges, facts.judges],
      ...facts.prizes.map((p): [string, CellInput] => [
        `${this.w.tiers[p.tier as keyof typeof this.w.tiers] ?? p.tier} × ${p.count}`,
        this.doc.money(p.amount, p.currency) ?? '—',
      ]),
      [w.awards, facts.awards],
    ];
    for (const { view, panel, judgesPerEntry, blind, trim, minSheetsForNormalization } of facts.rounds) {
      const methodName = this.w.methods[view.method] ?? view.method;
      const method =
        view.method === 'trimmed_mean'
          ? `${methodName} (k = ${trim})`
          : view.method === 'zscore'
            ? `${methodName} (≥ ${minSheetsForNormalization})`
            : methodName;
      const sheets = view.entries.reduce((sum, e) => sum + e.judgeCount, 0);
      const panelText = panel === 'complete' ? w.complete : `${w.assigned}, ${w.perEntry(judgesPerEntry)}`;
      rows.push(
        [`${w.round}: ${view.roundName}`, this.w.roundStatuses[view.roundStatus] ?? view.roundStatus],
        [`  ${w.scoring}`, `${method}; ${view.rankBy === 'category' ? w.rankedByCategory : w.rankedOverall}`],
        [`  ${w.panel}`, `${panelText}${blind ? `, ${w.blind}` : ''}`],
        [`  ${w.entriesSheets}`, `${view.entries.length} / ${sheets}`],
        [`  ${w.results}`, view.snapshotAt ? w.snapshot(this.doc.time(new Date(view.snapshotAt))) : w.live],
      );
    }
    rows.push([w.generatedAt, time(facts.generatedAt)]);
    for (const [item, value] of rows) {
      const row = sheet.addRow([cell(item), cell(value)]);
      // Label and value side by side, wrapped in their cells, so a pair never splits across pages.
      row.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
      if (value instanceof Date) row.getCell(2).numFmt = DATE_TIME;
      row.commit();
    }
    sheet.commit();
  }

  /**
   * `questions`: the contest's form and each entry's answers, one column per question after the
   * scores (none when the contest has no form of its own).
   */
  async ranking(
    view: RoundResultsView,
    questions: { fields: readonly FormField[]; answers: ReadonlyMap<string, Answers> } = { fields: [], answers: new Map() },
  ): Promise<void> {
    // A public-vote round shows both parts of the blended score; the columns appear only there.
    const voteRound = view.entries.some((e) => e.votes !== undefined);
    const judgeNames = new Map(view.reliability.judges.map((j) => [j.judgeId, j.name]));
    const c = this.w.columns;
    const sheet = openTableSheet(this.workbook, this.names.name(`${this.w.sheets.ranking} ${view.roundName}`), [
      { header: c.rank, width: 6 },
      { header: c.code, width: 11 },
      { header: c.title, width: 34 },
      { header: c.team, width: 22 },
      { header: c.category, width: 20 },
      { header: c.judges, width: 7 },
      ...view.criteria.map((criterion) => ({ header: c.meanOf(criterion.name, criterion.maxScore), width: 13, format: TWO_DECIMALS })),
      { header: c.rawMean, width: 9, format: TWO_DECIMALS },
      ...(voteRound
        ? [
            { header: c.judgesScore, width: 10, format: TWO_DECIMALS },
            { header: c.votes, width: 8 },
            { header: c.voteScore, width: 10, format: TWO_DECIMALS },
          ]
        : []),
      { header: c.finalScore, width: 9, format: TWO_DECIMALS },
      { header: c.spread, width: 8, format: TWO_DECIMALS },
      { header: c.largestGap, width: 9, format: TWO_DECIMALS },
      { header: c.extraJudges, width: 20 },
      { header: c.outcome, width: 12 },
      { header: c.tieNote, width: 30 },
      ...questions.fields.map((field) => ({
        header: `${this.doc.language === 'en' ? field.label.en : field.label.vi} (${field.key})`,
        width: 18,
      })),
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
        e.outcome ? this.w.outcomes[e.outcome] : '',
        [
          this.w.tieNotes[e.settledBy],
          e.spreadFlagged ? this.w.disagree : '',
          e.divergence?.flagged ? this.w.divergent : '',
          e.missingSheets ? this.w.missingSheets(e.missingSheets) : '',
        ]
          .filter(Boolean)
          .join('; '),
        ...questions.fields.map((field) => this.answer(questions.answers.get(e.entryId)?.[field.key])),
      ]);
    }
    sheet.commit();
  }

  /** An answer as a cell: numbers stay numbers; a box reads yes or no in the workbook's language. */
  private answer(value: AnswerValue | undefined): CellInput {
    if (value === undefined) return null;
    if (typeof value === 'boolean') return this.doc.language === 'en' ? (value ? 'Yes' : 'No') : value ? 'Có' : 'Không';
    if (Array.isArray(value)) return value.join('; ');
    return value;
  }

  async scores(roundName: string, batches: AsyncIterable<ScoreExportRow[]>): Promise<void> {
    const sheet = openTableSheet(this.workbook, this.names.name(`${this.w.sheets.scores} ${roundName}`), [
      { header: this.w.columns.code, width: 11 },
      { header: this.w.columns.title, width: 30 },
      { header: this.w.columns.team, width: 20 },
      { header: this.w.columns.judge, width: 22 },
      { header: this.w.columns.criterion, width: 24 },
      { header: this.w.columns.max, width: 7, format: TWO_DECIMALS },
      { header: this.w.columns.value, width: 7, format: TWO_DECIMALS },
      { header: this.w.columns.comment, width: 40 },
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
  async matrix(
    view: RoundResultsView,
    judges: readonly { id: string; name: string }[],
    totals: ReadonlyMap<string, ReadonlyMap<string, number>>,
  ): Promise<void> {
    const sheet = openTableSheet(this.workbook, this.names.name(`${this.w.sheets.matrix} ${view.roundName}`), [
      { header: this.w.columns.rank, width: 6 },
      { header: this.w.columns.code, width: 11 },
      { header: this.w.columns.title, width: 34 },
      ...judges.map((j) => ({ header: j.name, width: 14, format: TWO_DECIMALS })),
      { header: this.w.columns.rawMean, width: 9, format: TWO_DECIMALS },
    ]);
    for (const [i, e] of view.entries.entries()) {
      const row = totals.get(e.entryId);
      writeRow(sheet, [e.rank, e.code, e.title, ...judges.map((j) => row?.get(j.id) ?? null), e.rawMean]);
      if (i % 1000 === 999) await settle(sheet, this.out);
    }
    sheet.commit();
  }

  /** `entryCategories`: an award of a contest-wide prize names its entry's category. */
  awards(awards: readonly AwardRow[], entryCategories: ReadonlyMap<string, string | null>): void {
    const c = this.w.columns;
    const sheet = openTableSheet(this.workbook, this.names.name(this.w.sheets.awards), [
      { header: c.place, width: 7 },
      { header: c.tier, width: 18 },
      { header: c.category, width: 20 },
      { header: c.rank, width: 6 },
      { header: c.code, width: 11 },
      { header: c.entry, width: 32 },
      { header: c.team, width: 22 },
      { header: c.score, width: 8, format: TWO_DECIMALS },
      { header: c.prize, width: 16 },
      { header: c.reason, width: 36 },
    ]);
    if (awards.length === 0) writeRow(sheet, [null, this.w.noAwards]);
    for (const a of awards) {
      const category = this.category(a.categoryId ?? entryCategories.get(a.entryId) ?? null);
      writeRow(sheet, [
        a.place,
        this.w.tiers[a.tier],
        category,
        a.rank,
        a.code,
        a.title,
        a.teamName,
        a.score,
        this.doc.money(a.prizeAmount, a.currency),
        a.reason,
      ]);
    }
    sheet.commit();
  }

  judges(stats: readonly JudgeRoundStats[], roundNames: ReadonlyMap<string, string>, leniency: ReadonlyMap<string, number | null>): void {
    const c = this.w.columns;
    const sheet = openTableSheet(this.workbook, this.names.name(this.w.sheets.judges), [
      { header: c.round, width: 20 },
      { header: c.name, width: 24 },
      { header: c.organization, width: 26 },
      { header: c.assignedCount, width: 10 },
      { header: c.submittedCount, width: 9 },
      { header: c.recused, width: 9 },
      { header: c.leniency, width: 9, format: TWO_DECIMALS },
    ]);
    for (const j of stats) {
      writeRow(sheet, [
        roundNames.get(j.roundId),
        j.name,
        j.organization,
        j.assigned,
        j.submitted,
        j.recused,
        leniency.get(`${j.roundId}|${j.judgeId}`) ?? null,
      ]);
    }
    sheet.commit();
  }

  private category(id: string | null): string {
    return id ? (this.categories.get(id) ?? '') : '';
  }
}
