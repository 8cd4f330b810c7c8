import { Injectable, Logger, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { AppError, assignmentNotFound, attachmentNotFound, type AuthUser, readsAssignedEntry } from '@laurel/api-core';
import {
  type AssignmentContextRow,
  AssignmentsRepository,
  type JudgeAttachmentRow,
  JudgingRepository,
  SheetsRepository,
} from '@laurel/api-database';
import { blindCopyKey, FileStorage, StorageObjectNotFoundError } from '@laurel/api-storage';
import type { AssignmentDetailView, MyAssignmentView } from '@laurel/contracts';
import { assignmentStatus } from './assignment-status';
import { stripIdentifyingMetadata } from './blind-files/strip-metadata';
import { contentDisposition, downloadName, toJudgeEntryView } from './judge-entry.mapper';
import { toWithheldEntryView } from './withheld-entry.mapper';
import { toSheetView } from './sheet.mapper';
import { known } from '@laurel/domain';

/**
 * What a judge reads: their assignments, one assignment with its entry, rubric and sheet, and
 * the entry's files. Only the assigned judge gets an answer; anyone else the 404 of an
 * assignment that does not exist. Blind rounds keep the team out of every answer.
 */
@Injectable()
export class JudgeAssignmentsService {
  private readonly logger = new Logger(JudgeAssignmentsService.name);

  constructor(
    private readonly judging: JudgingRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly sheets: SheetsRepository,
    private readonly storage: FileStorage,
  ) {}

  async mine(actor: AuthUser): Promise<MyAssignmentView[]> {
    // A judge removed from a panel sees nothing more of its contest.
    const rows = (await this.assignments.listForJudge(actor.id)).filter((row) => row.onPanel);
    const entryIds = [...new Set(rows.map((r) => r.entryId))];
    const [entries, attachments] = await Promise.all([this.judging.entries(entryIds), this.judging.attachments(entryIds)]);
    const entryById = new Map(entries.map((e) => [e.id, e]));
    return rows.flatMap((row): MyAssignmentView[] => {
      const entry = entryById.get(row.entryId);
      if (!entry) return [];
      const status = assignmentStatus(row.status, row.sheetStatus);
      return [
        {
          id: row.id,
          roundId: row.roundId,
          roundName: row.roundName,
          roundStatus: row.roundStatus,
          blind: row.blind,
          contestId: row.contestId,
          contestName: row.contestName,
          status,
          total: status === 'submitted' ? row.total : null,
          // After a recusal the list keeps the line (the judge knows they recused) and nothing of the entry.
          entry:
            row.status === 'recused'
              ? toWithheldEntryView(entry)
              : toJudgeEntryView(
                  entry,
                  attachments.filter((a) => a.entryId === entry.id),
                  row.blind,
                ),
        },
      ];
    });
  }

  async detail(actor: AuthUser, assignmentId: string): Promise<AssignmentDetailView> {
    const assignment = await this.own(actor, assignmentId);
    const [entries, attachments, criteria, sheet] = await Promise.all([
      this.judging.entries([assignment.entryId]),
      this.judging.attachments([assignment.entryId]),
      this.judging.criteria(assignment.roundId),
      this.sheets.find(assignment.id),
    ]);
    return {
      assignment: {
        id: assignment.id,
        status: assignmentStatus(assignment.status, assignment.sheetStatus),
        roundId: assignment.roundId,
        entryId: assignment.entryId,
        recusalReason: assignment.recusalReason,
      },
      entry: toJudgeEntryView(known(entries[0], "the assignment's entry"), attachments, assignment.blind),
      round: {
        id: assignment.roundId,
        contestId: assignment.contestId,
        name: assignment.roundName,
        status: assignment.roundStatus,
        blind: assignment.blind,
        live: assignment.live,
        criteria: criteria.map((c) => ({
          id: c.id,
          name: c.name,
          guidance: c.description,
          weight: c.weight,
          maxScore: c.maxScore,
          order: c.position,
        })),
      },
      sheet: toSheetView(sheet, criteria),
    };
  }

  /**
   * Streams one of the assigned entry's files, under a neutral name in a blind round. A blind
   * round's judge gets the copy with its identifying metadata removed, made on first opening
   * and stored next to the original; everyone else the original bytes.
   */
  async attachment(actor: AuthUser, assignmentId: string, attachmentId: string): Promise<StreamableFile> {
    const assignment = await this.own(actor, assignmentId);
    const attachments = await this.judging.attachments([assignment.entryId]);
    const attachment = attachments.find((a) => a.id === attachmentId);
    if (!attachment) throw attachmentNotFound();
    const entry = known((await this.judging.entries([assignment.entryId]))[0], "the assignment's entry");
    const disposition = contentDisposition(downloadName(entry, attachment, attachments, assignment.blind));
    if (assignment.blind) {
      const copy = await this.blindCopy(attachment);
      return new StreamableFile(copy.stream, { type: attachment.contentType, length: copy.size, disposition });
    }
    return new StreamableFile(await this.stored(attachment.storageKey), {
      type: attachment.contentType,
      length: attachment.size,
      disposition,
    });
  }

  private async blindCopy(attachment: JudgeAttachmentRow): Promise<{ stream: Readable; size: number }> {
    const key = blindCopyKey(attachment.storageKey);
    if (attachment.blindSize !== null) {
      try {
        return { stream: await this.storage.get(key), size: attachment.blindSize };
      } catch (error) {
        // A copy lost from storage is simply made again.
        if (!(error instanceof StorageObjectNotFoundError)) throw error;
      }
    }
    const original = await buffer(await this.stored(attachment.storageKey));
    let cleaned: Buffer;
    try {
      cleaned = await stripIdentifyingMetadata(attachment.contentType, original);
    } catch (error) {
      // A file that cannot be read cannot be checked for names: a blind round never gets it as it is.
      this.logger.warn(
        `Attachment ${attachment.id} (${attachment.contentType}) could not be cleaned for a blind round: ${(error as Error).message}`,
      );
      throw AppError.unprocessable(
        'attachment.not_cleanable',
        'This file could not be opened to remove its makers’ names, so a blind round does not show it. Tell the organizer; the team may need to upload it again.',
      );
    }
    await this.storage.put(key, Readable.from([cleaned]));
    await this.judging.recordBlindCopy(attachment.id, cleaned.length);
    return { stream: Readable.from([cleaned]), size: cleaned.length };
  }

  private async stored(key: string): Promise<Readable> {
    try {
      return await this.storage.get(key);
    } catch (error) {
      if (error instanceof StorageObjectNotFoundError) throw attachmentNotFound();
      throw error;
    }
  }

  /**
   * The actor's assignment while it still lets them read the entry: a judge who recused from it,
   * or was removed from the contest's panel, gets the 404 of an assignment that does not exist.
   */
  private async own(actor: AuthUser, assignmentId: string): Promise<AssignmentContextRow> {
    const found = await this.assignments.findContext(assignmentId);
    if (!found || !readsAssignedEntry(actor, found)) throw assignmentNotFound();
    return found;
  }
}
