import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiAnswer, type AuthUser, CurrentUser, PageQueryDto, Roles, UuidPipe } from '@laurel/api-core';
import { MailOutboxRepository } from '@laurel/api-database';
import { MAIL_STATUSES, type MailStatus, type OutboxPage, type OutboxQuery } from '@laurel/contracts';
import { MailboxService, mailNotFound } from './mailbox.service';

const MAIL_ID = new UuidPipe(mailNotFound);

export class MailboxQueryDto extends PageQueryDto implements OutboxQuery {
  @ApiPropertyOptional({ enum: MAIL_STATUSES })
  @IsOptional()
  @IsIn(MAIL_STATUSES, { message: `must be one of ${MAIL_STATUSES.join(', ')}` })
  status?: MailStatus;

  @ApiPropertyOptional({ description: 'Part of the recipient address' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(254)
  to?: string;
}

/** The outbox as the admin reads it: every message, its state and, when captured, its text. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/mail')
export class AdminMailController {
  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly mailbox: MailboxService,
  ) {}

  @ApiOperation({
    summary: 'The mail outbox, newest first: state, attempts, last error; the text while it is kept',
    description:
      'The outbox of every mail the platform sends, newest first: recipient, kind, state (`queued`, `sent`, `failed`, `captured`), attempts and last error; the text while it is kept. Filtered by `status` and part of the recipient address (`to`), in pages. Administrators only, for finding out why someone got no mail.',
  })
  @Roles('admin')
  @ApiAnswer(
    200,
    'OutboxPage',
    "A page of the outbox, newest first: each message's recipient, kind, state, attempts and last error, its text while it is kept, and the total.",
  )
  @Get()
  async list(@Query() query: MailboxQueryDto): Promise<OutboxPage> {
    const { items, total } = await this.outbox.page({
      status: query.status,
      to: query.to || undefined,
      page: query.page,
      pageSize: query.pageSize,
    });
    return {
      items: items.map((m) => ({
        id: m.id,
        to: m.to,
        template: m.template,
        subject: m.subject,
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError,
        createdAt: new Date(m.createdAt).toISOString(),
        sentAt: m.sentAt ? new Date(m.sentAt).toISOString() : null,
        text: m.text,
        actionUrl: m.actionUrl,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @ApiOperation({
    summary: 'Sends a message that failed for good once more, with a fresh set of attempts. 409 unless it failed',
    description:
      'Queues a message that failed for good once more, with a fresh set of attempts. Administrators only; audited. Refusals: 404 `mail.not_found`; 409 `mail.not_failed` (only a failed message is sent again).',
  })
  @Roles('admin')
  @Post(':id/retry')
  @HttpCode(202)
  @ApiAnswer(202, null, 'The message is queued again with a fresh set of attempts; no body.', { errors: [409] })
  retry(@CurrentUser() user: AuthUser, @Param('id', MAIL_ID) id: string): Promise<void> {
    return this.mailbox.retry(user, id);
  }
}
