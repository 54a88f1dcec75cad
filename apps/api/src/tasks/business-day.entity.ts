import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The business-day calendar (weekdays minus US federal holidays as observed), filled from libs/domain at start-up
 * so SQL adds business days with the same holidays as the code: `business_due_at(from, n)` (migration).
 */
@Entity('business_days')
export class BusinessDayEntity {
  @PrimaryColumn({ type: 'date' }) day!: string;
  @Index('ux_business_days_ordinal', { unique: true })
  @Column({ type: 'int' })
  ordinal!: number;
}
