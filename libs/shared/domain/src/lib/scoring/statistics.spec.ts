import { mean, median, populationStd, trimmedMean } from './statistics';

describe('statistics', () => {
  it('mean', () => {
    // (60 + 70 + 95) / 3 = 75
    expect(mean([60, 70, 95])).toBe(75);
  });

  it('median of an odd and an even count', () => {
    expect(median([60, 95, 70])).toBe(70);
    // middle two of 10, 20, 30, 40: (20 + 30) / 2 = 25
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([42])).toBe(42);
  });

  it('population standard deviation divides by n', () => {
    // mean 5; squared deviations 9,1,1,1,0,0,4,16 sum 32; 32/8 = 4; √4 = 2
    expect(populationStd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(populationStd([70])).toBe(0);
  });

  it('trimmed mean drops k from each end only when n > 2k', () => {
    // drop 10 and 100: (50 + 60 + 70) / 3 = 60
    expect(trimmedMean([100, 10, 60, 50, 70], 1)).toBe(60);
    // drop 10, 50 and 70, 100: 60
    expect(trimmedMean([100, 10, 60, 50, 70], 2)).toBe(60);
    // n = 4 = 2k: plain mean (10 + 50 + 70 + 100) / 4 = 57.5
    expect(trimmedMean([100, 10, 50, 70], 2)).toBe(57.5);
    // n = 2 = 2k: plain mean 55
    expect(trimmedMean([40, 70], 1)).toBe(55);
    // n = 3 > 2: the middle value
    expect(trimmedMean([40, 70, 65], 1)).toBe(65);
    // k = 0: plain mean
    expect(trimmedMean([40, 70, 65], 0)).toBe(175 / 3);
  });

  it('refuses an empty list', () => {
    expect(() => mean([])).toThrow(RangeError);
    expect(() => median([])).toThrow(RangeError);
  });
});
