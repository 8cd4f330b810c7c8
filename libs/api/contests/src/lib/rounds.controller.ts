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

  @ApiOperation({ summary: 'Add a round with its rubric; priorityCriteria are names of its criteria' })
  @ApiAnswer(201, 'RoundView')
  @Post('contests/:id/rounds')
  create(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string, @Body() dto: CreateRoundDto): Promise<RoundView> {
    return this.rounds.create(actor, contestId, dto);
  }

  @ApiOperation({ summary: 'Change settings and rubric: criteria with an id keep it, new ones get one, missing ones are removed' })
  @ApiAnswer(200, 'RoundView', { errors: [409, 422] })
  @Patch('rounds/:id')
  update(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Body() dto: UpdateRoundDto): Promise<RoundView> {
    return this.rounds.update(actor, roundId, dto);
  }

  @ApiOperation({ summary: 'Delete a draft round of a draft or open contest' })
  @HttpCode(204)
  @ApiAnswer(204, null, { errors: [409] })
  @Delete('rounds/:id')
  remove(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string): Promise<void> {
    return this.rounds.remove(actor, roundId);
  }
}
