import { detectConflicts, type ConflictEntry, type ConflictJudge } from './detect-conflicts';

const judge = (overrides: Partial<ConflictJudge> & { id: string }): ConflictJudge => ({
  email: `${overrides.id}@gmail.com`,
  displayName: `Judge ${overrides.id}`,
  ...overrides,
});

const entry = (overrides: Partial<ConflictEntry> & { id: string }): ConflictEntry => ({ members: [], ...overrides });

describe(detectConflicts.name, () => {
  it('finds the same organization across case, accents and spacing', () => {
    const conflicts = detectConflicts(
      [judge({ id: 'j1', organization: 'Đại học Hải Phòng', displayName: 'Trần Văn Hùng' })],
      [entry({ id: 'e1', organization: '  dai hoc HAI PHONG ' }), entry({ id: 'e2', organization: 'Đại học Hàng hải' })],
    );

    expect(conflicts).toEqual([
      {
        judgeId: 'j1',
        entryId: 'e1',
        reason: 'same_organization',
        detail: 'Judge Trần Văn Hùng is from "Đại học Hải Phòng", the entry\'s organization ("  dai hoc HAI PHONG ").',
      },
    ]);
  });

  it('never matches blank organizations', () => {
    const conflicts = detectConflicts(
      [judge({ id: 'j1', organization: '' }), judge({ id: 'j2', organization: '   ' }), judge({ id: 'j3' })],
      [entry({ id: 'e1', organization: '' }), entry({ id: 'e2', organization: ' ' }), entry({ id: 'e3' })],
    );

    expect(conflicts).toEqual([]);
  });

  it("finds the same e-mail domain as the owner's or a member's", () => {
    const conflicts = detectConflicts(
      [judge({ id: 'j1', email: 'hung.tv@HPU.edu.vn', displayName: 'Trần Văn Hùng' })],
      [
        entry({ id: 'e1', ownerEmail: 'lan@hpu.edu.vn' }),
        entry({
          id: 'e2',
          ownerEmail: 'owner@gmail.com',
          members: [{ name: 'Phạm Minh Đức', email: 'Duc.PM@hpu.edu.vn' }],
        }),
        entry({ id: 'e3', ownerEmail: 'someone@neu.edu.vn' }),
      ],
    );

    expect(conflicts).toEqual([
      {
        judgeId: 'j1',
        entryId: 'e1',
        reason: 'same_email_domain',
        detail: "Judge Trần Văn Hùng (hung.tv@hpu.edu.vn) shares the e-mail domain hpu.edu.vn with the entry's owner (lan@hpu.edu.vn).",
      },
      {
        judgeId: 'j1',
        entryId: 'e2',
        reason: 'same_email_domain',
        detail:
          'Judge Trần Văn Hùng (hung.tv@hpu.edu.vn) shares the e-mail domain hpu.edu.vn with team member "Phạm Minh Đức" (duc.pm@hpu.edu.vn).',
      },
    ]);
  });

  it('ignores public mail domains, Vietnamese ones included', () => {
    const conflicts = detectConflicts(
      [judge({ id: 'j1', email: 'a@gmail.com' }), judge({ id: 'j2', email: 'b@yahoo.com.vn' }), judge({ id: 'j3', email: 'c@hn.vnn.vn' })],
      [
        entry({ id: 'e1', ownerEmail: 'x@gmail.com', members: [{ name: 'Lê Thu Hà', email: 'y@yahoo.com.vn' }] }),
        entry({ id: 'e2', ownerEmail: 'z@hn.vnn.vn' }),
      ],
    );

    expect(conflicts).toEqual([]);
  });

  it('finds the judge among the members by e-mail, whatever the case, even on a public domain', () => {
    const conflicts = detectConflicts(
      [judge({ id: 'j1', email: 'Lan.Nguyen@Gmail.com', displayName: 'Nguyễn Thị Lan' })],
      [entry({ id: 'e1', members: [{ name: 'Lan Nguyen', email: 'lan.nguyen@gmail.com' }] })],
    );

    expect(conflicts).toEqual([
      {
        judgeId: 'j1',
        entryId: 'e1',
        reason: 'team_member',
        detail: 'Judge Nguyễn Thị Lan (lan.nguyen@gmail.com) is team member "Lan Nguyen".',
      },
    ]);
  });

  it("counts the entry's owner as a member", () => {
    const [conflict] = detectConflicts(
      [judge({ id: 'j1', email: 'owner@startup.vn' })],
      [entry({ id: 'e1', ownerEmail: 'OWNER@startup.vn' })],
    );

    expect(conflict).toMatchObject({
      entryId: 'e1',
      reason: 'team_member',
      detail: 'Judge Judge j1 (owner@startup.vn) owns this entry.',
    });
  });

  it('matches a member by name only when the member gave no e-mail', () => {
    const judges = [judge({ id: 'j1', email: 'lan@vng.com.vn', displayName: 'Nguyễn Thị Lan' })];
    const conflicts = detectConflicts(judges, [
      entry({ id: 'no-email', members: [{ name: 'nguyen thi  LAN' }] }),
      entry({ id: 'other-email', members: [{ name: 'Nguyễn Thị Lan', email: 'lan.nt@gmail.com' }] }),
    ]);

    expect(conflicts).toEqual([
      {
        judgeId: 'j1',
        entryId: 'no-email',
        reason: 'team_member',
        detail: 'Team member "nguyen thi  LAN" gave no e-mail and has the same name as judge Nguyễn Thị Lan.',
      },
    ]);
  });

  it('does not match a one-word name, which too many people share', () => {
    const conflicts = detectConflicts([judge({ id: 'j1', displayName: 'Lan' })], [entry({ id: 'e1', members: [{ name: 'Lan' }] })]);

    expect(conflicts).toEqual([]);
  });

  it('reports one conflict per pair, under the strongest reason', () => {
    const conflicts = detectConflicts(
      [judge({ id: 'j1', email: 'hung@fpt.com.vn', organization: 'FPT Software' })],
      [
        entry({ id: 'all-three', organization: 'fpt software', members: [{ name: 'Hùng', email: 'HUNG@fpt.com.vn' }] }),
        entry({ id: 'org-and-domain', organization: 'FPT  Software', ownerEmail: 'mai@fpt.com.vn' }),
      ],
    );

    expect(conflicts.map(({ entryId, reason }) => [entryId, reason])).toEqual([
      ['all-three', 'team_member'],
      ['org-and-domain', 'same_organization'],
    ]);
  });

  it('lists conflicts judge by judge, entries in input order', () => {
    const judges = [judge({ id: 'j2', organization: 'A' }), judge({ id: 'j1', organization: 'B' })];
    const entries = [
      entry({ id: 'e3', organization: 'b' }),
      entry({ id: 'e1', organization: 'a' }),
      entry({ id: 'e2', organization: 'A' }),
    ];

    expect(detectConflicts(judges, entries).map(({ judgeId, entryId }) => `${judgeId}/${entryId}`)).toEqual(['j2/e1', 'j2/e2', 'j1/e3']);
  });
});
