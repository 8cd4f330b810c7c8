import { Injectable } from '@nestjs/common';
import {
  AppError,
  type AuthUser,
  contestNotFound,
  draftsShownTo,
  type FieldProblem,
  isUuid,
  managesContest,
  seesContest,
} from '@laurel/api-core';
import type { ContestField, ContestSummaryView, ContestView, PublicVoteSettings } from '@laurel/contracts';
import {
  type CategoryEntity,
  type ContestAggregate,
  type ContestFieldChanges,
  ContestsRepository,
  type NewPrize,
  type PrizeEntity,
} from '@laurel/api-database';
import { closingChanges } from './closing-settings';
import { toContestView } from './contest.mapper';
import { assertFormChangeAllowed, planApplicationForm } from './application-form';
import type { ContestStatusDto, CreateContestDto, PrizeUpdateDto, UpdateContestDto } from './contest.dto';
import {
  assertCategoryChangesAllowed,
  assertFieldsEditable,
  assertTransition,
  type CategoryDiff,
  diffCategories,
  invalid,
  nameKey,
  readinessProblems,
  RESERVED_SLUGS,
  staleVersion,
} from './contest-rules';

/**
 * Contests: who sees them, how they are set up and how they move through their lifecycle.
 *
 * Visibility: the public sees contests past draft; an organizer also sees their own drafts; an
 * admin sees everything. A draft is 404 to anyone but its owner and admins.
 *
 * What an edit may change depends on the status (`CONTEST_EDITABLE_FIELDS`, `CATEGORY_CHANGES`
 * in @laurel/contracts), and a field sent with its current value is never refused, so the
 * console can always send its whole form:
 * - draft: everything.
 * - open: not the slug (links to the contest have been shared) nor the code prefix (codes may
 *   have been given); categories can be added, renamed and removed while they hold no entries.
 * - closed: no more requirePitchDeck (submitted entries were checked against it); categories can
 *   only be renamed; the window may move, so that a reopened contest has a later deadline.
 * - judging: the description, the public vote, the documents' language and time zone, the
 *   council, its meeting and the feedback (entries are being scored against the rest).
 * - published: the same less the public vote and the council, whose decision is behind it.
 *
 * Lifecycle: draft → open → closed → judging → published, one step at a time (409 otherwise),
 * plus closed → open to reopen before judging starts. Opening (and reopening) needs a category,
 * a round, a rubric in every round and a deadline still ahead (422 listing what is missing).
 * Judging needs submissions closed, which the order of steps already ensures. Published is
 * reached only through POST /api/contests/:id/publish.
 */
@Injectable()
export class ContestsService {
  constructor(private readonly contests: ContestsRepository) {}

  async list(actor?: AuthUser): Promise<ContestView[]> {
    return (await this.contests.list(draftsShownTo(actor))).map(toContestView);
  }

  async listOwn(actor: AuthUser): Promise<ContestView[]> {
    return (await this.contests.listOwnedBy(actor.id)).map(toContestView);
  }

  /** The dashboard's counts for the caller's own contests. */
  summaries(actor: AuthUser): Promise<ContestSummaryView[]> {
    return this.contests.summaries(actor.id);
  }

  async get(idOrSlug: string, actor?: AuthUser): Promise<ContestView> {
    // Not a guard: an id and a slug are looked up differently.
    const found = isUuid(idOrSlug) ? await this.contests.findById(idOrSlug) : await this.contests.findBySlug(idOrSlug);
    if (!found || !seesContest(actor, found.contest)) throw contestNotFound();
    return toContestView(found);
  }

  async create(actor: AuthUser, dto: CreateContestDto): Promise<ContestView> {
    const problems = [...checkSlug(dto.slug), ...checkWindow(dto.submissionOpensAt, dto.submissionClosesAt), ...checkNewCategories(dto)];
    if (problems.length > 0) throw invalid('contest', problems);
    const categories = dto.categories.map((c) => ({ key: nameKey(c.name) }));
    const prizes = resolvePrizes(dto.prizes, categories);
    if (prizes.problems.length > 0) throw invalid('contest', prizes.problems);
    const created = await this.contests.create(actor.id, dto);
    if (!created) throw slugTaken(dto.slug);
    return toContestView(created);
  }

  async update(actor: AuthUser, id: string, dto: UpdateContestDto): Promise<ContestView> {
    return this.contests.change(id, async (found, changes) => {
      if (!found || !managesContest(actor, found.contest)) throw contestNotFound();
      const current = found;
      const { contest } = current;
      if (dto.version !== contest.version) throw staleVersion(dto.version, contest.version);

      const closing = closingChanges(contest, dto);
      const fields = { ...changedFields(current, dto), ...closing.fields };
      const changed = [...(Object.keys(changedFields(current, dto)) as ContestField[]), ...closing.changed];
      const categoryDiff = dto.categories ? diffCategories(current.categories, dto.categories) : null;
      const categoriesChange =
        !!categoryDiff && (categoryDiff.add.length > 0 || categoryDiff.remove.length > 0 || categoryDiff.renamed || categoryDiff.reordered);
      if (categoriesChange) changed.push('categories');

      const resulting = resultingCategories(current.categories, categoryDiff);
      const prizes = dto.prizes ? resolvePrizes(dto.prizes, resulting) : null;
      const problems = [
        ...(fields.slug !== undefined ? checkSlug(fields.slug) : []),
        ...(fields.submissionOpensAt !== undefined || fields.submissionClosesAt !== undefined
          ? checkWindow(
              fields.submissionOpensAt ?? contest.submissionOpensAt.toISOString(),
              fields.submissionClosesAt ?? contest.submissionClosesAt.toISOString(),
            )
          : []),
        ...(prizes?.problems ?? []),
        ...closing.problems,
        ...(fields.publicVote ? checkPublicVote(fields.publicVote, current) : []),
      ];
      if (problems.length > 0) throw invalid('contest', problems);
      const prizesChange = !!prizes && !samePrizes(prizes.lines, current.prizes);
      if (prizesChange) changed.push('prizes');
      const form = planApplicationForm(
        current,
        dto,
        resulting.flatMap((c) => (c.id ? [c.id] : [])),
      );
      if (form.formChanged) changed.push('formFields');
      if (form.rulesChanged) changed.push('eligibilityRules');

      assertFieldsEditable(contest.status, changed);
      if (categoryDiff) assertCategoryChangesAllowed(contest.status, categoryDiff);
      if (fields.slug !== undefined && (await changes.slugTaken(fields.slug))) throw slugTaken(fields.slug);
      if (fields.councilMemberIds) {
        const onPanel = await changes.panelMembers(fields.councilMemberIds);
        const strangers = fields.councilMemberIds.flatMap((id, i) =>
          onPanel.has(id)
            ? []
            : [
                {
                  field: `council.memberIds.${i}`,
                  code: 'contest.council_not_judge' as const,
                  message: 'is not a judge of this contest: invite them to the panel first',
                },
              ],
        );
        if (strangers.length > 0) throw invalid('contest', strangers);
      }
      if (categoryDiff && categoryDiff.remove.length > 0)
        await this.assertRemovable(categoryDiff.remove, current.prizes, !!dto.prizes, (ids) => changes.countEntriesByCategory(ids));
      if (form.formChanged) {
        const answerCounts =
          form.removed.length > 0 ? await changes.countAnswers(form.removed.map((f) => f.key)) : new Map<string, number>();
        assertFormChangeAllowed(current, form, dto.confirmRemovedFields ?? [], answerCounts);
      }

      await changes.updateContest(fields);
      if (changed.length > 0) await changes.audit({ actorId: actor.id, action: 'contest.updated', payload: { fields: changed } });
      if (closing.changed.includes('council')) {
        await changes.audit({
          actorId: actor.id,
          action: 'contest.council_changed',
          payload: { memberIds: fields.councilMemberIds, approvalShare: fields.councilApprovalShare },
        });
      }
      if (form.formChanged || form.rulesChanged) await changes.setApplicationForm(form);
      const ids =
        categoriesChange && categoryDiff
          ? await changes.saveCategories({ keep: categoryDiff.keep, add: categoryDiff.add, remove: categoryDiff.remove.map((c) => c.id) })
          : null;
      if (prizes && prizesChange) {
        await changes.replacePrizes(
          prizes.lines.map(({ categoryKey, ...prize }) => ({
            ...prize,
            categoryId: categoryKey === null ? prize.categoryId : (ids?.get(categoryKey) ?? null),
          })),
        );
      }
      return toContestView(await changes.reload());
    });
  }

  async changeStatus(actor: AuthUser, id: string, dto: ContestStatusDto): Promise<ContestView> {
    return this.contests.change(id, async (found, changes) => {
      if (!found || !managesContest(actor, found.contest)) throw contestNotFound();
      const current = found;
      const { contest } = current;
      if (dto.version !== undefined && dto.version !== contest.version) throw staleVersion(dto.version, contest.version);
      assertTransition(contest.status, dto.status);
      if (dto.status === 'open') {
        const problems = readinessProblems(current, new Date());
        if (problems.length > 0) {
          throw AppError.unprocessable(
            'contest.not_ready',
            `The contest cannot open yet: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
            problems,
          );
        }
      }
      await changes.setStatus(dto.status);
      await changes.audit({ actorId: actor.id, action: 'contest.status_changed', payload: { from: contest.status, to: dto.status } });
      return toContestView(await changes.reload());
    });
  }

  /** A category leaves only when no entry uses it, and its prizes leave with it explicitly. */
  private async assertRemovable(
    removed: CategoryEntity[],
    prizes: PrizeEntity[],
    prizesSent: boolean,
    countEntries: (ids: string[]) => Promise<Map<string, number>>,
  ): Promise<void> {
    const counts = await countEntries(removed.map((c) => c.id));
    const used = removed.filter((c) => (counts.get(c.id) ?? 0) > 0);
    if (used.length > 0) {
      const list = used.map((c) => `"${c.name}" has ${counts.get(c.id)} ${counts.get(c.id) === 1 ? 'entry' : 'entries'}`).join(', ');
      throw AppError.conflict(
        'contest.category_has_entries',
        `Categories with entries cannot be removed: ${list}. Keep the category (you may rename it).`,
        {
          categories: used.map((c) => c.name).join(', '),
        },
      );
    }
    const withPrizes = removed.filter((c) => prizes.some((p) => p.categoryId === c.id));
    if (withPrizes.length > 0 && !prizesSent) {
      throw AppError.conflict(
        'contest.category_has_prizes',
        `Category ${withPrizes.map((c) => `"${c.name}"`).join(', ')} has prizes. Send the prize list without them in the same request.`,
        { categories: withPrizes.map((c) => c.name).join(', ') },
      );
    }
  }
}

/** The scalar fields whose requested value differs from the stored one. */
function changedFields({ contest }: ContestAggregate, dto: UpdateContestDto): ContestFieldChanges {
  const fields: ContestFieldChanges = {};
  if (dto.name !== undefined && dto.name !== contest.name) fields.name = dto.name;
  if (dto.slug !== undefined && dto.slug !== contest.slug) fields.slug = dto.slug;
  if (dto.year !== undefined && dto.year !== contest.year) fields.year = dto.year;
  if (dto.description !== undefined && dto.description !== contest.description) fields.description = dto.description;
  if (dto.submissionOpensAt !== undefined && Date.parse(dto.submissionOpensAt) !== contest.submissionOpensAt.getTime()) {
    fields.submissionOpensAt = dto.submissionOpensAt;
  }
  if (dto.submissionClosesAt !== undefined && Date.parse(dto.submissionClosesAt) !== contest.submissionClosesAt.getTime()) {
    fields.submissionClosesAt = dto.submissionClosesAt;
  }
  if (dto.minScoreForPrize !== undefined && dto.minScoreForPrize !== contest.minScoreForPrize)
    fields.minScoreForPrize = dto.minScoreForPrize;
  if (dto.noZeroCriterion !== undefined && dto.noZeroCriterion !== contest.noZeroCriterion) fields.noZeroCriterion = dto.noZeroCriterion;
  if (dto.publicVote !== undefined) {
    const next = dto.publicVote === null ? null : normalizeVote(dto.publicVote);
    if (JSON.stringify(next) !== JSON.stringify(contest.publicVote)) fields.publicVote = next;
  }
  if (dto.requirePitchDeck !== undefined && dto.requirePitchDeck !== contest.requirePitchDeck)
    fields.requirePitchDeck = dto.requirePitchDeck;
  if (dto.codePrefix !== undefined && dto.codePrefix !== contest.codePrefix) fields.codePrefix = dto.codePrefix;
  if (dto.language !== undefined && dto.language !== contest.language) fields.language = dto.language;
  if (dto.timeZone !== undefined && dto.timeZone !== contest.timeZone) fields.timeZone = dto.timeZone;
  return fields;
}

/** The settings as stored: times in ISO form, so an unchanged vote compares equal. */
function normalizeVote(vote: PublicVoteSettings): PublicVoteSettings {
  return {
    enabled: vote.enabled,
    roundId: vote.roundId,
    opensAt: new Date(vote.opensAt).toISOString(),
    closesAt: new Date(vote.closesAt).toISOString(),
    share: vote.share,
    scope: vote.scope,
  };
}

function checkPublicVote(vote: PublicVoteSettings, current: ContestAggregate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!current.rounds.some((r) => r.id === vote.roundId))
    problems.push({ field: 'publicVote.roundId', code: 'unknown', message: 'is not a round of this contest: choose one of its rounds' });
  if (Date.parse(vote.opensAt) >= Date.parse(vote.closesAt))
    problems.push({
      field: 'publicVote.closesAt',
      code: 'contest.vote_closes_before_opening',
      message: 'must be later than publicVote.opensAt',
    });
  return problems;
}

function checkSlug(slug: string): FieldProblem[] {
  return RESERVED_SLUGS.includes(slug)
    ? [{ field: 'slug', code: 'contest.slug_reserved', params: { slug }, message: `"${slug}" is reserved: choose another` }]
    : [];
}

function checkWindow(opensAt: string, closesAt: string): FieldProblem[] {
  return Date.parse(opensAt) >= Date.parse(closesAt)
    ? [{ field: 'submissionClosesAt', code: 'contest.closes_before_opening', message: 'must be later than submissionOpensAt' }]
    : [];
}

function checkNewCategories(dto: CreateContestDto): FieldProblem[] {
  const keys = dto.categories.map((c) => nameKey(c.name));
  return keys.flatMap((key, i) =>
    keys.indexOf(key) !== i ? [{ field: `categories.${i}.name`, code: 'duplicate' as const, message: 'repeats another category' }] : [],
  );
}

function slugTaken(slug: string): AppError {
  return AppError.conflict('contest.slug_taken', `The address "${slug}" is already used by another contest. Choose another slug.`, {
    slug,
  });
}

interface ResultingCategory {
  id?: string;
  key: string;
}

/** The categories the contest will have after the edit: kept ones with their id, new ones by name. */
function resultingCategories(current: CategoryEntity[], diff: CategoryDiff | null): ResultingCategory[] {
  if (!diff) return current.map((c) => ({ id: c.id, key: nameKey(c.name) }));
  return [...diff.keep.map((c) => ({ id: c.id, key: nameKey(c.name) })), ...diff.add.map((c) => ({ key: nameKey(c.name) }))];
}

/** A prize line with its category as an id (existing) or as the key of a category being added. */
type PrizeLine = NewPrize & { categoryKey: string | null };

function resolvePrizes(prizes: PrizeUpdateDto[], categories: ResultingCategory[]): { lines: PrizeLine[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const scopes = new Set<string>();
  const lines = prizes.map((prize, i): PrizeLine => {
    let category: ResultingCategory | undefined;
    if (prize.categoryId !== undefined) {
      category = categories.find((c) => c.id === prize.categoryId);
      if (!category) problems.push({ field: `prizes.${i}.categoryId`, code: 'unknown', message: 'is not a category this contest keeps' });
      else if (prize.categoryName !== undefined && nameKey(prize.categoryName) !== category.key) {
        problems.push({
          field: `prizes.${i}.categoryName`,
          code: 'contest.prize_category_mismatch',
          message: 'names another category than categoryId: give only one of them',
        });
      }
    } else if (prize.categoryName !== undefined) {
      category = categories.find((c) => c.key === nameKey(prize.categoryName as string));
      if (!category) problems.push({ field: `prizes.${i}.categoryName`, code: 'unknown', message: 'names no category of this contest' });
    }
    const scope = `${prize.tier}|${category?.key ?? ''}`;
    if (scopes.has(scope))
      problems.push({
        field: `prizes.${i}.tier`,
        code: 'contest.prize_tier_repeated',
        message: 'appears twice for the same category; give one line a larger count',
      });
    scopes.add(scope);
    if (prize.amount !== undefined && !prize.currency)
      problems.push({ field: `prizes.${i}.currency`, code: 'required', message: 'is needed with an amount' });
    return {
      tier: prize.tier,
      count: prize.count,
      amount: prize.amount ?? null,
      currency: prize.currency ?? null,
      categoryId: category?.id ?? null,
      categoryKey: category && !category.id ? category.key : null,
    };
  });
  return { lines, problems };
}

function samePrizes(lines: PrizeLine[], current: PrizeEntity[]): boolean {
  if (lines.some((l) => l.categoryKey !== null)) return false;
  const canonical = (p: NewPrize) => [p.tier, p.count, p.amount, p.currency, p.categoryId].join('|');
  const a = lines.map(canonical).sort();
  const b = current.map(canonical).sort();
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
