import {
  GENDER_IDENTITIES,
  GUARDIAN_RELATIONSHIPS,
  type GenderIdentity,
  type GuardianRelationship,
  type RaceEthnicity,
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

/**
 * The youth registry (DOMAIN.md "Youth"). One youth, many referrals; owned by the provider organization that serves
 * them. `name_norm` is set by a database trigger (`f_name_norm`: accents and case folded, apostrophes dropped,
 * hyphens as spaces) and carries a trigram GIN index (migration ReferralIntake) for the list searches. Duplicate
 * matching finds close names by trigram in `youth_names` (the distinct names, kept by statement triggers on youth;
 * migration YouthNameSearch), then their youth through ix_youth_name_norm.
 */
@Entity('youth')
@Check(
  'ck_youth_gender_identity',
  `gender_identity IS NULL OR ${oneOf('gender_identity', GENDER_IDENTITIES)}`,
)
@Index('ix_youth_date_of_birth', ['dateOfBirth'])
@Index('ix_youth_organization', ['organizationId'])
@Index('ix_youth_name_norm', ['nameNorm'])
// Trigram GIN index (gin_trgm_ops), created by hand in the migration.
@Index('ix_youth_name_norm_trgm', { synchronize: false })
export class YouthEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organizationId!: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_youth_organization' })
  organization?: OrganizationEntity;
  @Column({ type: 'text' }) firstName!: string;
  @Column({ type: 'text' }) lastName!: string;
  @Column({ type: 'text', nullable: true }) preferredName!: string | null;
  /** Maintained by the trigger tr_youth_name_norm; never written by the application. */
  @Column({ type: 'text', default: '', insert: false, update: false }) nameNorm!: string;
  @Column({ type: 'date' }) dateOfBirth!: string;
  @Column({ type: 'text', nullable: true }) genderIdentity!: GenderIdentity | null;
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) raceEthnicity!: RaceEthnicity[];
  @Column({ type: 'text', default: 'en' }) primaryLanguage!: string;
  @Column({ type: 'uuid', nullable: true }) schoolId!: string | null;
  @Column({ type: 'int', nullable: true }) grade!: number | null;
  @Column({ type: 'text', nullable: true }) zip!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}

/** A parent or guardian of a youth, as submitted with a referral (DOMAIN.md "Guardian"). */
@Entity('guardians')
@Check('ck_guardians_relationship', oneOf('relationship', GUARDIAN_RELATIONSHIPS))
@Index('ix_guardians_youth', ['youthId'])
@Index('ix_guardians_referral', ['referralId'])
export class GuardianEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) youthId!: string;
  @ManyToOne(() => YouthEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'youth_id', foreignKeyConstraintName: 'fk_guardians_youth' })
  youth?: YouthEntity;
  /** The referral this guardian was submitted with (what the referring officer sees "as submitted"). */
  @Column({ type: 'uuid', nullable: true }) referralId!: string | null;
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) relationship!: GuardianRelationship;
  @Column({ type: 'text' }) phone!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', default: 'en' }) preferredLanguage!: string;
  @Column({ type: 'boolean', default: false }) interpreterNeeded!: boolean;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
