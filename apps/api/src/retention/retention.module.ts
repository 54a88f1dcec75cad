import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { MaintenanceScheduler } from './maintenance.scheduler';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

@Module({
  imports: [UsersModule],
  controllers: [RetentionController],
  providers: [RetentionService, MaintenanceScheduler],
})
export class RetentionModule {}
