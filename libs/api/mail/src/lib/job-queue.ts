import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { laurelConfig, type LaurelConfig } from '@laurel/api-core';

export const JOB_QUEUE_OPTIONS = Symbol('JOB_QUEUE_OPTIONS');

export interface JobQueueOptions {
  /** False in the CLI: it only enqueues; the API processes deliver. */
  work: boolean;
}

export type JobHandler<T> = (jobs: PgBoss.JobWithMetadata<T>[]) => Promise<void>;

/** A queue and how pg-boss keeps it (`short`: at most one waiting job per singletonKey). */
export interface QueueSpec {
  name: string;
  policy?: 'standard' | 'short';
}

/**
 * The PostgreSQL-backed job queue (pg-boss, in the schema `pgboss` of Laurel's database). Every
 * API process works the same queues; pg-boss hands each job to one of them (SKIP LOCKED), retries
 * failures with exponential backoff and expires jobs of a process that died, so a job survives
 * restarts and runs once per attempt whichever instance takes it.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown, EntitySubscriberInterface {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  /** This process's worker of each queue it works. */
  private readonly workers = new Map<string, string>();
  /** Open transactions that added jobs, and to which queues: their workers are woken at commit. */
  private readonly added = new WeakMap<QueryRunner, Set<string>>();
  private starting: Promise<void> | null = null;
  private markReady!: () => void;
  /** Settles once pg-boss's schema and the queues exist; enqueuing waits for it. */
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  private stopped = false;
  /** Handlers of this process running now (a batch each). */
  private running = 0;

  constructor(
    @Inject(laurelConfig.KEY) config: LaurelConfig,
    @Inject(JOB_QUEUE_OPTIONS) readonly options: JobQueueOptions,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.boss = new PgBoss({
      connectionString: config.database.url,
      schema: 'pgboss',
      application_name: 'laurel-jobs',
      // Its own small pool: a burst of mail never starves the API's request queries.
      max: 4,
      supervise: options.work,
      schedule: false,
      // Finished jobs are kept a day for inspection, then archived and deleted by pg-boss itself.
      archiveCompletedAfterSeconds: 24 * 60 * 60,
    });
    this.boss.on('error', (error: Error) => this.logger.warn(`Job queue: ${error.message}`));
    // Told when a transaction commits (TypeORM's subscriber, as Nest documents it), so a job added
    // here is taken at once instead of at the worker's next poll; other processes still poll.
    if (options.work) dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // A savepoint released inside the transaction commits nothing yet.
    if (runner.isTransactionActive) return;
    const queues = this.added.get(runner);
    if (!queues) return;
    this.added.delete(runner);
    for (const queue of queues) this.wake(queue);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.added.delete(event.queryRunner);
  }

  /**
   * Creates pg-boss's schema (under its own advisory lock) and the named queues, trying again
   * every 5 s while the database cannot be reached. Boot does not wait for it.
   */
  start(queues: readonly QueueSpec[]): Promise<void> {
    this.starting ??= (async () => {
      for (;;) {
        try {
          await this.boss.start();
          for (const { name, policy } of queues) await this.boss.createQueue(name, { name, policy: policy ?? 'standard' });
          this.markReady();
          return;
        } catch (error) {
          if (this.stopped) return;
          this.logger.warn(`Job queue not ready (${(error as Error).message}); trying again in 5 s`);
          await new Promise((resolve) => setTimeout(resolve, 5000));
        }
      }
    })();
    return this.starting;
  }

  /**
   * Adds a job inside the caller's transaction: it exists exactly when the change that caused it
   * commits. Without a manager the job is added on its own.
   */
  async send<T extends object>(
    manager: EntityManager | null,
    queue: string,
    data: T,
    options: PgBoss.SendOptions = {},
  ): Promise<string | null> {
    await this.ready;
    const db = manager ? { executeSql: (text: string, values: unknown[]) => transactionSql(manager, text, values) } : undefined;
    const id = await this.boss.send(queue, data, { ...options, ...(db ? { db } : {}) });
    if (manager) this.wakeAtCommit(manager, queue);
    else this.wake(queue);
    return id;
  }

  /** Adds many jobs in one statement inside the caller's transaction (an open one: a manager with a query runner). */
  async insert(manager: EntityManager, jobs: PgBoss.JobInsert[]): Promise<void> {
    await this.ready;
    await this.boss.insert(jobs, { db: { executeSql: (text: string, values: unknown[]) => transactionSql(manager, text, values) } });
    for (const queue of new Set(jobs.map((job) => job.name))) this.wakeAtCommit(manager, queue);
  }

  /** Cancels a job that has not run yet, inside the caller's transaction. */
  async cancel(manager: EntityManager, queue: string, id: string): Promise<void> {
    await this.ready;
    await this.boss.cancel(queue, id, { db: { executeSql: (text: string, values: unknown[]) => transactionSql(manager, text, values) } });
  }

  async work<T>(queue: string, options: { batchSize: number; pollingIntervalSeconds: number }, handler: JobHandler<T>): Promise<void> {
    if (!this.options.work) return;
    await this.ready;
    const workerId = await this.boss.work<T>(queue, { ...options, includeMetadata: true }, async (jobs) => {
      this.running += 1;
      try {
        await handler(jobs);
      } finally {
        this.running -= 1;
      }
      // A full batch means more are likely waiting: fetch again at once, not after the polling interval.
      if (jobs.length >= options.batchSize) this.wake(queue);
    });
    this.workers.set(queue, workerId);
  }

  /** Has this process's worker of `queue` (if any) fetch now rather than at its next poll. */
  private wake(queue: string): void {
    const workerId = this.workers.get(queue);
    if (workerId) this.boss.notifyWorker(workerId);
  }

  private wakeAtCommit(manager: EntityManager, queue: string): void {
    const runner = manager.queryRunner;
    if (!runner || !this.options.work) return;
    const queues = this.added.get(runner) ?? new Set<string>();
    queues.add(queue);
    this.added.set(runner, queues);
  }

  /** Resolves once no handler of this process has run for `quietMs` (or after `maxMs`). */
  private async quiet(quietMs: number, maxMs: number): Promise<void> {
    const deadline = Date.now() + maxMs;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      if (this.running > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Fails one job of a batch (the rest complete when the handler returns). */
  async fail(queue: string, id: string, error: Error): Promise<void> {
    await this.boss.fail(queue, id, { message: error.message });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (!this.starting) return;
    // Stop fetching first, then let what was fetched run to its end while the queue's connections
    // are still open, so its jobs complete or fail back to the queue (retried at once elsewhere)
    // instead of sitting `active` until they expire. pg-boss's own graceful stop only sees a batch
    // once its fetch has returned: a fetch under way as the process begins to stop (a commit's
    // wake-up makes that likely) would otherwise be left to the 120 s expiry.
    for (const queue of this.workers.keys()) await this.boss.offWork(queue).catch(() => undefined);
    if (this.workers.size > 0) await this.quiet(500, 10_000);
    // Then pg-boss waits for jobs in hand (up to 10 s); whatever is still active is failed and retried later.
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch((error: Error) => this.logger.warn(error.message));
  }
}

async function transactionSql(manager: EntityManager, text: string, values: unknown[]): Promise<{ rows: unknown[] }> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('JobQueue.send needs the EntityManager of an open transaction');
  const result = await runner.query(text, values, true);
  return { rows: result.records ?? [] };
}
