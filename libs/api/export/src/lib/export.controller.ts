import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { ApiAnswer, type AuthUser, contestNotFound, CurrentUser, Roles, roundNotFound, UuidPipe } from '@laurel/api-core';
import { ExportService, type PendingWorkbook } from './export.service';

const CONTEST_ID = new UuidPipe(contestNotFound);
const ROUND_ID = new UuidPipe(roundNotFound);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('export')
@ApiBearerAuth()
@Roles('organizer', 'admin')
@Controller()
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @ApiOperation({
    summary: 'The results workbook: Summary; per round Ranking, Scores and Matrix; Awards; Judges (streamed)',
    description:
      "The contest's results as an .xlsx workbook, streamed: a Summary sheet; per round its Ranking, Scores and Matrix; the Awards; the Judges. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`.",
  })
  @ApiProduces(XLSX)
  @ApiAnswer(200, { file: [XLSX] }, "The contest's results as an .xlsx workbook, streamed.")
  @Get('contests/:id/export.xlsx')
  async contest(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string, @Res() reply: FastifyReply): Promise<void> {
    await stream(reply, await this.exports.contestWorkbook(actor, contestId));
  }

  @ApiOperation({
    summary: 'Printable score sheets, one per judge, for a paper backup on pitch day',
    description:
      'Blank printable score sheets as an .xlsx workbook, one sheet per judge with their assigned entries and the rubric, as a paper backup on pitch day. Only the organizer who owns the contest, or an administrator. Refusals: 404 `round.not_found`; 422 `export.no_assignments`.',
  })
  @ApiProduces(XLSX)
  @ApiAnswer(200, { file: [XLSX] }, "The round's blank score sheets as an .xlsx workbook, one sheet per judge.", { errors: [422] })
  @Get('rounds/:id/score-sheets.xlsx')
  async scoreSheets(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Res() reply: FastifyReply): Promise<void> {
    await stream(reply, await this.exports.scoreSheets(actor, roundId));
  }
}

/** Sends the headers and pipes the workbook as it is written; fastify handles backpressure. */
async function stream(reply: FastifyReply, workbook: PendingWorkbook): Promise<void> {
  const body = new PassThrough();
  void reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${workbook.fileName}"; filename*=UTF-8''${encodeURIComponent(workbook.fileName)}`)
    .header('cache-control', 'no-store')
    .send(body);
  await workbook.write(body);
}
