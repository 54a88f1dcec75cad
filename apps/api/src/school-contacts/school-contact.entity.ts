import {
  AGE_BANDS,
  CONTACT_DISPOSITIONS,
  GENDER_IDENTITIES,
  type AgeBand,
  type ContactDisposition,
  type GenderIdentity,
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
import { SchoolEntity } from '../catalog/catalog.entities';
import { oneOf } from '../database/checks';

/** An SRO's school contact that did not become a referral. Aggregate demographics only: never a name. */
@Entity('school_contacts')
@Check('ck_school_contacts_disposition', oneOf('disposition', CONTACT_DISPOSITIONS))
@Check('ck_school_contacts_age_band', oneOf('age_band', AGE_BANDS))
@Check(
  'ck_school_contacts_gender_identity',
  `gender_identity IS NULL OR ${oneOf('gender_identity', GENDER_IDENTITIES)}`,
)
@Index('ix_school_contacts_created_by_occurred', ['createdBy', 'occurredAt'])
@Index('ix_school_contacts_org_occurred', ['organizationId', 'occurredAt'])
@Index('ix_school_contacts_school_occurred', ['schoolId', 'occurredAt'])
// The public dashboard: every agency's contacts of a year (diversion rate).
@Index('ix_school_contacts_occurred', ['occurredAt'])
export class SchoolContactEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'uuid' }) schoolId!: string;
  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_school_contacts_school' })
  school?: SchoolEntity;
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) reasonCodes!: string[];
  @Column({ type: 'text' }) disposition!: ContactDisposition;
  @Column({ type: 'text' }) ageBand!: AgeBand;
  @Column({ type: 'text', nullable: true }) genderIdentity!: GenderIdentity | null;
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) raceEthnicity!: RaceEthnicity[];
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
