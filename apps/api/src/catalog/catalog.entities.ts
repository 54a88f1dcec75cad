import {
  REASON_CODE_KINDS,
  SCHOOL_KINDS,
  SCHOOL_LEVELS,
  type ReasonCodeKind,
  type SchoolKind,
  type SchoolLevel,
} from '@pathways/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { oneOf } from '../database/checks';

abstract class CatalogRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Retired rows stay for history; they are only hidden from pickers. */
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}

@Entity('schools')
@Check('ck_schools_level', oneOf('level', SCHOOL_LEVELS))
@Check('ck_schools_kind', oneOf('kind', SCHOOL_KINDS))
export class SchoolEntity extends CatalogRow {
  @Index('ux_schools_name', { unique: true })
  @Column({ type: 'text' })
  name!: string;
  @Column({ type: 'text' }) level!: SchoolLevel;
  @Column({ type: 'text' }) kind!: SchoolKind;
  @Column({ type: 'text' }) district!: string;
  @Index('ux_schools_cds_code', { unique: true, where: 'cds_code IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  cdsCode!: string | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'text', nullable: true }) city!: string | null;
  @Column({ type: 'text', nullable: true }) zip!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ type: 'boolean', default: true }) inCvpdJurisdiction!: boolean;
}

@Entity('reason_codes')
@Check('ck_reason_codes_kind', oneOf('kind', REASON_CODE_KINDS))
export class ReasonCodeEntity extends CatalogRow {
  @Index('ux_reason_codes_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;
  @Column({ type: 'text' }) label!: string;
  @Column({ type: 'text', nullable: true }) labelEs!: string | null;
  @Column({ type: 'text' }) kind!: ReasonCodeKind;
  @Column({ type: 'text', nullable: true }) educationCode!: string | null;
  @Column({ type: 'text', nullable: true }) otherCode!: string | null;
  @Column({ type: 'boolean', default: false }) excludedFromDiversion!: boolean;
}

@Entity('service_types')
export class ServiceTypeEntity extends CatalogRow {
  @Index('ux_service_types_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;
  @Column({ type: 'text' }) label!: string;
  @Column({ type: 'text', nullable: true }) labelEs!: string | null;
}

@Entity('resources')
export class ResourceEntity extends CatalogRow {
  @Index('ux_resources_key', { unique: true })
  @Column({ type: 'text' })
  key!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) organization!: string | null;
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text', nullable: true }) descriptionEs!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) urls!: string[];
  @Column({ type: 'text', nullable: true }) ages!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) languages!: string[];
  @Column({ type: 'date', nullable: true }) lastVerifiedAt!: string | null;
}
