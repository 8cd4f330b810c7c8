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
  })
  @ApiAnswer(201, 'AttachmentView', { errors: [413, 415] })
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

  @ApiOperation({ summary: 'Download an attachment of the entry' })
  @ApiAnswer(200, {
    file: ['application/pdf', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'image/png', 'image/jpeg'],
  })
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

  @ApiOperation({ summary: 'Remove an attachment of a draft entry' })
  @ApiAnswer(204, null, { errors: [409] })
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
