import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  CategoryEntity,
  ContestEntity,
  CriterionEntity,
  PrizeEntity,
  RoundEntity,
} from '../entities';
import type { PrizeTier } from '@laurel/contracts';

export interface NewContest {
  name: string;
  slug: string;
  year: number;
  description?: string;
  submissionOpensAt: string;
  submissionClosesAt: string;
  minScoreForPrize?: number;
  requirePitchDeck?: boolean;
  categories: { name: string }[];
  prizes: { tier: PrizeTier; count: number; amount?: number; currency?: string; categoryName?: string }[];
}

export interface ContestAggregate {
  contest: ContestEntity;
  categories: CategoryEntity[];
  rounds: RoundEntity[];
  criteria: CriterionEntity[];
  prizes: PrizeEntity[];
}

/** Reads contests with their configuration in a fixed number of queries, whatever their count. */
@Injectable()
export class ContestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<ContestAggregate[]> {
    const contests = await this.dataSource
      .getRepository(ContestEntity)
      .find({ order: { year: 'DESC', name: 'ASC' } });
    return this.withConfiguration(contests);
  }

  async findById(id: string): Promise<ContestAggregate | null> {
    const contest = await this.dataSource.getRepository(ContestEntity).findOne({ where: { id } });
    return contest ? (await this.withConfiguration([contest]))[0] : null;
  }

  async findBySlug(slug: string): Promise<ContestAggregate | null> {
    const contest = await this.dataSource.getRepository(ContestEntity).findOne({ where: { slug } });
    return contest ? (await this.withConfiguration([contest]))[0] : null;
  }

  /** Inserts the contest with its categories and prizes in one transaction; null when the slug is taken. */
  async create(ownerId: string, dto: NewContest): Promise<ContestAggregate | null> {
    const id = await this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO contests (name, slug, year, description, submission_opens_at, submission_closes_at,
                               min_score_for_prize, require_pitch_deck, owner_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [
          dto.name,
          dto.slug,
          dto.year,
          dto.description ?? '',
          dto.submissionOpensAt,
          dto.submissionClosesAt,
          dto.minScoreForPrize ?? 0,
          dto.requirePitchDeck ?? true,
          ownerId,
        ],
      );
      if (inserted.length === 0) return null;
      const contestId = inserted[0].id;
      const categories = await manager.save(
        dto.categories.map((c, position) => manager.create(CategoryEntity, { contestId, name: c.name, position })),
      );
      const byName = new Map(categories.map((c) => [c.name.toLocaleLowerCase('vi'), c.id]));
      if (dto.prizes.length > 0) {
        await manager.save(
          dto.prizes.map((p) =>
            manager.create(PrizeEntity, {
              contestId,
              tier: p.tier,
              count: p.count,
              amount: p.amount ?? null,
              currency: p.currency ?? null,
              categoryId: p.categoryName ? (byName.get(p.categoryName.toLocaleLowerCase('vi')) ?? null) : null,
            }),
          ),
        );
      }
      return contestId;
    });
    return id ? this.findById(id) : null;
  }

  private async withConfiguration(contests: ContestEntity[]): Promise<ContestAggregate[]> {
    if (contests.length === 0) return [];
    const contestIds = contests.map((c) => c.id);
    const [categories, rounds, prizes] = await Promise.all([
      this.dataSource.getRepository(CategoryEntity).find({ where: { contestId: In(contestIds) }, order: { position: 'ASC' } }),
      this.dataSource.getRepository(RoundEntity).find({ where: { contestId: In(contestIds) }, order: { order: 'ASC' } }),
      this.dataSource.getRepository(PrizeEntity).find({ where: { contestId: In(contestIds) } }),
    ]);
    const criteria =
      rounds.length === 0
        ? []
        : await this.dataSource
            .getRepository(CriterionEntity)
            .find({ where: { roundId: In(rounds.map((r) => r.id)) }, order: { position: 'ASC' } });
    return contests.map((contest) => {
      const ownRounds = rounds.filter((r) => r.contestId === contest.id);
      const roundIds = new Set(ownRounds.map((r) => r.id));
      return {
        contest,
        categories: categories.filter((c) => c.contestId === contest.id),
        rounds: ownRounds,
        criteria: criteria.filter((c) => roundIds.has(c.roundId)),
        prizes: prizes.filter((p) => p.contestId === contest.id),
      };
    });
  }
}
