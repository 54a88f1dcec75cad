import { Module } from '@nestjs/common';
import { CaseloadsService } from './caseloads.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ controllers: [TasksController], providers: [TasksService, CaseloadsService] })
export class TasksModule {}
