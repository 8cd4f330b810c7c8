import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { redactText } from '@laurel/api-core';

/**
 * TypeORM's own loggers print a failed query's parameters, which hold passwords' hashes, token
 * hashes and every value a person typed. This one goes through the application's logger (so the
 * same redaction applies) and never prints a parameter, only how many there were.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Queries are not logged: `logging` asks only for errors, warnings and migrations.
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[] | object): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.error(`Query failed: ${redactText(message)} (query: ${oneLine(query)}${withheld(parameters)})`);
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[] | object): void {
    this.logger.warn(`Slow query, ${time} ms: ${oneLine(query)}${withheld(parameters)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = redactText(String(message));
    if (level === 'warn') this.logger.warn(text);
    else this.logger.log(text);
  }
}

function oneLine(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > 500 ? `${flat.slice(0, 500)}…` : flat;
}

function withheld(parameters: unknown[] | object | undefined): string {
  const count = Array.isArray(parameters) ? parameters.length : parameters ? Object.keys(parameters).length : 0;
  return count > 0 ? `; ${count} parameter${count === 1 ? '' : 's'} withheld` : '';
}
