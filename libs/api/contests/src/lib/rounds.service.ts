import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError, type AuthUser, contestNotFound, type FieldProblem, managesContest, roundNotFound } from '@laurel/api-core';
import type { RoundStatus, RoundView } from '@laurel/contracts';
import {
  type ContestAggregate,
  type ContestChanges,
  ContestsRepository,
  type CriterionEntity,
  type RoundEntity,
  type RoundFields,
  RoundsRepository,
  type RubricCriterion,
} from '@laurel/api-database';
import { RoundReminders } from '@laurel/api-mail';
import { toRoundView } from './contest.mapper';
import { invalid, nameKey } from './contest-rules';
import { DEFAULT_REMINDER_HOURS_BEFORE } from '@laurel/domain';
import type { CreateRoundDto, CriterionInputDto, UpdateRoundDto } from './round.dto';

type RoundField = keyof RoundFields | 'criteria';

/**
 * What may change in a round, by its status (a field sent with its current value is never refused):
 * - draft: everything, the rubric included.
 * - open: the name and how scores are combined and ranked (aggregation, trim,
 *   minSheetsForNormalization, rankBy, priorityCriteria): sheets are unaffected by these. The
 *   panel, the judges per entry, blindness and the rubric are what judges work with, so they stay.
 *   Whether the round runs live (pitch day) may change while it is a draft or open.
 * - closed: only the name; entries have advanced on its ranking.
 * Divergence review (divergenceThreshold, maxExtraJudges) may change while the round is open:
 * it acts on the next submitted sheet and never on the scores themselves. So may the deadline
 * (scoresDueAt) and the reminder's lead time: the reminder is planned again with the change.
 * Nothing changes once the contest's results are published. The rubric also stays once any
 * judge has scored the round. Opening and closing rounds belongs to judging.
 */
const ROUND_EDITABLE: Record<RoundStatus, readonly RoundField[]> = {
  draft: [
    'name',
    'order',
    'panel',
    'judgesPerEntry',
    'blind',
    'aggregation',
    'trim',
    'minSheetsForNormalization',
    'rankBy',
    'priorityCriteria',
    'divergenceThreshold',
    'maxExtraJudges',
    'criteria',
    'liveEnabled',
    'scoresDueAt',
    'reminderHoursBefore',
  ],
  open: [
    'name',
    'aggregation',
    'trim',
    'minSheetsForNormalization',
    'rankBy',
    'priorityCriteria',
    'divergenceThreshold',
    'maxExtraJudges',
    'liveEnabled',
    'scoresDueAt',
    'reminderHoursBefore',
  ],
  closed: ['name'],
};

/**
 * Rounds of a contest and their rubrics. A round can be added until results are published (a
 * final round is often decided during judging) but only after every round that has started;
 * a draft round can be deleted while the contest is a draft or open, never the last round of an
 * open contest. Rounds of a contest past draft always keep at least one criterion, the same rule
 * opening the contest checks.
 */
@Injectable()
export class RoundsService {
  constructor(
    private readonly contests: ContestsRepository,
    private readonly rounds: RoundsRepository,
    private readonly reminders: RoundReminders,
  ) {}

  async create(actor: AuthUser, contestId: string, dto: CreateRoundDto): Promise<RoundView> {
    return this.contests.change(contestId, async (found, changes) => {
      if (!found || !managesContest(actor, found.contest)) throw contestNotFound();
      const current = found;
      assertNotPublished(current);
      const idProblems = dto.criteria.flatMap((c, i) =>
        c.id === undefined
          ? []
          : [
              {
                field: `criteria.${i}.id`,
                code: 'unknown' as const,
                message: 'leave it out: the criteria of a new round get their ids when created',
              },
            ],
      );
      if (idProblems.length > 0) throw invalid('round', idProblems);
      const rubric = planRubric([], dto.criteria);
      const priorityCriteria = resolvePriority(dto.priorityCriteria ?? [], rubric.criteria);
      assertRubricPresent(current, rubric.criteria);
      assertPlace(current, null, { name: dto.name, order: dto.order });
      const id = await changes.rounds.insert(
        {
          name: dto.name,
          order: dto.order,
          panel: dto.panel,
          judgesPerEntry: dto.judgesPerEntry,
          blind: dto.blind ?? false,
          aggregation: dto.aggregation,
          trim: dto.trim ?? 1,
          minSheetsForNormalization: dto.minSheetsForNormalization ?? 5,
          rankBy: dto.rankBy ?? 'overall',
          priorityCriteria,
          divergenceThreshold: dto.divergenceThreshold ?? null,
          maxExtraJudges: dto.maxExtraJudges ?? 1,
          scoresDueAt: dto.scoresDueAt ? new Date(dto.scoresDueAt) : null,
          reminderHoursBefore: dto.reminderHoursBefore ?? DEFAULT_REMINDER_HOURS_BEFORE,
        },
        rubric.criteria,
      );
      await changes.audit({
        actorId: actor.id,
        action: 'round.created',
        subjectType: 'round',
        subjectId: id,
        payload: { name: dto.name, order: dto.order, blind: dto.blind ?? false, criteria: rubric.criteria.map((c) => c.name) },
      });
      return roundView(await changes.reload(), id);
    });
  }

  async update(actor: AuthUser, roundId: string, dto: UpdateRoundDto): Promise<RoundView> {
    const contestId = await this.rounds.findContestId(roundId);
    if (!contestId) throw roundNotFound();
    return this.contests.change(contestId, async (found, changes) => {
      const { current, round, criteria } = managedRound(actor, found, roundId);
      assertNotPublished(current);

      const fields = changedSettings(round, dto);
      const changed: RoundField[] = Object.keys(fields) as (keyof RoundFields)[];
      const rubric = dto.criteria ? planRubric(criteria, dto.criteria) : null;
      if (rubric?.changed) changed.push('criteria');
      const finalRubric = rubric?.criteria ?? criteria.map(toRubricCriterion);
      const priority =
        dto.priorityCriteria !== undefined
          ? resolvePriority(dto.priorityCriteria, finalRubric)
          : round.priorityCriteria.filter((id) => finalRubric.some((c) => c.id === id));
      if (!sameList(priority, round.priorityCriteria)) {
        fields.priorityCriteria = priority;
        // Dropping a removed criterion from the tie-breaks is part of the rubric change.
        if (dto.priorityCriteria !== undefined) changed.push('priorityCriteria');
      }

      const locked = changed.filter((field) => !ROUND_EDITABLE[round.status].includes(field));
      if (locked.includes('criteria')) throw rubricLocked(round, `the round is ${round.status}`);
      if (locked.length > 0) {
        throw AppError.conflict(
          'round.field_locked',
          `Round "${round.name}" is ${round.status} and can no longer change ${locked.join(', ')}. ` +
            `Only ${ROUND_EDITABLE[round.status].join(', ')} can change now.`,
          { round: round.name, fields: locked.join(', ') },
        );
      }
      if (rubric?.changed && (await changes.rounds.hasScores(round.id))) throw rubricLocked(round, 'judges have already scored it');
      if (rubric) assertRubricPresent(current, rubric.criteria);
      if (fields.name !== undefined || fields.order !== undefined) {
        assertPlace(current, round, { name: fields.name ?? round.name, order: fields.order ?? round.order });
      }

      if (rubric?.changed) await changes.rounds.replaceRubric(round.id, rubric.criteria);
      await changes.rounds.update(round.id, fields);
      if (fields.scoresDueAt !== undefined || fields.reminderHoursBefore !== undefined)
        await this.reminders.reschedule(changes.manager, round.id);
      if (changed.length > 0) {
        await changes.audit({
          actorId: actor.id,
          action: 'round.updated',
          subjectType: 'round',
          subjectId: round.id,
          payload: { name: round.name, fields: changed },
        });
      }
      return roundView(await changes.reload(), round.id);
    });
  }

  async remove(actor: AuthUser, roundId: string): Promise<void> {
    const contestId = await this.rounds.findContestId(roundId);
    if (!contestId) throw roundNotFound();
    await this.contests.change(contestId, async (found, changes: ContestChanges) => {
      const { current, round } = managedRound(actor, found, roundId);
      const { status } = current.contest;
      if (status !== 'draft' && status !== 'open') {
        throw AppError.conflict(
          'round.delete_refused',
          `Rounds can be deleted only while the contest is a draft or open; this one is ${status}.`,
        );
      }
      if (round.status !== 'draft') {
        throw AppError.conflict('round.delete_refused', `Round "${round.name}" is ${round.status}; only a draft round can be deleted.`);
      }
      if (status === 'open' && current.rounds.length === 1) {
        throw AppError.conflict(
          'round.delete_refused',
          `An open contest keeps at least one round. Add another round before deleting "${round.name}".`,
        );
      }
      await changes.rounds.delete(round.id);
      await changes.audit({
        actorId: actor.id,
        action: 'round.deleted',
        subjectType: 'round',
        subjectId: round.id,
        payload: { name: round.name },
      });
    });
  }
}

/** The round, in its contest, when the actor manages the contest; the round's 404 otherwise. */
function managedRound(actor: AuthUser, found: ContestAggregate | null, roundId: string) {
  const round = found && managesContest(actor, found.contest) ? found.rounds.find((r) => r.id === roundId) : undefined;
  if (!found || !round) throw roundNotFound();
  return { current: found, round, criteria: found.criteria.filter((c) => c.roundId === round.id).sort((a, b) => a.position - b.position) };
}

function roundView(aggregate: ContestAggregate, roundId: string): RoundView {
  return toRoundView(aggregate.rounds.find((r) => r.id === roundId) as RoundEntity, aggregate.criteria);
}

function assertNotPublished({ contest }: ContestAggregate): void {
  if (contest.status === 'published') {
    throw AppError.conflict('round.contest_published', 'The results of this contest are published; its rounds can no longer change.');
  }
}

/** A contest past draft has been checked to have a rubric in every round; it keeps one. */
function assertRubricPresent({ contest }: ContestAggregate, rubric: RubricCriterion[]): void {
  if (rubric.length === 0 && contest.status !== 'draft') {
    throw AppError.unprocessable(
      'round.rubric_required',
      `A round of a contest that is ${contest.status} needs at least one criterion in its rubric.`,
      [{ field: 'criteria', code: 'round.no_criteria', message: 'needs at least one criterion' }],
    );
  }
}

/** Names and orders are unique in a contest, and nothing is placed before a round that has started. */
function assertPlace({ rounds }: ContestAggregate, self: RoundEntity | null, wanted: { name: string; order: number }): void {
  const others = rounds.filter((r) => r.id !== self?.id);
  const sameName = others.find((r) => nameKey(r.name) === nameKey(wanted.name));
  if (sameName)
    throw AppError.conflict('round.name_taken', `The contest already has a round named "${sameName.name}". Choose another name.`, {
      name: sameName.name,
    });
  const sameOrder = others.find((r) => r.order === wanted.order);
  if (sameOrder) {
    throw AppError.conflict(
      'round.order_taken',
      `Round "${sameOrder.name}" already has order ${wanted.order}. Choose another order, or move that round first.`,
      {
        round: sameOrder.name,
        order: wanted.order,
      },
    );
  }
  const started = others.filter((r) => r.status !== 'draft' && r.order > wanted.order);
  const [firstStarted] = started;
  if (firstStarted !== undefined) {
    const above = Math.max(...started.map((r) => r.order));
    throw AppError.conflict(
      'round.order_before_started',
      `Round "${firstStarted.name}" has already started; a round cannot be placed before it. Use an order above ${above}.`,
      { round: firstStarted.name, order: above },
    );
  }
}

/** Settings a round always has: `null` (which the optional DTO lets through) cannot clear them. */
const REQUIRED_SETTINGS = [
  'name',
  'order',
  'panel',
  'judgesPerEntry',
  'blind',
  'aggregation',
  'trim',
  'minSheetsForNormalization',
  'rankBy',
] as const;

function changedSettings(round: RoundEntity, dto: UpdateRoundDto): Partial<RoundFields> {
  const cleared = REQUIRED_SETTINGS.filter((key) => (dto as Record<string, unknown>)[key] === null);
  if (cleared.length > 0) {
    throw AppError.badRequest(
      'round.setting_required',
      `A round always has ${cleared.join(', ')}: give a value or leave the field out.`,
      cleared.map((field) => ({ field, code: 'required', message: 'cannot be null: give a value or leave it out' })),
    );
  }
  const fields: Partial<RoundFields> = {};
  const keys = ['name', 'order', 'panel', 'judgesPerEntry', 'blind', 'aggregation', 'trim', 'minSheetsForNormalization', 'rankBy'] as const;
  const nulls: FieldProblem[] = [];
  for (const key of keys) {
    const value = dto[key];
    // The update DTO makes every field optional, which lets null through validation; none of
    // these settings can be empty, so a null is a 400 rather than a NOT NULL failure (500).
    if (value === null) nulls.push({ field: key, code: 'required', message: 'cannot be empty: leave it out to keep the current value' });
    else if (value !== undefined && value !== round[key]) (fields as Record<string, unknown>)[key] = value;
  }
  // null switches divergence review off, so only an absent field means "unchanged".
  if (dto.divergenceThreshold !== undefined && dto.divergenceThreshold !== round.divergenceThreshold)
    fields.divergenceThreshold = dto.divergenceThreshold;
  if (dto.maxExtraJudges !== undefined && dto.maxExtraJudges !== round.maxExtraJudges) fields.maxExtraJudges = dto.maxExtraJudges;
  // null takes the deadline away (and with it the reminder).
  if (dto.scoresDueAt !== undefined) {
    const due = dto.scoresDueAt === null ? null : new Date(dto.scoresDueAt);
    if ((due?.getTime() ?? null) !== (round.scoresDueAt?.getTime() ?? null)) fields.scoresDueAt = due;
  }
  if (dto.reminderHoursBefore === null)
    nulls.push({ field: 'reminderHoursBefore', code: 'required', message: 'cannot be empty: leave it out to keep the current value' });
  else if (dto.reminderHoursBefore !== undefined && dto.reminderHoursBefore !== round.reminderHoursBefore)
    fields.reminderHoursBefore = dto.reminderHoursBefore;
  if (dto.live === null)
    nulls.push({ field: 'live', code: 'required', message: 'cannot be empty: send {enabled: true} or {enabled: false}, or leave it out' });
  else if (dto.live !== undefined && dto.live.enabled !== round.liveEnabled) fields.liveEnabled = dto.live.enabled;
  if (nulls.length > 0) throw invalid('round', nulls);
  return fields;
}

const toRubricCriterion = (c: CriterionEntity): RubricCriterion => ({
  id: c.id,
  name: c.name,
  description: c.description,
  weight: c.weight,
  maxScore: c.maxScore,
});

/** The rubric as requested, with ids for new criteria; 400 on ids of other rounds or repeated names. */
function planRubric(current: CriterionEntity[], requested: CriterionInputDto[]): { criteria: RubricCriterion[]; changed: boolean } {
  const problems: FieldProblem[] = [];
  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  const criteria = requested.map((c, i): RubricCriterion => {
    if (seenNames.has(nameKey(c.name)))
      problems.push({ field: `criteria.${i}.name`, code: 'duplicate', message: 'repeats another criterion of this round' });
    seenNames.add(nameKey(c.name));
    if (c.id !== undefined) {
      if (!current.some((k) => k.id === c.id)) {
        problems.push({
          field: `criteria.${i}.id`,
          code: 'unknown',
          message: 'is not a criterion of this round: leave the id out to add a criterion',
        });
      } else if (seenIds.has(c.id)) problems.push({ field: `criteria.${i}.id`, code: 'duplicate', message: 'appears twice' });
      seenIds.add(c.id);
    }
    const description = c.description?.trim() ? c.description : null;
    return { id: c.id ?? randomUUID(), name: c.name, description, weight: c.weight, maxScore: c.maxScore };
  });
  if (problems.length > 0) throw invalid('rubric', problems);
  const before = current.map(toRubricCriterion);
  const changed = criteria.length !== before.length || criteria.some((c, i) => JSON.stringify(c) !== JSON.stringify(before[i]));
  return { criteria, changed };
}

/** Priority criteria arrive as names of the round's criteria and are stored as their ids, in order. */
function resolvePriority(names: string[], rubric: RubricCriterion[]): string[] {
  const problems: FieldProblem[] = [];
  const ids: string[] = [];
  names.forEach((name, i) => {
    const criterion = rubric.find((c) => nameKey(c.name) === nameKey(name));
    if (!criterion) {
      problems.push({
        field: `priorityCriteria.${i}`,
        code: 'round.priority_unknown',
        params: { criterion: name },
        message: `"${name}" names no criterion of this round's rubric`,
      });
    } else if (ids.includes(criterion.id)) problems.push({ field: `priorityCriteria.${i}`, code: 'duplicate', message: 'appears twice' });
    else ids.push(criterion.id);
  });
  if (problems.length > 0) throw invalid('round', problems);
  return ids;
}

function rubricLocked(round: RoundEntity, why: string): AppError {
  return AppError.conflict(
    'round.rubric_locked',
    `The rubric of round "${round.name}" can no longer change: ${why}. Its other settings may still change.`,
  );
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
