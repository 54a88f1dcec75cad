import {
  ACCOUNTABILITY_TYPES,
  ASSESSMENT_INSTRUMENTS,
  ASSESSMENT_TIMINGS,
  CONSENT_TYPES,
  CONTACT_MODALITIES,
  CONTACT_RESULTS,
  CONTACT_TYPES,
  FOLLOW_UP_STATUSES,
  FOLLOW_UP_WINDOWS,
  GOAL_DOMAINS,
  GOAL_STATUSES,
  MINOR_SELF_CONSENT_BASES,
  NEW_LE_CONTACTS,
  NOTE_KINDS,
  RISK_LEVELS,
  SERVICE_STATUSES,
  SIGNATURE_METHODS,
  type AccountabilityType,
  type AssessmentFlag,
  type AssessmentInstrument,
  type AssessmentTiming,
  type ConsentType,
  type ContactModality,
  type ContactParticipant,
  type ContactResult,
  type ContactType,
  type FollowUpStatus,
  type FollowUpWindow,
  type GoalDomain,
  type GoalStatus,
  type InfoScope,
  type MinorSelfConsentBasis,
  type NewLeContact,
  type NoteKind,
  type RiskLevel,
  type ServiceStatus,
  type SignatureMethod,
} from '@pathways/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { oneOf } from '../database/checks';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { YouthEntity } from '../youth/youth.entity';
import { CaseEntity } from './case.entity';

const orNull = (column: string, values: readonly string[]) => `${column} IS NULL OR ${oneOf(column, values)}`;

/** Columns every piece of case work carries. */
abstract class CaseChild {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/**
 * An outreach attempt on a referral (before a case exists) or a contact/session on a case (DOMAIN.md
 * "OutreachAttempt / Contact"). Exactly one of `referral_id` (outreach before enrollment) and `case_id` is set.
 */
@Entity('contacts')
@Check('ck_contacts_type', oneOf('contact_type', CONTACT_TYPES))
@Check('ck_contacts_modality', oneOf('modality', CONTACT_MODALITIES))
@Check('ck_contacts_result', oneOf('result', CONTACT_RESULTS))
@Check('ck_contacts_home', 'num_nonnulls(referral_id, case_id) = 1')
@Index('ix_contacts_referral_occurred', ['referralId', 'occurredAt'], { where: 'referral_id IS NOT NULL' })
@Index('ix_contacts_case_occurred', ['caseId', 'occurredAt'], { where: 'case_id IS NOT NULL' })
@Index('ix_contacts_service', ['serviceEnrollmentId'], { where: 'service_enrollment_id IS NOT NULL' })
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', nullable: true }) referralId!: string | null;
  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_contacts_referral' })
  referral?: ReferralEntity;
  @Column({ type: 'uuid', nullable: true }) caseId!: string | null;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_contacts_case' })
  case?: CaseEntity;
  @Column({ type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'int', nullable: true }) durationMin!: number | null;
  @Column({ type: 'text' }) contactType!: ContactType;
  @Column({ type: 'text' }) modality!: ContactModality;
  @Column({ type: 'text' }) result!: ContactResult;
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) participants!: ContactParticipant[];
  @Column({ type: 'text', nullable: true }) language!: string | null;
  @Column({ type: 'boolean', default: false }) interpreterUsed!: boolean;
  @Column({ type: 'uuid', nullable: true }) serviceEnrollmentId!: string | null;
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** A consent or release of information (DOMAIN.md "Consent"). Revoking sets `revoked_at`; rows are never deleted. */
@Entity('consents')
@Check('ck_consents_type', oneOf('type', CONSENT_TYPES))
@Check('ck_consents_signature_method', oneOf('signature_method', SIGNATURE_METHODS))
@Check('ck_consents_self_basis', orNull('minor_self_consent_basis', MINOR_SELF_CONSENT_BASES))
@Check(
  'ck_consents_roi_counterpart',
  `type <> 'RELEASE_OF_INFORMATION' OR (counterpart_org_id IS NOT NULL AND cardinality(info_scope) > 0)`,
)
@Index('ix_consents_youth', ['youthId'])
@Index('ix_consents_case', ['caseId'], { where: 'case_id IS NOT NULL' })
@Index('ix_consents_referral', ['referralId'], { where: 'referral_id IS NOT NULL' })
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) youthId!: string;
  @ManyToOne(() => YouthEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'youth_id', foreignKeyConstraintName: 'fk_consents_youth' })
  youth?: YouthEntity;
  @Column({ type: 'uuid', nullable: true }) caseId!: string | null;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_consents_case' })
  case?: CaseEntity;
  @Column({ type: 'uuid', nullable: true }) referralId!: string | null;
  @Column({ type: 'text' }) type!: ConsentType;
  @Column({ type: 'boolean' }) youthAssent!: boolean;
  @Column({ type: 'text', nullable: true }) guardianName!: string | null;
  @Column({ type: 'uuid', nullable: true }) guardianId!: string | null;
  @Column({ type: 'text', nullable: true }) minorSelfConsentBasis!: MinorSelfConsentBasis | null;
  @Column({ type: 'text' }) signatureMethod!: SignatureMethod;
  @Column({ type: 'text' }) language!: string;
  @Column({ type: 'timestamptz' }) signedAt!: Date;
  @Column({ type: 'date', nullable: true }) expiresAt!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) revokedBy!: string | null;
  @Column({ type: 'uuid', nullable: true }) counterpartOrgId!: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'counterpart_org_id', foreignKeyConstraintName: 'fk_consents_counterpart_org' })
  counterpartOrg?: OrganizationEntity;
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) infoScope!: InfoScope[];
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}

/** A screening or assessment: scores and levels, never the licensed item text (DOMAIN.md "Assessment"). */
@Entity('assessments')
@Check('ck_assessments_instrument', oneOf('instrument', ASSESSMENT_INSTRUMENTS))
@Check('ck_assessments_timing', oneOf('timing', ASSESSMENT_TIMINGS))
@Check('ck_assessments_overall_level', oneOf('overall_level', RISK_LEVELS))
@Check('ck_assessments_override_level', orNull('override_level', RISK_LEVELS))
@Check('ck_assessments_override_reason', 'override_level IS NULL OR override_reason IS NOT NULL')
@Index('ix_assessments_case_administered', ['caseId', 'administeredAt'])
@Index('ix_assessments_open_flags', ['organizationId'], {
  where: `'SUICIDE_RISK' = ANY(flags) OR (override_level IS NOT NULL AND override_approved_by IS NULL)`,
})
export class AssessmentEntity extends CaseChild {
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_assessments_case' })
  case?: CaseEntity;
  @Column({ type: 'text' }) instrument!: AssessmentInstrument;
  @Column({ type: 'text' }) timing!: AssessmentTiming;
  @Column({ type: 'timestamptz' }) administeredAt!: Date;
  @Column({ type: 'text' }) overallLevel!: RiskLevel;
  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true }) totalScore!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) domainScores!: Record<string, number>;
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) flags!: AssessmentFlag[];
  @Column({ type: 'text', nullable: true }) overrideLevel!: RiskLevel | null;
  @Column({ type: 'text', nullable: true }) overrideReason!: string | null;
  @Column({ type: 'uuid', nullable: true }) overrideApprovedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) overrideApprovedAt!: Date | null;
  @VersionColumn({ default: 1 }) version!: number;
}

@Entity('goals')
@Check('ck_goals_domain', oneOf('domain', GOAL_DOMAINS))
@Check('ck_goals_status', oneOf('status', GOAL_STATUSES))
@Index('ix_goals_case', ['caseId'])
export class GoalEntity extends CaseChild {
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_goals_case' })
  case?: CaseEntity;
  @Column({ type: 'text' }) domain!: GoalDomain;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'date', nullable: true }) dueAt!: string | null;
  @Column({ type: 'text', default: 'NOT_STARTED' }) status!: GoalStatus;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}

/** WIC 652.5 constructive assignments: hours, dollars, letters (DOMAIN.md "AccountabilityItem"). */
@Entity('accountability_items')
@Check('ck_accountability_items_type', oneOf('type', ACCOUNTABILITY_TYPES))
@Check('ck_accountability_items_amounts', 'required_amount >= 0 AND completed_amount >= 0')
@Index('ix_accountability_items_case', ['caseId'])
export class AccountabilityItemEntity extends CaseChild {
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_accountability_items_case' })
  case?: CaseEntity;
  @Column({ type: 'text' }) type!: AccountabilityType;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'numeric', precision: 10, scale: 2 }) requiredAmount!: string;
  @Column({ type: 'numeric', precision: 10, scale: 2, default: 0 }) completedAmount!: string;
  @Column({ type: 'date', nullable: true }) dueAt!: string | null;
  @Column({ type: 'uuid', nullable: true }) verifiedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}

/** A service the youth is referred to or receives (DOMAIN.md "ServiceEnrollment"); `service_type` is a catalog code. */
@Entity('service_enrollments')
@Check('ck_service_enrollments_status', oneOf('status', SERVICE_STATUSES))
@Index('ix_service_enrollments_case', ['caseId'])
export class ServiceEnrollmentEntity extends CaseChild {
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_service_enrollments_case' })
  case?: CaseEntity;
  @Column({ type: 'text' }) serviceType!: string;
  @Column({ type: 'text', nullable: true }) provider!: string | null;
  @Column({ type: 'text' }) status!: ServiceStatus;
  @Column({ type: 'timestamptz' }) referredAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) sessionsPlanned!: number | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}

/**
 * A note (DOMAIN.md "Note"): never edited in place (a trigger refuses UPDATE); an amendment is a new note pointing
 * to the one it amends. `body` is sanitized HTML.
 */
@Entity('notes')
@Check('ck_notes_kind', oneOf('kind', NOTE_KINDS))
@Index('ix_notes_case_created', ['caseId', 'createdAt'])
@Index('ix_notes_amends', ['amendsId'], { where: 'amends_id IS NOT NULL' })
export class NoteEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_notes_case' })
  case?: CaseEntity;
  @Column({ type: 'text' }) kind!: NoteKind;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'uuid' }) authorId!: string;
  @Column({ type: 'uuid', nullable: true }) amendsId!: string | null;
  @ManyToOne(() => NoteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'amends_id', foreignKeyConstraintName: 'fk_notes_amends' })
  amends?: NoteEntity;
  @Column({ type: 'uuid' }) organizationId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** 6- and 12-month follow-ups after closure (DOMAIN.md "FollowUp"). */
@Entity('follow_ups')
@Check('ck_follow_ups_window', oneOf('window', FOLLOW_UP_WINDOWS))
@Check('ck_follow_ups_status', oneOf('status', FOLLOW_UP_STATUSES))
@Check('ck_follow_ups_new_le_contact', orNull('new_le_contact', NEW_LE_CONTACTS))
@Index('ux_follow_ups_case_window', ['caseId', 'window'], { unique: true })
@Index('ix_follow_ups_youth_pending', ['youthId', 'dueAt'], { where: `status = 'PENDING'` })
@Index('ix_follow_ups_org_due', ['organizationId', 'dueAt'], { where: `status = 'PENDING'` })
export class FollowUpEntity extends CaseChild {
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_follow_ups_case' })
  case?: CaseEntity;
  @Column({ type: 'uuid' }) youthId!: string;
  @Column({ type: 'text' }) window!: FollowUpWindow;
  @Column({ type: 'timestamptz' }) dueAt!: Date;
  @Column({ type: 'text', default: 'PENDING' }) status!: FollowUpStatus;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) newLeContact!: NewLeContact | null;
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true }) attendanceRate!: string | null;
  @Column({ type: 'int', nullable: true }) suspensions!: number | null;
  /** The new referral of the same youth that filled this follow-up, if that is how it was learned. */
  @Column({ type: 'uuid', nullable: true }) linkedReferralId!: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
