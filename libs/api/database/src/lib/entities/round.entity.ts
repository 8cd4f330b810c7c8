import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AggregationMethod, PanelMode, RankBy, RoundStatus } from '@laurel/contracts';
import { numeric } from './numeric.transformer';

@Entity({ name: 'rounds' })
export class RoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'contest_id', type: 'uuid' })
  contestId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Rounds run in this order; the lowest takes every eligible entry. */
  @Column({ name: 'order', type: 'int' })
  order!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: RoundStatus;

  @Column({ type: 'text', default: 'assigned' })
  panel!: PanelMode;

  @Column({ name: 'judges_per_entry', type: 'int', default: 3 })
  judgesPerEntry!: number;

  @Column({ type: 'boolean', default: false })
  blind!: boolean;

  @Column({ type: 'text', default: 'mean' })
  aggregation!: AggregationMethod;

  @Column({ type: 'int', default: 1 })
  trim!: number;

  @Column({ name: 'min_sheets_for_normalization', type: 'int', default: 5 })
  minSheetsForNormalization!: number;

  @Column({ name: 'rank_by', type: 'text', default: 'overall' })
  rankBy!: RankBy;

  /** Criterion ids, in the order they break ties. */
  @Column({ name: 'priority_criteria', type: 'uuid', array: true, default: () => "'{}'" })
  priorityCriteria!: string[];

  /** Run live in the hall: a run sheet and a stage (pitch_stages). */
  @Column({ name: 'live_enabled', type: 'boolean', default: false })
  liveEnabled!: boolean;

  @Column({ name: 'spread_threshold', type: 'numeric', precision: 6, scale: 2, default: 15, transformer: numeric })
  spreadThreshold!: number;

  /** Points of T; null: divergence review is off. */
  @Column({ name: 'divergence_threshold', type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numeric })
  divergenceThreshold!: number | null;

  @Column({ name: 'max_extra_judges', type: 'int', default: 1 })
  maxExtraJudges!: number;

  /** When the judges' scores are due; null: not announced. */
  @Column({ name: 'scores_due_at', type: 'timestamptz', nullable: true })
  scoresDueAt!: Date | null;

  @Column({ name: 'reminder_hours_before', type: 'int', default: 24 })
  reminderHoursBefore!: number;

  /** The pg-boss job that will send this round's reminders (cancelled when the deadline moves). */
  @Column({ name: 'reminder_job_id', type: 'uuid', nullable: true })
  reminderJobId!: string | null;
}
