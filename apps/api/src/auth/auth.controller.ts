import { Controller, Get, HttpCode, Patch, Post, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  mfaChallengeRequestSchema,
  mfaEnrollRequestSchema,
  PERMISSIONS,
  updateMeRequestSchema,
  type ChangePasswordRequest,
  type LoginRequest,
  type LoginResponse,
  type Me,
  type MfaChallengeRequest,
  type MfaEnrollRequest,
  type MfaEnrollResponse,
  type MfaRequiredResponse,
  type UpdateMeRequest,
} from '@pathways/contracts';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, type Origin, RequestOrigin } from '../common/actor';
import { ValidBody } from '../common/validation.decorators';
import { AuthService } from './auth.service';
import { Authenticated, Public } from './authenticated.decorator';
import { SessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  async login(
    @ValidBody(loginRequestSchema) body: LoginRequest,
    @RequestOrigin() origin: Origin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse | MfaRequiredResponse> {
    return this.cookie.respond(reply, await this.auth.login(body, origin));
  }

  @Post('mfa')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  async mfa(
    @ValidBody(mfaChallengeRequestSchema) body: MfaChallengeRequest,
    @RequestOrigin() origin: Origin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse | MfaRequiredResponse> {
    return this.cookie.respond(reply, await this.auth.completeMfa(body, origin));
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.SESSION_SELF })
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    this.cookie.clear(reply);
  }

  @Get('me')
  @Authenticated({ permission: PERMISSIONS.SESSION_SELF })
  me(@CurrentActor() actor: Actor): Promise<Me> {
    return this.auth.me(actor);
  }

  @Patch('me')
  @Authenticated({ permission: PERMISSIONS.SESSION_SELF })
  updateMe(
    @CurrentActor() actor: Actor,
    @ValidBody(updateMeRequestSchema) body: UpdateMeRequest,
  ): Promise<Me> {
    return this.auth.updateMe(actor, body);
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.SESSION_SELF })
  changePassword(
    @CurrentActor() actor: Actor,
    @ValidBody(changePasswordRequestSchema) body: ChangePasswordRequest,
  ): Promise<void> {
    return this.auth.changePassword(actor, body);
  }

  @Post('mfa/enroll')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.SESSION_SELF })
  enrollMfa(
    @CurrentActor() actor: Actor,
    @ValidBody(mfaEnrollRequestSchema) body: MfaEnrollRequest,
  ): Promise<MfaEnrollResponse> {
    return this.auth.enrollMfa(actor, body);
  }
}
