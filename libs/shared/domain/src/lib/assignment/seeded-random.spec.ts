import { createSeededRandom } from './seeded-random';

const draw = (seed: string | number, count = 5): number[] => {
  const next = createSeededRandom(seed);
  return Array.from({ length: count }, () => next());
};

describe(createSeededRandom.name, () => {
  it('repeats its sequence for the same seed', () => {
    expect(draw('round-1')).toEqual(draw('round-1'));
  });

  it('reads a number seed as its decimal text', () => {
    expect(draw(42)).toEqual(draw('42'));
  });

  it('gives other sequences for other seeds', () => {
    expect(draw('round-1')).not.toEqual(draw('round-2'));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('draws unsigned 32-bit integers spread over the whole range', () => {
    const values = draw('spread', 10_000);
    expect(values.every((value) => Number.isInteger(value) && value >= 0 && value < 2 ** 32)).toBe(true);
    // 10,000 uniform draws put 5,000 in the lower half, give or take 50 (one standard deviation).
    const lowerHalf = values.filter((value) => value < 2 ** 31).length;
    expect(Math.abs(lowerHalf - 5000)).toBeLessThan(250);
  });
});
