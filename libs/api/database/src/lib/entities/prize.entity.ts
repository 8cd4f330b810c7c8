import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PrizeTier } from '@laurel/contracts';
import { numeric } from './numeric.transformer';

@Entity({ name: 'prizes' })
export class PrizeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'contest_id', type: 'uuid' })
  contestId!: string;

  @Column({ type: 'text' })
  tier!: PrizeTier;

  @Column({ type: 'int' })
  count!: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numeric })
  amount!: number | null;

  @Column({ type: 'text', nullable: true })
  currency!: string | null;

  /** Null: the prize is for the whole contest. */
  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId!: string | null;
}
