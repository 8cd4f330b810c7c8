import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser, ownsEntry } from '@laurel/api-core';
import type { EntryFeedbackView, FeedbackCommentView, FeedbackRoundView, RoundResultsView } from '@laurel/contracts';
import { AwardsRepository, ContestsRepository, FeedbackRepository } from '@laurel/api-database';
import { RoundResultsService } from '@laurel/api-round-results';
import { categoryCriterionAverages, numberJudges } from '@laurel/domain';

/**
 * What a team learns of its entry once the results are published, as the organizer chose: per
 * round its score and rank, its criterion means beside its category's average, and the judges'
 * comments signed "judge 1, 2, …". No judge is named, identified or addressed anywhere in the
 * answer, comments a judge marked internal are never read, and a blind round answers the same.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly contests: ContestsRepository,
    private readonly results: RoundResultsService,
    private readonly awards: AwardsRepository,
  ) {}

  async forEntry(actor: AuthUser, entryId: string): Promise<EntryFeedbackView> {
    const entry = await this.feedback.entry(entryId);
    if (!entry || !ownsEntry(actor, entry)) throw notAvailable();
    if (entry.contestStatus !== 'published' || !entry.feedback.enabled) throw notAvailable();
    const settings = entry.feedback;
    const contest = await this.contests.findById(entry.contestId);
    if (!contest) throw notAvailable();

    const sheets = settings.showComments ? await this.feedback.sheets(entryId) : [];
    const judgeNumbers = numberJudges(
      sheets.map((s) => ({ judgeKey: s.judgeId, submittedAt: new Date(s.submittedAt).getTime(), tieBreak: s.sheetId })),
    );
    const criterionNames = new Map(contest.criteria.map((c) => [c.id, c.name]));

    const rounds: FeedbackRoundView[] = [];
    for (const round of [...contest.rounds].sort((a, b) => a.order - b.order)) {
      const resultsRound = await this.results.findRound(round.id);
      if (!resultsRound || resultsRound.status !== 'closed') continue;
      const view = await this.results.roundResults(resultsRound);
      const mine = view.entries.find((e) => e.entryId === entryId);
      if (!mine) continue;
      const comments: FeedbackCommentView[] = sheets
        .filter((s) => s.roundId === round.id)
        .flatMap((s) => {
          const judgeNumber = judgeNumbers.get(s.judgeId) as number;
          return [
            ...s.criterionComments.map((c) => ({
              judgeNumber,
              criterionName: criterionNames.get(c.criterionId) ?? null,
              text: c.text.trim(),
            })),
            ...(s.comment ? [{ judgeNumber, criterionName: null, text: s.comment }] : []),
          ];
        })
        .sort((a, b) => a.judgeNumber - b.judgeNumber);
      rounds.push({
        roundId: round.id,
        roundName: round.name,
        order: round.order,
        score: mine.score,
        rank: mine.score === null ? null : mine.rank,
        rankedEntries: scopeSize(view, mine.categoryId),
        rankScope: view.rankBy,
        outcome: mine.outcome ?? null,
        criteria: criteriaOf(view, mine.criterionMeans, mine.categoryId, settings),
        comments,
      });
    }
    const award = (await this.awards.list(entry.contestId)).find((a) => a.entryId === entryId);
    return {
      entryId,
      code: entry.code,
      title: entry.title,
      contestName: entry.contestName,
      categoryName: contest.categories.find((c) => c.id === entry.categoryId)?.name ?? null,
      showCriterionMeans: settings.showCriterionMeans,
      showCategoryAverage: settings.showCriterionMeans && settings.showCategoryAverage,
      showComments: settings.showComments,
      award: award ? { tier: award.tier, prizeAmount: award.prizeAmount, currency: award.currency } : null,
      rounds,
    };
  }
}

function scopeSize(view: RoundResultsView, categoryId: string | null): number {
  return view.rankBy === 'category' ? view.entries.filter((e) => e.categoryId === categoryId).length : view.entries.length;
}

function criteriaOf(
  view: RoundResultsView,
  means: Record<string, number>,
  categoryId: string | null,
  settings: { showCriterionMeans: boolean; showCategoryAverage: boolean },
): FeedbackRoundView['criteria'] {
  const averages = settings.showCriterionMeans && settings.showCategoryAverage ? categoryCriterionAverages(view.entries, categoryId) : {};
  return view.criteria.map((c) => ({
    criterionId: c.id,
    name: c.name,
    maxScore: c.maxScore,
    mean: settings.showCriterionMeans ? (means[c.id] ?? null) : null,
    categoryAverage: settings.showCriterionMeans && settings.showCategoryAverage ? (averages[c.id] ?? null) : null,
  }));
}

export function notAvailable(): AppError {
  return AppError.notFound(
    'feedback.not_available',
    'No feedback for this entry: feedback opens to the team that owns the entry once the organizers publish the results, if they share it.',
  );
}
