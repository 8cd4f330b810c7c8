import type { ConflictView } from '@laurel/contracts';
import { conflictChanges } from './entry-correction';

const conflict = (judgeId: string, entryId: string, source: ConflictView['source'], reason: string): ConflictView => ({
  id: source === 'detected' ? null : `${judgeId}-${entryId}`,
  source,
  judgeId,
  judgeName: judgeId,
  entryId,
  entryCode: null,
  entryTitle: entryId,
  reason,
  detail: null,
  createdAt: null,
});

describe(conflictChanges.name, () => {
  it("lists the entry's conflicts that appeared and went, leaving out other entries and those that stayed", () => {
    const before = [
      conflict('an', 'e1', 'detected', 'same_organization'),
      conflict('binh', 'e1', 'declared', 'I mentored them'),
      conflict('chi', 'e1', 'detected', 'same_email_domain'),
      conflict('dung', 'e2', 'detected', 'team_member'),
    ];
    const after = [
      // An's kind changed: the organization went, the team member appeared.
      conflict('an', 'e1', 'detected', 'team_member'),
      conflict('binh', 'e1', 'declared', 'I mentored them'),
      // Chi's went; Em's is new; Dũng's is another entry's, and went without counting.
      conflict('em', 'e1', 'detected', 'team_member'),
    ];
    const changes = conflictChanges(before, after, 'e1');
    expect(changes.appeared.map((c) => [c.judgeId, c.reason])).toEqual([
      ['an', 'team_member'],
      ['em', 'team_member'],
    ]);
    expect(changes.went.map((c) => [c.judgeId, c.reason])).toEqual([
      ['an', 'same_organization'],
      ['chi', 'same_email_domain'],
    ]);
  });

  it('finds nothing when the lists hold the same conflicts, in any order', () => {
    const list = [conflict('an', 'e1', 'detected', 'team_member'), conflict('binh', 'e1', 'organizer', 'Co-founder')];
    expect(conflictChanges(list, [...list].reverse(), 'e1')).toEqual({ appeared: [], went: [] });
  });
});
