import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Public, Roles } from '@laurel/api-core';
import { CreateContestDto } from './contest.dto';
import type { ContestView } from '@laurel/contracts';
import { ContestsService } from './contests.service';

@ApiTags('contests')
@Controller('contests')
export class ContestsController {
  constructor(private readonly contests: ContestsService) {}

  @Public()
  @Get()
  list(): Promise<ContestView[]> {
    return this.contests.list();
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateContestDto): Promise<ContestView> {
    return this.contests.create(actor, dto);
  }

  @Public()
  @Get(':idOrSlug')
  get(@Param('idOrSlug') idOrSlug: string): Promise<ContestView> {
    return this.contests.get(idOrSlug);
  }
}
