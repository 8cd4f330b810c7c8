import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AwardView, ContestStatus, PrizeTier } from '@laurel/contracts';
import { returningRows } from './returning-rows';
import { known } from '@laurel/domain';

/** A confirmed award as stored: the contract's award with its date as a date. */
export type AwardRow = Omit<AwardView, 'confirmedAt'> & { confirmedAt: Date };

export interface NewAward {
  place: number;
  tier: PrizeTier;
  categoryId: string | null;
  entryId: string;
  rank: number | null;
  score: number | null;
  reason: string | null;
}

export interface PublicationState {
  id: string;
  ownerId: string;
  status: ContestStatus;
  publishedAt: Date | null;
}

export interface PublishedContest {
  id: string;
  slug: string;
  name: string;
  year: number;
  publishedAt: Date;
}

/** Confirmed awards and the publication of a contest's results. */
@Injectable()
export class AwardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction holding the contest's row lock (null: no such contest). */
  withContestLock<T>(contestId: string, work: (state: PublicationState | null, manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PublicationState[] = await manager.query(
        `SELECT id, owner_id AS "ownerId", status, published_at AS "publishedAt" FROM contests WHERE id = $1 FOR UPDATE`,
        [contestId],
      );
      return work(rows[0] ?? null, manager);
    });
  }

  async publicationState(contestId: string): Promise<PublicationState | null> {
    const rows: PublicationState[] = await this.dataSource.query(
      `SELECT id, owner_id AS "ownerId", status, published_at AS "publishedAt" FROM contests WHERE id = $1`,
      [contestId],
    );
    return rows[0] ?? null;
  }

  /** The awards with their entries and prize amounts, in place order. */
  async list(contestId: string, manager: EntityManager = this.dataSource.manager): Promise<AwardRow[]> {
    return manager.query(
      `SELECT a.place, a.tier, a.category_id AS "categoryId", a.entry_id AS "entryId", e.code, e.title, e.team_name AS "teamName",
              a.rank, a.score, a.reason, p.amount::float8 AS "prizeAmount", p.currency, a.confirmed_at AS "confirmedAt"
         FROM awards a
         JOIN entries e ON e.id = a.entry_id
         LEFT JOIN prizes p ON p.contest_id = a.contest_id AND p.tier = a.tier AND p.category_id IS NOT DISTINCT FROM a.category_id
        WHERE a.contest_id = $1
        ORDER BY a.place`,
      [contestId],
    );
  }

  /** Replaces the contest's confirmed awards as a whole, in the caller's transaction. */
  async replace(manager: EntityManager, contestId: string, awards: NewAward[], confirmedBy: string): Promise<void> {
    await manager.query(`DELETE FROM awards WHERE contest_id = $1`, [contestId]);
    if (awards.length === 0) return;
    await manager.query(
      `INSERT INTO awards (contest_id, place, tier, category_id, entry_id, rank, score, reason, confirmed_by)
       SELECT $1, a.place, a.tier, a.category_id, a.entry_id, a.rank, a.score, a.reason, $9
         FROM unnest($2::int[], $3::text[], $4::uuid[], $5::uuid[], $6::int[], $7::float8[], $8::text[])
              AS a(place, tier, category_id, entry_id, rank, score, reason)`,
      [
        contestId,
        awards.map((a) => a.place),
        awards.map((a) => a.tier),
        awards.map((a) => a.categoryId),
        awards.map((a) => a.entryId),
        awards.map((a) => a.rank),
        awards.map((a) => a.score),
        awards.map((a) => a.reason),
        confirmedBy,
      ],
    );
  }

  async count(manager: EntityManager, contestId: string): Promise<number> {
    const [counted]: { count: number }[] = await manager.query(`SELECT count(*)::int AS count FROM awards WHERE contest_id = $1`, [
      contestId,
    ]);
    return known(counted, 'the award count').count;
  }

  /** Sets the contest published, in the caller's transaction; answers when. */
  async publish(manager: EntityManager, contestId: string): Promise<Date> {
    const [published] = await returningRows<{ publishedAt: Date }>(
      manager,
      `UPDATE contests SET status = 'published', published_at = now(), version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING published_at AS "publishedAt"`,
      [contestId],
    );
    return known(published, 'the published contest').publishedAt;
  }

  async findPublished(slug: string): Promise<PublishedContest | null> {
    const rows: PublishedContest[] = await this.dataSource.query(
      `SELECT id, slug, name, year, published_at AS "publishedAt" FROM contests WHERE slug = $1 AND status = 'published' AND published_at IS NOT NULL`,
      [slug],
    );
    return rows[0] ?? null;
  }
}
