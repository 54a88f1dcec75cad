import {
  INCIDENT_LOCATIONS,
  PATHWAYS,
  PRIORITIES,
  REFERRAL_STATUSES,
  type Eligibility,
  type IncidentLocation,
  type Pathway,
  type Priority,
  type ReferralDraftInput,
  type ReferralStatus,
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
import { SchoolEntity } from '../catalog/catalog.entities';
import { oneOf } from '../database/checks';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';
import { YouthEntity } from '../youth/youth.entity';

const orNull = (column: string, values: readonly string[]) => `${column} IS NULL OR ${oneOf(column, values)}`;

/**
 * A referral (DOMAIN.md "Referral"). While DRAFT most columns are empty and the form lives in `draft`; submitting
 * fills the columns, assigns `reference_number` (sequence referral_number_seq) and starts the 20-day clock.
 */
@Entity('referrals')
@Check('ck_referrals_status', oneOf('status', REFERRAL_STATUSES))
@Check('ck_referrals_pathway', orNull('pathway', PATHWAYS))
@Check('ck_referrals_incident_location', orNull('incident_location', INCIDENT_LOCATIONS))
@Check('ck_referrals_priority', orNull('priority', PRIORITIES))
@Check(
  'ck_referrals_submitted_complete',
  `status = 'DRAFT' OR (reference_number IS NOT NULL AND youth_id IS NOT NULL AND received_at IS NOT NULL)`,
)
@Index('ix_referrals_referring_user_created', ['referringUserId', 'createdAt'])
// Lists in received order per role scope (id: the tiebreak), and the reports' period per organization.
@Index('ix_referrals_referring_user_received', ['referringUserId', 'receivedAt', 'id'])
@Index('ix_referrals_referring_org_received', ['referringOrgId', 'receivedAt', 'id'])
@Index('ix_referrals_provider_received', ['providerOrgId', 'receivedAt', 'id'])
@Index('ix_referrals_counselor_received', ['assignedCounselorId', 'receivedAt', 'id'], {
  where: 'assigned_counselor_id IS NOT NULL',
})
@Index('ix_referrals_provider_status_received', ['providerOrgId', 'status', 'receivedAt'])
@Index('ix_referrals_referring_org_status_received', ['referringOrgId', 'status', 'receivedAt'])
// The public dashboard: every organization's referrals of a year, and the first and last year with data.
@Index('ix_referrals_received', ['receivedAt'], { where: 'received_at IS NOT NULL' })
@Index('ix_referrals_counselor_status', ['assignedCounselorId', 'status'], {
  where: 'assigned_counselor_id IS NOT NULL',
})
@Index('ix_referrals_school_received', ['schoolId', 'receivedAt'])
// text_pattern_ops for reference-number prefix search, created by hand in the migration.
@Index('ix_referrals_reference_number_prefix', { synchronize: false })
@Index('ix_referrals_youth', ['youthId'], { where: 'youth_id IS NOT NULL' })
// Tasks: police-diversion decisions returned to the officer and not yet read.
@Index('ix_referrals_decision_returned', ['referringOrgId', 'referringUserId'], {
  where: 'returned_to_referrer_at IS NOT NULL AND return_acknowledged_at IS NULL',
})
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('ux_referrals_reference_number', { unique: true, where: 'reference_number IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  referenceNumber!: string | null;
  @Column({ type: 'uuid', nullable: true }) youthId!: string | null;
  @ManyToOne(() => YouthEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'youth_id', foreignKeyConstraintName: 'fk_referrals_youth' })
  youth?: YouthEntity;
  @Column({ type: 'uuid' }) referringOrgId!: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referring_org_id', foreignKeyConstraintName: 'fk_referrals_referring_org' })
  referringOrg?: OrganizationEntity;
  @Column({ type: 'uuid' }) referringUserId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referring_user_id', foreignKeyConstraintName: 'fk_referrals_referring_user' })
  referringUser?: UserEntity;
  @Column({ type: 'uuid' }) providerOrgId!: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_org_id', foreignKeyConstraintName: 'fk_referrals_provider_org' })
  providerOrg?: OrganizationEntity;
  @Column({ type: 'uuid', nullable: true }) schoolId!: string | null;
  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_referrals_school' })
  school?: SchoolEntity;
  @Column({ type: 'int', nullable: true }) grade!: number | null;
  @Column({ type: 'timestamptz', nullable: true }) incidentAt!: Date | null;
  @Column({ type: 'text', nullable: true }) incidentLocation!: IncidentLocation | null;
  @Column({ type: 'text', nullable: true }) pathway!: Pathway | null;
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) reasonCodes!: string[];
  @Column({ type: 'text', nullable: true }) narrative!: string | null;
  @Column({ type: 'text', nullable: true }) priority!: Priority | null;
  @Column({ type: 'text', nullable: true }) policeReportNumber!: string | null;
  @Column({ type: 'boolean', nullable: true }) victimInvolved!: boolean | null;
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true }) restitutionEstimate!: string | null;
  @Column({ type: 'uuid', array: true, default: () => "'{}'::uuid[]" }) recommendedResourceIds!: string[];
  @Column({ type: 'jsonb', nullable: true }) eligibility!: Eligibility | null;
  @Column({ type: 'text', default: 'DRAFT' }) status!: ReferralStatus;
  @Column({ type: 'timestamptz', nullable: true }) receivedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) dueServiceStartAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) assignedCounselorId!: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_counselor_id', foreignKeyConstraintName: 'fk_referrals_assigned_counselor' })
  assignedCounselor?: UserEntity;
  /** When the current counselor was assigned (starts the first-contact clock). */
  @Column({ type: 'timestamptz', nullable: true }) assignedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) ineligibleReason!: string | null;
  @Column({ type: 'text', nullable: true }) declineReason!: string | null;
  @Column({ type: 'text', nullable: true }) withdrawReason!: string | null;
  @Column({ type: 'text', nullable: true }) infoRequest!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) returnedToReferrerAt!: Date | null;
  /** The referring officer has read a decision returned to them (ends their DECISION_RETURNED task). */
  @Column({ type: 'timestamptz', nullable: true }) returnAcknowledgedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) duplicateOfId!: string | null;
  /** WIC 827.95 police-side sealing (set by case management at the completion notice). */
  @Column({ type: 'timestamptz', nullable: true }) sealedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  /** The partial form while DRAFT (contract ReferralDraftInput). */
  @Column({ type: 'jsonb', nullable: true }) draft!: ReferralDraftInput | null;
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
