import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MailLanguage, PrizeTier, RoundStatus } from '@laurel/contracts';

/** A judge of a round with what the round's mails tell them. */
export interface RoundJudgeRecipient {
  judgeId: string;
  email: string;
  displayName: string;
  language: MailLanguage;
  /** Assignments still theirs in the round (recusals excepted). */
  assigned: number;
  /** Of those, sheets not yet submitted. */
  unsubmitted: number;
}

/** A round as its mails and its reminder job read it. */
export interface RoundMailInfo {
  roundId: string;
  roundName: string;
  status: RoundStatus;
  contestId: string;
  contestName: string;
  timeZone: string;
  scoresDueAt: Date | null;
  reminderHoursBefore: number;
  reminderJobId: string | null;
}

/** The owner of a submitted entry, told the outcome when the results are published. */
export interface ApplicantRecipient {
  userId: string;
  email: string;
  displayName: string;
  language: MailLanguage;
  entryId: string;
  entryTitle: string;
  prize: PrizeTier | null;
}

/**
 * Who a contest's mails go to, read inside the transaction that writes them. Disabled accounts
 * and judges removed from the panel get nothing.
 */
@Injectable()
export class MailRecipientsRepository {
  /** The round's judges with assignments; `judgeIds` narrows to those (null: all of them). */
  roundJudges(manager: EntityManager, roundId: string, judgeIds: readonly string[] | null = null): Promise<RoundJudgeRecipient[]> {
    return manager.query(
      `SELECT u.id AS "judgeId", u.email, u.display_name AS "displayName", u.language,
              count(*)::int AS assigned,
              count(*) FILTER (WHERE s.status IS DISTINCT FROM 'submitted')::int AS unsubmitted
         FROM assignments a
         JOIN rounds r ON r.id = a.round_id
         JOIN users u ON u.id = a.judge_id
         LEFT JOIN score_sheets s ON s.assignment_id = a.id
        WHERE a.round_id = $1 AND a.status = 'assigned' AND u.disabled_at IS NULL
          AND EXISTS (SELECT 1 FROM contest_judges cj WHERE cj.contest_id = r.contest_id AND cj.user_id = a.judge_id)
          AND ($2::uuid[] IS NULL OR a.judge_id = ANY($2::uuid[]))
        GROUP BY u.id
        ORDER BY u.id`,
      [roundId, judgeIds],
    );
  }

  /** `lock`: takes the round's row lock (the reminder's schedule changes under it). */
  async round(manager: EntityManager, roundId: string, lock = false): Promise<RoundMailInfo | null> {
    const rows: RoundMailInfo[] = await manager.query(
      `SELECT r.id AS "roundId", r.name AS "roundName", r.status, c.id AS "contestId", c.name AS "contestName",
              c.time_zone AS "timeZone", r.scores_due_at AS "scoresDueAt", r.reminder_hours_before AS "reminderHoursBefore",
              r.reminder_job_id AS "reminderJobId"
         FROM rounds r JOIN contests c ON c.id = r.contest_id
        WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`,
      [roundId],
    );
    return rows[0] ?? null;
  }

  /**
   * Takes the round's contest in KEY SHARE before the round itself: a contest edit holds the
   * contest, then the round; the mails' foreign keys need the contest; taking both in the edit's
   * order means the reminder never deadlocks with an edit of its round.
   */
  async lockContestOfRound(manager: EntityManager, roundId: string): Promise<void> {
    await manager.query(`SELECT c.id FROM contests c JOIN rounds r ON r.contest_id = c.id WHERE r.id = $1 FOR KEY SHARE OF c`, [roundId]);
  }

  async setReminderJob(manager: EntityManager, roundId: string, jobId: string | null): Promise<void> {
    await manager.query(`UPDATE rounds SET reminder_job_id = $2 WHERE id = $1`, [roundId, jobId]);
  }

  /** Every submitted entry with an owner, with the prize it won (null: none). */
  applicants(manager: EntityManager, contestId: string): Promise<ApplicantRecipient[]> {
    return manager.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.language,
              e.id AS "entryId", e.title AS "entryTitle", a.tier AS prize
         FROM entries e
         JOIN users u ON u.id = e.owner_id
         LEFT JOIN awards a ON a.contest_id = e.contest_id AND a.entry_id = e.id
        WHERE e.contest_id = $1 AND e.status = 'submitted' AND u.disabled_at IS NULL
        ORDER BY e.code NULLS LAST, e.id`,
      [contestId],
    );
  }
}
