import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EntryContest, type EntryEntity, UsersRepository } from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';

/**
 * The team's mail about its entry, written in the transaction of the change it reports (so a
 * receipt exists exactly when the submission does), in the owner's own language. Imported entries
 * have no owner and disabled accounts get nothing.
 */
@Injectable()
export class EntryMail {
  constructor(
    private readonly users: UsersRepository,
    private readonly mail: MailOutbox,
  ) {}

  /** The receipt, with the code the team quotes from now on. */
  async received(manager: EntityManager, contest: EntryContest, entry: EntryEntity): Promise<void> {
    const owner = await this.owner(manager, entry);
    if (!owner || !entry.code) return;
    await this.mail.enqueue(manager, {
      to: owner.email,
      language: owner.language,
      template: 'entry_received',
      params: {
        displayName: owner.displayName,
        contestName: contest.name,
        entryId: entry.id,
        entryTitle: entry.title,
        entryCode: entry.code,
      },
      userId: owner.id,
      contestId: contest.id,
    });
  }

  /** The screening outcome, with the organizer's reason as written. */
  async eligibilityDecided(
    manager: EntityManager,
    contest: EntryContest,
    entry: EntryEntity,
    eligible: boolean,
    reason: string | null,
  ): Promise<void> {
    const owner = await this.owner(manager, entry);
    if (!owner) return;
    await this.mail.enqueue(manager, {
      to: owner.email,
      language: owner.language,
      template: 'eligibility_decision',
      params: { displayName: owner.displayName, contestName: contest.name, entryId: entry.id, entryTitle: entry.title, eligible, reason },
      userId: owner.id,
      contestId: contest.id,
    });
  }

  private async owner(manager: EntityManager, entry: EntryEntity) {
    if (!entry.ownerId) return null;
    const owner = await this.users.findById(entry.ownerId, manager);
    return owner && !owner.disabledAt ? owner : null;
  }
}
