import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  accountabilityItemRequestSchema,
  assessmentRequestSchema,
  consentInputSchema,
  contactRequestSchema,
  goalRequestSchema,
  noteRequestSchema,
  PERMISSIONS,
  revokeConsentRequestSchema,
  serviceRequestSchema,
  updateAccountabilityItemRequestSchema,
  updateFollowUpRequestSchema,
  updateGoalRequestSchema,
  updateServiceRequestSchema,
  type AccountabilityItemRequest,
  type AccountabilityItemView,
  type AssessmentRequest,
  type AssessmentView,
  type ConsentInput,
  type ConsentView,
  type ContactRequest,
  type ContactView,
  type FollowUpView,
  type FollowUpWindow,
  type GoalRequest,
  type GoalView,
  type NoteRequest,
  type NoteView,
  type ServiceEnrollmentView,
  type ServiceRequest,
  type UpdateAccountabilityItemRequest,
  type UpdateFollowUpRequest,
  type UpdateGoalRequest,
  type UpdateServiceRequest,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { type Actor, CurrentActor } from '../common/actor';
import { ValidBody } from '../common/validation.decorators';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { CaseClinicalService } from './case-clinical.service';
import { CaseConsentsService } from './case-consents.service';
import { CaseFollowUpsService } from './case-follow-ups.service';
import { FollowUpWindowPipe } from './case-input';
import { CaseNotesService } from './case-notes.service';
import { CasePlanService } from './case-plan.service';
import { CaseServicesService } from './case-services.service';

const KEY = 'idempotency-key';
const IdempotencyKey = ApiHeader({ name: 'Idempotency-Key', required: false });
const key = (header: string | undefined) => IdempotencyService.keyOf(header);

/** The parts of a case: consents, assessments, plan, services, contacts, notes, follow-ups (API.md "Cases"). */
@ApiTags('cases')
@Controller('cases/:id')
export class CaseWorkController {
  constructor(
    private readonly consents: CaseConsentsService,
    private readonly clinical: CaseClinicalService,
    private readonly plan: CasePlanService,
    private readonly services: CaseServicesService,
    private readonly notes: CaseNotesService,
    private readonly followUps: CaseFollowUpsService,
  ) {}

  @Get('consents')
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  listConsents(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ConsentView[]> {
    return this.consents.list(actor, id);
  }

  @Post('consents')
  @IdempotencyKey
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  createConsent(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(consentInputSchema) body: ConsentInput,
    @Headers(KEY) header: string | undefined,
  ): Promise<ConsentView> {
    return this.consents.create(actor, id, body, key(header));
  }

  /** The optional `reason` is validated but not kept (no column; see case-consents.service.ts). */
  @Post('consents/:consentId/revoke')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  revokeConsent(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
    @ValidBody(revokeConsentRequestSchema) _body: { reason?: string },
  ): Promise<ConsentView> {
    return this.consents.revoke(actor, id, consentId);
  }

  @Get('assessments')
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  listAssessments(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AssessmentView[]> {
    return this.clinical.list(actor, id);
  }

  @Post('assessments')
  @IdempotencyKey
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  createAssessment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(assessmentRequestSchema) body: AssessmentRequest,
    @Headers(KEY) header: string | undefined,
  ): Promise<AssessmentView> {
    return this.clinical.create(actor, id, body, key(header));
  }

  @Post('assessments/:assessmentId/approve-override')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.CASE_SUPERVISE })
  approveOverride(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assessmentId', ParseUUIDPipe) assessmentId: string,
  ): Promise<AssessmentView> {
    return this.clinical.approveOverride(actor, id, assessmentId);
  }

  @Get('goals')
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  listGoals(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<GoalView[]> {
    return this.plan.goals(actor, id);
  }

  @Post('goals')
  @IdempotencyKey
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  createGoal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(goalRequestSchema) body: GoalRequest,
    @Headers(KEY) header: string | undefined,
  ): Promise<GoalView> {
    return this.plan.createGoal(actor, id, body, key(header));
  }

  @Patch('goals/:goalId')
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  updateGoal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @ValidBody(updateGoalRequestSchema) body: UpdateGoalRequest,
  ): Promise<GoalView> {
    return this.plan.updateGoal(actor, id, goalId, body);
  }

  @Get('accountability-items')
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  listItems(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AccountabilityItemView[]> {
    return this.plan.items(actor, id);
  }

  @Post('accountability-items')
  @IdempotencyKey
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  createItem(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(accountabilityItemRequestSchema) body: AccountabilityItemRequest,
    @Headers(KEY) header: string | undefined,
  ): Promise<AccountabilityItemView> {
    return this.plan.createItem(actor, id, body, key(header));
  }

  @Patch('accountability-items/:itemId')
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  updateItem(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @ValidBody(updateAccountabilityItemRequestSchema) body: UpdateAccountabilityItemRequest,
  ): Promise<AccountabilityItemView> {
    return this.plan.updateItem(actor, id, itemId, body);
  }

  @Get('services')
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  listServices(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ServiceEnrollmentView[]> {
    return this.services.services(actor, id);
  }

  @Post('services')
  @IdempotencyKey
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  createService(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(serviceRequestSchema) body: ServiceRequest,
    @Headers(KEY) header: string | undefined,
  ): Promise<ServiceEnrollmentView> {
    return this.services.createService(actor, id, body, key(header));
  }

  @Patch('services/:serviceId')
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  updateService(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('serviceId', ParseUUIDPipe) serviceId: string,
    @ValidBody(updateServiceRequestSchema) body: UpdateServiceRequest,
  ): Promise<ServiceEnrollmentView> {
    return this.services.updateService(actor, id, serviceId, body);
  }

  @Get('contacts')
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  listContacts(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContactView[]> {
    return this.services.contacts(actor, id);
  }

  @Post('contacts')
  @IdempotencyKey
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  createContact(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(contactRequestSchema) body: ContactRequest,
    @Headers(KEY) header: string | undefined,
  ): Promise<ContactView> {
    return this.services.createContact(actor, id, body, key(header));
  }

  @Get('notes')
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  listNotes(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<NoteView[]> {
    return this.notes.list(actor, id);
  }

  @Post('notes')
  @IdempotencyKey
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  createNote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @ValidBody(noteRequestSchema) body: NoteRequest,
    @Headers(KEY) header: string | undefined,
  ): Promise<NoteView> {
    return this.notes.create(actor, id, body, key(header));
  }

  @Get('follow-ups')
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  listFollowUps(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FollowUpView[]> {
    return this.followUps.list(actor, id);
  }

  @Get('follow-ups/:window')
  @Authenticated({ permission: PERMISSIONS.CASE_READ })
  followUp(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('window', FollowUpWindowPipe) window: FollowUpWindow,
  ): Promise<FollowUpView> {
    return this.followUps.get(actor, id, window);
  }

  @Patch('follow-ups/:window')
  @Authenticated({ permission: PERMISSIONS.CASE_WRITE })
  updateFollowUp(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('window', FollowUpWindowPipe) window: FollowUpWindow,
    @ValidBody(updateFollowUpRequestSchema) body: UpdateFollowUpRequest,
  ): Promise<FollowUpView> {
    return this.followUps.update(actor, id, window, body);
  }
}
