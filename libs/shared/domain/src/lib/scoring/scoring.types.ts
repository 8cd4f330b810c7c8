export type AggregationMethod = 'mean' | 'median' | 'trimmed_mean' | 'zscore';
export type RankBy = 'overall' | 'category';
export type SettledBy = 'score' | 'priority_criteria' | 'head_to_head' | 'median' | 'tie';
export type PrizeTier = 'first' | 'second' | 'third' | 'encouragement';

/** The order in which prize places are filled. */
export const PRIZE_TIER_ORDER: readonly PrizeTier[] = ['first', 'second', 'third', 'encouragement'];

export interface Criterion {
  readonly id: string;
  /** > 0 */
  readonly weight: number;
  /** > 0 */
  readonly maxScore: number;
}

/**
 * Values keyed by criterion id. Null and undefined mean "not scored yet", which is what an
 * unfinished form in the judge console holds.
 */
export type ScoreValues = Readonly<Record<string, number | null | undefined>>;

/** A submitted sheet: complete, every value valid. */
export interface Sheet {
  readonly entryId: string;
  readonly judgeId: string;
  readonly values: Readonly<Record<string, number>>;
}

/**
 * A submitted sheet in the lean shape a round's results read thousands of: its values in the
 * order of the round's criteria, with no object keyed by criterion id per sheet.
 */
export interface LeanSheet {
  readonly entryId: string;
  readonly judgeId: string;
  readonly scores: readonly number[];
}
