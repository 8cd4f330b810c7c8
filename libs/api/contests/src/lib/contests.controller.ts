import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@laurel/api-core';
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

  @Public()
  @Get(':idOrSlug')
  get(@Param('idOrSlug') idOrSlug: string): Promise<ContestView> {
    return this.contests.get(idOrSlug);
  }
}
