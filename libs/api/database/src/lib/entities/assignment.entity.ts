import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A judge asked to score an entry in a round; a recusal keeps the row with its reason. */
@Entity({ name: 'assignments' })
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'entry_id', type: 'uuid' }) entryId!: string;
  @Column({ name: 'judge_id', type: 'uuid' }) judgeId!: string;
  @Column({ type: 'text', default: 'assigned' }) status!: 'assigned' | 'recused';
  @Column({ name: 'recusal_reason', type: 'text', nullable: true }) recusalReason!: string | null;
  @Column({ name: 'recused_at', type: 'timestamptz', nullable: true }) recusedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
