import { AuditEventEntity } from '../audit/audit-event.entity';
import { SessionEntity } from '../auth/session.entity';
import {
  ReasonCodeEntity,
  ResourceEntity,
  SchoolEntity,
  ServiceTypeEntity,
} from '../catalog/catalog.entities';
import { CaseEntity, CaseEventEntity } from '../cases/case.entity';
import {
  AccountabilityItemEntity,
  AssessmentEntity,
  ConsentEntity,
  ContactEntity,
  FollowUpEntity,
  GoalEntity,
  NoteEntity,
  ServiceEnrollmentEntity,
} from '../cases/case-work.entities';
import { NoticeEntity } from '../notices/notice.entity';
import { BusinessDayEntity } from '../tasks/business-day.entity';
import { CommunityEventEntity } from '../community-events/community-event.entity';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ReferralEventEntity } from '../referrals/referral-event.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { DeidentifiedRecordEntity, RetentionRunEntity } from '../retention/retention.entities';
import { SchoolContactEntity } from '../school-contacts/school-contact.entity';
import { UserEntity } from '../users/user.entity';
import { GuardianEntity, YouthEntity } from '../youth/youth.entity';

/** Every entity, for the data source and the migration generator. A feature adds its entities here. */
export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  SessionEntity,
  AuditEventEntity,
  SchoolEntity,
  ReasonCodeEntity,
  ServiceTypeEntity,
  ResourceEntity,
  YouthEntity,
  GuardianEntity,
  ReferralEntity,
  ReferralEventEntity,
  SchoolContactEntity,
  CommunityEventEntity,
  IdempotencyKeyEntity,
  CaseEntity,
  CaseEventEntity,
  ContactEntity,
  ConsentEntity,
  AssessmentEntity,
  GoalEntity,
  AccountabilityItemEntity,
  ServiceEnrollmentEntity,
  NoteEntity,
  FollowUpEntity,
  NoticeEntity,
  BusinessDayEntity,
  RetentionRunEntity,
  DeidentifiedRecordEntity,
];
