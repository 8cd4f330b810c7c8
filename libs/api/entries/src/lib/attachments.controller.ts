import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiAnswer, attachmentNotFound, type AuthUser, CurrentUser, UuidPipe } from '@laurel/api-core';
import { AttachmentsService } from './attachments.service';
import { ENTRY_ID } from './entry-access.service';
import { ATTACHMENT_KINDS, type AttachmentView } from '@laurel/contracts';
import { contentDisposition } from './files/file-name';

const ATTACHMENT_ID = new UuidPipe(attachmentNotFound);

@ApiTags('entries')
@ApiBearerAuth()
@Controller('entries/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @ApiOperation({
    summary: 'Attach a file (PDF, PPTX, PNG or JPEG; the type is read from the bytes) as pitch deck, business plan or other',
    description:
      "Attaches one file to a draft entry (multipart `file` and `kind`: pitch deck, business plan or other). The type is read from the file's bytes, not its name: PDF, PPTX, PNG or JPEG. Only the team that owns the entry. Refusals: 404 `entry.not_found`; 403 `entry.owner_only`; 409 `entry.read_only`; 413 `upload.too_large`; 415 `upload.unsupported_type`; 422 `attachment.too_many`; 400 `upload.*` for a form without exactly one file.",
  })
  @ApiAnswer(201, 'AttachmentView', 'The stored attachment: its id, kind, file name, type read from its bytes, and size.', {
    errors: [403, 409, 413, 415, 422],
  })
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'PDF, PPTX, PNG or JPEG; the type is read from the bytes' },
        kind: { type: 'string', enum: [...ATTACHMENT_KINDS] },
      },
    },
  })
  upload(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string, @Req() request: FastifyRequest): Promise<AttachmentView> {
    return this.attachments.upload(actor, id, request);
  }

  @ApiOperation({
    summary: 'Download an attachment of the entry',
    description:
      'Streams an attachment of the entry with its type and name. Whoever may read the entry may download it: its owner, the organizer who owns the contest and administrators (judges use `GET /api/assignments/{id}/attachments/{attachmentId}`). Refusals: 404 `entry.not_found`, `attachment.not_found` or `attachment.file_missing`.',
  })
  @ApiAnswer(
    200,
    {
      file: ['application/pdf', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'image/png', 'image/jpeg'],
    },
    "The file's bytes with its type, and its name in Content-Disposition.",
  )
  @Get(':attachmentId')
  async download(
    @CurrentUser() actor: AuthUser,
    @Param('id', ENTRY_ID) id: string,
    @Param('attachmentId', ATTACHMENT_ID) attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(actor, id, attachmentId);
    void reply.header('X-Content-Type-Options', 'nosniff').header('Cache-Control', 'private, no-store');
    return new StreamableFile(file.stream, { type: file.contentType, length: file.size, disposition: contentDisposition(file.fileName) });
  }

  @ApiOperation({
    summary: 'Remove an attachment of a draft entry',
    description:
      'Removes an attachment from a draft entry. Only the team that owns the entry. Refusals: 404 `entry.not_found` or `attachment.not_found`; 403 `entry.owner_only`; 409 `entry.read_only`.',
  })
  @ApiAnswer(204, null, 'The attachment and its file are removed; no body.', { errors: [403, 409] })
  @Delete(':attachmentId')
  @HttpCode(204)
  remove(
    @CurrentUser() actor: AuthUser,
    @Param('id', ENTRY_ID) id: string,
    @Param('attachmentId', ATTACHMENT_ID) attachmentId: string,
  ): Promise<void> {
    return this.attachments.remove(actor, id, attachmentId);
  }
}
