import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, attachmentNotFound, type AuthUser, laurelConfig, type LaurelConfig } from '@laurel/api-core';
import { AttachmentsRepository } from '@laurel/api-database';
import { blindCopyKey, FileStorage, StorageObjectNotFoundError, type StoredObject } from '@laurel/api-storage';
import { EntryAccess } from './entry-access.service';
import { toAttachmentView } from './entry.mapper';
import { submissionWindowRefusal } from './entry-rules';
import { ATTACHMENT_KINDS, type AttachmentKind, type AttachmentView, ENTRY_LIMITS } from '@laurel/contracts';
import { sanitizeFileName } from './files/file-name';
import { FILE_TYPES, FileInspector, type FileType } from './files/file-type';
import { formatBytes, readSingleFileForm } from './files/multipart';

const ACCEPTED: FileType[] = ['pdf', 'pptx', 'png', 'jpeg'];

export interface AttachmentDownload {
  stream: Readable;
  fileName: string;
  contentType: string;
  size: number;
}

interface ReceivedFile {
  stored: StoredObject;
  type: FileType;
  fileName: string;
}

/**
 * Files of an entry. An upload streams through a type inspector into storage under a generated
 * key; whatever refuses it afterwards (size, type, form, entry state) removes the stored bytes,
 * so a refused upload leaves nothing behind.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly access: EntryAccess,
    private readonly storage: FileStorage,
    @Inject(laurelConfig.KEY) private readonly config: LaurelConfig,
  ) {}

  async upload(actor: AuthUser, entryId: string, request: FastifyRequest): Promise<AttachmentView> {
    const { entry, contest } = await this.access.owned(actor, entryId, 'add files to it');
    if (entry.status !== 'draft') {
      throw AppError.conflict(
        'entry.read_only',
        'Files can be added only while the entry is a draft; this one was submitted or withdrawn.',
      );
    }
    const refusal = submissionWindowRefusal(contest, new Date());
    if (refusal) throw refusal;

    const maxBytes = this.config.storage.uploadMaxBytes;
    const key = `attachments/${randomUUID()}`;
    const received: { file?: ReceivedFile } = {};
    let touchedStorage = false;
    try {
      const form = await readSingleFileForm(request, maxBytes, async (file) => {
        const inspector = new FileInspector(ACCEPTED);
        touchedStorage = true;
        const [stored] = await Promise.all([this.storage.put(key, inspector), pipeline(file.file, inspector)]);
        if (file.file.truncated) {
          throw new AppError(
            413,
            'upload.too_large',
            `The file is larger than ${formatBytes(maxBytes)}, the most an attachment may be. Make it smaller (compress images, export the deck as PDF), then upload it again.`,
          );
        }
        const type = inspector.result();
        if (!type) {
          throw new AppError(
            415,
            'upload.unsupported_type',
            'This file is not a PDF, PowerPoint (.pptx), PNG or JPEG file. Its content decides, not its name: save or export it in one of these formats and upload it again.',
          );
        }
        received.file = { stored, type, fileName: sanitizeFileName(file.filename, type) };
      });
      if (!form.sawFile || !received.file) {
        throw AppError.badRequest('validation_failed', 'Please correct the upload: choose a file to send in the field "file".', [
          { field: 'file', code: 'required', message: 'is missing: choose a PDF, PPTX, PNG or JPEG file' },
        ]);
      }
      const kind = form.fields['kind'] as AttachmentKind;
      if (!ATTACHMENT_KINDS.includes(kind)) {
        throw AppError.badRequest('validation_failed', `Please correct the upload: kind must be one of ${ATTACHMENT_KINDS.join(', ')}.`, [
          { field: 'kind', code: 'option', message: `must be one of ${ATTACHMENT_KINDS.join(', ')}` },
        ]);
      }
      const { stored, type, fileName } = received.file;
      const result = await this.attachments.insertForDraft(
        {
          entryId,
          kind,
          storageKey: key,
          originalName: fileName,
          contentType: FILE_TYPES[type].contentType,
          sizeBytes: stored.size,
          sha256: stored.sha256,
          uploadedBy: actor.id,
        },
        ENTRY_LIMITS.attachmentsPerEntry,
      );
      if (result.outcome === 'not_draft') {
        throw AppError.conflict(
          'entry.read_only',
          'The entry was submitted or withdrawn while the file was uploading; the file was not added.',
        );
      }
      if (result.outcome === 'too_many') {
        throw AppError.unprocessable(
          'attachment.too_many',
          `An entry may hold at most ${ENTRY_LIMITS.attachmentsPerEntry} files. Delete one you no longer need, then upload again.`,
          undefined,
          undefined,
          { max: ENTRY_LIMITS.attachmentsPerEntry },
        );
      }
      return toAttachmentView(result.attachment);
    } catch (error) {
      if (touchedStorage) await this.discard(key);
      throw error;
    }
  }

  async download(actor: AuthUser, entryId: string, attachmentId: string): Promise<AttachmentDownload> {
    await this.access.readable(actor, entryId);
    const attachment = await this.attachments.find(entryId, attachmentId);
    if (!attachment) throw attachmentNotFound();
    try {
      const stream = await this.storage.get(attachment.storageKey);
      return { stream, fileName: attachment.originalName, contentType: attachment.contentType, size: attachment.sizeBytes };
    } catch (error) {
      if (!(error instanceof StorageObjectNotFoundError)) throw error;
      this.logger.error(`Attachment ${attachment.id} has no stored file under ${attachment.storageKey}`);
      throw AppError.notFound(
        'attachment.file_missing',
        'The stored file of this attachment is missing. Tell the organizers; the team may need to upload it again.',
      );
    }
  }

  async remove(actor: AuthUser, entryId: string, attachmentId: string): Promise<void> {
    await this.access.owned(actor, entryId, 'remove its files');
    const result = await this.attachments.removeFromDraft(entryId, attachmentId, actor.id);
    if (result.outcome === 'not_found') throw attachmentNotFound();
    if (result.outcome === 'not_draft') {
      throw AppError.conflict(
        'entry.read_only',
        'Files can be removed only while the entry is a draft; this one was submitted or withdrawn.',
      );
    }
    // The row is gone first: a file left behind by a failed delete is invisible, a row without its file is not.
    await this.discard(result.attachment.storageKey);
    await this.discard(blindCopyKey(result.attachment.storageKey));
  }

  private async discard(key: string): Promise<void> {
    await this.storage
      .delete(key)
      .catch((error: unknown) => this.logger.warn(`Could not delete stored file ${key}: ${(error as Error).message}`));
  }
}
