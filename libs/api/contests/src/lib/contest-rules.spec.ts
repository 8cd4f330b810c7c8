import { AppError } from '@laurel/api-core';
import type { CategoryEntity, ContestAggregate } from '@laurel/api-database';
import type { ContestStatus } from '@laurel/contracts';
import { assertCategoryChangesAllowed, assertFieldsEditable, assertTransition, diffCategories, readinessProblems } from './contest-rules';

function refusal(run: () => void): { status: number; code: string; message: string; fields: AppError['fields'] } {
  try {
    run();
  } catch (error) {
    const e = error as AppError;
    return { status: e.getStatus(), code: e.code, message: e.message, fields: e.fields };
  }
  throw new Error('not refused');
}

const category = (id: string, name: string, position: number) => ({ id, name, position, contestId: 'c' }) as CategoryEntity;

describe(assertTransition.name, () => {
  const statuses: ContestStatus[] = ['draft', 'open', 'closed', 'judging', 'published'];
  const allowed = new Set(['draft>open', 'open>closed', 'closed>judging', 'closed>open']);

  it.each(statuses.flatMap((from) => statuses.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    if (allowed.has(`${from}>${to}`)) {
      expect(() => assertTransition(from, to)).not.toThrow();
    } else {
      expect(refusal(() => assertTransition(from, to)).status).toBe(409);
    }
  });

  it('names the allowed next steps, and sends published to the publish endpoint', () => {
    expect(refusal(() => assertTransition('closed', 'draft')).message).toBe(
      'A contest that is closed cannot move to draft; the next status is judging or open.',
    );
    expect(refusal(() => assertTransition('judging', 'published')).code).toBe('contest.use_publish');
  });
});

describe(diffCategories.name, () => {
  const current = [category('a', 'Startups', 0), category('b', 'Students', 1)];

  it('sees nothing to do in the same list', () => {
    const diff = diffCategories(current, [
      { id: 'a', name: 'Startups' },
      { id: 'b', name: 'Students' },
    ]);
    expect(diff).toMatchObject({ add: [], remove: [], renamed: false, reordered: false });
  });

  it('tells adds, renames, reorders and removals apart', () => {
    const diff = diffCategories(current, [{ name: 'Social' }, { id: 'b', name: 'Students' }]);
    expect(diff.add).toEqual([{ name: 'Social', position: 0 }]);
    expect(diff.remove.map((c) => c.id)).toEqual(['a']);
    expect(diff).toMatchObject({ renamed: false, reordered: false });
    expect(
      diffCategories(current, [
        { id: 'b', name: 'Students' },
        { id: 'a', name: 'Startups' },
      ]).reordered,
    ).toBe(true);
    expect(
      diffCategories(current, [
        { id: 'a', name: 'Start-ups' },
        { id: 'b', name: 'Students' },
      ]).renamed,
    ).toBe(true);
  });

  it('refuses unknown ids and names repeated in another case with 400', () => {
    const problem = refusal(() => diffCategories(current, [{ id: 'x', name: 'X' }, { name: 'STARTUPS' }, { name: 'startups' }]));
    expect(problem.status).toBe(400);
    expect(problem.message).toMatch(/categories\.0\.id: is not a category of this contest.*categories\.2\.name: repeats another category/);
    // "STARTUPS" and "startups" are one name to a reader: the second is the repeat.
    expect(problem.fields?.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'categories.0.id', code: 'unknown' },
      { field: 'categories.2.name', code: 'duplicate' },
    ]);
  });

  it('lets a closed contest rename but not add', () => {
    const rename = diffCategories(current, [
      { id: 'a', name: 'Start-ups' },
      { id: 'b', name: 'Students' },
    ]);
    expect(() => assertCategoryChangesAllowed('closed', rename)).not.toThrow();
    const add = diffCategories(current, [...current, { name: 'Late' }]);
    expect(refusal(() => assertCategoryChangesAllowed('closed', add)).message).toMatch(/closed can no longer add categories/);
  });
});

describe(assertFieldsEditable.name, () => {
  it('lets a draft change everything and judging only the description', () => {
    expect(() => assertFieldsEditable('draft', ['slug', 'codePrefix', 'categories'])).not.toThrow();
    expect(() => assertFieldsEditable('judging', ['description'])).not.toThrow();
    expect(refusal(() => assertFieldsEditable('open', ['name', 'slug'])).message).toMatch(
      /^A contest that is open can no longer change slug\./,
    );
  });
});

describe(readinessProblems.name, () => {
  const now = new Date('2027-03-01T00:00:00Z');
  const aggregate = (rounds: number, criteria: number): ContestAggregate =>
    ({
      contest: { submissionOpensAt: new Date('2027-02-01T00:00:00Z'), submissionClosesAt: new Date('2027-04-01T00:00:00Z') },
      categories: [category('a', 'A', 0)],
      rounds: Array.from({ length: rounds }, (_, i) => ({ id: `r${i}`, name: `Round ${i + 1}` })),
      criteria: Array.from({ length: criteria }, () => ({ roundId: 'r0' })),
      prizes: [],
    }) as unknown as ContestAggregate;

  it('is ready with a round holding a rubric and a deadline ahead', () => {
    expect(readinessProblems(aggregate(1, 2), now)).toEqual([]);
  });

  it('names each round without a rubric', () => {
    expect(readinessProblems(aggregate(2, 1), now)).toEqual([
      {
        field: 'rounds.1.criteria',
        code: 'round.no_rubric',
        params: { round: 'Round 2' },
        message: 'round "Round 2" has no rubric: add at least one criterion',
      },
    ]);
  });

  it('refuses a passed deadline', () => {
    expect(readinessProblems(aggregate(1, 1), new Date('2027-05-01T00:00:00Z'))[0]?.field).toBe('submissionClosesAt');
  });
});
