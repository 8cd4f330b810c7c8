import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RoundOutcome = 'pending' | 'advanced' | 'eliminated';

/** An entry a round covers, filled when the round opens. */
@Entity({ name: 'round_entries' })
export class RoundEntryEntity {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' }) entryId!: string;
  @Column({ type: 'text', default: 'pending' }) outcome!: RoundOutcome;
  @Column({ name: 'added_at', type: 'timestamptz' }) addedAt!: Date;
}
