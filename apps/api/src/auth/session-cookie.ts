import { Injectable } from '@nestjs/common';
import type { LoginResponse, MfaRequiredResponse } from '@pathways/contracts';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config';
import { SESSION_COOKIE } from './auth.guard';
import type { LoginResult } from './auth.service';

/** Sets and clears the `sid` cookie: HttpOnly, SameSite=Strict, Secure behind HTTPS (ACCESS.md). */
@Injectable()
export class SessionCookie {
  constructor(private readonly config: AppConfig) {}

  respond(reply: FastifyReply, result: LoginResult): LoginResponse | MfaRequiredResponse {
    if (result.kind === 'mfa') return { mfaRequired: true, challenge: result.challenge };
    void reply.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.env.COOKIE_SECURE,
      path: '/',
    });
    const { kind: _kind, ...response } = result;
    return response;
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.env.COOKIE_SECURE,
      path: '/',
    });
  }
}
