import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A creating POST's `Idempotency-Key` (API.md): the first response, replayed to a retry with the same key and body
 * by the same user for 24 hours. The unique (user_id, key) index is what serializes parallel retries.
 */
@Entity('idempotency_keys')
@Index('ux_idempotency_keys_user_key', ['userId', 'key'], { unique: true })
@Index('ix_idempotency_keys_expires', ['expiresAt'])
export class IdempotencyKeyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) key!: string;
  @Column({ type: 'uuid' }) userId!: string;
  /** `POST /api/referrals`: the same key on another route is a conflict. */
  @Column({ type: 'text' }) route!: string;
  /** SHA-256 of the canonical JSON body. */
  @Column({ type: 'text' }) requestHash!: string;
  @Column({ type: 'int', nullable: true }) responseStatus!: number | null;
  @Column({ type: 'jsonb', nullable: true }) responseBody!: unknown;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
}
