import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ContestFacts } from '@laurel/api-core';

/**
 * The facts the access policy (@laurel/api-core `access-policy.ts`) decides on, for a service
 * that needs nothing else of the resource: one statement, not the whole aggregate.
 */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Who owns the contest; null when no contest has this id. */
  async contest(contestId: string): Promise<ContestFacts | null> {
    const rows: ContestFacts[] = await this.dataSource.query(`SELECT owner_id AS "ownerId" FROM contests WHERE id = $1`, [contestId]);
    return rows.at(0) ?? null;
  }
}
