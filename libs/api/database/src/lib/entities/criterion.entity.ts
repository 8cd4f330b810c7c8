import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from './numeric.transformer';

@Entity({ name: 'criteria' })
export class CriterionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Scoring guidance shown to judges beside the input. */
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, transformer: numeric })
  weight!: number;

  @Column({ name: 'max_score', type: 'numeric', precision: 8, scale: 2, transformer: numeric })
  maxScore!: number;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
