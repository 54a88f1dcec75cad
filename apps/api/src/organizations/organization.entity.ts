import { ORGANIZATION_KINDS, type OrganizationKind } from '@pathways/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { oneOf } from '../database/checks';

@Entity('organizations')
@Check('ck_organizations_kind', oneOf('kind', ORGANIZATION_KINDS))
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) name!: string;
  @Column({ type: 'text' }) kind!: OrganizationKind;
  /** Organization-level settings (clocks, policies); validated by the admin feature. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) settings!: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn({ default: 1 }) version!: number;
}
