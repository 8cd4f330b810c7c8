import { Body, Controller, Get, HttpCode, Param, Post, Put, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, assignmentNotFound, attachmentNotFound, type AuthUser, CurrentUser, UuidPipe } from '@laurel/api-core';
import type { AssignmentDetailView, MyAssignmentView, SheetView } from '@laurel/contracts';
import { JudgeAssignmentsService } from './judge-assignments.service';
import { RecuseDto, SaveSheetDto } from './judging.dto';
import { RoundClosedFilter } from './round-closed.filter';
import { ScoreSheetsService } from './score-sheets.service';

const ASSIGNMENT_ID = new UuidPipe(assignmentNotFound);
const ATTACHMENT_ID = new UuidPipe(attachmentNotFound);

/**
 * The judge's side. No role on the routes: access is decided per assignment (only its judge
 * gets an answer), so a judge who is also an organizer elsewhere is served the same way.
 */
@ApiTags('judging')
@ApiBearerAuth()
@UseFilters(RoundClosedFilter)
@Controller()
export class JudgeController {
  constructor(
    private readonly reads: JudgeAssignmentsService,
    private readonly sheets: ScoreSheetsService,
  ) {}

  @ApiOperation({
    summary: 'My assignments over every contest and round (blind rounds without team details)',
    description:
      "The signed-in judge's assignments over every contest and round, with each one's status and round; blind rounds leave the team's details out. Any signed-in account (one without assignments gets an empty list).",
  })
  @ApiAnswer(
    200,
    ['MyAssignmentView'],
    "The caller's assignments over every contest and round, each with its status and round (blind rounds without team details).",
  )
  @Get('me/assignments')
  mine(@CurrentUser() actor: AuthUser): Promise<MyAssignmentView[]> {
    return this.reads.mine(actor);
  }

  @ApiOperation({
    summary: 'One of my assignments: the entry, the round’s rubric with guidance, and my sheet',
    description:
      "One of the caller's assignments: the entry as the round shows it to judges (blind rounds without team details), the rubric with its guidance, and the caller's sheet with its `version`. Only the assigned judge while on the panel and not recused: nobody else, not an administrator either. Refusals: 404 `assignment.not_found`, the same for another judge's assignment.",
  })
  @ApiAnswer(
    200,
    'AssignmentDetailView',
    "The assignment: the entry as the round shows it to judges, the rubric with its guidance, and the caller's sheet with its version.",
  )
  @Get('assignments/:id')
  detail(@CurrentUser() actor: AuthUser, @Param('id', ASSIGNMENT_ID) assignmentId: string): Promise<AssignmentDetailView> {
    return this.reads.detail(actor, assignmentId);
  }

  @ApiOperation({
    summary: 'Download a file of the assigned entry (a neutral name in blind rounds)',
    description:
      'Streams a file of the entry the caller is assigned to; in a blind round under a neutral name. Only the assigned judge while on the panel and not recused. Refusals: 404 `assignment.not_found` or `attachment.not_found`.',
  })
  @ApiProduces('application/octet-stream')
  @ApiAnswer(200, { file: ['application/octet-stream'] }, "The file's bytes, under a neutral name in a blind round.")
  @Get('assignments/:id/attachments/:attachmentId')
  attachment(
    @CurrentUser() actor: AuthUser,
    @Param('id', ASSIGNMENT_ID) assignmentId: string,
    @Param('attachmentId', ATTACHMENT_ID) attachmentId: string,
  ): Promise<StreamableFile> {
    return this.reads.attachment(actor, assignmentId, attachmentId);
  }

  @ApiOperation({
    summary: 'Save my sheet as a draft; send the version last read (409 when stale)',
    description:
      "Saves the caller's sheet as a draft (scores, comments, which comments stay internal); send the `version` last read and use the one answered next time. Partial sheets are fine. Only the assigned judge, while the round is open. Refusals: 404 `assignment.not_found`; 409 `sheet.stale_version` (another tab saved: reload), `sheet.submitted`, `assignment.recused`, `round.not_open` or `round.closed`; 400 `sheet.invalid_scores` (a value outside 0…max or an unknown criterion); 422 `sheet.conflict_of_interest`.",
  })
  @ApiAnswer(200, 'SheetView', "The judge's score sheet after the save, with its new version.", { errors: [409, 422] })
  @Put('assignments/:id/sheet')
  save(@CurrentUser() actor: AuthUser, @Param('id', ASSIGNMENT_ID) assignmentId: string, @Body() dto: SaveSheetDto): Promise<SheetView> {
    return this.sheets.save(actor, assignmentId, dto);
  }

  @ApiOperation({
    summary: 'Submit my sheet (every criterion scored); it is read-only afterwards',
    description:
      "Submits the caller's sheet: every criterion must be scored. The total is computed and stored, the sheet becomes read-only, and it counts in the round's results. Only the assigned judge, while the round is open. Refusals: 404 `assignment.not_found`; 409 `sheet.submitted`, `assignment.recused`, `round.not_open` or `round.closed`; 422 `sheet.incomplete` (which criteria are missing) or `sheet.conflict_of_interest`.",
  })
  @HttpCode(200)
  @ApiAnswer(200, 'SheetView', 'The submitted score sheet with its total; it is read-only from now on.')
  @Post('assignments/:id/submit')
  submit(@CurrentUser() actor: AuthUser, @Param('id', ASSIGNMENT_ID) assignmentId: string): Promise<SheetView> {
    return this.sheets.submit(actor, assignmentId);
  }

  @ApiOperation({
    summary: 'Recuse from an entry with a reason (a declared conflict of interest)',
    description:
      'Declares a conflict of interest with the entry and steps back from it, with a reason the organizers see; the pair is never assigned again. Only the assigned judge, before submitting, while the round is open. Refusals: 404 `assignment.not_found`; 409 `assignment.already_recused`, `assignment.submitted`, `round.not_open` or `round.closed`.',
  })
  @HttpCode(200)
  @ApiAnswer(200, 'AssignmentStateView', 'The assignment, now recused, with the reason given.')
  @Post('assignments/:id/recuse')
  recuse(
    @CurrentUser() actor: AuthUser,
    @Param('id', ASSIGNMENT_ID) assignmentId: string,
    @Body() dto: RecuseDto,
  ): Promise<AssignmentDetailView['assignment']> {
    return this.sheets.recuse(actor, assignmentId, dto);
  }
}
