import type { EntryContest, EntryEntity } from '@laurel/api-database';
import { codePrefixOf, missingForSubmission, submissionWindowRefusal } from './entry-rules';

const contest: EntryContest = {
  id: 'c1',
  name: 'Startup Talent 2026',
  slug: 'startup-talent-2026',
  year: 2026,
  status: 'open',
  ownerId: 'o1',
  submissionOpensAt: new Date('2026-03-01T00:00:00Z'),
  submissionClosesAt: new Date('2026-04-30T17:00:00Z'),
  requirePitchDeck: true,
  codePrefix: null,
  categories: [],
  formFields: [],
  retiredFormFields: [],
  language: 'vi',
  timeZone: 'Asia/Ho_Chi_Minh',
  eligibilityRules: [],
};

describe(codePrefixOf.name, () => {
  it('uses the contest prefix when it has one', () => {
    expect(codePrefixOf({ ...contest, codePrefix: 'TF' })).toBe('TF');
  });

  it('derives one from the initials of the slug words and the two-digit year', () => {
    expect(codePrefixOf(contest)).toBe('ST26');
    expect(codePrefixOf({ slug: 'hai-phong-innovation-challenge', year: 2031, codePrefix: null })).toBe('HPIC31');
    expect(codePrefixOf({ slug: '2027', year: 2027, codePrefix: null })).toBe('E27');
    expect(codePrefixOf({ slug: 'a-b-c-d-e-f-g-h', year: 2005, codePrefix: null })).toBe('ABCDEF05');
  });
});

describe(submissionWindowRefusal.name, () => {
  it('lets entries in between opening and closing', () => {
    expect(submissionWindowRefusal(contest, new Date('2026-04-30T16:59:59Z'))).toBeNull();
  });

  it('says when submissions open, before they do', () => {
    const refusal = submissionWindowRefusal(contest, new Date('2026-02-28T00:00:00Z'));
    expect(refusal?.getStatus()).toBe(422);
    expect(refusal?.message).toBe(
      'Submissions to "Startup Talent 2026" open on 2026-03-01T00:00:00.000Z. Come back then to start or change your entry.',
    );
  });

  it('says when they closed, from the closing instant on or once the contest moved past open', () => {
    expect(submissionWindowRefusal(contest, new Date('2026-04-30T17:00:00Z'))?.code).toBe('entry.submissions_closed');
    expect(submissionWindowRefusal({ ...contest, status: 'closed' }, new Date('2026-04-01T00:00:00Z'))?.message).toMatch(
      /closed on 2026-04-30T17:00:00.000Z/,
    );
    expect(submissionWindowRefusal({ ...contest, status: 'draft' }, new Date('2026-04-01T00:00:00Z'))?.code).toBe(
      'entry.submissions_not_open',
    );
  });
});

describe(missingForSubmission.name, () => {
  const complete = {
    title: 'GreenHarbor',
    teamName: 'GH',
    summary: 's',
    problem: 'p',
    solution: 's',
    market: 'm',
    businessModel: 'b',
    categoryId: 'cat',
    members: [{ name: 'An', role: 'CEO' }],
  } as EntryEntity;

  it('finds nothing missing in a complete entry with its deck', () => {
    expect(missingForSubmission(complete, true, true)).toEqual([]);
    expect(missingForSubmission(complete, false, false)).toEqual([]);
  });

  it('lists every missing field at once, blank text counting as missing', () => {
    const draft = { ...complete, title: '  ', market: '', businessModel: '', categoryId: null, members: [] } as unknown as EntryEntity;
    expect(missingForSubmission(draft, false, true).map((p) => p.field)).toEqual([
      'title',
      'market',
      'businessModel',
      'categoryId',
      'members',
      'pitchDeck',
    ]);
  });
});
