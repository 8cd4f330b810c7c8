import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser, contestNotFound, entryNotFound, managesContest, ownsEntry, readsEntry, UuidPipe } from '@laurel/api-core';
import { type EntryContest, EntriesRepository, type EntryRecord } from '@laurel/api-database';

/** Route ids that are not UUIDs name nothing: the same 404 as an id that is not there. */
export const ENTRY_ID = new UuidPipe(entryNotFound);
export const CONTEST_ID = new UuidPipe(contestNotFound);

/**
 * Who may do what with an entry, decided from the actor and the entry: its owner and its
 * contest's managers read it; only its owner changes it. Anyone else learns nothing (404).
 */
@Injectable()
export class EntryAccess {
  constructor(private readonly entries: EntriesRepository) {}

  /** The entry for its owner or a manager of its contest. */
  async readable(actor: AuthUser, entryId: string): Promise<EntryRecord & { managed: boolean }> {
    const record = await this.entries.findById(entryId);
    if (!record || !readsEntry(actor, record.entry, record.contest)) throw entryNotFound();
    return { ...record, managed: managesContest(actor, record.contest) };
  }

  /** The entry for its owner; a manager who may only read it is told so (403). */
  async owned(actor: AuthUser, entryId: string, action: string): Promise<EntryRecord> {
    const record = await this.readable(actor, entryId);
    if (!ownsEntry(actor, record.entry)) {
      throw AppError.forbidden(
        'entry.owner_only',
        `Only the team that owns this entry may ${action}. Contest managers can read it but not change it.`,
      );
    }
    return record;
  }

  /** The entry for a manager of its contest (screening). */
  async managed(actor: AuthUser, entryId: string): Promise<EntryRecord> {
    const record = await this.entries.findById(entryId);
    if (!record || !managesContest(actor, record.contest)) throw entryNotFound();
    return record;
  }

  /** A contest its actor manages. */
  async managedContest(actor: AuthUser, contestId: string): Promise<EntryContest> {
    const contest = await this.entries.findContest(contestId);
    if (!contest || !managesContest(actor, contest)) throw contestNotFound();
    return contest;
  }
}
