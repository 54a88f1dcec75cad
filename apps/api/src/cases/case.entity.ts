import {
  CASE_STATUSES,
  CLOSURE_REASONS,
  OPEN_CASE_STATUSES,
  OUTCOME_CLASSES,
  PATHWAYS,
  type CaseStatus,
  type ClosureReason,
  type OutcomeClass,
  type Pathway,
} from '@pathways/contracts';
import { CASE_ACTIONS, type CaseAction } from '@pathways/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { oneOf } from '../database/checks';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { UserEntity } from '../users/user.entity';
import { YouthEntity } from '../youth/youth.entity';

const orNull = (column: string, values: readonly string[]) => `${column} IS NULL OR ${oneOf(column, values)}`;

/**
 * A case (DOMAIN.md "Case"): opened by enrolling a referral (one case per referral), run by its primary
 * counselor. Clock due dates that are pure arithmetic (assessment, plan, intake) are derived, not stored;
 * `target_end_at` is stored because a supervisor may move it (never past `max_end_at`).
 */
@Entity('cases')
@Check('ck_cases_status', oneOf('status', CASE_STATUSES))
@Check('ck_cases_status_before_closure', orNull('status_before_closure', CASE_STATUSES))
@Check('ck_cases_pathway', oneOf('pathway', PATHWAYS))
@Check('ck_cases_closure_reason', orNull('closure_reason', CLOSURE_REASONS))
@Check('ck_cases_outcome_class', orNull('outcome_class', OUTCOME_CLASSES))
@Check('ck_cases_target_within_max', 'target_end_at <= max_end_at')
@Check(
  'ck_cases_closed_complete',
  `status <> 'CLOSED' OR (closed_at IS NOT NULL AND outcome_class IS NOT NULL)`,
)
@Index('ix_cases_provider_status_opened', ['providerOrgId', 'status', 'openedAt'])
@Index('ix_cases_counselor_status_opened', ['primaryCounselorId', 'status', 'openedAt'])
@Index('ix_cases_youth', ['youthId'])
// Lists: newest opened and last contact per role scope (id: the tiebreak); never-contacted cases sort as the stalest.
@Index('ix_cases_provider_opened', ['providerOrgId', 'openedAt', 'id'])
@Index('ix_cases_counselor_opened', ['primaryCounselorId', 'openedAt', 'id'])
@Index('ix_cases_provider_open_target', ['providerOrgId', 'targetEndAt', 'id'], {
  where: "status <> 'CLOSED'",
})
@Index('ix_cases_counselor_open_target', ['primaryCounselorId', 'targetEndAt', 'id'], {
  where: "status <> 'CLOSED'",
})
// NULLS FIRST, created by hand in the migration.
@Index('ix_cases_provider_last_contact', { synchronize: false })
@Index('ix_cases_counselor_last_contact', { synchronize: false })
@Index('ix_cases_provider_closed', ['providerOrgId', 'closedAt'], { where: 'closed_at IS NOT NULL' })
// Tasks and the WIC 652.5 scheduler: open cases whose program did not start by the 20-day instant; closure reviews.
@Index('ix_cases_program_lapse', ['providerOrgId', 'dueServiceStartAt'], {
  where: `status <> 'CLOSED' AND coalesce(service_program_initiated_at, 'infinity'::timestamptz) > due_service_start_at`,
})
@Index('ix_cases_closure_review', ['providerOrgId'], { where: "status = 'CLOSURE_REVIEW'" })
// Outcome reports: cases closed in a period for a police agency or the public dashboard (scope is on the referral).
@Index('ix_cases_closed', ['closedAt'], { where: 'closed_at IS NOT NULL' })
// Outcome reports: a police agency's open caseload (scope is on the referral).
@Index('ix_cases_open_opened', ['openedAt'], { where: oneOf('status', OPEN_CASE_STATUSES) })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('ux_cases_case_number', { unique: true })
  @Column({ type: 'text' })
  caseNumber!: string;
  @Index('ux_cases_referral', { unique: true })
  @Column({ type: 'uuid' })
  referralId!: string;
  @OneToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_cases_referral' })
  referral?: ReferralEntity;
  @Column({ type: 'uuid' }) youthId!: string;
  @ManyToOne(() => YouthEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'youth_id', foreignKeyConstraintName: 'fk_cases_youth' })
  youth?: YouthEntity;
  @Column({ type: 'uuid' }) providerOrgId!: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_org_id', foreignKeyConstraintName: 'fk_cases_provider_org' })
  providerOrg?: OrganizationEntity;
  @Column({ type: 'uuid' }) primaryCounselorId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'primary_counselor_id', foreignKeyConstraintName: 'fk_cases_primary_counselor' })
  primaryCounselor?: UserEntity;
  @Column({ type: 'text' }) pathway!: Pathway;
  @Column({ type: 'text', default: 'INTAKE' }) status!: CaseStatus;
  /** Why the case is ON_HOLD / NON_COMPLIANT, or why it was reopened (staff text, never shown to police). */
  @Column({ type: 'text', nullable: true }) statusReason!: string | null;
  @Column({ type: 'text', nullable: true }) statusBeforeClosure!: CaseStatus | null;
  @Column({ type: 'timestamptz' }) openedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) intakeCompletedAt!: Date | null;
  /** WIC 652.5: the first ACTIVE service; ends the 20-day clock. */
  @Column({ type: 'timestamptz', nullable: true }) serviceProgramInitiatedAt!: Date | null;
  /** The referral's 20-day instant (WIC 652.5), copied when the case opens; it never changes after receipt. */
  @Column({ type: 'timestamptz', nullable: true }) dueServiceStartAt!: Date | null;
  @Column({ type: 'timestamptz' }) targetEndAt!: Date;
  @Column({ type: 'timestamptz' }) maxEndAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) closureRequestedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) closureRequestedBy!: string | null;
  @Column({ type: 'text', nullable: true }) closureReason!: ClosureReason | null;
  @Column({ type: 'text', nullable: true }) closureSummary!: string | null;
  @Column({ type: 'text', nullable: true }) closureRejectedComment!: string | null;
  @Column({ type: 'uuid', nullable: true }) closureApprovedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  /** The last COMPLETED contact: kept by statement triggers on contacts (migration ListsAtScale), never written here. */
  @Column({ type: 'timestamptz', nullable: true, insert: false, update: false }) lastContactAt!: Date | null;
  @Column({ type: 'text', nullable: true }) outcomeClass!: OutcomeClass | null;
  @Column({ type: 'timestamptz', nullable: true }) completionNoticeSentAt!: Date | null;
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}

/** The status history of a case (timeline). `detail` is a code, never free text. */
@Entity('case_events')
@Check('ck_case_events_status_to', oneOf('status_to', CASE_STATUSES))
@Check('ck_case_events_action', oneOf('action', [...CASE_ACTIONS, 'open', 'update']))
@Index('ix_case_events_case_at', ['caseId', 'at'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_events_case' })
  case?: CaseEntity;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) statusFrom!: CaseStatus | null;
  @Column({ type: 'text' }) statusTo!: CaseStatus;
  @Column({ type: 'text' }) action!: CaseAction | 'open' | 'update';
  @Column({ type: 'text', nullable: true }) detail!: string | null;
  @Column({ type: 'uuid' }) organizationId!: string;
}
