import { AppError } from '@laurel/api-core';
import type { CriterionEntity } from '@laurel/api-database';
import { checkScores } from './score-input';

const criteria = [
  { id: 'c1', name: 'Innovation', weight: 40, maxScore: 10, position: 0 },
  { id: 'c2', name: 'Team', weight: 25, maxScore: 5, position: 1 },
] as CriterionEntity[];

function problems(scores: { criterionId: string; value: number }[]) {
  try {
    checkScores(criteria, scores);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).getStatus()).toBe(400);
    return (error as AppError).fields ?? [];
  }
  return [];
}

describe(checkScores.name, () => {
  it('accepts values from 0 to the maximum with two decimals, trims comments to null and keeps the internal mark', () => {
    expect(
      checkScores(criteria, [
        { criterionId: 'c1', value: 0 },
        { criterionId: 'c2', value: 4.75, comment: '  ', commentInternal: true } as never,
      ]),
    ).toEqual([
      { criterionId: 'c1', value: 0, comment: null, commentInternal: false },
      { criterionId: 'c2', value: 4.75, comment: null, commentInternal: true },
    ]);
    expect(
      problems([
        { criterionId: 'c1', value: 10 },
        { criterionId: 'c2', value: 2.35 },
      ]),
    ).toEqual([]);
  });

  it('names the criterion of a value out of range or with three decimals', () => {
    expect(problems([{ criterionId: 'c2', value: 5.01 }])).toEqual([
      {
        field: 'scores.0.value',
        message: '"Team" must be between 0 and 5',
        code: 'score.out_of_range',
        params: { criterion: 'Team', max: 5 },
      },
    ]);
    expect(problems([{ criterionId: 'c1', value: -0.5 }])).toEqual([
      {
        field: 'scores.0.value',
        message: '"Innovation" must be between 0 and 10',
        code: 'score.out_of_range',
        params: { criterion: 'Innovation', max: 10 },
      },
    ]);
    expect(problems([{ criterionId: 'c1', value: 1.005 }])).toEqual([
      {
        field: 'scores.0.value',
        message: '"Innovation" takes at most two decimals (such as 7.25)',
        code: 'score.decimals',
        params: { criterion: 'Innovation', max: 10 },
      },
    ]);
  });

  it('refuses an unknown criterion and a criterion given twice', () => {
    expect(problems([{ criterionId: 'other', value: 1 }])[0]?.field).toBe('scores.0.criterionId');
    expect(
      problems([
        { criterionId: 'c1', value: 1 },
        { criterionId: 'c1', value: 2 },
      ]),
    ).toEqual([
      {
        field: 'scores.1.criterionId',
        message: '"Innovation" appears twice: send one value per criterion',
        code: 'score.repeated',
        params: { criterion: 'Innovation' },
      },
    ]);
  });
});
