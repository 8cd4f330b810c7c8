import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, laurelConfig, type LaurelConfig } from '@laurel/api-core';

/**
 * Votes per client address: `VOTE_THROTTLE_LIMIT` casts in a 10-minute window, counted in the
 * shared PostgreSQL throttles (table `throttles`, rate-limiter-flexible's store, key prefix
 * `vote-ip`) beside sign-in's and sign-up's, so every API instance counts against the same
 * number. One prepared upsert per cast on the API's own pool.
 *
 * It is a store of its own rather than api-auth's `Throttles`: a feature library may not import
 * another (the module-boundary rule), and the table, the library and the key scheme are the same.
 */
@Injectable()
export class VoteThrottle {
  private readonly limiter: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(laurelConfig.KEY) config: LaurelConfig) {
    this.limiter = new RateLimiterPostgres({
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: 'throttles',
      // The migration creates the table; the store only reads and writes it.
      tableCreated: true,
      keyPrefix: 'vote-ip',
      points: config.votes.throttleLimit,
      duration: config.votes.throttleWindowSeconds,
    });
  }

  /** Counts one cast of this client address; 429 with Retry-After past the limit. */
  async hit(clientAddress: string): Promise<void> {
    try {
      await this.limiter.consume(clientAddress);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      const seconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      const minutes = Math.ceil(seconds / 60);
      throw new AppError(
        HttpStatus.TOO_MANY_REQUESTS,
        'vote.throttled',
        `Too many votes from this network in the last few minutes. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
        undefined,
        { retryAfterSeconds: seconds },
      );
    }
  }
}
