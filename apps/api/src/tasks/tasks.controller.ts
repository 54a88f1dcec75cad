import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  taskQuerySchema,
  type CaseloadRow,
  type TaskQuery,
  type TaskList,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidQuery } from '../common/validation.decorators';
import { CaseloadsService } from './caseloads.service';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@Controller()
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly caseloadCounts: CaseloadsService,
  ) {}

  /**
   * Derived due and overdue work, the most urgent first, with counts per kind: `assignee=me` (default) or, for
   * supervisors, `team`.
   */
  @Get('tasks')
  @Authenticated({ permission: PERMISSIONS.TASK_READ })
  list(@CurrentActor() actor: Actor, @ValidQuery(taskQuerySchema) q: TaskQuery): Promise<TaskList> {
    return this.tasks.list(actor, q);
  }

  /** Open referrals and cases per counselor of the supervisor's provider (for assignment). */
  @Get('caseloads')
  @Authenticated({ permission: PERMISSIONS.REFERRAL_TRIAGE })
  caseloads(@CurrentActor() actor: Actor): Promise<CaseloadRow[]> {
    return this.caseloadCounts.list(actor);
  }
}
