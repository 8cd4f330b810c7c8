import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, conflictNotFound, contestNotFound, CurrentUser, Roles, UuidPipe } from '@laurel/api-core';
import type { ConflictView } from '@laurel/contracts';
import { ConflictsService } from './conflicts.service';
import { CreateConflictDto } from './judging.dto';
import { RoundClosedFilter } from './round-closed.filter';

const CONTEST_ID = new UuidPipe(contestNotFound);
const CONFLICT_ID = new UuidPipe(conflictNotFound);

@ApiTags('judging')
@ApiBearerAuth()
@Roles('organizer', 'admin')
@UseFilters(RoundClosedFilter)
@Controller('contests/:id/conflicts')
export class ConflictsController {
  constructor(private readonly conflicts: ConflictsService) {}

  @ApiOperation({
    summary: 'Conflicts of interest: detected (id null), declared by judges, added by organizers',
    description:
      "The contest's conflicts of interest between judges and entries: those detected from what judges and teams declared (id null), those judges declared by recusing, and those organizers added. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`.",
  })
  @ApiAnswer(200, ['ConflictView'], "The contest's conflicts of interest, each with its judge, entry, kind and where it came from.")
  @Get()
  list(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<ConflictView[]> {
    return this.conflicts.list(actor, contestId);
  }

  @ApiOperation({
    summary: 'Add a conflict by hand; open assignments of the pair without a submitted sheet are removed',
    description:
      'Records a conflict between a judge of the panel and an entry by hand; the pair is never assigned again, and its open assignments without a submitted sheet are removed. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `contest.not_found`; 409 `conflict.exists`; 422 `conflict.unknown_pair` (the judge or the entry is not in this contest).',
  })
  @ApiAnswer(201, 'ConflictView', 'The conflict as recorded, with its id.')
  @Post()
  add(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string, @Body() dto: CreateConflictDto): Promise<ConflictView> {
    return this.conflicts.add(actor, contestId, dto);
  }

  @ApiOperation({
    summary: 'Remove a conflict an organizer added',
    description:
      'Removes a conflict an organizer added; detected and declared ones stay. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `conflict.not_found`; 409 `conflict.not_removable`.',
  })
  @HttpCode(204)
  @ApiAnswer(204, null, 'The conflict is removed; no body.', { errors: [409] })
  @Delete(':conflictId')
  remove(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Param('conflictId', CONFLICT_ID) conflictId: string,
  ): Promise<void> {
    return this.conflicts.remove(actor, contestId, conflictId);
  }
}
