import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  adminUsersQuerySchema,
  createUserRequestSchema,
  PERMISSIONS,
  updateUserRequestSchema,
  usersQuerySchema,
  type AdminUser,
  type AdminUsersQuery,
  type CreateUserRequest,
  type OneTimePasswordResponse,
  type UpdateUserRequest,
  type UserSummary,
  type UsersQuery,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidBody, ValidQuery } from '../common/validation.decorators';
import { AdminUsersService } from './admin-users.service';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.USERS_READ })
  list(@CurrentActor() actor: Actor, @ValidQuery(usersQuerySchema) q: UsersQuery): Promise<UserSummary[]> {
    return this.users.list(actor, q);
  }
}

@ApiTags('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.ADMIN_USERS_MANAGE })
  list(
    @CurrentActor() actor: Actor,
    @ValidQuery(adminUsersQuerySchema) q: AdminUsersQuery,
  ): Promise<AdminUser[]> {
    return this.users.list(actor, q);
  }

  @Post()
  @Authenticated({ permission: PERMISSIONS.ADMIN_USERS_MANAGE })
  create(
    @CurrentActor() actor: Actor,
    @ValidBody(createUserRequestSchema) body: CreateUserRequest,
  ): Promise<OneTimePasswordResponse> {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.ADMIN_USERS_MANAGE })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(updateUserRequestSchema) body: UpdateUserRequest,
  ): Promise<AdminUser> {
    return this.users.update(actor, id, body);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ADMIN_USERS_MANAGE })
  unlock(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AdminUser> {
    return this.users.unlock(actor, id);
  }

  @Post(':id/reset-mfa')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ADMIN_USERS_MANAGE })
  resetMfa(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AdminUser> {
    return this.users.resetMfa(actor, id);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ADMIN_USERS_MANAGE })
  resetPassword(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<OneTimePasswordResponse> {
    return this.users.resetPassword(actor, id);
  }
}
