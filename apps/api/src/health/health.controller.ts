import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/authenticated.decorator';

export interface HealthResponse {
  status: 'ok' | 'error';
  db: 'up' | 'down';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  /** 200 when the database answers within 2 s, otherwise 503 (load balancers take the instance out). */
  @Get()
  @Public()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    void reply.header('cache-control', 'no-store');
    try {
      await this.health.check([() => this.db.pingCheck('database', { timeout: 2000 })]);
      return { status: 'ok', db: 'up' };
    } catch {
      void reply.status(503);
      return { status: 'error', db: 'down' };
    }
  }
}
