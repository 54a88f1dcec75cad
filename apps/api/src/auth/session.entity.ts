import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '../database/checks';
import { UserEntity } from '../users/user.entity';

export const SESSION_KINDS = ['SESSION', 'MFA_CHALLENGE'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A sign-in session (or a pending MFA challenge). Only SHA-256 hashes of the tokens are stored. */
@Entity('sessions')
@Check('ck_sessions_kind', oneOf('kind', SESSION_KINDS))
@Index('ix_sessions_user', ['userId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_sessions_user' })
  user?: UserEntity;
  @Column({ type: 'text', default: 'SESSION' }) kind!: SessionKind;
  @Index('ux_sessions_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;
  @Column({ type: 'text', nullable: true }) csrfHash!: string | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) lastSeenAt!: Date;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @Column({ type: 'text', nullable: true }) userAgent!: string | null;
}
