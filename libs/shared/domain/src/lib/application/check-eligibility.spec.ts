import fc from 'fast-check';
import { type CalendarDate, formatCalendarDate, parseCalendarDate, yearsBefore } from './calendar-date';
import { checkEligibility, dateWithinYears, type EligibilityFacts, organizationPlace, teamSizeRange } from './check-eligibility';
import type { EligibilityRule } from './eligibility-rules';
import type { FormField } from './form-fields';

const l = (en: string) => ({ vi: `${en} (vi)`, en });
const form: FormField[] = [
  { key: 'foundedOn', label: l('Founded'), type: 'date', required: true },
  { key: 'province', label: l('Province'), type: 'choice', required: true, options: ['Hải Phòng', 'Hà Nội', 'Đà Nẵng'] },
  { key: 'sectors', label: l('Sectors'), type: 'multichoice', required: false, options: ['AI', 'Agri', 'Tourism'] },
  { key: 'revenue', label: l('Revenue'), type: 'number', required: false },
  { key: 'agree', label: l('Agree'), type: 'boolean', required: true },
  { key: 'campus', label: l('Campus'), type: 'choice', required: false, options: ['A', 'B'], categoryIds: ['students'] },
];
const rules: EligibilityRule[] = [
  { id: 'young', kind: 'date_within_years', params: { field: 'foundedOn', years: 5 }, message: l('Founded at most 5 years ago') },
  { id: 'small', kind: 'max_team_size', params: { max: 5 }, message: l('At most 5 members') },
  { id: 'pair', kind: 'min_team_size', params: { min: 2 }, message: l('At least 2 members') },
  { id: 'local', kind: 'choice_in', params: { field: 'province', values: ['Hải Phòng'] }, message: l('Carried out in Hải Phòng') },
  { id: 'sector', kind: 'choice_in', params: { field: 'sectors', values: ['AI', 'Agri'] }, message: l('AI or agriculture') },
  { id: 'revenue', kind: 'number_range', params: { field: 'revenue', max: 10_000_000_000 }, message: l('Revenue under 10 billion') },
  { id: 'agree', kind: 'must_be_true', params: { field: 'agree' }, message: l('Accept the rules') },
  { id: 'perOrg', kind: 'max_entries_per_organization', params: { max: 2 }, message: l('At most 2 entries per organization') },
  { id: 'campus', kind: 'choice_in', params: { field: 'campus', values: ['A'] }, message: l('Campus A only') },
];
const passing: EligibilityFacts = {
  categoryId: 'startups',
  answers: { foundedOn: '2021-04-30', province: 'Hải Phòng', sectors: ['AI'], revenue: 2_000_000_000, agree: true },
  memberCount: 5,
  deadline: '2026-04-30',
  organizationPlace: 2,
};
const failed = (facts: EligibilityFacts) =>
  checkEligibility(rules, form, facts)
    .filter((c) => !c.passed)
    .map((c) => c.ruleId);

describe(checkEligibility.name, () => {
  it('passes an entry on every edge: founded exactly 5 years before the deadline, 5 members, the 2nd of its organization', () => {
    const checks = checkEligibility(rules, form, passing);
    // The campus rule reads a question asked of students only: it does not apply to a startup.
    expect(checks.map((c) => c.ruleId)).toEqual(['young', 'small', 'pair', 'local', 'sector', 'revenue', 'agree', 'perOrg']);
    expect(checks.every((c) => c.passed)).toBe(true);
    expect(checks[0]?.message).toEqual(l('Founded at most 5 years ago'));
  });

  it('fails each rule one step past its edge', () => {
    expect(failed({ ...passing, answers: { ...passing.answers, foundedOn: '2021-04-29' } })).toEqual(['young']);
    expect(failed({ ...passing, memberCount: 6 })).toEqual(['small']);
    expect(failed({ ...passing, memberCount: 1 })).toEqual(['pair']);
    expect(failed({ ...passing, answers: { ...passing.answers, province: 'Hà Nội' } })).toEqual(['local']);
    expect(failed({ ...passing, answers: { ...passing.answers, sectors: ['AI', 'Tourism'] } })).toEqual(['sector']);
    expect(failed({ ...passing, answers: { ...passing.answers, revenue: 10_000_000_001 } })).toEqual(['revenue']);
    expect(failed({ ...passing, answers: { ...passing.answers, agree: false } })).toEqual(['agree']);
    expect(failed({ ...passing, organizationPlace: 3 })).toEqual(['perOrg']);
  });

  it('fails the rules whose fields were left unanswered', () => {
    expect(failed({ ...passing, answers: {} })).toEqual(['young', 'local', 'sector', 'revenue', 'agree']);
  });

  it("applies a category's rule to that category", () => {
    expect(failed({ ...passing, categoryId: 'students', answers: { ...passing.answers, campus: 'B' } })).toEqual(['campus']);
  });
});

describe(dateWithinYears.name, () => {
  it.each([
    // Deadline 2026-04-30, 5 years: the cut-off is 2021-04-30.
    ['2021-04-30', 5, '2026-04-30', true],
    ['2021-04-29', 5, '2026-04-30', false],
    ['2026-04-30', 5, '2026-04-30', true],
    ['2027-01-01', 5, '2026-04-30', true],
    // Deadline 29 Feb 2024, 4 years: the cut-off is 29 Feb 2020 (both leap years).
    ['2020-02-29', 4, '2024-02-29', true],
    ['2020-02-28', 4, '2024-02-29', false],
    // Deadline 29 Feb 2024, 1 year: 2023 has no 29 Feb, so the cut-off is 28 Feb 2023.
    ['2023-02-28', 1, '2024-02-29', true],
    ['2023-02-27', 1, '2024-02-29', false],
    // Founded 29 Feb 2020, deadline 28 Feb 2025, 5 years: the cut-off is 28 Feb 2020, so it passes.
    ['2020-02-29', 5, '2025-02-28', true],
    ['2020-02-28', 5, '2025-02-28', true],
    ['2020-02-27', 5, '2025-02-28', false],
    // Deadline 1 Mar 2025: cut-off 1 Mar 2020; 29 Feb 2020 is one day too early.
    ['2020-02-29', 5, '2025-03-01', false],
    ['not a date', 5, '2025-03-01', false],
    [undefined, 5, '2025-03-01', false],
  ])('%j within %i years of %s: %s', (date, years, deadline, expected) => {
    expect(dateWithinYears(date, years as number, deadline as string)).toBe(expected);
  });

  it('agrees with the day-by-day definition: passing days form one run ending at the deadline', () => {
    const day = fc
      .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 30 }), (date, deadline, years) => {
        const cutoff = formatCalendarDate(yearsBefore(parseCalendarDate(deadline) as CalendarDate, years));
        expect(dateWithinYears(date, years, deadline)).toBe(date >= cutoff);
        // The cut-off itself passes and the day before it does not.
        expect(dateWithinYears(cutoff, years, deadline)).toBe(true);
        const before = new Date(Date.parse(`${cutoff}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        expect(dateWithinYears(before, years, deadline)).toBe(false);
      }),
    );
  });
});

describe(organizationPlace.name, () => {
  const e1 = { id: 'e1', organization: 'Công ty TNHH ABC', submittedAt: '2026-03-01T02:00:00.000Z' };
  const e2 = { id: 'e2', organization: 'CONG TY TNHH abc', submittedAt: '2026-03-02T02:00:00.000Z' };
  const e3 = { id: 'e3', organization: 'Công ty TNHH ABD', submittedAt: '2026-03-01T01:00:00.000Z' };
  const e4 = { id: 'e4', organization: 'công  ty tnhh ABC.', submittedAt: '2026-03-02T02:00:00.000Z' };
  const submitted = [e1, e2, e3, e4];

  it('counts one organization however it is written, in order of submission', () => {
    expect(organizationPlace(e1, submitted)).toBe(1);
    // e2 and e4 were submitted at the same instant: the id settles it.
    expect(organizationPlace(e2, submitted)).toBe(2);
    expect(organizationPlace(e4, submitted)).toBe(3);
    expect(organizationPlace(e3, submitted)).toBe(1);
    // A draft of "Công Ty TNHH ABC" being submitted now comes fourth.
    expect(organizationPlace({ id: 'draft', organization: 'Công Ty TNHH ABC' }, submitted)).toBe(4);
  });

  it('never counts entries without an organization together', () => {
    expect(organizationPlace({ id: 'x', organization: '  ' }, [{ id: 'y', organization: '', submittedAt: '2026-01-01T00:00:00Z' }])).toBe(
      0,
    );
  });

  it("gives the organization's entries the places 1..n, whatever the order they are listed in", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(submitted, { minLength: 0, maxLength: 4 }), (list) => {
        const abc = list.filter((e) => e.id !== 'e3');
        expect(abc.map((e) => organizationPlace(e, list)).sort()).toEqual(abc.map((_, i) => i + 1));
      }),
    );
  });
});

describe(teamSizeRange.name, () => {
  it('takes the largest minimum and the smallest maximum, inside what any entry may have', () => {
    // The rules above: at most 5 (small), at least 2 (pair); a floor of 1 and a ceiling of 20.
    expect(teamSizeRange(rules, 1, 20)).toEqual({ min: 2, max: 5 });
    // A second maximum of 4 is tighter than 5; a second minimum of 1 is looser than 2.
    const more: EligibilityRule[] = [
      ...rules,
      { id: 'four', kind: 'max_team_size', params: { max: 4 }, message: l('At most 4') },
      { id: 'one', kind: 'min_team_size', params: { min: 1 }, message: l('At least 1') },
    ];
    expect(teamSizeRange(more, 1, 20)).toEqual({ min: 2, max: 4 });
    // No team-size rule: the floor and the ceiling. A maximum of 30 is looser than the ceiling 20.
    expect(teamSizeRange([], 1, 20)).toEqual({ min: 1, max: 20 });
    expect(teamSizeRange([{ id: 'big', kind: 'max_team_size', params: { max: 30 }, message: l('At most 30') }], 1, 20)).toEqual({
      min: 1,
      max: 20,
    });
  });

  it('holds a team size exactly when every team-size rule passes it (fast-check)', () => {
    const sizeRule = fc.oneof(
      fc
        .integer({ min: 1, max: 30 })
        .map((max): EligibilityRule => ({ id: `max${max}`, kind: 'max_team_size', params: { max }, message: l('max') })),
      fc
        .integer({ min: 1, max: 30 })
        .map((min): EligibilityRule => ({ id: `min${min}`, kind: 'min_team_size', params: { min }, message: l('min') })),
    );
    fc.assert(
      fc.property(fc.array(sizeRule, { maxLength: 5 }), fc.integer({ min: 1, max: 20 }), (sizeRules, memberCount) => {
        const { min, max } = teamSizeRange(sizeRules, 1, 20);
        const passesAll = checkEligibility(sizeRules, form, { ...passing, memberCount }).every((c) => c.passed);
        expect(min <= memberCount && memberCount <= max).toBe(passesAll);
      }),
    );
  });
});
