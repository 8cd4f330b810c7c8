import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MailRecipientsRepository } from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';

/**
 * "Round opened" for each judge who has just become one of the round's judges: assignments are
 * made once the round is open, so a judge joins the round with their first assignment in it. The
 * mail is written in the assignment's transaction, in the judge's language, with the number of
 * entries they hold in the round and its deadline.
 */
@Injectable()
export class JudgeMail {
  constructor(
    private readonly recipients: MailRecipientsRepository,
    private readonly mail: MailOutbox,
  ) {}

  async roundOpened(manager: EntityManager, roundId: string, newJudgeIds: readonly string[]): Promise<void> {
    if (newJudgeIds.length === 0) return;
    const round = await this.recipients.round(manager, roundId);
    if (!round) return;
    for (const judge of await this.recipients.roundJudges(manager, roundId, newJudgeIds)) {
      await this.mail.enqueue(manager, {
        to: judge.email,
        language: judge.language,
        template: 'round_opened',
        params: {
          displayName: judge.displayName,
          contestName: round.contestName,
          roundName: round.roundName,
          assigned: judge.assigned,
          scoresDueAt: round.scoresDueAt?.toISOString() ?? null,
          timeZone: round.timeZone,
        },
        userId: judge.judgeId,
        contestId: round.contestId,
      });
    }
  }
}

/** The judges among `inserted` who held no assignment of the round before (`before`). */
export function newJudges(before: readonly { judgeId: string }[], inserted: readonly { judgeId: string }[]): string[] {
  const had = new Set(before.map((a) => a.judgeId));
  return [...new Set(inserted.map((a) => a.judgeId))].filter((id) => !had.has(id));
}
