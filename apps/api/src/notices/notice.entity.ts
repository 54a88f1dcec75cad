import { NOTICE_TYPES, type NoticeType } from '@pathways/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { oneOf } from '../database/checks';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ReferralEntity } from '../referrals/referral.entity';

/**
 * A generated letter to the referring agency (DOMAIN.md "Notice"). The letter is rendered from these facts in
 * the reader's language; it carries reference numbers and dates only, never a name or narrative.
 * One NO_PROGRAM_20_DAY and one REFERRAL_ACK per referral (unique), so the scheduler may run anywhere.
 */
@Entity('notices')
@Check('ck_notices_type', oneOf('type', NOTICE_TYPES))
@Index('ix_notices_to_org_sent', ['toOrgId', 'sentAt'])
@Index('ix_notices_referral', ['referralId', 'sentAt'])
@Index('ux_notices_referral_once', ['referralId', 'type'], {
  unique: true,
  where: `type IN ('REFERRAL_ACK', 'NO_PROGRAM_20_DAY', 'ENROLLED')`,
})
export class NoticeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) type!: NoticeType;
  @Column({ type: 'uuid' }) referralId!: string;
  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_notices_referral' })
  referral?: ReferralEntity;
  @Column({ type: 'uuid', nullable: true }) caseId!: string | null;
  @Column({ type: 'uuid' }) toOrgId!: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_org_id', foreignKeyConstraintName: 'fk_notices_to_org' })
  toOrg?: OrganizationEntity;
  /** The referring officer. */
  @Column({ type: 'uuid', nullable: true }) toUserId!: string | null;
  @Column({ type: 'timestamptz' }) sentAt!: Date;
  @Column({ type: 'timestamptz' }) retainUntil!: Date;
  /** Dates and codes the letter is rendered from (e.g. completedAt, closureReason code); never names. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) facts!: Record<string, string | null>;
  /** The provider organization that sent it (owner of the row). */
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
