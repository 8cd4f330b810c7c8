import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConflictSource } from '@laurel/contracts';

/** The `source` column holds the contract's conflict sources. */
export type ConflictSourceColumn = ConflictSource;

/** A stored conflict of interest: declared by the judge (a recusal) or added by an organizer. */
@Entity({ name: 'conflicts' })
export class ConflictEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'contest_id', type: 'uuid' }) contestId!: string;
  @Column({ name: 'judge_id', type: 'uuid' }) judgeId!: string;
  @Column({ name: 'entry_id', type: 'uuid' }) entryId!: string;
  @Column({ type: 'text' }) source!: ConflictSourceColumn;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text', nullable: true }) detail!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
