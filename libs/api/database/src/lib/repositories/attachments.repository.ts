import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AttachmentKind } from '@laurel/contracts';
import { AttachmentEntity } from '../entities';
import { AuditRepository } from './audit.repository';
import { known } from '@laurel/domain';

export interface NewAttachment {
  entryId: string;
  kind: AttachmentKind;
  storageKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
}

export type AttachmentInsert = { outcome: 'inserted'; attachment: AttachmentEntity } | { outcome: 'not_draft' } | { outcome: 'too_many' };

export type AttachmentRemoval = { outcome: 'deleted'; attachment: AttachmentEntity } | { outcome: 'not_draft' } | { outcome: 'not_found' };

/**
 * Attachment rows. Writes take the entry's row lock first, as submitting does, so an attachment
 * never appears on or vanishes from an entry that is being submitted.
 */
@Injectable()
export class AttachmentsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  listForEntry(entryId: string): Promise<AttachmentEntity[]> {
    return this.dataSource.getRepository(AttachmentEntity).find({ where: { entryId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  listForEntries(entryIds: string[]): Promise<AttachmentEntity[]> {
    if (entryIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(AttachmentEntity)
      .find({ where: { entryId: In(entryIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  find(entryId: string, attachmentId: string): Promise<AttachmentEntity | null> {
    return this.dataSource.getRepository(AttachmentEntity).findOne({ where: { id: attachmentId, entryId } });
  }

  /** Adds the row while the entry is a draft holding fewer than `maxPerEntry` attachments. */
  insertForDraft(values: NewAttachment, maxPerEntry: number): Promise<AttachmentInsert> {
    return this.dataSource.transaction(async (manager) => {
      const [entry]: { status: string; contest_id: string }[] = await manager.query(
        `SELECT status, contest_id FROM entries WHERE id = $1 FOR UPDATE`,
        [values.entryId],
      );
      if (entry === undefined || entry.status !== 'draft') return { outcome: 'not_draft' };
      const [counted]: { count: number }[] = await manager.query(`SELECT count(*)::int AS count FROM attachments WHERE entry_id = $1`, [
        values.entryId,
      ]);
      if (known(counted, 'the attachment count').count >= maxPerEntry) return { outcome: 'too_many' };
      const attachment = await manager.save(manager.create(AttachmentEntity, values));
      await this.audit.record(manager, {
        contestId: entry.contest_id,
        actorId: values.uploadedBy,
        action: 'attachment.added',
        subjectType: 'entry',
        subjectId: values.entryId,
        payload: {
          attachmentId: attachment.id,
          kind: values.kind,
          contentType: values.contentType,
          sizeBytes: values.sizeBytes,
          sha256: values.sha256,
        },
      });
      return { outcome: 'inserted', attachment };
    });
  }

  /** Removes the row while the entry is a draft; the caller removes the stored bytes after. */
  removeFromDraft(entryId: string, attachmentId: string, actorId: string): Promise<AttachmentRemoval> {
    return this.dataSource.transaction(async (manager) => {
      const [entry]: { status: string; contest_id: string }[] = await manager.query(
        `SELECT status, contest_id FROM entries WHERE id = $1 FOR UPDATE`,
        [entryId],
      );
      const attachment = await manager.findOne(AttachmentEntity, { where: { id: attachmentId, entryId } });
      if (entry === undefined || !attachment) return { outcome: 'not_found' };
      if (entry.status !== 'draft') return { outcome: 'not_draft' };
      await manager.delete(AttachmentEntity, { id: attachmentId });
      await this.audit.record(manager, {
        contestId: entry.contest_id,
        actorId,
        action: 'attachment.removed',
        subjectType: 'entry',
        subjectId: entryId,
        payload: { attachmentId, kind: attachment.kind, sha256: attachment.sha256 },
      });
      return { outcome: 'deleted', attachment };
    });
  }
}
