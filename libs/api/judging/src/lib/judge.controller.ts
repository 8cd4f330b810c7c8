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

  @ApiOperation({ summary: 'My assignments over every contest and round (blind rounds without team details)' })
  @ApiAnswer(200, ['MyAssignmentView'])
  @Get('me/assignments')
  mine(@CurrentUser() actor: AuthUser): Promise<MyAssignmentView[]> {
    return this.reads.mine(actor);
  }

  @ApiOperation({ summary: 'One of my assignments: the entry, the round’s rubric with guidance, and my sheet' })
  @ApiAnswer(200, 'AssignmentDetailView')
  @Get('assignments/:id')
  detail(@CurrentUser() actor: AuthUser, @Param('id', ASSIGNMENT_ID) assignmentId: string): Promise<AssignmentDetailView> {
    return this.reads.detail(actor, assignmentId);
  }

  @ApiOperation({ summary: 'Download a file of the assigned entry (a neutral name in blind rounds)' })
  @ApiProduces('application/octet-stream')
  @ApiAnswer(200, { file: ['application/octet-stream'] })
  @Get('assignments/:id/attachments/:attachmentId')
  attachment(
    @CurrentUser() actor: AuthUser,
    @Param('id', ASSIGNMENT_ID) assignmentId: string,
    @Param('attachmentId', ATTACHMENT_ID) attachmentId: string,
  ): Promise<StreamableFile> {
    return this.reads.attachment(actor, assignmentId, attachmentId);
  }

  @ApiOperation({ summary: 'Save my sheet as a draft; send the version last read (409 when stale)' })
  @ApiAnswer(200, 'SheetView', { errors: [409, 422] })
  @Put('assignments/:id/sheet')
  save(@CurrentUser() actor: AuthUser, @Param('id', ASSIGNMENT_ID) assignmentId: string, @Body() dto: SaveSheetDto): Promise<SheetView> {
    return this.sheets.save(actor, assignmentId, dto);
  }

  @ApiOperation({ summary: 'Submit my sheet (every criterion scored); it is read-only afterwards' })
  @HttpCode(200)
  @ApiAnswer(200, 'SheetView')
  @Post('assignments/:id/submit')
  submit(@CurrentUser() actor: AuthUser, @Param('id', ASSIGNMENT_ID) assignmentId: string): Promise<SheetView> {
    return this.sheets.submit(actor, assignmentId);
  }

  @ApiOperation({ summary: 'Recuse from an entry with a reason (a declared conflict of interest)' })
  @HttpCode(200)
  @ApiAnswer(200, 'AssignmentStateView')
  @Post('assignments/:id/recuse')
  recuse(
    @CurrentUser() actor: AuthUser,
    @Param('id', ASSIGNMENT_ID) assignmentId: string,
    @Body() dto: RecuseDto,
  ): Promise<AssignmentDetailView['assignment']> {
    return this.sheets.recuse(actor, assignmentId, dto);
  }
}
