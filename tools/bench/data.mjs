// Bench data written with set-based SQL straight into the tables (a few statements per contest,
// not thousands of HTTP calls). Scores are deterministic, so every run times the same input.
import argon2 from 'argon2';

export const PASSWORD = 'bench-password';
export const ORGANIZER_EMAIL = 'organizer@bench.laurel';

/** The same options as libs/api/core/src/lib/security/password.ts, so logins verify at production cost. */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** One organizer and `judges` judge accounts, all with the same password (hashed once). */
export async function seedUsers(db, judges) {
  const hash = await argon2.hash(PASSWORD, ARGON2_OPTIONS);
  const { rows } = await db.query(
    `INSERT INTO users (email, password_hash, display_name, roles) VALUES ($1, $2, 'Bench Organizer', ARRAY['organizer'])
     RETURNING id`,
    [ORGANIZER_EMAIL, hash],
  );
  await db.query(
    `INSERT INTO users (email, password_hash, display_name, roles)
     SELECT 'judge' || lpad(i::text, 3, '0') || '@bench.laurel', $1, 'Judge ' || lpad(i::text, 3, '0'), ARRAY['judge']
       FROM generate_series(1, $2::int) i`,
    [hash, judges],
  );
  const judgeRows = await db.query(`SELECT id, email FROM users WHERE email LIKE 'judge%@bench.laurel' ORDER BY email`);
  return { organizerId: rows[0].id, judges: judgeRows.rows };
}

/**
 * A contest in judging with one open round: `entries` submitted entries in two categories, the
 * first `judges` judges on its panel, `criteria` criteria (weight 1, max 10), and `perEntry`
 * assignments per entry (judge (n + t) mod judges for the n-th entry). With `submitted`, every
 * assignment has a submitted sheet scoring every criterion; its total is the domain's formula, and
 * its values are stored on it in rubric order as the API's submit stores them.
 */
export async function seedContest(db, { slug, prefix, ownerId, entries, judges, criteria, perEntry, submitted }) {
  await db.query('BEGIN');
  try {
    const contest = (
      await db.query(
        `INSERT INTO contests (name, slug, year, status, submission_opens_at, submission_closes_at, owner_id, code_prefix, entry_seq, require_pitch_deck)
         VALUES ($1, $2, 2026, 'judging', now() - interval '30 days', now() - interval '1 day', $3, $4, $5, false) RETURNING id`,
        [`Bench ${slug}`, slug, ownerId, prefix, entries],
      )
    ).rows[0].id;
    const categories = (
      await db.query(`INSERT INTO categories (contest_id, name, position) VALUES ($1, 'Fintech', 0), ($1, 'Agritech', 1) RETURNING id`, [
        contest,
      ])
    ).rows.map((r) => r.id);
    const round = (
      await db.query(
        `INSERT INTO rounds (contest_id, name, "order", status, panel, judges_per_entry) VALUES ($1, 'Round 1', 1, 'open', $2, $3) RETURNING id`,
        [
          contest,
          // Every judge on every entry is a complete panel (judges_per_entry is at most 50).
          perEntry >= judges ? 'complete' : 'assigned',
          Math.min(perEntry, 50),
        ],
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO criteria (round_id, name, description, weight, max_score, position)
       SELECT $1, 'Criterion ' || lpad(i::text, 2, '0'), 'How well the entry does on point ' || i, 1, 10, i FROM generate_series(1, $2::int) i`,
      [round, criteria],
    );
    await db.query(
      `INSERT INTO entries (contest_id, category_id, status, code, title, team_name, summary, eligibility, submitted_at)
       SELECT $1, CASE WHEN i % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'submitted', $4 || '-' || lpad(i::text, 5, '0'),
              'Startup ' || i || ': a better way to do thing ' || i, 'Team ' || i, 'A short summary of entry ' || i, 'eligible', now()
         FROM generate_series(1, $5::int) i`,
      [contest, categories[0], categories[1], prefix, entries],
    );
    await db.query(`INSERT INTO round_entries (round_id, entry_id) SELECT $1, id FROM entries WHERE contest_id = $2`, [round, contest]);
    await db.query(
      `INSERT INTO contest_judges (contest_id, user_id)
       SELECT $1, id FROM users WHERE email LIKE 'judge%@bench.laurel' ORDER BY email LIMIT $2`,
      [contest, judges],
    );
    await db.query(
      `INSERT INTO assignments (round_id, entry_id, judge_id)
       SELECT $1, e.id, j.user_id
         FROM (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM entries WHERE contest_id = $2) e
        CROSS JOIN generate_series(0, $3::int - 1) t
         JOIN (SELECT cj.user_id, row_number() OVER (ORDER BY u.email) - 1 AS n
                 FROM contest_judges cj JOIN users u ON u.id = cj.user_id WHERE cj.contest_id = $2) j
           ON j.n = (e.n + t) % $4`,
      [round, contest, perEntry, judges],
    );
    if (submitted) {
      await db.query(`INSERT INTO score_sheets (assignment_id, round_id) SELECT id, round_id FROM assignments WHERE round_id = $1`, [
        round,
      ]);
      await db.query(
        `INSERT INTO scores (sheet_id, criterion_id, value)
         SELECT ss.id, c.id, round((abs(hashtext(ss.id::text || c.id::text)) % 1001) / 100.0, 2)
           FROM score_sheets ss CROSS JOIN criteria c WHERE ss.round_id = $1 AND c.round_id = $1`,
        [round],
      );
      await db.query(
        `UPDATE score_sheets ss SET status = 'submitted', submitted_at = now(), total = t.total, score_values = t.score_values
           FROM (SELECT s.sheet_id, 100 * (sum(c.weight * s.value / c.max_score) / sum(c.weight))::float8 AS total,
                        array_agg(s.value ORDER BY c.position, c.id) AS score_values
                   FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE c.round_id = $1 GROUP BY s.sheet_id) t
          WHERE t.sheet_id = ss.id`,
        [round],
      );
    }
    await db.query('COMMIT');
    await db.query('ANALYZE');
    return { contestId: contest, roundId: round };
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/** The open assignments of a round (no sheet yet), in a fixed order, with their judge's e-mail. */
export async function openAssignments(db, roundId) {
  const { rows } = await db.query(
    `SELECT a.id, u.email FROM assignments a JOIN users u ON u.id = a.judge_id
      WHERE a.round_id = $1 AND NOT EXISTS (SELECT 1 FROM score_sheets ss WHERE ss.assignment_id = a.id)
      ORDER BY a.entry_id, u.email`,
    [roundId],
  );
  return rows;
}
