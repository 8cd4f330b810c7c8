export const CONTEST_STATUSES = ['draft', 'open', 'closed', 'judging', 'published'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

export const PRIZE_TIERS = ['first', 'second', 'third', 'encouragement'] as const;
export type PrizeTier = (typeof PRIZE_TIERS)[number];

export const AGGREGATION_METHODS = ['mean', 'median', 'trimmed_mean', 'zscore'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export type PanelMode = 'assigned' | 'complete';
export type RankBy = 'overall' | 'category';

export interface CategoryView {
  id: string;
  name: string;
}

export interface CriterionView {
  id: string;
  name: string;
  description: string | null;
  weight: number;
  maxScore: number;
  order: number;
}

export interface RoundView {
  id: string;
  name: string;
  order: number;
  status: RoundStatus;
  panel: PanelMode;
  judgesPerEntry: number;
  blind: boolean;
  aggregation: AggregationMethod;
  trim: number;
  minSheetsForNormalization: number;
  rankBy: RankBy;
  priorityCriteria: string[];
  criteria: CriterionView[];
}

export interface PrizeView {
  id: string;
  tier: PrizeTier;
  count: number;
  amount: number | null;
  currency: string | null;
  categoryId: string | null;
}

export interface ContestView {
  id: string;
  name: string;
  slug: string;
  year: number;
  status: ContestStatus;
  description: string;
  submissionOpensAt: string;
  submissionClosesAt: string;
  minScoreForPrize: number;
  requirePitchDeck: boolean;
  categories: CategoryView[];
  rounds: RoundView[];
  prizes: PrizeView[];
}

export interface HealthView {
  status: 'ok' | 'degraded';
  db: 'up' | 'down';
}
