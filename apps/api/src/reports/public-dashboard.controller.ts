import { Controller, Get, Headers, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { publicDashboardQuerySchema, type PublicDashboardQuery } from '@pathways/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/authenticated.decorator';
import { ValidQuery } from '../common/validation.decorators';
import {
  type CachedJson,
  PUBLIC_DASHBOARD_MAX_AGE_SECONDS,
  PublicDashboardService,
} from './public-dashboard.service';

@ApiTags('public')
@Controller('public')
export class PublicDashboardController {
  constructor(private readonly dashboard: PublicDashboardService) {}

  /** The program's yearly aggregates for the public: no sign-in, suppressed, cacheable, rate-limited per address. */
  @Get('dashboard')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ ip: { limit: 120, ttl: 60_000 }, account: { limit: 120, ttl: 60_000 } })
  async show(
    @ValidQuery(publicDashboardQuerySchema) q: PublicDashboardQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendCached(reply, await this.dashboard.dashboard(q), ifNoneMatch);
  }
}

/** JSON with a strong ETag and public caching; 304 without a body when the client already holds this version. */
function sendCached(reply: FastifyReply, value: CachedJson, ifNoneMatch: string | undefined): void {
  void reply
    .header('cache-control', `public, max-age=${PUBLIC_DASHBOARD_MAX_AGE_SECONDS}`)
    .header('etag', value.etag);
  const held = (ifNoneMatch ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (held.includes(value.etag) || held.includes('*')) {
    void reply.status(304).send();
    return;
  }
  void reply.header('content-type', 'application/json; charset=utf-8').send(value.body);
}
