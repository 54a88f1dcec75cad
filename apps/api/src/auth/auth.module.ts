import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { SessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

/** Sign-in attempts are limited per client address and per account (ACCESS.md), on top of the lockout. */
const throttlers = (config: AppConfig) => ({
  throttlers: [
    { name: 'ip', ttl: 60_000, limit: config.env.LOGIN_RATE_LIMIT_PER_IP },
    {
      name: 'account',
      ttl: 60_000,
      limit: config.env.LOGIN_RATE_LIMIT_PER_ACCOUNT,
      getTracker: (req: Record<string, unknown>) => {
        const body = (req as unknown as FastifyRequest).body as
          { email?: unknown; challenge?: unknown } | undefined;
        const key = typeof body?.email === 'string' ? body.email.toLowerCase() : body?.challenge;
        return typeof key === 'string' && key
          ? `account:${key}`
          : `ip:${String((req as unknown as FastifyRequest).ip)}`;
      },
    },
  ],
});

@Global()
@Module({
  imports: [ThrottlerModule.forRootAsync({ inject: [AppConfig], useFactory: throttlers })],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsService,
    PasswordService,
    SessionCookie,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [SessionsService, PasswordService],
})
export class AuthModule {}
