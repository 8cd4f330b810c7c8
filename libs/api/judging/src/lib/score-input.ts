import { AppError, type FieldProblem } from '@laurel/api-core';
import type { CriterionEntity, ScoreRow } from '@laurel/api-database';
import { type ScoreValueProblem, validateScoreValue } from '@laurel/domain';
import type { ScoreInputDto } from './judging.dto';

const formatNumber = (n: number) => String(Number(n.toFixed(2)));

function valueMessage(criterion: CriterionEntity, problem: ScoreValueProblem): string {
  const range = `between 0 and ${formatNumber(criterion.maxScore)}`;
  switch (problem) {
    case 'too_many_decimals':
      return `"${criterion.name}" takes at most two decimals (such as 7.25)`;
    case 'not_a_number':
      return `"${criterion.name}" must be a number ${range}`;
    default:
      return `"${criterion.name}" must be ${range}`;
  }
}

/**
 * The scores of a sheet save, checked against the round's rubric with the domain's
 * validateScoreValue (the console checks with the same function): 400 naming each criterion
 * that is unknown, repeated, out of 0..max or given more than two decimals.
 */
export function checkScores(criteria: readonly CriterionEntity[], scores: readonly ScoreInputDto[]): ScoreRow[] {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  scores.forEach((score, i) => {
    const criterion = byId.get(score.criterionId);
    if (!criterion) {
      problems.push({
        field: `scores.${i}.criterionId`,
        message: 'is not a criterion of this round’s rubric: reload the sheet',
        code: 'score.unknown_criterion',
      });
      return;
    }
    if (seen.has(criterion.id))
      problems.push({
        field: `scores.${i}.criterionId`,
        message: `"${criterion.name}" appears twice: send one value per criterion`,
        code: 'score.repeated',
        params: { criterion: criterion.name },
      });
    seen.add(criterion.id);
    const problem = validateScoreValue(score.value, criterion.maxScore);
    if (problem) {
      problems.push({
        field: `scores.${i}.value`,
        message: valueMessage(criterion, problem),
        code: problem === 'too_many_decimals' ? 'score.decimals' : 'score.out_of_range',
        params: { criterion: criterion.name, max: Number(criterion.maxScore.toFixed(2)) },
      });
    }
  });
  if (problems.length > 0) {
    throw AppError.badRequest('sheet.invalid_scores', `Please correct the scores: ${problems.map((p) => p.message).join('; ')}.`, problems);
  }
  return scores.map((s) => ({
    criterionId: s.criterionId,
    value: s.value,
    comment: s.comment?.trim() || null,
    commentInternal: s.commentInternal ?? false,
  }));
}
