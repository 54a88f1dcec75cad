import { RETENTION_TRIGGERS, type RetentionReportItem, type RetentionTrigger } from '@pathways/contracts';
import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '../database/checks';

/** One run of the retention job for one organization: what it de-identified and purged (counts only). */
@Entity('retention_runs')
@Check('ck_retention_runs_trigger', oneOf('trigger', RETENTION_TRIGGERS))
@Index('ix_retention_runs_org_started', ['organizationId', 'startedAt'])
export class RetentionRunEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) trigger!: RetentionTrigger;
  /** The administrator who ran it by hand; null for the scheduled job. */
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'timestamptz' }) finishedAt!: Date;
  @Column({ type: 'jsonb' }) items!: RetentionReportItem[];
  @Column({ type: 'int', default: 0 }) youthDeidentified!: number;
}

/**
 * Records the retention job has de-identified (`case`, `referral`, `youth`), so a later run skips them: the job
 * is idempotent without a column on every table it touches.
 */
@Entity('deidentified_records')
@Index('ix_deidentified_records_org', ['organizationId'])
export class DeidentifiedRecordEntity {
  @PrimaryColumn({ type: 'text' }) entityType!: string;
  @PrimaryColumn({ type: 'uuid' }) entityId!: string;
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid' }) runId!: string;
  @Column({ type: 'timestamptz' }) deidentifiedAt!: Date;
}
