import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A judge on a contest's panel. */
@Entity({ name: 'contest_judges' })
export class ContestJudgeEntity {
  @PrimaryColumn({ name: 'contest_id', type: 'uuid' }) contestId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  /** As the organizer gave it for this contest; conflicts are detected against it. */
  @Column({ type: 'text', nullable: true }) organization!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) expertise!: string[];
  @Column({ name: 'invited_by', type: 'uuid', nullable: true }) invitedBy!: string | null;
  @Column({ name: 'invited_at', type: 'timestamptz' }) invitedAt!: Date;
}
