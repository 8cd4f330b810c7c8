import { Injectable, Logger } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { AppError, type AuthUser, contestNotFound, managedOr404, managesContest, roundNotFound } from '@laurel/api-core';
import type { RoundResultsView } from '@laurel/contracts';
import { AwardsRepository, type ContestAggregate, ContestsRepository, ExportRepository } from '@laurel/api-database';
import { RoundResultsService } from '@laurel/api-round-results';
import { ResultsWorkbook } from './results-workbook';
import { DocumentLocale } from './document-locale';
import { collectGarbageNow } from './full-collection';
import { type PaperSheet, writeScoreSheets } from './score-sheets-workbook';
import type { WorkbookWriter } from './xlsx-cells';

/** A workbook ready to stream: the access checks have passed, nothing is written yet. */
export interface PendingWorkbook {
  fileName: string;
  write(out: Writable): Promise<void>;
}

/**
 * The results workbook and the paper score sheets. Both stream: exceljs's WorkbookWriter zips
 * each sheet into the response as its rows are committed, and the score rows come from a cursor,
 * so memory stays flat whatever the contest's size.
 */
@Injectable()
export class ExportService {
  private readonly logger = new Logger('Export');

  constructor(
    private readonly contests: ContestsRepository,
    private readonly results: RoundResultsService,
    private readonly exports: ExportRepository,
    private readonly awards: AwardsRepository,
  ) {}

  async contestWorkbook(actor: AuthUser, contestId: string): Promise<PendingWorkbook> {
    const contest = await this.contests.findById(contestId);
    if (!contest || !managesContest(actor, contest.contest)) throw contestNotFound();
    return {
      fileName: `${contest.contest.slug}-results.xlsx`,
      write: (out) => this.guard(out, () => this.writeContest(contest, out)),
    };
  }

  async scoreSheets(actor: AuthUser, roundId: string): Promise<PendingWorkbook> {
    const round = managedOr404(actor, await this.results.findRound(roundId), roundNotFound);
    const contest = (await this.contests.findById(round.contestId)) as ContestAggregate;
    const rows = await this.exports.judgeAssignments(roundId);
    if (rows.length === 0) {
      throw AppError.unprocessable(
        'export.no_assignments',
        `Round "${round.name}" has no judge assignments yet. Assign judges first, then print their sheets.`,
        undefined,
        undefined,
        {
          round: round.name,
        },
      );
    }
    const papers = new Map<string, PaperSheet>();
    for (const row of rows) {
      const paper = papers.get(row.judgeId) ?? { judgeName: row.judgeName, organization: row.organization, entries: [] };
      paper.entries.push({ code: row.code, title: row.title, teamName: row.teamName });
      papers.set(row.judgeId, paper);
    }
    const rubric = {
      contestName: contest.contest.name,
      roundName: round.name,
      blind: round.blind,
      criteria: contest.criteria.filter((c) => c.roundId === roundId).map((c) => ({ name: c.name, maxScore: c.maxScore })),
    };
    return {
      fileName: `${contest.contest.slug}-round-${round.order}-score-sheets.xlsx`,
      write: (out) =>
        this.guard(out, async () => {
          const workbook = await openWorkbook(out);
          writeScoreSheets(workbook, rubric, [...papers.values()], new DocumentLocale(contest.contest.language, contest.contest.timeZone));
          await workbook.commit();
        }),
    };
  }

  private async writeContest(contest: ContestAggregate, out: Writable): Promise<void> {
    const rounds = await this.results.contestRounds(contest.contest.id);
    // A closed round without a snapshot gets one now, outside the read-only transaction below.
    for (const round of rounds) if (round.status === 'closed') await this.results.roundResults(round);

    await this.exports.readOnly(async (tx) => {
      const results: { round: (typeof rounds)[number]; view: RoundResultsView }[] = [];
      for (const round of rounds) results.push({ round, view: await this.results.roundResults(round, tx) });
      const views = results.map(({ view }) => view);
      // What ranking the rounds left behind goes before the workbook streams (see collectGarbageNow).
      collectGarbageNow();
      // One after another: a transaction's connection runs one query at a time (pg warns, and will
      // refuse, when several are handed to it at once).
      const counts = await this.exports.contestCounts(tx, contest.contest.id);
      const awards = await this.awards.list(contest.contest.id, tx);
      const stats = await this.exports.judgeStats(tx, contest.contest.id);
      const publication = await this.awards.publicationState(contest.contest.id);
      const answers = await this.exports.answers(tx, contest.contest.id);
      const workbook = await openWorkbook(out);
      const doc = new DocumentLocale(contest.contest.language, contest.contest.timeZone);
      const book = new ResultsWorkbook(workbook, out, new Map(contest.categories.map((c) => [c.id, c.name])), doc);
      const { contest: c } = contest;
      book.summary({
        contest: {
          name: c.name,
          slug: c.slug,
          year: c.year,
          status: publication?.status ?? c.status,
          submissionOpensAt: c.submissionOpensAt,
          submissionClosesAt: c.submissionClosesAt,
          publishedAt: publication?.publishedAt ?? null,
          minScoreForPrize: c.minScoreForPrize,
        },
        prizes: contest.prizes.map((p) => ({ tier: p.tier, count: p.count, amount: p.amount, currency: p.currency })),
        rounds: results.map(({ round, view }) => ({
          view,
          panel: round.panel,
          judgesPerEntry: contest.rounds.find((r) => r.id === round.id)?.judgesPerEntry ?? 0,
          blind: round.blind,
          trim: round.trim,
          minSheetsForNormalization: round.minSheetsForNormalization,
        })),
        ...counts,
        awards: awards.length,
        generatedAt: new Date(),
      });
      for (const { round, view } of results) {
        await book.ranking(view, { fields: contest.contest.formFields, answers });
        await book.scores(view.roundName, this.exports.scoreRows(tx, round.id));
        const totals = new Map<string, Map<string, number>>();
        for (const sheet of await this.exports.sheetTotals(tx, round.id)) {
          const row = totals.get(sheet.entryId) ?? new Map<string, number>();
          row.set(sheet.judgeId, sheet.total);
          totals.set(sheet.entryId, row);
        }
        const judges = view.reliability.judges
          .map((j) => ({ id: j.judgeId, name: j.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
        await book.matrix(view, judges, totals);
      }
      book.awards(awards, new Map(views.flatMap((v) => v.entries.map((e) => [e.entryId, e.categoryId] as const))));
      const leniency = new Map(views.flatMap((v) => v.reliability.judges.map((j) => [`${v.roundId}|${j.judgeId}`, j.leniency] as const)));
      book.judges(stats, new Map(views.map((v) => [v.roundId, v.roundName])), leniency);
      await workbook.commit();
    });
  }

  /** Once bytes are out, a failure can only cut the download short; it is logged. */
  private async guard(out: Writable, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(`Workbook stopped: ${(error as Error).message}`);
      out.destroy(error as Error);
    }
  }
}

/**
 * exceljs is loaded with the first workbook, not at boot: an API process that writes none does
 * not hold its code and objects (about 8 MB of heap).
 */
async function openWorkbook(out: Writable): Promise<WorkbookWriter> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Laurel';
  workbook.created = new Date();
  return workbook;
}
