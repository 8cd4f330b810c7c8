import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { laurelConfig, type LaurelConfig } from '@laurel/api-core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { runMigrationsLocked } from './migrate';
import { RepositoriesModule } from './repositories/repositories.module';

const logger = new Logger('Database');

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [laurelConfig.KEY],
      useFactory: (config: LaurelConfig) => ({
        ...dataSourceOptions({ url: config.database.url, poolMax: config.database.poolMax }),
        // A database restart must never kill the process: log the pool error and let pg reconnect.
        poolErrorHandler: (error: Error) => logger.warn(`PostgreSQL pool error: ${error.message}`),
        retryAttempts: 10,
        retryDelay: 1000,
      }),
    }),
    RepositoriesModule,
  ],
})
export class DatabaseModule implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(laurelConfig.KEY) private readonly config: LaurelConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.database.migrateOnStart) return;
    const applied = await runMigrationsLocked(this.dataSource);
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
}
