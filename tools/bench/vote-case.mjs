// Public vote: voters cast a vote and open the mailed confirmation link over HTTP, next to bare
// node-postgres doing the same rows; afterwards the counts are checked in SQL (no vote lost, no
// mailbox counted twice). Then the results of the vote round, timed with the vote on and off.
import pg from 'pg';
import { deliveredTokens, median, percentile, round1, round2 } from './api.mjs';
import { backendsCpuDelta, backendsCpuMs, processCpuMs, selfCpuMs } from './cpu.mjs';

/** Callers at once, as a shared link brings voters in bursts. */
export const VOTE_CONNECTIONS = 50;
/** Voters sharing one client address (a school's or an office's NAT): under the default throttle of 30. */
const VOTERS_PER_ADDRESS = 10;

const DAY = 24 * 60 * 60 * 1000;

/** Holds the contest's public vote on its round, open now: p = 0.2, overall. */
export async function holdVote(db, { contestId, roundId }, enabled = true) {
  await db.query(`UPDATE contests SET public_vote = $2::jsonb WHERE id = $1`, [
    contestId,
    JSON.stringify({
      enabled,
      roundId,
      opensAt: new Date(Date.now() - DAY).toISOString(),
      closesAt: new Date(Date.now() + DAY).toISOString(),
      share: 0.2,
      scope: 'overall',
    }),
  ]);
}

/**
 * `voters` distinct mailboxes vote (the i-th for an entry drawn with a skew, so a few entries
 * lead), and `duplicates` of them vote again with another +tag: each such pair is confirmed
 * side by side, so the two confirmations race and exactly one may count.
 */
function ballots(entries, voters, duplicates) {
  const list = [];
  for (let i = 0; i < voters; i++) {
    const entryId = entries[Math.floor(entries.length * (i / voters) ** 2)];
    list.push({ email: `voter${i}@bench.vote`, mailbox: `voter${i}@bench.vote`, entryId, address: address(i) });
    if (i < duplicates) {
      list.push({
        email: `Voter${i}+again@bench.vote`,
        mailbox: `voter${i}@bench.vote`,
        entryId: entries[(i * 7 + 3) % entries.length],
        address: address(i),
      });
    }
  }
  return list;
}

const address = (i) => {
  const n = Math.floor(i / VOTERS_PER_ADDRESS);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/** Runs `work(item)` over the items with `connections` callers; answers each item's outcome. */
async function pool(items, connections, work) {
  const outcomes = new Array(items.length);
  const latencies = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        const started = performance.now();
        outcomes[i] = await work(items[i], i);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { outcomes, latencies };
}

async function post(url, path, body, headers = {}) {
  try {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text };
  } catch (error) {
    return { status: 0, body: String(error.message ?? error) };
  }
}

/**
 * Casts every ballot over HTTP, reads the confirmation links from the outbox (the mail itself is
 * the outbox's business), opens every link over HTTP, then checks the counts in SQL.
 */
export async function apiVotes({ url, pid, db, contestId, roundId, slug, voters, duplicates }) {
  const entries = (await db.query(`SELECT entry_id AS id FROM round_entries WHERE round_id = $1 ORDER BY entry_id`, [roundId])).rows.map(
    (r) => r.id,
  );
  const list = ballots(entries, voters, duplicates);

  // CPU of the API process, of its PostgreSQL backends (request pool and job queue) and of this
  // process (the callers and the SMTP server reading every mail), per phase: figures that hold on a
  // busy machine, where the wall clock swings with what else runs.
  const cpuNow = async () => {
    const pg = new Map([...(await backendsCpuMs(db, 'laurel-api')), ...(await backendsCpuMs(db, 'laurel-jobs'))]);
    return { api: processCpuMs(pid), pg, self: selfCpuMs() };
  };
  const cpuPer = (before, after, n) => ({
    apiMs: round2((after.api - before.api) / n),
    postgresMs: round2(backendsCpuDelta(before.pg, after.pg) / n),
    benchMs: round2((after.self - before.self) / n),
  });
  const cpuCast = await cpuNow();
  const castStarted = performance.now();
  const cast = await pool(list, VOTE_CONNECTIONS, (b) =>
    post(
      url,
      `/api/public/contests/${slug}/votes`,
      { entryId: b.entryId, email: b.email, language: 'vi' },
      { 'x-forwarded-for': b.address },
    ),
  );
  const castSeconds = (performance.now() - castStarted) / 1000;

  // The voters wait for their mail: every confirmation delivered over SMTP to the bench's server.
  const mailStarted = performance.now();
  const wanted = list.map((b) => b.email.toLowerCase());
  const mailDeadline = Date.now() + 300_000;
  while (wanted.some((to) => !deliveredTokens.has(to)) && Date.now() < mailDeadline) await new Promise((r) => setTimeout(r, 200));
  const mailSeconds = (performance.now() - mailStarted) / 1000;
  const cpuConfirm = await cpuNow();
  const links = deliveredTokens;

  const confirmStarted = performance.now();
  const confirmed = await pool(list, VOTE_CONNECTIONS, (b) => {
    const token = links.get(b.email.toLowerCase());
    return token ? post(url, '/api/public/votes/confirm', { token }) : Promise.resolve({ status: -1, body: 'no mail' });
  });
  const confirmSeconds = (performance.now() - confirmStarted) / 1000;
  const firstToLast = (performance.now() - castStarted) / 1000;
  const cpuEnd = await cpuNow();

  // What the API answered, per mailbox and per entry.
  const statuses = (outcomes) => outcomes.reduce((acc, o) => ({ ...acc, [o.status]: (acc[o.status] ?? 0) + 1 }), {});
  const answeredCounted = new Map();
  const expectedTally = new Map();
  list.forEach((b, i) => {
    if (confirmed.outcomes[i].status !== 200) return;
    answeredCounted.set(b.mailbox, (answeredCounted.get(b.mailbox) ?? 0) + 1);
    expectedTally.set(b.entryId, (expectedTally.get(b.entryId) ?? 0) + 1);
  });

  // The database's own count afterwards.
  const [sql] = (
    await db.query(
      `SELECT count(*)::int AS rows,
              count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int AS counted,
              count(DISTINCT mailbox) FILTER (WHERE confirmed_at IS NOT NULL)::int AS "countedMailboxes"
         FROM votes WHERE contest_id = $1`,
      [contestId],
    )
  ).rows;
  const tally = new Map(
    (
      await db.query(
        `SELECT entry_id AS "entryId", count(*)::int AS votes FROM votes WHERE round_id = $1 AND confirmed_at IS NOT NULL AND voided_at IS NULL GROUP BY entry_id`,
        [roundId],
      )
    ).rows.map((r) => [r.entryId, r.votes]),
  );
  const tallyMismatches = [...new Set([...tally.keys(), ...expectedTally.keys()])].filter(
    (id) => (tally.get(id) ?? 0) !== (expectedTally.get(id) ?? 0),
  ).length;
  const doubleCounted = [...answeredCounted.values()].filter((n) => n > 1).length;
  const castStatuses = statuses(cast.outcomes);
  const confirmStatuses = statuses(confirmed.outcomes);
  const counted200 = confirmStatuses[200] ?? 0;
  const seconds = castSeconds + confirmSeconds;
  return {
    voters,
    duplicates,
    ballots: list.length,
    castSeconds: round1(castSeconds),
    confirmSeconds: round1(confirmSeconds),
    // Until the last mail reached the SMTP server after the last cast: delivery runs during the casts.
    mailWaitSeconds: round1(mailSeconds),
    firstCastToLastConfirmSeconds: round1(firstToLast),
    mailsDelivered: wanted.filter((to) => deliveredTokens.has(to)).length,
    seconds: round1(seconds),
    confirmedPerMinute: Math.round((counted200 / seconds) * 60),
    // Per ballot; the cast phase includes delivering its mail (the API's worker, the bench's SMTP server).
    cpuPerCast: cpuPer(cpuCast, cpuConfirm, list.length),
    cpuPerConfirm: cpuPer(cpuConfirm, cpuEnd, list.length),
    castP99: round1(percentile(cast.latencies, 99)),
    confirmP99: round1(percentile(confirmed.latencies, 99)),
    castStatuses,
    confirmStatuses,
    firstFailure: [...cast.outcomes, ...confirmed.outcomes]
      .find((o) => o.status !== 202 && o.status !== 200 && o.status !== 409)
      ?.body?.slice(0, 300),
    sql: { ...sql, tallyTotal: [...tally.values()].reduce((a, b) => a + b, 0) },
    lost: Math.max(0, voters - sql.counted),
    doubleCounted: doubleCounted + (sql.counted - sql.countedMailboxes),
    tallyMismatches,
    // Every mailbox counted once, every answer it counted is in the table, and nothing else is.
    ok:
      sql.counted === voters &&
      sql.countedMailboxes === voters &&
      counted200 === voters &&
      doubleCounted === 0 &&
      tallyMismatches === 0 &&
      (castStatuses[202] ?? 0) === list.length &&
      (confirmStatuses[409] ?? 0) === duplicates,
  };
}

/**
 * The same rows with bare node-postgres and the same number of callers over a pool of 10 (the
 * API's): per vote one transaction inserting the vote and its outbox row, then one UPDATE
 * counting it under the same one-per-mailbox rule. No HTTP, validation, throttle or queue job.
 */
export async function baselineVotes({ databaseUrl, contestId, roundId, voters, duplicates }) {
  const client = new pg.Pool({ connectionString: databaseUrl, max: 10, application_name: 'laurel-bench-baseline' });
  try {
    const entries = (
      await client.query(`SELECT entry_id AS id FROM round_entries WHERE round_id = $1 ORDER BY entry_id`, [roundId])
    ).rows.map((r) => r.id);
    const list = ballots(entries, voters, duplicates);
    const started = performance.now();
    const inserted = await pool(list, VOTE_CONNECTIONS, async (b, i) => {
      const c = await client.connect();
      try {
        await c.query('BEGIN');
        const { rows } = await c.query(
          `INSERT INTO votes (contest_id, round_id, entry_id, scope_key, email, mailbox, token_hash, client_address)
           VALUES ($1, $2, $3, '', $4, $5, $6, $7) RETURNING id`,
          [contestId, roundId, b.entryId, b.email.toLowerCase(), b.mailbox, `baseline-${contestId}-${i}`, b.address],
        );
        await c.query(
          `INSERT INTO mail_outbox (to_address, contest_id, template, language, subject, text_body, action_url, status)
           VALUES ($1, $2, 'baseline_vote', 'vi', 'Xác nhận bình chọn', 'Bạn vừa bình chọn.', 'http://bench/vote/confirm#token=x', 'captured')`,
          [b.email.toLowerCase(), contestId],
        );
        await c.query('COMMIT');
        return rows[0].id;
      } catch (error) {
        await c.query('ROLLBACK');
        throw error;
      } finally {
        c.release();
      }
    });
    await pool(inserted.outcomes, VOTE_CONNECTIONS, (id) =>
      client
        .query(
          `UPDATE votes v SET confirmed_at = now()
          WHERE v.id = $1 AND v.confirmed_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM votes o WHERE o.contest_id = v.contest_id AND o.scope_key = v.scope_key AND o.mailbox = v.mailbox AND o.confirmed_at IS NOT NULL)`,
          [id],
        )
        .catch(() => null),
    );
    const seconds = (performance.now() - started) / 1000;
    const [{ counted }] = (
      await client.query(`SELECT count(*)::int AS counted FROM votes WHERE contest_id = $1 AND confirmed_at IS NOT NULL`, [contestId])
    ).rows;
    return { seconds: round1(seconds), counted, confirmedPerMinute: Math.round((counted / seconds) * 60) };
  } finally {
    await client.end();
  }
}

async function timedResults(url, roundId, token) {
  const started = performance.now();
  const response = await fetch(`${url}/api/rounds/${roundId}/results`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`results ${roundId}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { ms: performance.now() - started, body };
}

/**
 * The vote round's results with its vote, and the same round with the vote switched off (so the
 * same sheets, entries and statements bar the vote's one aggregate), alternating, medians of `runs`.
 */
export async function voteRoundResults({ url, db, contest, token, runs = 5 }) {
  const withVote = [];
  const without = [];
  let votes = null;
  let judgeOrder = null;
  let blendedOrder = null;
  for (let run = 0; run < runs; run++) {
    await holdVote(db, contest, false);
    const plain = await timedResults(url, contest.roundId, token);
    without.push(plain.ms);
    judgeOrder = plain.body.entries.map((e) => e.entryId);
    await holdVote(db, contest, true);
    const blended = await timedResults(url, contest.roundId, token);
    withVote.push(blended.ms);
    votes = blended.body.entries.reduce((sum, e) => sum + (e.votes ?? 0), 0);
    blendedOrder = blended.body.entries.map((e) => e.entryId);
  }
  const changed = judgeOrder.filter((id, i) => blendedOrder[i] !== id).length;
  return {
    withVote: withVote.map(round1),
    without: without.map(round1),
    withVoteMedian: round1(median(withVote)),
    withoutMedian: round1(median(without)),
    ratio: round2(median(withVote) / median(without)),
    votesInResults: votes,
    positionsChangedByVote: changed,
  };
}
