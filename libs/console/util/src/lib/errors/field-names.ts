import type { CONTEST_EDITABLE_FIELDS, MailLanguage, PrizeTier } from '@laurel/contracts';
import type { TranslationKey } from '../i18n/dictionary';

/**
 * The labels of a page's fields by the API's name of the field (`displayName`, `members.*.email`:
 * a `*` stands for any position in a list), so that a refusal's field problems name the field as
 * the page shows it; for a field a person picks a value of, also the words of its choices
 * (`ChoiceLabel`), so that a refusal listing what may be chosen says them as the page does.
 */
export type FieldLabels = Readonly<Record<string, TranslationKey | ChoiceLabel>>;

/** A field whose value is picked from a closed list: its label, and each choice's words by the API's identifier. */
export interface ChoiceLabel {
  label: TranslationKey;
  choices: Readonly<Record<string, TranslationKey>>;
}

/** The languages a person picks (their mail's, a contest's), by their API identifiers. */
export const LANGUAGE_NAMES: Readonly<Record<MailLanguage, TranslationKey>> = { vi: 'language.vi', en: 'language.en' };

/** The prize tiers, by their API identifiers. */
export const PRIZE_TIER_NAMES: Readonly<Record<PrizeTier, TranslationKey>> = {
  first: 'results.tiers.first',
  second: 'results.tiers.second',
  third: 'results.tiers.third',
  encouragement: 'results.tiers.encouragement',
};

type ContestField = (typeof CONTEST_EDITABLE_FIELDS)[keyof typeof CONTEST_EDITABLE_FIELDS][number];

/** A contest's fields by their API names, as a refusal that names them (`contest.field_locked`) says them. */
export const CONTEST_FIELD_NAMES: Readonly<Record<ContestField, TranslationKey>> = {
  name: 'refusals.fieldNames.contest.name',
  slug: 'refusals.fieldNames.contest.slug',
  year: 'refusals.fieldNames.contest.year',
  description: 'refusals.fieldNames.contest.description',
  submissionOpensAt: 'refusals.fieldNames.contest.submissionOpensAt',
  submissionClosesAt: 'refusals.fieldNames.contest.submissionClosesAt',
  minScoreForPrize: 'refusals.fieldNames.contest.minScoreForPrize',
  noZeroCriterion: 'refusals.fieldNames.contest.noZeroCriterion',
  publicVote: 'refusals.fieldNames.contest.publicVote',
  requirePitchDeck: 'refusals.fieldNames.contest.requirePitchDeck',
  codePrefix: 'refusals.fieldNames.contest.codePrefix',
  language: 'refusals.fieldNames.contest.language',
  timeZone: 'refusals.fieldNames.contest.timeZone',
  categories: 'refusals.fieldNames.contest.categories',
  prizes: 'refusals.fieldNames.contest.prizes',
  formFields: 'refusals.fieldNames.contest.formFields',
  eligibilityRules: 'refusals.fieldNames.contest.eligibilityRules',
  council: 'refusals.fieldNames.contest.council',
  feedback: 'refusals.fieldNames.contest.feedback',
  councilMeetingAt: 'refusals.fieldNames.contest.councilMeetingAt',
  councilMeetingPlace: 'refusals.fieldNames.contest.councilMeetingPlace',
};

/** A round's fields by their API names, as a refusal that names them (`round.field_locked`) says them. */
export const ROUND_FIELD_NAMES: FieldLabels = {
  name: 'refusals.fieldNames.round.name',
  order: 'refusals.fieldNames.round.order',
  panel: 'refusals.fieldNames.round.panel',
  judgesPerEntry: 'refusals.fieldNames.round.judgesPerEntry',
  blind: 'refusals.fieldNames.round.blind',
  aggregation: 'refusals.fieldNames.round.aggregation',
  trim: 'refusals.fieldNames.round.trim',
  minSheetsForNormalization: 'refusals.fieldNames.round.minSheetsForNormalization',
  rankBy: 'refusals.fieldNames.round.rankBy',
  priorityCriteria: 'refusals.fieldNames.round.priorityCriteria',
  divergenceThreshold: 'refusals.fieldNames.round.divergenceThreshold',
  maxExtraJudges: 'refusals.fieldNames.round.maxExtraJudges',
  criteria: 'refusals.fieldNames.round.criteria',
  liveEnabled: 'refusals.fieldNames.round.liveEnabled',
  scoresDueAt: 'refusals.fieldNames.round.scoresDueAt',
  reminderHoursBefore: 'refusals.fieldNames.round.reminderHoursBefore',
};
