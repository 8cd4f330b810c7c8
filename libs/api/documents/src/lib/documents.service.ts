import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AppError, type AuthUser, contestNotFound, managedOr404, managesContest, ownsEntry, roundNotFound } from '@laurel/api-core';
import type { DocumentLanguage } from '@laurel/contracts';
import {
  type AwardRow,
  AwardsRepository,
  type ContestAggregate,
  ContestsRepository,
  CouncilRepository,
  DocumentsRepository,
} from '@laurel/api-database';
import { RoundResultsService } from '@laurel/api-round-results';
import { DEFAULT_APPROVAL_SHARE, tallyCouncil } from '@laurel/domain';
import type { AwardLine, DocumentContext, PaperSheet } from './document-data';
import { DOCUMENT_TEXT } from './document-text';
import { writers } from './writers';

/** A document ready to stream: the access checks have passed and its data is loaded. */
export interface PendingDocument {
  fileName: string;
  contentType: string;
  open(): Readable;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';
/** A contest without a zone of its own writes Vietnam's. */
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * The documents an office files and signs: the council's minutes (.docx), the per-judge score
 * sheets (.pdf) and the certificates (.pdf), for the contest's organizer; and an awarded team's
 * own certificate once the results are published. Vietnamese unless English is asked for.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly contests: ContestsRepository,
    private readonly results: RoundResultsService,
    private readonly awards: AwardsRepository,
    private readonly council: CouncilRepository,
    private readonly documents: DocumentsRepository,
  ) {}

  async minutes(actor: AuthUser, contestId: string, lang?: DocumentLanguage): Promise<PendingDocument> {
    const contest = await this.managed(actor, contestId);
    const context = this.context(contest, lang);
    const final = [...contest.rounds].sort((a, b) => b.order - a.order)[0];
    const finalRound = final ? await this.results.findRound(final.id) : null;
    if (!finalRound || finalRound.status !== 'closed') {
      throw AppError.conflict(
        'documents.final_round_not_closed',
        'The minutes record the final ranking: close the final round first, then confirm the awards.',
      );
    }
    const awards = await this.awards.list(contestId);
    if (awards.length === 0) throw awardsNotConfirmed();
    const [ranking, counts, settings] = await Promise.all([
      this.results.roundResults(finalRound),
      this.documents.roundCounts(contestId),
      this.council.settings(contestId),
    ]);
    if (!settings) throw contestNotFound();
    const [members, decisions] = await Promise.all([this.council.members(settings), this.council.decisions(contestId)]);
    const byMember = new Map(decisions.map((d) => [d.memberId, d]));
    const categories = categoryNames(contest);
    const data = {
      ...context,
      contest: { name: contest.contest.name, year: contest.contest.year },
      meetingAt: contest.contest.councilMeetingAt,
      meetingPlace: contest.contest.councilMeetingPlace,
      members: members.map((m) => ({
        name: m.displayName,
        organization: m.organization,
        decision: byMember.get(m.userId)?.decision ?? null,
        note: byMember.get(m.userId)?.note ?? null,
      })),
      tally: tallyCouncil(
        members.map((m) => m.userId),
        new Map(decisions.map((d) => [d.memberId, d.decision])),
        settings.approvalShare ?? DEFAULT_APPROVAL_SHARE,
      ),
      rounds: [...contest.rounds]
        .sort((a, b) => a.order - b.order)
        .map((r) => {
          const count = counts.find((c) => c.roundId === r.id);
          return { name: r.name, method: r.aggregation, trim: r.trim, entries: count?.entries ?? 0, judges: count?.judges ?? 0 };
        }),
      ranking: {
        roundName: ranking.roundName,
        entries: ranking.entries.map((e) => ({
          rank: e.rank,
          code: e.code,
          title: e.title,
          teamName: e.teamName,
          category: e.categoryId ? (categories.get(e.categoryId) ?? null) : null,
          score: e.score,
        })),
      },
      awards: awards.map((a) => awardLine(a, categories, ranking.entries)),
    };
    return {
      fileName: `${contest.contest.slug}-${context.lang === 'vi' ? 'bien-ban-hoi-dong' : 'council-minutes'}.docx`,
      contentType: DOCX,
      open: await writers.minutes(data),
    };
  }

  async certificates(actor: AuthUser, contestId: string, lang?: DocumentLanguage): Promise<PendingDocument> {
    const contest = await this.managed(actor, contestId);
    const context = this.context(contest, lang);
    const awards = await this.awards.list(contestId);
    if (awards.length === 0) throw awardsNotConfirmed();
    const state = await this.awards.publicationState(contestId);
    const date = state?.publishedAt ?? new Date();
    const categories = categoryNames(contest);
    const lines = awards.map((a) => awardLine(a, categories));
    return this.certificateDocument(
      contest,
      context,
      `${contest.contest.slug}-${context.lang === 'vi' ? 'giay-chung-nhan' : 'certificates'}.pdf`,
      lines,
      date,
    );
  }

  /** An awarded team's own certificate, once the results are published; 404 for anyone else. */
  async entryCertificate(actor: AuthUser, entryId: string, lang?: DocumentLanguage): Promise<PendingDocument> {
    const owned = await this.documents.ownedEntry(entryId);
    if (!owned || !ownsEntry(actor, owned) || owned.contestStatus !== 'published') throw certificateNotFound();
    const award = (await this.awards.list(owned.contestId)).find((a) => a.entryId === entryId);
    const contest = award ? await this.contests.findById(owned.contestId) : null;
    const state = await this.awards.publicationState(owned.contestId);
    if (!award || !contest || !state?.publishedAt) throw certificateNotFound();
    const context = this.context(contest, lang);
    const name = `${contest.contest.slug}-${award.code ?? 'entry'}-${context.lang === 'vi' ? 'giay-chung-nhan' : 'certificate'}.pdf`;
    return this.certificateDocument(contest, context, name, [awardLine(award, categoryNames(contest))], state.publishedAt);
  }

  async scoreSheets(actor: AuthUser, roundId: string, lang?: DocumentLanguage): Promise<PendingDocument> {
    const round = managedOr404(actor, await this.results.findRound(roundId), roundNotFound);
    const contest = (await this.contests.findById(round.contestId)) as ContestAggregate;
    const context = this.context(contest, lang);
    const criteria = contest.criteria.filter((c) => c.roundId === roundId).sort((a, b) => a.position - b.position);
    const rows = await this.documents.paperScores(roundId);
    if (rows.length === 0) {
      throw AppError.unprocessable(
        'documents.no_assignments',
        `Round "${round.name}" has no judge assignments yet. Assign judges first, then print their sheets.`,
        undefined,
        undefined,
        {
          round: round.name,
        },
      );
    }
    const column = new Map(criteria.map((c, i) => [c.id, i]));
    const sheets = new Map<string, PaperSheet>();
    const lines = new Map<string, PaperSheet['entries'][number]>();
    for (const row of rows) {
      let sheet = sheets.get(row.judgeId);
      if (!sheet) {
        sheet = { judgeName: row.judgeName, organization: row.organization, entries: [] };
        sheets.set(row.judgeId, sheet);
      }
      const key = `${row.judgeId}|${row.entryId}`;
      let line = lines.get(key);
      if (!line) {
        line = {
          code: row.code,
          title: row.title,
          teamName: row.teamName,
          values: criteria.map(() => null),
          total: row.total,
          submitted: row.sheetStatus === 'submitted',
        };
        lines.set(key, line);
        sheet.entries.push(line);
      }
      const i = row.criterionId ? column.get(row.criterionId) : undefined;
      if (i !== undefined) line.values[i] = row.value;
    }
    const t = DOCUMENT_TEXT[context.lang];
    const data = {
      ...context,
      contestName: contest.contest.name,
      roundName: round.name,
      blind: round.blind,
      criteria: criteria.map((c) => ({ name: c.name, maxScore: c.maxScore })),
      sheets: [...sheets.values()],
    };
    return {
      fileName: `${contest.contest.slug}-round-${round.order}-${context.lang === 'vi' ? 'phieu-cham' : 'score-sheets'}.pdf`,
      contentType: PDF,
      open: await writers.scoreSheets(data, `${t.scoreSheetTitle} — ${round.name}`),
    };
  }

  /** Logs a document that stopped half-way (the client sees a cut download). */
  failed(error: Error): void {
    this.logger.error(`Document stopped: ${error.message}`);
  }

  private async certificateDocument(
    contest: ContestAggregate,
    context: DocumentContext,
    fileName: string,
    awards: AwardLine[],
    date: Date,
  ): Promise<PendingDocument> {
    const t = DOCUMENT_TEXT[context.lang];
    const { name, year } = contest.contest;
    return {
      fileName,
      contentType: PDF,
      open: await writers.certificates(context, `${t.certificateTitle} — ${name}`, certificatesOf(awards, name, year, date)),
    };
  }

  /** `?lang` first, else the contest's language; times in the contest's zone. */
  private context(contest: ContestAggregate, lang?: DocumentLanguage): DocumentContext {
    return { lang: lang ?? contest.contest.language ?? 'vi', timeZone: contest.contest.timeZone || DEFAULT_TIME_ZONE };
  }

  private async managed(actor: AuthUser, contestId: string): Promise<ContestAggregate> {
    const contest = await this.contests.findById(contestId);
    if (!contest || !managesContest(actor, contest.contest)) throw contestNotFound();
    return contest;
  }
}

/** Yields the certificates one at a time, so the PDF writer holds one page's data at once. */
function* certificatesOf(awards: AwardLine[], contestName: string, year: number, date: Date) {
  for (const award of awards) yield { contestName, year, award, date };
}

function awardLine(a: AwardRow, categories: Map<string, string>, ranking?: { entryId: string; categoryId: string | null }[]): AwardLine {
  const categoryId = a.categoryId ?? ranking?.find((e) => e.entryId === a.entryId)?.categoryId ?? null;
  return {
    tier: a.tier,
    code: a.code,
    title: a.title,
    teamName: a.teamName,
    category: categoryId ? (categories.get(categoryId) ?? null) : null,
    prizeAmount: a.prizeAmount,
    currency: a.currency,
    reason: a.reason,
  };
}

function categoryNames(contest: ContestAggregate): Map<string, string> {
  return new Map(contest.categories.map((c) => [c.id, c.name]));
}

function awardsNotConfirmed(): AppError {
  return AppError.conflict(
    'awards.not_confirmed',
    'There are no confirmed awards yet. Confirm the awards first (POST /api/contests/:id/awards), then print the documents.',
  );
}

export function certificateNotFound(): AppError {
  return AppError.notFound(
    'certificate.not_found',
    'No certificate for this entry: certificates exist for awarded entries once the results are published, and only their team can fetch them.',
  );
}
