import type { FormField } from '@laurel/contracts';
import { checkAnswer } from '@laurel/domain';
import { toAnswer } from './to-answer';

const l = (en: string) => ({ vi: `${en} (vi)`, en });
const teamSize: FormField = { key: 'teamSize', label: l('Team size'), type: 'number', required: true, min: 1, max: 100 };
const taxCode: FormField = { key: 'taxCode', label: l('Tax code'), type: 'text', required: true, maxLength: 14 };

describe(toAnswer.name, () => {
  it('reads what a number box hands over (text) as a number, and leaves what is no number for the check', () => {
    expect(toAnswer(teamSize, '4')).toBe(4);
    expect(toAnswer(teamSize, ' 1,5 ')).toBe(1.5);
    expect(toAnswer(teamSize, 12)).toBe(12);
    expect(toAnswer(teamSize, '')).toBeNull();
    expect(toAnswer(teamSize, 'bốn')).toBe('bốn');
    // Text questions keep their digits as text: a tax code is not a number.
    expect(toAnswer(taxCode, '0202456789')).toBe('0202456789');
  });

  it('gives the domain check what the API will get: "4" passes, "101" is past the max, "bốn" is no number', () => {
    expect(checkAnswer(teamSize, toAnswer(teamSize, '4'))).toBeNull();
    expect(checkAnswer(teamSize, toAnswer(teamSize, '101'))).toMatchObject({ code: 'max', limit: 100 });
    expect(checkAnswer(teamSize, toAnswer(teamSize, 'bốn'))).toMatchObject({ code: 'type' });
  });
});
