import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ContestLanguage, ContestStatus, EligibilityRule, FeedbackSettings, FormField, PublicVoteSettings } from '@laurel/contracts';
import { numeric } from './numeric.transformer';

@Entity({ name: 'contests' })
export class ContestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'int' })
  year!: number;

  /** Markdown, rendered safely by the console. */
  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: ContestStatus;

  @Column({ name: 'submission_opens_at', type: 'timestamptz' })
  submissionOpensAt!: Date;

  @Column({ name: 'submission_closes_at', type: 'timestamptz' })
  submissionClosesAt!: Date;

  @Column({ name: 'min_score_for_prize', type: 'numeric', precision: 6, scale: 2, default: 0, transformer: numeric })
  minScoreForPrize!: number;

  /** Prize gate: an entry with a criterion mean of 0 in the final round gets no prize. */
  @Column({ name: 'no_zero_criterion', type: 'boolean', default: false })
  noZeroCriterion!: boolean;

  /** The public vote's settings; null: none. */
  @Column({ name: 'public_vote', type: 'jsonb', nullable: true })
  publicVote!: PublicVoteSettings | null;

  @Column({ name: 'require_pitch_deck', type: 'boolean', default: true })
  requirePitchDeck!: boolean;

  /** The language of the contest's documents (workbooks, score sheets). */
  @Column({ type: 'text', default: 'vi' })
  language!: ContestLanguage;

  /** IANA zone the contest's documents write times in. */
  @Column({ name: 'time_zone', type: 'text', default: 'Asia/Ho_Chi_Minh' })
  timeZone!: string;

  /** Upper-case prefix of entry codes (ST26 in ST26-007); derived from the slug when null. */
  @Column({ name: 'code_prefix', type: 'text', nullable: true })
  codePrefix!: string | null;

  /** The contest's own application form, in display order. */
  @Column({ name: 'form_fields', type: 'jsonb', default: () => "'[]'::jsonb" })
  formFields!: FormField[];

  /** Fields removed after entries were submitted: their answers stay and are still exported. */
  @Column({ name: 'retired_form_fields', type: 'jsonb', default: () => "'[]'::jsonb" })
  retiredFormFields!: FormField[];

  @Column({ name: 'eligibility_rules', type: 'jsonb', default: () => "'[]'::jsonb" })
  eligibilityRules!: EligibilityRule[];

  @Column({ name: 'entry_seq', type: 'int', default: 0 })
  entrySeq!: number;

  /** The council's members by user id; null: the judges of the final round. */
  @Column({ name: 'council_member_ids', type: 'uuid', array: true, nullable: true })
  councilMemberIds!: string[] | null;

  /** The share of the council whose approval publication needs; null: two thirds. */
  @Column({ name: 'council_approval_share', type: 'double precision', nullable: true })
  councilApprovalShare!: number | null;

  @Column({ name: 'council_meeting_at', type: 'timestamptz', nullable: true })
  councilMeetingAt!: Date | null;

  @Column({ name: 'council_meeting_place', type: 'text', nullable: true })
  councilMeetingPlace!: string | null;

  /** What applicants see of their entry after publication. */
  @Column({ type: 'jsonb' })
  feedback!: FeedbackSettings;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @VersionColumn({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
