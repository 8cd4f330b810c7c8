import type { EligibilityRule, FormField } from './application';
import type { PublicVoteSettings } from './votes';

export const CONTEST_STATUSES = ['draft', 'open', 'closed', 'judging', 'published'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

export const PRIZE_TIERS = ['first', 'second', 'third', 'encouragement'] as const;
export type PrizeTier = (typeof PRIZE_TIERS)[number];

/** The language a contest's documents are written in (DESIGN: vi by default). */
export const CONTEST_LANGUAGES = ['vi', 'en'] as const;
export type ContestLanguage = (typeof CONTEST_LANGUAGES)[number];
export const DEFAULT_CONTEST_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const AGGREGATION_METHODS = ['mean', 'median', 'trimmed_mean', 'zscore'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const PANEL_MODES = ['assigned', 'complete'] as const;
export type PanelMode = (typeof PANEL_MODES)[number];
export const RANK_BY = ['overall', 'category'] as const;
export type RankBy = (typeof RANK_BY)[number];

/**
 * The lifecycle, one step at a time. `published` is reached only through
 * `POST /api/contests/:id/publish`; `closed → open` (reopen) is the one step back.
 */
export const CONTEST_NEXT_STATUS: Record<ContestStatus, ContestStatus | null> = {
  draft: 'open',
  open: 'closed',
  closed: 'judging',
  judging: 'published',
  published: null,
};
export const CONTEST_REOPEN_FROM: ContestStatus = 'closed';

/** Every contest field `PATCH /api/contests/:id` may change: all of them while the contest is a draft. */
const CONTEST_FIELDS = [
  'name',
  'slug',
  'year',
  'description',
  'submissionOpensAt',
  'submissionClosesAt',
  'minScoreForPrize',
  'noZeroCriterion',
  'publicVote',
  'requirePitchDeck',
  'codePrefix',
  'language',
  'timeZone',
  'categories',
  'prizes',
  'formFields',
  'eligibilityRules',
  'council',
  'feedback',
  'councilMeetingAt',
  'councilMeetingPlace',
] as const satisfies readonly (keyof UpdateContestRequest)[];
export type ContestField = (typeof CONTEST_FIELDS)[number];

/** The fields of `editable` that stay editable once `locked` lock, in the same order. */
function locking(editable: readonly ContestField[], locked: readonly ContestField[]): readonly ContestField[] {
  return editable.filter((field) => !locked.includes(field));
}

const whileDraft = CONTEST_FIELDS;
// Links to the contest have been shared, and entry codes may have been given.
const whileOpen = locking(whileDraft, ['slug', 'codePrefix']);
// Submitted entries were checked against it.
const whileClosed = locking(whileOpen, ['requirePitchDeck']);
// Entries are being scored against the rest. The documents' language and zone are presentation:
// they may change until the end, like the description, the council and the feedback.
const whileJudging = locking(whileClosed, [
  'name',
  'year',
  'submissionOpensAt',
  'submissionClosesAt',
  'minScoreForPrize',
  'noZeroCriterion',
  'categories',
  'prizes',
  'formFields',
  'eligibilityRules',
]);
// The public vote and the council's decision are behind it once the results are public.
const oncePublished = locking(whileJudging, ['publicVote', 'council']);

/**
 * The contest fields `PATCH /api/contests/:id` may change in each status (the service enforces
 * it). Each status's list is the one before it less what locks on entering it, so a new field is
 * written once, in `CONTEST_FIELDS`, and stays editable until a status locks it.
 */
export const CONTEST_EDITABLE_FIELDS: Readonly<Record<ContestStatus, readonly ContestField[]>> = {
  draft: whileDraft,
  open: whileOpen,
  closed: whileClosed,
  judging: whileJudging,
  published: oncePublished,
};

/** What may happen to categories in each status: add, rename, remove (a category with entries is never removed). */
export const CATEGORY_CHANGES: Record<ContestStatus, readonly ('add' | 'rename' | 'remove')[]> = {
  draft: ['add', 'rename', 'remove'],
  open: ['add', 'rename', 'remove'],
  closed: ['rename'],
  judging: [],
  published: [],
};

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
  /** Points of T at which two totals of one entry call one more judge; null: off. */
  divergenceThreshold: number | null;
  /** Judges divergence review may add to one entry (default 1). */
  maxExtraJudges: number;
  /** When the judges' scores are due (ISO-8601); null: not announced. */
  scoresDueAt: string | null;
  /** Judges still owing sheets are mailed this many hours before scoresDueAt (default 24). */
  reminderHoursBefore: number;
  criteria: CriterionView[];
  /** Run live in the hall (pitch day): judges follow the organizer's run sheet. */
  live: { enabled: boolean };
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
  /** Send it back with a PATCH; a stale one is answered 409. */
  version: number;
  name: string;
  slug: string;
  year: number;
  status: ContestStatus;
  description: string;
  submissionOpensAt: string;
  submissionClosesAt: string;
  minScoreForPrize: number;
  /** Prize gate: an entry with a criterion mean of 0 in the final round gets no prize. */
  noZeroCriterion: boolean;
  /** Null: the contest holds no public vote. */
  publicVote: PublicVoteSettings | null;
  requirePitchDeck: boolean;
  /** Prefix of entry codes (ST26 in ST26-007); null: derived from the slug. */
  codePrefix: string | null;
  /** The language of the contest's documents. */
  language: ContestLanguage;
  /** IANA zone its documents write times in. */
  timeZone: string;
  categories: CategoryView[];
  rounds: RoundView[];
  prizes: PrizeView[];
  /** The contest's own application form, in display order. */
  formFields: FormField[];
  eligibilityRules: EligibilityRule[];
  /**
   * True once an entry was submitted: existing fields keep their type, options and limits, new
   * fields are optional, and removing one needs `confirmRemovedFields`.
   */
  formLocked: boolean;
  /** The council's members are not public; `GET /api/contests/:id/awards/approvals` names them to the organizer and the council. */
  council: { approvalShare: number; named: boolean };
  councilMeetingAt: string | null;
  councilMeetingPlace: string | null;
  feedback: FeedbackSettings;
}

/** What an applicant sees of their entry once the results are published. */
export interface FeedbackSettings {
  enabled: boolean;
  /** The entry's mean per criterion in each round. */
  showCriterionMeans: boolean;
  /** The category's average per criterion beside the entry's (needs showCriterionMeans). */
  showCategoryAverage: boolean;
  /** The judges' comments, signed "judge 1, 2, …"; comments a judge marked internal never. */
  showComments: boolean;
}

export interface CouncilSettingsInput {
  /** Users on the contest's panel; null: the judges of the final round. */
  memberIds?: string[] | null;
  /** 0 to 1; null: two thirds. */
  approvalShare?: number | null;
}

export interface PrizeInput {
  tier: PrizeTier;
  count: number;
  amount?: number;
  currency?: string;
  /** One of the two names the prize's category; neither: the prize is for the whole contest. */
  categoryName?: string;
  categoryId?: string;
}

export interface CategoryInput {
  name: string;
}

/** A category of an edit: with its id it is kept (renamed), without one it is added. */
export interface CategoryUpdateInput extends CategoryInput {
  id?: string;
}

export interface CreateContestRequest {
  name: string;
  slug: string;
  year: number;
  description?: string;
  submissionOpensAt: string;
  submissionClosesAt: string;
  minScoreForPrize?: number;
  noZeroCriterion?: boolean;
  requirePitchDeck?: boolean;
  codePrefix?: string;
  language?: ContestLanguage;
  timeZone?: string;
  categories: CategoryInput[];
  prizes: PrizeInput[];
}

/** Every field but `version` optional; categories with an id are kept (renamed), without one added, missing ones removed. */
export interface UpdateContestRequest {
  version: number;
  name?: string;
  slug?: string;
  year?: number;
  description?: string;
  submissionOpensAt?: string;
  submissionClosesAt?: string;
  minScoreForPrize?: number;
  noZeroCriterion?: boolean;
  /** null removes the public vote. */
  publicVote?: PublicVoteSettings | null;
  requirePitchDeck?: boolean;
  codePrefix?: string | null;
  language?: ContestLanguage;
  timeZone?: string;
  categories?: CategoryUpdateInput[];
  /** Replaces the whole list. */
  prizes?: PrizeInput[];
  council?: CouncilSettingsInput;
  /** Fields left out keep their value. */
  feedback?: Partial<FeedbackSettings>;
  councilMeetingAt?: string | null;
  councilMeetingPlace?: string | null;
  /** Replaces the whole form (see `ContestView.formLocked`). */
  formFields?: FormField[];
  /** Replaces every rule; each must name fields of the resulting form. */
  eligibilityRules?: EligibilityRule[];
  /** Keys of the fields this edit removes from a form with submitted entries: their answers are kept for the export. */
  confirmRemovedFields?: string[];
}

export interface ContestStatusRequest {
  status: ContestStatus;
  version?: number;
}

export interface CriterionInput {
  /** Kept criteria carry their id; new ones have none. */
  id?: string;
  name: string;
  description?: string | null;
  weight: number;
  maxScore: number;
}

export interface CreateRoundRequest {
  name: string;
  order: number;
  panel: PanelMode;
  judgesPerEntry: number;
  blind?: boolean;
  aggregation: AggregationMethod;
  trim?: number;
  minSheetsForNormalization?: number;
  rankBy?: RankBy;
  /** Criterion names, in the order they break ties. */
  priorityCriteria?: string[];
  /** Divergence review (assigned panels): points of T; null or absent: off. */
  divergenceThreshold?: number | null;
  /** Default 1. */
  maxExtraJudges?: number;
  /** ISO-8601 with zone; null or absent: no deadline (and no reminder). */
  scoresDueAt?: string | null;
  /** 0–720, default 24. */
  reminderHoursBefore?: number;
  /** The rubric, in display order. */
  criteria: CriterionInput[];
}

/** Whether the round is run live on pitch day (a stage, judges' tablets, a board). */
export interface LiveSettingInput {
  enabled: boolean;
}

export type UpdateRoundRequest = Partial<CreateRoundRequest> & { live?: LiveSettingInput };

export interface HealthView {
  status: 'ok' | 'degraded';
  db: 'up' | 'down';
}

/** `GET /api/contests/mine/summary`: what the organizer's dashboard counts, per contest they own. */
export interface ContestSummaryView {
  contestId: string;
  name: string;
  slug: string;
  status: ContestStatus;
  submissionClosesAt: string;
  entries: {
    submitted: number;
    /** Started by applicants, not yet submitted. */
    drafts: number;
    /** Submitted and still waiting for an eligibility decision. */
    notScreened: number;
  };
  /** Rounds open now, with their sheets: assignments not recused, and those not yet submitted. */
  openRounds: { roundId: string; name: string; sheets: number; unsubmitted: number }[];
}
