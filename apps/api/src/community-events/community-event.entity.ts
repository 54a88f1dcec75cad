import { COMMUNITY_EVENT_TYPES, type CommunityEventType } from '@pathways/contracts';
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

/** SRO outreach programs (DOMAIN.md "CommunityEvent"): counts only, never a youth's name. */
@Entity('community_events')
@Check('ck_community_events_type', oneOf('type', COMMUNITY_EVENT_TYPES))
@Index('ix_community_events_org_occurred', ['organizationId', 'occurredOn'])
export class CommunityEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) type!: CommunityEventType;
  @Column({ type: 'text', nullable: true }) title!: string | null;
  @Column({ type: 'date' }) occurredOn!: string;
  @Column({ type: 'uuid', nullable: true }) schoolId!: string | null;
  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_community_events_school' })
  school?: SchoolEntity;
  @Column({ type: 'int' }) participantCount!: number;
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) partners!: string[];
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
