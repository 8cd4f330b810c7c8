import { HttpStatus } from '@nestjs/common';
import { ROLES, type Role } from '@laurel/contracts';
import fc from 'fast-check';
import type { AuthUser } from '../auth-metadata/auth-user';
import { AppError } from '../errors/app-error';
import {
  draftsShownTo,
  judgesAssignment,
  managedOr404,
  managesContest,
  ownsEntry,
  type PitchAssignmentFacts,
  pitchesScoredBy,
  readsAssignedEntry,
  readsEntry,
  scoresPitch,
  seesContest,
} from './access-policy';
import { contestNotFound, roundNotFound } from './not-found';

const ME = '11111111-1111-4111-8111-111111111111';
const SOMEONE = '22222222-2222-4222-8222-222222222222';

const person = (...roles: Role[]): AuthUser => ({ id: ME, email: 'me@example.test', displayName: 'Me', roles });
const admin = person('admin');
const organizer = person('organizer');
const judge = person('judge');
const applicant = person('applicant');

const anyActor = fc.record({
  id: fc.constantFrom(ME, SOMEONE),
  email: fc.constant('x@example.test'),
  displayName: fc.constant('X'),
  roles: fc.subarray([...ROLES]),
});

describe('access policy', () => {
  describe(managesContest.name, () => {
    it.each([
      ['an admin', 'someone else', true, admin, SOMEONE],
      ['an admin', 'themselves', true, admin, ME],
      ['an organizer', 'themselves', true, organizer, ME],
      ['an organizer', 'someone else', false, organizer, SOMEONE],
      ['a judge', 'themselves', false, judge, ME],
      ['an applicant', 'themselves', false, applicant, ME],
      ['an account without roles (organizer role taken away)', 'themselves', false, person(), ME],
    ])('%s, contest owned by %s: %p', (_who, _owner, expected, actor, ownerId) => {
      expect(managesContest(actor, { ownerId })).toBe(expected);
    });

    it('holds exactly for admins, and for organizers who own the contest', () => {
      fc.assert(
        fc.property(anyActor, fc.constantFrom(ME, SOMEONE), (actor, ownerId) => {
          const expected = actor.roles.includes('admin') || (actor.roles.includes('organizer') && actor.id === ownerId);
          expect(managesContest(actor, { ownerId })).toBe(expected);
        }),
      );
    });
  });

  describe(seesContest.name, () => {
    it('shows a contest past draft to everybody, signed in or not', () => {
      for (const status of ['open', 'closed', 'judging', 'published']) {
        expect(seesContest(undefined, { status, ownerId: SOMEONE })).toBe(true);
        expect(seesContest(applicant, { status, ownerId: SOMEONE })).toBe(true);
      }
    });

    it('shows a draft only to those who manage it', () => {
      expect(seesContest(undefined, { status: 'draft', ownerId: ME })).toBe(false);
      expect(seesContest(organizer, { status: 'draft', ownerId: ME })).toBe(true);
      expect(seesContest(organizer, { status: 'draft', ownerId: SOMEONE })).toBe(false);
      expect(seesContest(admin, { status: 'draft', ownerId: SOMEONE })).toBe(true);
      expect(seesContest(judge, { status: 'draft', ownerId: ME })).toBe(false);
    });
  });

  describe(draftsShownTo.name, () => {
    it('lists every draft to an admin, an organizer’s own, none to anyone else', () => {
      expect(draftsShownTo(admin)).toEqual({ all: true });
      expect(draftsShownTo(organizer)).toEqual({ all: false, ownerId: ME });
      expect(draftsShownTo(judge)).toEqual({ all: false, ownerId: null });
      expect(draftsShownTo(undefined)).toEqual({ all: false, ownerId: null });
    });

    it('lists exactly the contests seesContest opens, one by one', () => {
      fc.assert(
        fc.property(
          fc.option(anyActor, { nil: undefined }),
          fc.constantFrom('draft', 'open', 'published'),
          fc.constantFrom(ME, SOMEONE),
          (actor, status, ownerId) => {
            const drafts = draftsShownTo(actor);
            const listed = status !== 'draft' || drafts.all || drafts.ownerId === ownerId;
            expect(listed).toBe(seesContest(actor, { status, ownerId }));
          },
        ),
      );
    });
  });

  describe(judgesAssignment.name, () => {
    it('is the assigned judge’s alone, while they are on the panel', () => {
      expect(judgesAssignment(judge, { judgeId: ME, onPanel: true })).toBe(true);
      expect(judgesAssignment(judge, { judgeId: ME, onPanel: false })).toBe(false);
      expect(judgesAssignment(judge, { judgeId: SOMEONE, onPanel: true })).toBe(false);
    });

    it('is nobody else’s, whatever their roles: not an admin’s, not the organizer’s', () => {
      fc.assert(
        fc.property(anyActor, fc.boolean(), (actor, onPanel) => {
          expect(judgesAssignment(actor, { judgeId: SOMEONE, onPanel })).toBe(actor.id === SOMEONE && onPanel);
        }),
      );
    });
  });

  describe(readsAssignedEntry.name, () => {
    it('lets the judge read the entry until they recuse or leave the panel', () => {
      expect(readsAssignedEntry(judge, { judgeId: ME, onPanel: true, status: 'assigned' })).toBe(true);
      expect(readsAssignedEntry(judge, { judgeId: ME, onPanel: true, status: 'recused' })).toBe(false);
      expect(readsAssignedEntry(judge, { judgeId: ME, onPanel: false, status: 'assigned' })).toBe(false);
      expect(readsAssignedEntry(admin, { judgeId: SOMEONE, onPanel: true, status: 'assigned' })).toBe(false);
    });
  });

  describe(scoresPitch.name, () => {
    it('lets the judge score the pitch of an entry they judge, until they recuse or leave the panel', () => {
      expect(scoresPitch(judge, { judgeId: ME, onPanel: true, status: 'assigned' })).toBe(true);
      expect(scoresPitch(judge, { judgeId: ME, onPanel: true, status: 'recused' })).toBe(false);
      expect(scoresPitch(judge, { judgeId: ME, onPanel: false, status: 'assigned' })).toBe(false);
      expect(scoresPitch(judge, { judgeId: SOMEONE, onPanel: true, status: 'assigned' })).toBe(false);
    });

    it('is the assigned judge’s alone, whatever the roles: not an admin’s, not the organizer’s', () => {
      fc.assert(
        fc.property(
          anyActor,
          fc.constantFrom(ME, SOMEONE),
          fc.boolean(),
          fc.constantFrom('assigned', 'recused'),
          (actor, judgeId, onPanel, status) => {
            expect(scoresPitch(actor, { judgeId, onPanel, status })).toBe(actor.id === judgeId && onPanel && status === 'assigned');
          },
        ),
      );
    });
  });

  describe(pitchesScoredBy.name, () => {
    const facts = (id: string, entryId: string, judgeId: string, onPanel: boolean, status: string): PitchAssignmentFacts => ({
      id,
      entryId,
      judgeId,
      onPanel,
      status,
    });

    it('maps each entry the judge scores to the assignment whose sheet they open', () => {
      // Of four assignments in the round, the judge scores e1 only: e2 was recused, e3 is another
      // judge's, and the one to e4 was made before the judge left the panel (rows of one judge share
      // onPanel; here they differ only to show each fact counts).
      const round = [
        facts('a1', 'e1', ME, true, 'assigned'),
        facts('a2', 'e2', ME, true, 'recused'),
        facts('a3', 'e3', SOMEONE, true, 'assigned'),
        facts('a4', 'e4', ME, false, 'assigned'),
      ];
      expect(pitchesScoredBy(judge, round)).toEqual(new Map([['e1', 'a1']]));
      expect(pitchesScoredBy(admin, round)).toEqual(new Map([['e1', 'a1']]));
      expect(pitchesScoredBy(judge, [])).toEqual(new Map());
    });

    it('holds exactly the entries of the assignments scoresPitch allows, whatever the roles', () => {
      const anyFacts = fc.uniqueArray(
        fc.record({
          id: fc.uuid(),
          entryId: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5'),
          judgeId: fc.constantFrom(ME, SOMEONE),
          onPanel: fc.boolean(),
          status: fc.constantFrom('assigned', 'recused'),
        }),
        // One assignment per judge and entry in a round (the table's unique key).
        { selector: (a) => `${a.judgeId}/${a.entryId}` },
      );
      fc.assert(
        fc.property(anyActor, anyFacts, (actor, assignments) => {
          const scored = pitchesScoredBy(actor, assignments);
          const allowed = assignments.filter((a) => scoresPitch(actor, a));
          expect([...scored.entries()].sort()).toEqual(allowed.map((a) => [a.entryId, a.id]).sort());
          for (const a of assignments) if (scored.get(a.entryId) === a.id) expect(a.judgeId).toBe(actor.id);
          expect(pitchesScoredBy({ ...actor, roles: [] }, assignments)).toEqual(scored);
        }),
      );
    });
  });

  describe(ownsEntry.name, () => {
    it('is the account that created the entry', () => {
      expect(ownsEntry(applicant, { ownerId: ME })).toBe(true);
      expect(ownsEntry(applicant, { ownerId: SOMEONE })).toBe(false);
      // An admin does not own other people's entries: managing is a different right.
      expect(ownsEntry(admin, { ownerId: SOMEONE })).toBe(false);
    });

    it('gives an imported entry (no owner) to nobody', () => {
      fc.assert(fc.property(anyActor, (actor) => expect(ownsEntry(actor, { ownerId: null })).toBe(false)));
    });
  });

  describe(readsEntry.name, () => {
    it('is the owner or a manager of the entry’s contest, nobody else', () => {
      fc.assert(
        fc.property(anyActor, fc.constantFrom(ME, SOMEONE, null), fc.constantFrom(ME, SOMEONE), (actor, entryOwner, contestOwner) => {
          const expected = (entryOwner !== null && entryOwner === actor.id) || managesContest(actor, { ownerId: contestOwner });
          expect(readsEntry(actor, { ownerId: entryOwner }, { ownerId: contestOwner })).toBe(expected);
        }),
      );
      // A judge reads entries through their assignments, never as an entry's reader.
      expect(readsEntry(judge, { ownerId: SOMEONE }, { ownerId: ME })).toBe(false);
    });
  });

  describe(managedOr404.name, () => {
    const round = { id: 'r1', ownerId: ME };

    it('gives the resource back to whom manages its contest', () => {
      expect(managedOr404(organizer, round, roundNotFound)).toBe(round);
      expect(managedOr404(admin, { ...round, ownerId: SOMEONE }, roundNotFound)).toMatchObject({ id: 'r1' });
    });

    it('answers the resource’s own 404 for another person’s resource and for nothing', () => {
      for (const [actor, found] of [
        [organizer, { ...round, ownerId: SOMEONE }],
        [judge, round],
        [organizer, null],
        [admin, undefined],
      ] as const) {
        const refusal = catchError(() => managedOr404(actor, found, roundNotFound));
        expect(refusal.getStatus()).toBe(HttpStatus.NOT_FOUND);
        expect(refusal.code).toBe('round.not_found');
      }
    });

    it('says the same for a missing contest and another person’s contest (nothing leaks)', () => {
      const missing = catchError(() => managedOr404(organizer, null, contestNotFound));
      const others = catchError(() => managedOr404(organizer, { ownerId: SOMEONE }, contestNotFound));
      expect(others.getResponse()).toEqual(missing.getResponse());
    });
  });
});

function catchError(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
