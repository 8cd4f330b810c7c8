import { withoutApiPaths } from './api-paths';

describe(withoutApiPaths.name, () => {
  it('drops a route in brackets, the sentence kept whole', () => {
    expect(withoutApiPaths('Rounds open while the contest is in judging; it is closed (POST /api/contests/:id/status).')).toBe(
      'Rounds open while the contest is in judging; it is closed.',
    );
  });

  it('drops a route inside the sentence', () => {
    expect(withoutApiPaths('needs at least one round: add one with POST /api/contests/:id/rounds')).toBe('needs at least one round: add one');
    expect(withoutApiPaths('A contest that is judging cannot move to published; publish its results with POST /api/contests/:id/publish.')).toBe(
      'A contest that is judging cannot move to published; publish its results.',
    );
  });

  it('leaves a sentence without routes as it was', () => {
    expect(withoutApiPaths('The deadline has passed.')).toBe('The deadline has passed.');
  });
});
