import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiAnswer, type AuthUser, contestNotFound, CurrentUser, Roles, roundNotFound, UuidPipe } from '@laurel/api-core';
import { DocumentQueryDto } from './documents.dto';
import { certificateNotFound, DocumentsService, type PendingDocument } from './documents.service';

const CONTEST_ID = new UuidPipe(contestNotFound);
const ROUND_ID = new UuidPipe(roundNotFound);
const ENTRY_ID = new UuidPipe(certificateNotFound);

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'Minutes of the council meeting (.docx): members, rounds, final ranking, awards, vote, signature blocks',
    description:
      'The minutes of the council meeting as a .docx document: council members, rounds, final ranking, awards, public vote and signature blocks. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`; 409 `documents.final_round_not_closed` or `awards.not_confirmed`.',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiAnswer(
    200,
    { file: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
    "The minutes as a .docx document, in the contest's language unless `lang` asks for the other.",
    { errors: [409, 422] },
  )
  @Get('contests/:id/minutes.docx')
  async minutes(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Query() query: DocumentQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.send(reply, await this.documents.minutes(actor, contestId, query.lang));
  }

  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'Certificates (.pdf), one A4 landscape page per confirmed award',
    description:
      'Every certificate as one .pdf, an A4 landscape page per confirmed award, for printing. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`; 409 `awards.not_confirmed`.',
  })
  @ApiProduces('application/pdf')
  @ApiAnswer(200, { file: ['application/pdf'] }, 'Every certificate in one .pdf, an A4 landscape page per confirmed award.', {
    errors: [409, 422],
  })
  @Get('contests/:id/certificates.pdf')
  async certificates(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Query() query: DocumentQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.send(reply, await this.documents.certificates(actor, contestId, query.lang));
  }

  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: "Score sheets for signing (.pdf): a page per judge with the judge's submitted values, totals and a signature line",
    description:
      'Score sheets for signing as a .pdf: a page per judge with the values they submitted per entry and criterion, the totals and a signature line. Only the organizer who owns the contest, or an administrator. Refusals: 404 `round.not_found`; 422 `documents.no_assignments`.',
  })
  @ApiProduces('application/pdf')
  @ApiAnswer(200, { file: ['application/pdf'] }, "The round's score sheets for signing in one .pdf, a page per judge.", {
    errors: [409, 422],
  })
  @Get('rounds/:id/score-sheets.pdf')
  async scoreSheets(
    @CurrentUser() actor: AuthUser,
    @Param('id', ROUND_ID) roundId: string,
    @Query() query: DocumentQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.send(reply, await this.documents.scoreSheets(actor, roundId, query.lang));
  }

  @ApiOperation({
    summary: "An awarded entry's certificate (.pdf), for its team once the results are published",
    description:
      "An awarded entry's certificate as a .pdf, for its team once the contest's results are published. Only the team that owns the entry. Refusals: 404 `certificate.not_found` (no award, not published, or not the caller's entry).",
  })
  @ApiProduces('application/pdf')
  @ApiAnswer(200, { file: ['application/pdf'] }, "The entry's certificate as a one-page .pdf.", { errors: [409, 422] })
  @Get('entries/:id/certificate.pdf')
  async entryCertificate(
    @CurrentUser() actor: AuthUser,
    @Param('id', ENTRY_ID) entryId: string,
    @Query() query: DocumentQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.send(reply, await this.documents.entryCertificate(actor, entryId, query.lang));
  }

  /** Headers first, then the document as it is written; a failure half-way can only cut it short. */
  private send(reply: FastifyReply, document: PendingDocument): void {
    const body = document.open();
    body.on('error', (error: Error) => this.documents.failed(error));
    void reply
      .header('content-type', document.contentType)
      .header(
        'content-disposition',
        `attachment; filename="${document.fileName}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      )
      .header('cache-control', 'no-store')
      .send(body);
  }
}
