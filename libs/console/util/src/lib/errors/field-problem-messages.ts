import { type ApiFieldProblem, type ApiFieldProblemCode, PRIZE_TIERS, type PrizeTier } from '@laurel/contracts';
import type { TranslationKey } from '../i18n/dictionary';
import type { UiMessage } from '../i18n/ui-message';

/**
 * The console's sentence for every code a field problem can carry (`API_FIELD_PROBLEM_CODES`):
 * one line of a refusal's `fields` (an import's row, an entry an assignment cannot serve, a score,
 * a form's question), said from its code with the values of its `params` and `limit`.
 */
export const FIELD_PROBLEM_MESSAGES: Readonly<Record<ApiFieldProblemCode, TranslationKey>> = {
  type: 'application.problems.type',
  required: 'application.problems.required',
  max_length: 'application.problems.max_length',
  max_items: 'application.problems.max_items',
  duplicate: 'application.problems.duplicate',
  unknown: 'application.problems.unknown',
  format: 'application.problems.format',
  option: 'application.problems.option',
  not_applicable: 'application.problems.not_applicable',
  min: 'application.problems.min',
  max: 'application.problems.max',
  integer: 'application.problems.integer',
  range: 'application.problems.range',
  'contest.closes_before_opening': 'organize.editor.problems.submissionClosesAt',
  'contest.deadline_passed': 'organize.editor.problems.submissionClosesAt',
  'contest.no_categories': 'organize.editor.problems.categories',
  'contest.no_rounds': 'organize.editor.problems.rounds',
  'round.no_rubric': 'organize.editor.problems.roundCriteria',
  'import.bad_email': 'refusals.fields.import.badEmail',
  'import.bad_url': 'refusals.fields.import.badUrl',
  'import.cell_too_long': 'refusals.fields.import.cellTooLong',
  'import.empty': 'refusals.fields.import.empty',
  'import.exists': 'refusals.fields.import.exists',
  'import.missing_column': 'refusals.fields.import.missingColumn',
  'import.no_members': 'refusals.fields.import.noMembers',
  'import.no_rows': 'refusals.fields.import.noRows',
  'import.no_sheet': 'refusals.fields.import.noSheet',
  'import.repeated_row': 'refusals.fields.import.repeatedRow',
  'import.too_long': 'refusals.fields.import.tooLong',
  'import.too_many_columns': 'refusals.fields.import.tooManyColumns',
  'import.too_many_rows': 'refusals.fields.import.tooManyRows',
  'import.unknown_category': 'refusals.fields.import.unknownCategory',
  'assignment.all_judges_conflicted': 'refusals.fields.assignment.allJudgesConflicted',
  'assignment.too_few_judges': 'refusals.fields.assignment.tooFewJudges',
  'score.decimals': 'refusals.fields.score.decimals',
  'score.out_of_range': 'refusals.fields.score.outOfRange',
  'score.repeated': 'refusals.fields.score.repeated',
  'score.unknown_criterion': 'refusals.fields.score.unknownCriterion',
  'award.unknown_entry': 'results.awards.problems.unknownEntry',
  'award.second_prize': 'results.awards.problems.secondPrize',
  'award.ineligible': 'results.awards.problems.ineligible',
  'award.no_prize_open': 'results.awards.problems.noPrizeOpen',
  'award.reason_tie': 'results.awards.problems.reasonTie',
  'award.reason_other_tier': 'results.awards.problems.reasonOtherTier',
  'award.reason_not_proposed': 'results.awards.problems.reasonNotProposed',
  'award.too_many': 'results.awards.problems.tooMany',
  'award.too_many_in_category': 'results.awards.problems.tooManyInCategory',
  'award.left_out': 'results.awards.problems.leftOut',
};

// Params that name a prize tier (`first`…): said as the dictionary's name of the tier.
const TIER_PARAMS = ['tier', 'proposed'] as const;
const isTier = (value: unknown): value is PrizeTier => (PRIZE_TIERS as readonly unknown[]).includes(value);

/**
 * One field problem in the reader's language. A problem without a code (a rule the organizers
 * wrote themselves, in their own words) keeps the API's text in every language.
 */
export function fieldProblemMessage(problem: ApiFieldProblem): UiMessage {
  const key = problem.code ? FIELD_PROBLEM_MESSAGES[problem.code] : undefined;
  if (!key) return { text: problem.message };
  const params: Record<string, string | number> = { ...(problem.limit === undefined ? {} : { limit: problem.limit }), ...problem.params };
  const terms: Record<string, TranslationKey> = {};
  for (const name of TIER_PARAMS) {
    const value = params[name];
    if (isTier(value)) terms[name] = `results.tiers.${value}`;
  }
  return {
    key,
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(Object.keys(terms).length > 0 ? { terms } : {}),
  };
}
