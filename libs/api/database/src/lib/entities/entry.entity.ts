import type { Answers, Eligibility, EntryMember, EntryStatus } from '@laurel/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'entries' })
export class EntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'contest_id', type: 'uuid' })
  contestId!: string;

  /** Null while a draft has no category chosen yet; set on every submitted entry. */
  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId!: string | null;

  /** Null for entries an organizer imported on a team's behalf. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @Column({ type: 'text', default: 'draft' })
  status!: EntryStatus;

  /** Readable code such as ST26-007, given on submission. */
  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'text', default: '' }) title!: string;
  @Column({ name: 'team_name', type: 'text', default: '' }) teamName!: string;
  @Column({ type: 'text', default: '' }) summary!: string;
  @Column({ type: 'text', default: '' }) problem!: string;
  @Column({ type: 'text', default: '' }) solution!: string;
  @Column({ type: 'text', default: '' }) market!: string;
  @Column({ name: 'business_model', type: 'text', default: '' }) businessModel!: string;
  @Column({ type: 'text', nullable: true }) organization!: string | null;
  @Column({ name: 'video_url', type: 'text', nullable: true }) videoUrl!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) members!: EntryMember[];

  /** Answers to the contest's form by field key; answers of fields removed later are kept. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) answers!: Answers;

  @Column({ type: 'text', default: 'pending' }) eligibility!: Eligibility;
  @Column({ name: 'eligibility_reason', type: 'text', nullable: true }) eligibilityReason!: string | null;
  @Column({ name: 'eligibility_by', type: 'uuid', nullable: true }) eligibilityBy!: string | null;
  @Column({ name: 'eligibility_at', type: 'timestamptz', nullable: true }) eligibilityAt!: Date | null;

  /** Bumped on every write; a save carrying an older version is answered 409. */
  @Column({ type: 'int', default: 1 }) version!: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
