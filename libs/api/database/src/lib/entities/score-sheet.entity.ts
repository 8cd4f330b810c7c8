import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SheetStatus } from '@laurel/contracts';

/**
 * One per assignment. Written only while its round is open (a trigger refuses anything else);
 * `version` is bumped by every save and checked in the UPDATE, so a stale save changes nothing.
 */
@Entity({ name: 'score_sheets' })
export class ScoreSheetEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ type: 'text', default: 'draft' }) status!: SheetStatus;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  /** Full precision, set on submission by the domain's sheetTotal. */
  @Column({ type: 'double precision', nullable: true }) total!: number | null;
  /** Set on submission: the score values in rubric order (criterion position, then id), what results read. */
  @Column({ name: 'score_values', type: 'numeric', precision: 8, scale: 2, array: true, nullable: true }) scoreValues!: string[] | null;
  @Column({ type: 'int', default: 1 }) version!: number;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
