import { Injectable } from '@nestjs/common';
import { AppError } from '@laurel/api-core';
import type { ContestView } from '@laurel/contracts';
import { toContestView } from './contest.mapper';
import { ContestsRepository } from './contests.repository';

@Injectable()
export class ContestsService {
  constructor(private readonly contests: ContestsRepository) {}

  async list(): Promise<ContestView[]> {
    return (await this.contests.list()).map(toContestView);
  }

  async get(idOrSlug: string): Promise<ContestView> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
    const found = isUuid ? await this.contests.findById(idOrSlug) : await this.contests.findBySlug(idOrSlug);
    if (!found) throw AppError.notFound('contest.not_found', 'No contest has this id or address. Check the link.');
    return toContestView(found);
  }
}
