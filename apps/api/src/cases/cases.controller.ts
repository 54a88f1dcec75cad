import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  approveClosureSchema,
  caseListQuerySchema,
  caseStatusRequestSchema,
  PERMISSIONS,
  rejectClosureSchema,
  reopenCaseSchema,
  requestClosureSchema,
  updateCaseRequestSchema,
  type CaseDetail,
  type CaseListItem,
  type CaseListQuery,
  type CaseStatusRequest,
  type Page,
  type RequestClosure,
  type TimelineEntry,
  type UpdateCaseRequest,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidBody, ValidQuery } from '../common/validation.decorators';
import { CaseClosureService } from './case-closure.service';
import { CaseTimelineService } from './case-timeline.service';
import { CasesCommandService } from './cases-command.service';
import { CasesQueryService } from './cases-query.service';

/** The case itself: list, detail, edits, status, closure, timeline (API.md "Cases"). */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly queries: CasesQueryService,
    private readonly commands: CasesCommandService,
    private readonly closure: CaseClosureService,
    private readonly timelines: CaseTimelineService,
  ) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  list(
    @CurrentActor() actor: Actor,
    @ValidQuery(caseListQuerySchema) q: CaseListQuery,
  ): Promise<Page<CaseListItem>> {
    return this.queries.list(actor, q);
  }

  @Get(':id')
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CaseDetail> {
    return this.queries.detail(actor, id);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(updateCaseRequestSchema) body: UpdateCaseRequest,
  ): Promise<CaseDetail> {
    return this.commands.update(actor, id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  status(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(caseStatusRequestSchema) body: CaseStatusRequest,
  ): Promise<CaseDetail> {
    return this.commands.changeStatus(actor, id, body);
  }

  @Post(':id/request-closure')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  requestClosure(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(requestClosureSchema) body: RequestClosure,
  ): Promise<CaseDetail> {
    return this.closure.request(actor, id, body);
  }

  @Post(':id/approve-closure')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.CASE_SUPERVISE })
  approveClosure(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(approveClosureSchema) body: { version: number },
  ): Promise<CaseDetail> {
    return this.closure.approve(actor, id, body);
  }

  @Post(':id/reject-closure')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.CASE_SUPERVISE })
  rejectClosure(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(rejectClosureSchema) body: { version: number; comment: string },
  ): Promise<CaseDetail> {
    return this.closure.reject(actor, id, body);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.CASE_SUPERVISE })
  reopen(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(reopenCaseSchema) body: { version: number; reason: string },
  ): Promise<CaseDetail> {
    return this.closure.reopen(actor, id, body);
  }

  @Get(':id/timeline')
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  timeline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<TimelineEntry[]> {
    return this.timelines.timeline(actor, id);
  }
}
