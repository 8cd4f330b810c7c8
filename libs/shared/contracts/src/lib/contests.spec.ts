import { CONTEST_EDITABLE_FIELDS, CONTEST_STATUSES } from './contests';

/**
 * The lists as they were written out by hand, status by status, before each was derived from the
 * one before it: the derivation must answer the same, field for field and in the same order (the
 * 409 sentence lists the fields in this order).
 */
const WRITTEN_OUT = {
  draft: [
    'name',
    'slug',
    'year',
    'description',
    'submissionOpensAt',
    'submissionClosesAt',
    'minScoreForPrize',
    'noZeroCriterion',
    'publicVote',
    'requirePitchDeck',
    'codePrefix',
    'language',
    'timeZone',
    'categories',
    'prizes',
    'formFields',
    'eligibilityRules',
    'council',
    'feedback',
    'councilMeetingAt',
    'councilMeetingPlace',
  ],
  open: [
    'name',
    'year',
    'description',
    'submissionOpensAt',
    'submissionClosesAt',
    'minScoreForPrize',
    'noZeroCriterion',
    'publicVote',
    'requirePitchDeck',
    'language',
    'timeZone',
    'categories',
    'prizes',
    'formFields',
    'eligibilityRules',
    'council',
    'feedback',
    'councilMeetingAt',
    'councilMeetingPlace',
  ],
  closed: [
    'name',
    'year',
    'description',
    'submissionOpensAt',
    'submissionClosesAt',
    'minScoreForPrize',
    'noZeroCriterion',
    'publicVote',
    'language',
    'timeZone',
    'categories',
    'prizes',
    'formFields',
    'eligibilityRules',
    'council',
    'feedback',
    'councilMeetingAt',
    'councilMeetingPlace',
  ],
  judging: ['description', 'publicVote', 'language', 'timeZone', 'council', 'feedback', 'councilMeetingAt', 'councilMeetingPlace'],
  published: ['description', 'language', 'timeZone', 'feedback', 'councilMeetingAt', 'councilMeetingPlace'],
};

describe('CONTEST_EDITABLE_FIELDS', () => {
  it.each(CONTEST_STATUSES)('gives a %s contest the fields the written-out list gave it, in its order', (status) => {
    expect(CONTEST_EDITABLE_FIELDS[status]).toEqual(WRITTEN_OUT[status]);
  });

  it('never unlocks a field: each status may change a subset of what the status before it could', () => {
    CONTEST_STATUSES.forEach((status, step) => {
      const before = CONTEST_STATUSES[step - 1];
      if (before === undefined) return;
      expect(CONTEST_EDITABLE_FIELDS[before]).toEqual(expect.arrayContaining([...CONTEST_EDITABLE_FIELDS[status]]));
    });
  });
});
