import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '@pathways/contracts';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '../database/checks';

/**
 * Append-only audit trail (ACCESS.md "Audit"). A trigger assigns `seq`, `prev_hash` and `hash` (SHA-256 chain)
 * and another rejects UPDATE and DELETE. Never holds names, narratives or note text: ids and field names only.
 */
@Entity('audit_events')
@Check('ck_audit_events_action', oneOf('action', AUDIT_ACTIONS))
@Check('ck_audit_events_outcome', oneOf('outcome', AUDIT_OUTCOMES))
@Index('ix_audit_events_org_at', ['organizationId', 'at'])
@Index('ix_audit_events_entity', ['entityType', 'entityId'])
@Index('ix_audit_events_actor_at', ['actorId', 'at'])
@Index('ix_audit_events_youth', ['youthId'], { where: 'youth_id IS NOT NULL' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('ux_audit_events_seq', { unique: true })
  @Column({ type: 'bigint', generated: 'increment' })
  seq!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) actorRole!: string | null;
  @Column({ type: 'uuid', nullable: true }) organizationId!: string | null;
  @Column({ type: 'text' }) action!: AuditAction;
  @Column({ type: 'text' }) entityType!: string;
  @Column({ type: 'uuid', nullable: true }) entityId!: string | null;
  @Column({ type: 'uuid', nullable: true }) youthId!: string | null;
  @Column({ type: 'text' }) outcome!: AuditOutcome;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @Column({ type: 'text', nullable: true }) userAgent!: string | null;
  @Column({ type: 'text', nullable: true }) requestId!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) changedFields!: string[];
  @Column({ type: 'text' }) prevHash!: string;
  @Column({ type: 'text' }) hash!: string;
}
