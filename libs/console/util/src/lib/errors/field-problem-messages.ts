import { type ApiFieldProblem, type ApiFieldProblemCode, PRIZE_TIERS, type PrizeTier } from '@laurel/contracts';
import type { TranslationKey } from '../i18n/dictionary';
import type { UiMessage } from '../i18n/ui-message';
import { localeParams, sentenceFor, type Variants } from './locale-params';

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
  decimals: 'refusals.fields.shape.decimals',
  min_length: 'refusals.fields.shape.minLength',
  positive: 'refusals.fields.shape.positive',
  whole_number: 'refusals.fields.shape.wholeNumber',
  'contest.closes_before_opening': 'organize.editor.problems.submissionClosesAt',
  'contest.deadline_passed': 'organize.editor.problems.submissionClosesAt',
  'contest.no_categories': 'organize.editor.problems.categories',
  'contest.no_rounds': 'organize.editor.problems.rounds',
  'round.no_rubric': 'organize.editor.problems.roundCriteria',
  'contest.council_empty': 'refusals.fields.settings.councilEmpty',
  'contest.council_not_judge': 'refusals.fields.settings.councilNotJudge',
  'contest.prize_category_mismatch': 'refusals.fields.settings.prizeCategoryMismatch',
  'contest.prize_tier_repeated': 'refusals.fields.settings.prizeTierRepeated',
  'contest.slug_reserved': 'refusals.fields.settings.slugReserved',
  'contest.vote_closes_before_opening': 'refusals.fields.settings.voteClosesBeforeOpening',
  'round.no_criteria': 'refusals.fields.settings.noCriteria',
  'round.priority_unknown': 'refusals.fields.settings.priorityUnknown',
  'screening.reason_ineligible': 'refusals.fields.screening.reasonIneligible',
  'screening.reason_override': 'refusals.fields.screening.reasonOverride',
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
  'run_sheet.slot_repeated': 'pitch.problems.slotRepeated',
  'run_sheet.entry_unknown': 'pitch.problems.entryUnknown',
  'run_sheet.entry_repeated': 'pitch.problems.entryRepeated',
  'run_sheet.slot_id': 'pitch.problems.slotId',
  'run_sheet.break_id': 'pitch.problems.breakId',
  'run_sheet.pitch_seconds': 'pitch.problems.pitchSeconds',
  'run_sheet.qa_seconds': 'pitch.problems.qaSeconds',
  'run_sheet.break_seconds': 'pitch.problems.breakSeconds',
  'run_sheet.entry_missing': 'pitch.problems.entryMissing',
  'run_sheet.on_stage_missing': 'pitch.problems.onStageMissing',
  'stage.slot_unknown': 'pitch.problems.slotUnknown',
  'stage.slot_is_break': 'pitch.problems.slotIsBreak',
  'stage.extend_seconds': 'pitch.problems.extendSeconds',
  'password.blank': 'refusals.fields.password.blank',
  'password.is_email': 'refusals.fields.password.isEmail',
  'password.not_current': 'refusals.fields.password.notCurrent',
  'eligibility.rule_failed': 'refusals.fields.eligibility.ruleFailed',
};

// A field problem that names its values says them: a minimum its limit.
const FIELD_PROBLEM_VARIANTS: Partial<Record<ApiFieldProblemCode, Variants>> = {
  min: [['limit', 'refusals.fields.shape.min']],
};

// Params that name a prize tier (`first`…): said as the dictionary's name of the tier.
const TIER_PARAMS = ['tier', 'proposed'] as const;
const isTier = (value: unknown): value is PrizeTier => (PRIZE_TIERS as readonly unknown[]).includes(value);

/**
 * One field problem in the reader's language, from its code (every problem has one), its values
 * written the reader's way (`localeParams`; a prize tier as the dictionary's word for it). The
 * choices an `option` problem lists (`params.options`, the API's identifiers) are said by the
 * page's words for them (`choices`) when it has a word for each; otherwise the sentence asks for
 * one of the values offered without listing identifiers a person never sees.
 */
export function fieldProblemMessage(problem: ApiFieldProblem): UiMessage {
  return fieldProblemWithChoices(problem, undefined);
}

/** `fieldProblemMessage`, with the page's words for the choices of the field the problem is about. */
export function fieldProblemWithChoices(
  problem: ApiFieldProblem,
  choices: Readonly<Record<string, TranslationKey>> | undefined,
): UiMessage {
  if (problem.code === 'option') return optionMessage(problem.params?.['options'], choices);
  const key = FIELD_PROBLEM_MESSAGES[problem.code];
  const values: Record<string, string | number> = { ...(problem.limit === undefined ? {} : { limit: problem.limit }), ...problem.params };
  const sentence = sentenceFor(key, FIELD_PROBLEM_VARIANTS[problem.code], values);
  if (Object.keys(values).length === 0) return { key: sentence };
  const params = localeParams(values);
  for (const name of TIER_PARAMS) {
    const value = values[name];
    if (isTier(value)) params[name] = { message: { key: `results.tiers.${value}` } };
  }
  return { key: sentence, params };
}

/** "Choose one of: Tiếng Việt and English.", or "Choose one of the values offered." without the page's words for each choice. */
function optionMessage(options: unknown, choices: Readonly<Record<string, TranslationKey>> | undefined): UiMessage {
  const offered = typeof options === 'string' && options !== '' ? options.split(', ') : [];
  const words: UiMessage[] = [];
  for (const value of offered) {
    const word = choices?.[value];
    if (word === undefined) return { key: FIELD_PROBLEM_MESSAGES.option };
    words.push({ key: word });
  }
  return words.length === 0
    ? { key: FIELD_PROBLEM_MESSAGES.option }
    : { key: 'refusals.fields.shape.option', params: { options: { list: words } } };
}
