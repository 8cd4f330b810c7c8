import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { JudgingApi } from '@laurel/console-data-access-judging';
import type { ConflictView, EntryCorrectionRequest, EntryView } from '@laurel/contracts';
import { type FieldLabels, type UiMessage, apiErrorOf, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { OrganizeApi } from './organize.api';

// The correction form's fields by their API names (a member's by its number), for a refusal that names them.
const CORRECTION_LABELS: FieldLabels = {
  organization: 'organize.entry.correction.organization',
  members: 'submit.editor.team.members',
  'members.*.name': 'submit.editor.team.memberName',
  'members.*.role': 'submit.editor.team.memberRole',
  'members.*.email': 'submit.editor.team.memberEmail',
  reason: 'organize.entry.correction.reason',
};

/** The conflicts of interest of one entry that a change made appear and go. */
export interface ConflictChanges {
  appeared: ConflictView[];
  went: ConflictView[];
}

/** How a correction ended, for the page to tell the organizer. */
export type CorrectionOutcome =
  | {
      ok: true;
      entry: EntryView;
      /** Null when the contest's conflicts could not be read before or after: the page points to the list instead. */
      conflicts: ConflictChanges | null;
    }
  /** `stale`: someone changed the entry since it was loaded (409 `entry.stale_version`); the page offers Reload. */
  | { ok: false; stale: boolean; message: UiMessage };

/**
 * The entry's conflicts in `after` that are not in `before` (appeared) and the other way round
 * (went), a conflict being its judge, where it comes from and its reason: a detected conflict
 * whose kind changed (same organization → team member) went and appeared.
 */
export function conflictChanges(before: readonly ConflictView[], after: readonly ConflictView[], entryId: string): ConflictChanges {
  const key = (c: ConflictView) => `${c.judgeId}|${c.source}|${c.reason}`;
  const mine = (list: readonly ConflictView[]) => new Map(list.filter((c) => c.entryId === entryId).map((c) => [key(c), c]));
  const was = mine(before);
  const is = mine(after);
  return {
    appeared: [...is].filter(([k]) => !was.has(k)).map(([, c]) => c),
    went: [...was].filter(([k]) => !is.has(k)).map(([, c]) => c),
  };
}

/**
 * The organizer's correction of a submitted entry (`POST /api/entries/:id/correction`) with what
 * it did to the entry's conflicts of interest: the API detects them again in the correction's
 * transaction, so the contest's conflicts list read just before and just after shows which judges
 * a corrected organization or team now conflicts with, and which no longer.
 */
@Injectable({ providedIn: 'root' })
export class EntryCorrections {
  private readonly organize = inject(OrganizeApi);
  private readonly judging = inject(JudgingApi);

  async correct(entry: EntryView, body: EntryCorrectionRequest): Promise<CorrectionOutcome> {
    const before = await this.conflicts(entry.contestId);
    let corrected: EntryView;
    try {
      corrected = await firstValueFrom(this.organize.correctEntry(entry.id, body));
    } catch (error) {
      const stale = error instanceof HttpErrorResponse && error.status === 409 && apiErrorOf(error)?.code === 'entry.stale_version';
      return { ok: false, stale, message: toUiMessage(error, {}, CORRECTION_LABELS) };
    }
    const after = before && (await this.conflicts(entry.contestId));
    return { ok: true, entry: corrected, conflicts: before && after ? conflictChanges(before, after, entry.id) : null };
  }

  private conflicts(contestId: string): Promise<ConflictView[] | null> {
    return firstValueFrom(this.judging.conflicts(contestId)).catch(() => null);
  }
}
