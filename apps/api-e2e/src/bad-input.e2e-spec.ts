import fc from 'fast-check';
import { ACTORS, type Actor, expectedOutcomes, SESSION_ENDING_ROUTES, walkOrder } from './support/authorization-matrix';
import { type AccessFixture, buildAccessFixture } from './support/access-fixture';

/** Bodies nobody should send: wrong types, huge and odd text, deep nesting, numbers out of place. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    "'; DROP TABLE users; --",
    '" OR 1=1 --',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("http://x")',
    '../../etc/passwd',
    '\u0000\u202e\ufeff',
    'Đại học Hải Phòng 🚀',
    '%s%n%x',
    '__proto__',
    'x'.repeat(100_000),
  ),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0.5, 1e308, -0, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }),
);

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
}

describe('bad input', () => {
  let fixture: AccessFixture;

  beforeAll(async () => {
    fixture = await buildAccessFixture();
  });
  afterAll(() => fixture?.close());

  /**
   * A digest of every table a request could change (the audit trail, idempotency keys and the
   * throttle counters aside: a refused request still counts against its client; the outbox by its rows).
   */
  async function fingerprint(): Promise<string> {
    const tables: { table_name: string }[] = (
      await fixture.db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
           AND table_name NOT IN ('audit_events', 'idempotency_keys', 'migrations', 'mail_outbox', 'throttles') ORDER BY table_name`,
      )
    ).rows;
    const parts = tables.map(
      ({ table_name }) =>
        `SELECT '${table_name}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table_name}" x`,
    );
    // The outbox by its rows, not their delivery state: the queue marks mail sent at its own pace,
    // but a refused request must not have written a message.
    parts.push(`SELECT 'mail_outbox' AS t, md5(coalesce(string_agg(id::text, '|' ORDER BY id), '')) AS h FROM mail_outbox`);
    const rows: { t: string; h: string }[] = (await fixture.db.query(parts.join(' UNION ALL '))).rows;
    return rows.map((r) => `${r.t}:${r.h}`).join(',');
  }

  /** The caller the matrix lets through, so the body reaches validation and the service. */
  function actorFor(key: string): Actor {
    const expected = expectedOutcomes[key];
    const preferred: Actor[] = ['organizer', 'ownerApplicant', 'assignedJudge', 'admin', ...ACTORS];
    return preferred.find((actor) => expected?.[actor] === 'ok') ?? 'anonymous';
  }

  it('answers hostile bodies on every write endpoint with a 4xx a person can read, and changes nothing', async () => {
    // Signing out everywhere ends the caller's token, so it comes last.
    const writes = walkOrder(fixture.routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method)));
    expect(writes.length).toBeGreaterThan(20);
    const problems: string[] = [];
    let requests = 0;

    for (const route of writes) {
      const key = `${route.method} ${route.path}`;
      const actor = actorFor(key);
      let token = fixture.tokens[actor];
      const sample = fixture.sampleBody(key);
      const fieldNames = sample && typeof sample === 'object' ? Object.keys(sample) : [];
      const bodies = fc.sample(
        fc.oneof(
          fc.anything({ maxDepth: 3 }),
          // The endpoint's own field names with hostile values.
          fieldNames.length > 0
            ? fc.record(Object.fromEntries(fieldNames.map((name) => [name, hostileValue])), { requiredKeys: [] })
            : fc.dictionary(fc.string({ maxLength: 10 }), hostileValue, { maxKeys: 5 }),
        ),
        { numRuns: 12, seed: 20261127 + requests },
      );
      bodies.push(deeplyNested(400), { ...(sample as object), extra: 'not a field' }, 'just a string', 42, []);

      for (const body of bodies) {
        requests++;
        const before = await fingerprint();
        const response = await fetch(`${fixture.api.url}${fixture.concrete(route.path)}`, {
          method: route.method,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        if (SESSION_ENDING_ROUTES.has(key)) {
          await fixture.signInAgain(actor);
          token = fixture.tokens[actor];
        }
        const shown = JSON.stringify(body)?.slice(0, 120);
        if (response.status >= 500) {
          problems.push(`${key} as ${actor}: ${response.status} for ${shown}: ${text.slice(0, 200)}`);
          continue;
        }
        if (response.status >= 400) {
          let parsed: { message?: unknown; statusCode?: unknown } = {};
          try {
            parsed = JSON.parse(text);
          } catch {
            problems.push(`${key}: a ${response.status} that is not JSON for ${shown}`);
          }
          if (typeof parsed.message !== 'string' || parsed.message.length === 0 || parsed.statusCode !== response.status) {
            problems.push(`${key}: a ${response.status} without a readable message for ${shown}: ${text.slice(0, 200)}`);
          }
          const after = await fingerprint();
          if (after !== before)
            problems.push(`${key}: the database changed although the request was refused (${response.status}) for ${shown}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(requests).toBeGreaterThan(300);
    // Seventeen bodies for each of some sixty write routes, each between two fingerprints: the
    // walk grows with the route table, past the default minute on a busy machine.
  }, 240_000);

  it('refuses an oversized JSON body with 413 before reading it all', async () => {
    const huge = JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(3 * 1024 * 1024) });
    const response = await fetch(`${fixture.api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(response.status).toBe(413);
    const body = await response.json();
    expect(body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(typeof body.message).toBe('string');
  });
});
