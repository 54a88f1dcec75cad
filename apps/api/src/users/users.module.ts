import { Module } from '@nestjs/common';
import { AccountInactivityService } from './account-inactivity.service';
import { AdminUsersService } from './admin-users.service';
import { AdminUsersController, UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController, AdminUsersController],
  providers: [UsersService, AdminUsersService, AccountInactivityService],
  exports: [AccountInactivityService],
})
export class UsersModule {}
