import {
  DEACTIVATION_REASONS,
  LOCALES,
  ROLES,
  type DeactivationReason,
  type Locale,
  type Role,
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

@Entity('users')
@Check('ck_users_role', oneOf('role', ROLES))
@Check('ck_users_locale', oneOf('locale', LOCALES))
@Check(
  'ck_users_deactivation_reason',
  `deactivation_reason IS NULL OR ${oneOf('deactivation_reason', DEACTIVATION_REASONS)}`,
)
@Index('ix_users_organization_role', ['organizationId', 'role'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organizationId!: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_users_organization' })
  organization?: OrganizationEntity;
  /** citext: unique regardless of case. */
  @Index('ux_users_email', { unique: true })
  @Column({ type: 'citext' })
  email!: string;
  @Column({ type: 'text' }) displayName!: string;
  @Column({ type: 'text' }) role!: Role;
  @Column({ type: 'text', default: 'en' }) locale!: Locale;
  @Column({ type: 'text' }) passwordHash!: string;
  @Column({ type: 'boolean', default: false }) mustChangePassword!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) passwordChangedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) mfaSecret!: string | null;
  @Column({ type: 'text', nullable: true }) mfaPendingSecret!: string | null;
  @Column({ type: 'boolean', default: false }) mfaEnabled!: boolean;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** When and why the account was last deactivated (by an administrator, or for 90 days unused). */
  @Column({ type: 'timestamptz', nullable: true }) deactivatedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) deactivationReason!: DeactivationReason | null;
  /** Restarts the inactivity count: a reactivated account is not disabled again at once. */
  @Column({ type: 'timestamptz', nullable: true }) reactivatedAt!: Date | null;
  @Column({ type: 'int', default: 0 }) failedLogins!: number;
  @Column({ type: 'timestamptz', nullable: true }) firstFailedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lockedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastLoginAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
