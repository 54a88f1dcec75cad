import { REFERRAL_STATUSES, type ReferralStatus } from '@pathways/contracts';
import { REFERRAL_ACTIONS, type ReferralAction } from '@pathways/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '../database/checks';
import { ReferralEntity } from './referral.entity';

/** The status timeline of a referral (milestones). `note` never holds names or narrative. */
@Entity('referral_events')
@Check('ck_referral_events_status_to', oneOf('status_to', REFERRAL_STATUSES))
@Check(
  'ck_referral_events_action',
  oneOf('action', [...REFERRAL_ACTIONS, 'create', 'update', 'seal', 'acknowledge-return']),
)
@Index('ix_referral_events_referral_at', ['referralId', 'at'])
export class ReferralEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) referralId!: string;
  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_referral_events_referral' })
  referral?: ReferralEntity;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) statusFrom!: ReferralStatus | null;
  @Column({ type: 'text' }) statusTo!: ReferralStatus;
  @Column({ type: 'text' }) action!: ReferralAction | 'create' | 'update' | 'seal' | 'acknowledge-return';
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'uuid' }) organizationId!: string;
}
