import { AUDIT_GENESIS_HASH, AuditChainWalk, type AuditEventRow, auditHash } from './audit.repository';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

/** Appends an event to `chains` the way the database does: linked to `prev`, hashed over it. */
function event(id: number, contestId: string | null, prev: string): AuditEventRow {
  const body = {
    contestId,
    actorId: null,
    action: 'test.event',
    subjectType: null,
    subjectId: null,
    payload: { n: id },
    occurredAt: `2026-12-04T00:00:0${id}.000Z`,
  };
  return { id: String(id), ...body, prevHash: prev, hash: auditHash(prev, body) };
}

/**
 * A database migrated while it held events: ids 1–4 were written as one platform-wide chain
 * (A, platform, B, A), then each chain goes on from its own last old event (the heads the
 * migration seeds): A from 4, the platform from 2, B from 3.
 */
function history(): AuditEventRow[] {
  const e1 = event(1, A, AUDIT_GENESIS_HASH);
  const e2 = event(2, null, e1.hash);
  const e3 = event(3, B, e2.hash);
  const e4 = event(4, A, e3.hash);
  const e5 = event(5, A, e4.hash);
  const e6 = event(6, null, e2.hash);
  const e7 = event(7, B, e3.hash);
  const e8 = event(8, A, e5.hash);
  return [e1, e2, e3, e4, e5, e6, e7, e8];
}

/** What `AuditRepository.verify` does with the rows its query reads (a contest's, and all old ones). */
function walk(rows: AuditEventRow[], legacyLastId: bigint, contestId?: string): { valid: boolean; count: number; broken?: string } {
  const sut = new AuditChainWalk(legacyLastId, contestId);
  const read = rows.filter((row) => contestId === undefined || row.contestId === contestId || BigInt(row.id) <= legacyLastId);
  for (const row of read) if (!sut.accept(row)) return { valid: false, count: sut.count, broken: row.id };
  return { valid: true, count: sut.count };
}

describe(AuditChainWalk.name, () => {
  it('checks the old platform-wide chain, then each contest’s chain from its last old event', () => {
    expect(walk(history(), 4n)).toEqual({ valid: true, count: 8 });
    // Contest A: the old events 1 and 4, the new 5 and 8; the others are walked, not counted.
    expect(walk(history(), 4n, A)).toEqual({ valid: true, count: 4 });
    expect(walk(history(), 4n, B)).toEqual({ valid: true, count: 2 });
  });

  it('without old events every chain starts at the genesis hash', () => {
    const rows = [event(1, A, AUDIT_GENESIS_HASH), event(2, B, AUDIT_GENESIS_HASH), event(3, null, AUDIT_GENESIS_HASH)];
    rows.push(event(4, A, rows[0]?.hash ?? ''));
    expect(walk(rows, 0n)).toEqual({ valid: true, count: 4 });
    // Read as one platform-wide chain, event 2 would have to follow event 1.
    expect(walk(rows, 4n)).toMatchObject({ valid: false, broken: '2' });
  });

  it('names an edited event, and a new event linked to the wrong chain', () => {
    const edited = history().map((row) => (row.id === '5' ? { ...row, payload: { n: 99 } } : row));
    expect(walk(edited, 4n)).toMatchObject({ valid: false, broken: '5' });
    expect(walk(edited, 4n, B)).toEqual({ valid: true, count: 2 });

    const forked = history();
    // Event 7 of B linked to A's head instead of B's: a chain that forked or was spliced.
    forked[6] = event(7, B, forked[4]?.hash ?? '');
    expect(walk(forked, 4n, B)).toMatchObject({ valid: false, broken: '7' });
  });

  it('names a copy of an event, wherever it is stored (two events share a hash only as a copy)', () => {
    const rows = history();
    for (const original of ['5', '8', '2']) {
      const copy = rows.find((row) => row.id === original);
      if (copy === undefined) throw new Error(`no event ${original}`);
      expect(walk([...rows, { ...copy, id: '9' }], 4n)).toMatchObject({ valid: false, broken: '9' });
    }
  });
});
