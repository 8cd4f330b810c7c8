import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numeric } from './numeric.transformer';

/** One judge's value for one criterion on one sheet. */
@Entity({ name: 'scores' })
export class ScoreEntity {
  @PrimaryColumn({ name: 'sheet_id', type: 'uuid' }) sheetId!: string;
  @PrimaryColumn({ name: 'criterion_id', type: 'uuid' }) criterionId!: string;
  @Column({ type: 'numeric', precision: 8, scale: 2, transformer: numeric }) value!: number;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
}
