import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { ApiAnswer, Public } from '@laurel/api-core';
import type { HealthView } from '@laurel/contracts';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 when the database answers within two seconds, 503 otherwise (for load balancers). */
  @Public()
  @ApiOperation({
    summary: 'Liveness, and whether the database answers within two seconds',
    description:
      'Whether the API runs and its database answers within two seconds, for load balancers and monitoring; no sign-in. Answers 200 with `db: up`, or 503 while the database does not answer.',
  })
  @ApiAnswer(200, 'HealthView', 'The API runs and the database answers (`db: up`); a 503 carries the same body with `db: down`.')
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    const db = await this.ping();
    if (db === 'down') void reply.status(503);
    return { status: db === 'up' ? 'ok' : 'degraded', db };
  }

  private async ping(): Promise<'up' | 'down'> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
