import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser, type FieldProblem } from '@laurel/api-core';
import type { ContestView } from '@laurel/contracts';
import { toContestView } from './contest.mapper';
import type { CreateContestDto } from './contest.dto';
import { ContestsRepository } from '@laurel/api-database';

@Injectable()
export class ContestsService {
  constructor(private readonly contests: ContestsRepository) {}

  async list(): Promise<ContestView[]> {
    return (await this.contests.list()).map(toContestView);
  }

  async create(actor: AuthUser, dto: CreateContestDto): Promise<ContestView> {
    const problems = checkContestInput(dto);
    if (problems.length > 0) {
      throw AppError.badRequest('validation_failed', `Please correct the contest: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
    }
    const created = await this.contests.create(actor.id, dto);
    if (!created) {
      throw AppError.conflict('contest.slug_taken', `The address "${dto.slug}" is already used by another contest. Choose another slug.`);
    }
    return toContestView(created);
  }

  async get(idOrSlug: string): Promise<ContestView> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
    const found = isUuid ? await this.contests.findById(idOrSlug) : await this.contests.findBySlug(idOrSlug);
    if (!found) throw AppError.notFound('contest.not_found', 'No contest has this id or address. Check the link.');
    return toContestView(found);
  }
}

/** Rules that span fields, which the DTO's per-field checks cannot see. */
function checkContestInput(dto: CreateContestDto): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (Date.parse(dto.submissionOpensAt) >= Date.parse(dto.submissionClosesAt)) {
    problems.push({ field: 'submissionClosesAt', message: 'must be later than submissionOpensAt' });
  }
  const names = dto.categories.map((c) => c.name.toLocaleLowerCase('vi'));
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) problems.push({ field: `categories.${i}.name`, message: 'repeats another category' });
  });
  const scopes = new Set<string>();
  dto.prizes.forEach((prize, i) => {
    if (prize.categoryName && !names.includes(prize.categoryName.toLocaleLowerCase('vi'))) {
      problems.push({ field: `prizes.${i}.categoryName`, message: 'names no category of this contest' });
    }
    const scope = `${prize.tier}|${prize.categoryName?.toLocaleLowerCase('vi') ?? ''}`;
    if (scopes.has(scope)) problems.push({ field: `prizes.${i}.tier`, message: 'appears twice for the same category; give one line a larger count' });
    scopes.add(scope);
    if (prize.amount !== undefined && !prize.currency) problems.push({ field: `prizes.${i}.currency`, message: 'is needed with an amount' });
  });
  return problems;
}
