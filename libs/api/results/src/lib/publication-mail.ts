import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MailRecipientsRepository } from '@laurel/api-database';
import { RoundResultsService } from '@laurel/api-round-results';
import { MailOutbox, type MailMessage } from '@laurel/api-mail';

/**
 * Tells every applicant, in their own language, that the results are out: their prize, or their
 * rank in the last round their entry took part in, and the link to their feedback. Written in the
 * publication's transaction, so the mails exist exactly when the results are public.
 */
@Injectable()
export class PublicationMail {
  constructor(
    private readonly recipients: MailRecipientsRepository,
    private readonly results: RoundResultsService,
    private readonly mail: MailOutbox,
  ) {}

  /** Answers how many applicants were mailed. */
  async announce(tx: EntityManager, contest: { id: string; name: string; slug: string }): Promise<number> {
    const lastRank = new Map<string, { rank: number | null; roundName: string }>();
    // Lowest order first, so a later round's rank replaces an earlier one.
    for (const round of await this.results.contestRounds(contest.id, tx)) {
      if (round.status !== 'closed') continue;
      for (const entry of (await this.results.roundResults(round, tx)).entries) {
        lastRank.set(entry.entryId, { rank: entry.score === null ? null : entry.rank, roundName: round.name });
      }
    }
    const applicants = await this.recipients.applicants(tx, contest.id);
    const messages: MailMessage[] = applicants.map((applicant) => {
      const ranked = lastRank.get(applicant.entryId);
      return {
        to: applicant.email,
        language: applicant.language,
        template: 'results_published',
        params: {
          displayName: applicant.displayName,
          contestName: contest.name,
          contestSlug: contest.slug,
          entryId: applicant.entryId,
          entryTitle: applicant.entryTitle,
          prize: applicant.prize,
          rank: ranked?.rank ?? null,
          roundName: ranked?.rank == null ? null : ranked.roundName,
        },
        userId: applicant.userId,
        contestId: contest.id,
      };
    });
    await this.mail.enqueueMany(tx, messages);
    return applicants.length;
  }
}
