import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, contestNotFound, CurrentUser, Roles, roundNotFound, UuidPipe } from '@laurel/api-core';
import type { RoundView } from '@laurel/contracts';
import { CreateRoundDto, UpdateRoundDto } from './round.dto';
import { RoundsService } from './rounds.service';

const CONTEST_ID = new UuidPipe(contestNotFound);
const ROUND_ID = new UuidPipe(roundNotFound);

@ApiTags('rounds')
@ApiBearerAuth()
@Roles('organizer', 'admin')
@Controller()
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @ApiOperation({
    summary: 'Add a round with its rubric; priorityCriteria are names of its criteria',
    description:
      'Adds a judging round to a contest with its rubric (criteria with weight and maximum score), panel size, aggregation method and ranking; `priorityCriteria` name criteria of the rubric to break ties. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`; 409 `round.name_taken`, `round.order_taken`, `round.order_before_started` or `round.contest_published`; 400 `validation_failed`.',
  })
  @ApiAnswer(201, 'RoundView', 'The new round with its rubric, each criterion with its id.')
  @Post('contests/:id/rounds')
  create(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string, @Body() dto: CreateRoundDto): Promise<RoundView> {
    return this.rounds.create(actor, contestId, dto);
  }

  @ApiOperation({
    summary: 'Change settings and rubric: criteria with an id keep it, new ones get one, missing ones are removed',
    description:
      "Changes a round's settings and rubric. Criteria sent with an id keep it (and their scores), new ones get one, missing ones are removed; the rubric locks once the round leaves draft or judges have scored it. Only the organizer who owns the contest, or an administrator. Refusals: 404 `round.not_found`; 409 `round.rubric_locked`, `round.field_locked`, `round.name_taken`, `round.order_taken` or `round.contest_published`; 400 `round.setting_required` or `validation_failed`; 422 `round.rubric_required`.",
  })
  @ApiAnswer(200, 'RoundView', 'The round after the change, with its rubric as it now stands.', { errors: [409, 422] })
  @Patch('rounds/:id')
  update(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Body() dto: UpdateRoundDto): Promise<RoundView> {
    return this.rounds.update(actor, roundId, dto);
  }

  @ApiOperation({
    summary: 'Delete a draft round of a draft or open contest',
    description:
      'Deletes a round that never opened, while its contest is a draft or open. Only the organizer who owns the contest, or an administrator. Refusals: 404 `round.not_found`; 409 `round.delete_refused`.',
  })
  @HttpCode(204)
  @ApiAnswer(204, null, 'The round is deleted with its rubric; no body.', { errors: [409] })
  @Delete('rounds/:id')
  remove(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string): Promise<void> {
    return this.rounds.remove(actor, roundId);
  }
}
