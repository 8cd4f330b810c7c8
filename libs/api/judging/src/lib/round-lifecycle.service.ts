import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser, managesContest, roundNotFound } from '@laurel/api-core';
import { type JudgingRoundRef, JudgingRepository } from '@laurel/api-database';
import { RoundReminders } from '@laurel/api-mail';
import type { RoundStateView } from '@laurel/contracts';

/**
 * Draft → open → closed, one step at a time. Opening fixes which entries the round covers: the
 * first round every submitted entry screened eligible, a later round what the round before it
 * advanced. Closing makes every sheet of the round read-only, in the API and in the database.
 */
@Injectable()
export class RoundLifecycleService {
  constructor(
    private readonly judging: JudgingRepository,
    private readonly reminders: RoundReminders,
  ) {}

  open(actor: AuthUser, roundId: string): Promise<RoundStateView> {
    return this.judging.changeRound(roundId, async (found, changes) => {
      if (!found || !managesContest(actor, { ownerId: found.contestOwnerId })) throw roundNotFound();
      const round = found;
      if (round.status !== 'draft') {
        throw AppError.conflict('round.transition_refused', `The round is already ${round.status}; a round opens only once, from draft.`);
      }
      if (round.contestStatus !== 'judging') {
        throw AppError.conflict(
          'round.contest_not_judging',
          `Rounds open while the contest is in judging, and it is ${round.contestStatus}. Close submissions and move the contest to judging first (POST /api/contests/:id/status).`,
        );
      }
      if ((await changes.criteriaCount()) === 0) {
        throw AppError.unprocessable('round.no_rubric', 'The round has no rubric. Add at least one criterion before opening it.');
      }
      const previous = await changes.previousRound();
      if (previous && previous.status !== 'closed') {
        throw AppError.conflict(
          'round.previous_not_closed',
          `Close the round "${previous.name}" and advance its finalists before opening this one.`,
          {
            round: previous.name,
          },
        );
      }
      const covered = previous ? await changes.coverAdvancedEntries(previous.id) : await changes.coverEligibleEntries();
      if (covered === 0) {
        throw AppError.unprocessable(
          'round.no_entries',
          previous
            ? `No entry advanced from "${previous.name}". Advance its finalists first (POST /api/rounds/:id/advance).`
            : 'No submitted entry is marked eligible yet. Screen the entries (POST /api/entries/:id/eligibility) before opening the round.',
          undefined,
          undefined,
          previous ? { previousRound: previous.name } : undefined,
        );
      }
      await changes.setStatus('open', actor.id);
      await this.reminders.reschedule(changes.manager, round.id);
      return toStateView(await changes.reload(), covered);
    });
  }

  close(actor: AuthUser, roundId: string): Promise<RoundStateView> {
    return this.judging.changeRound(roundId, async (found, changes) => {
      if (!found || !managesContest(actor, { ownerId: found.contestOwnerId })) throw roundNotFound();
      const round = found;
      if (round.status !== 'open') {
        throw AppError.conflict(
          'round.transition_refused',
          round.status === 'draft' ? 'The round has not opened yet; only an open round can close.' : 'The round is already closed.',
        );
      }
      await changes.setStatus('closed', actor.id);
      // A closed round reminds nobody: its planned reminder is cancelled with the close.
      await this.reminders.reschedule(changes.manager, round.id);
      return toStateView(await changes.reload(), await changes.entryCount());
    });
  }
}

function toStateView(round: JudgingRoundRef, entryCount: number): RoundStateView {
  return {
    id: round.id,
    contestId: round.contestId,
    name: round.name,
    order: round.order,
    status: round.status,
    panel: round.panel,
    judgesPerEntry: round.judgesPerEntry,
    blind: round.blind,
    entryCount,
  };
}
