// Mail: publishing results to 1,000 applicants through the API (the transactional outbox, the
// pg-boss queue, nodemailer's pool) into a local SMTP sink, next to nodemailer alone sending the
// same 1,000 messages over one pooled connection; and the session-version check's cost on a
// request, next to the same route answered from the check's 1 s cache.
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { median, percentile, round2 } from './api.mjs';
import { backendsCpuDelta, backendsCpuMs, processCpuMs, selfCpuMs } from './cpu.mjs';
import { seedContest } from './data.mjs';

/** A real SMTP server in this process that counts what it receives (the bodies are read and dropped). */
export async function startSink() {
  const received = [];
  let waiter = null;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let bytes = 0;
      stream.on('data', (chunk) => (bytes += chunk.length));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), bytes, at: performance.now() });
        waiter?.();
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = server.server.address().port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    /** Resolves with the time the `count`-th message matching `match` arrived. */
    async until(match, count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.filter(match);
        if (found.length >= count) return found[count - 1].at;
        if (Date.now() > deadline) throw new Error(`the sink got ${found.length} of ${count} messages in ${timeoutMs} ms`);
        await new Promise((resolve) => {
          waiter = resolve;
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * A judged contest of `applicants` entries, each with its own applicant account, its final round
 * closed, one first prize: ready for the organizer to confirm the awards and publish.
 */
export async function seedPublishableContest(db, { ownerId, applicants, passwordHash }) {
  const contest = await seedContest(db, {
    slug: 'bench-mail',
    prefix: 'MAIL',
    ownerId,
    entries: applicants,
    judges: 5,
    criteria: 2,
    perEntry: 5,
    submitted: true,
  });
  await db.query(
    `INSERT INTO users (email, password_hash, display_name, roles, language)
     SELECT 'applicant' || lpad(i::text, 5, '0') || '@bench.laurel', $1, 'Applicant ' || i, ARRAY['applicant'], CASE WHEN i % 2 = 0 THEN 'en' ELSE 'vi' END
       FROM generate_series(1, $2::int) i`,
    [passwordHash, applicants],
  );
  await db.query(
    `UPDATE entries e SET owner_id = u.id
       FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM entries WHERE contest_id = $1) x,
            (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE 'applicant%@bench.laurel') u
      WHERE e.id = x.id AND u.n = x.n`,
    [contest.contestId],
  );
  await db.query(`INSERT INTO prizes (contest_id, tier, count) VALUES ($1, 'first', 1)`, [contest.contestId]);
  await db.query(`UPDATE rounds SET status = 'closed' WHERE id = $1`, [contest.roundId]);
  const judges = await db.query(
    `SELECT u.email FROM contest_judges cj JOIN users u ON u.id = cj.user_id WHERE cj.contest_id = $1 ORDER BY u.email`,
    [contest.contestId],
  );
  return { ...contest, judgeEmails: judges.rows.map((r) => r.email) };
}

/** Confirms the proposed awards, has the council approve, publishes; answers when the 1,000th results mail reached the sink. */
export async function apiPublish({ url, pid, db, sink, contestId, organizerToken, judgeTokens, applicants }) {
  const call = async (method, path, token, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
  const proposal = await call('GET', `/api/contests/${contestId}/awards/proposal`, organizerToken);
  const awards = proposal.lines.filter((l) => l.entryId).map((l) => ({ tier: l.tier, entryId: l.entryId }));
  await call('POST', `/api/contests/${contestId}/awards`, organizerToken, { awards });
  for (const token of judgeTokens) await call('POST', `/api/contests/${contestId}/awards/approvals`, token, { decision: 'approve' });
  const isApplicant = (m) => m.to.startsWith('applicant');
  const before = sink.received.filter(isApplicant).length;
  // CPU of the API, its PostgreSQL backends (requests and job queue) and this process (the sink).
  const backends = async () => new Map([...(await backendsCpuMs(db, 'laurel-api')), ...(await backendsCpuMs(db, 'laurel-jobs'))]);
  const cpuFrom = { api: processCpuMs(pid), backends: await backends(), self: selfCpuMs() };
  const started = performance.now();
  await call('POST', `/api/contests/${contestId}/publish`, organizerToken, {});
  const answeredMs = performance.now() - started;
  const lastAt = await sink.until(isApplicant, before + applicants, 120_000);
  const perMail = (ms) => round2(ms / applicants);
  const cpuPerMailMs = {
    api: perMail(processCpuMs(pid) - cpuFrom.api),
    postgres: perMail(backendsCpuDelta(cpuFrom.backends, await backends())),
    sink: perMail(selfCpuMs() - cpuFrom.self),
  };
  const seconds = (lastAt - started) / 1000;
  const mails = sink.received.filter(isApplicant).slice(before);
  const meanBytes = Math.round(mails.reduce((sum, m) => sum + m.bytes, 0) / mails.length);
  // Where the time goes: the publish request, the wait for the first delivery, the delivery itself.
  const firstMailMs = (mails[0]?.at ?? lastAt) - started;
  return {
    seconds: round2(seconds),
    publishAnswerMs: round2(answeredMs),
    firstMailMs: round2(firstMailMs),
    deliveryMs: round2(lastAt - started - firstMailMs),
    perSecond: round2(applicants / seconds),
    meanBytes,
    cpuPerMailMs,
  };
}

/** nodemailer alone: the same number of messages of the same size over one pooled connection. */
export async function baselineNodemailer({ sink, count, messageBytes }) {
  // The API's messages are multipart text + HTML; the same share of each, to about the same size.
  const textBytes = Math.round(messageBytes * 0.3);
  const htmlBytes = Math.round(messageBytes * 0.5);
  const transport = nodemailer.createTransport({ url: sink.url, pool: true, maxConnections: 1, maxMessages: Infinity });
  const text = 'x'.repeat(textBytes);
  const html = `<p>${'x'.repeat(Math.max(0, htmlBytes - 7))}</p>`;
  const isBaseline = (m) => m.to.startsWith('baseline');
  const before = sink.received.filter(isBaseline).length;
  const cpuFrom = selfCpuMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      transport.sendMail({ from: 'Bench <bench@bench.laurel>', to: `baseline${i}@bench.laurel`, subject: `Results ${i}`, text, html }),
    ),
  );
  const lastAt = await sink.until(isBaseline, before + count, 60_000);
  const cpuPerMailMs = round2((selfCpuMs() - cpuFrom) / count);
  transport.close();
  const seconds = (lastAt - started) / 1000;
  return { seconds: round2(seconds), perSecond: round2(count / seconds), cpuPerMailMs };
}

/** An access token as the API signs it (HS256 with its JWT_SECRET), so many accounts need no sign-in. */
export function accessToken(secret, user) {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: user.id, email: user.email, name: user.displayName, roles: user.roles, sv: user.sessionVersion, iat: now, exp: now + 3600 })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/**
 * GET /api/auth/me, one request at a time: with one account (the check answered from its 1 s cache,
 * i.e. the route without the check's query) and with a different account on every request, each
 * seen again only after more than 1 s (the check queries PostgreSQL every time). The difference of
 * the medians is what the check adds to a request.
 */
export async function sessionCheckOverhead({ url, db, secret, accounts, rounds }) {
  const users = (
    await db.query(
      `SELECT id, email, display_name AS "displayName", roles, session_version AS "sessionVersion" FROM users
        WHERE email LIKE 'applicant%@bench.laurel' ORDER BY email LIMIT $1`,
      [accounts],
    )
  ).rows;
  const tokens = users.map((u) => accessToken(secret, u));
  const get = async (token) => {
    const started = performance.now();
    const response = await fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET /api/auth/me: ${response.status}`);
    return performance.now() - started;
  };
  // Warm the connection and the code paths.
  for (let i = 0; i < 200; i++) await get(tokens[0]);
  const cached = [];
  const checked = [];
  // Interleaved, one of each in turn, so the machine's load drifts over both alike. The first
  // account is the cached one; every other account is seen once a round.
  for (let r = 0; r < rounds; r++) {
    for (const token of tokens.slice(1)) {
      checked.push(await get(token));
      cached.push(await get(tokens[0]));
    }
    // Every account's cached answer is older than 1 s before it is asked again.
    await new Promise((resolve) => setTimeout(resolve, 1100));
  }
  return {
    requests: cached.length + checked.length,
    cachedMedianMs: round2(median(cached)),
    checkedMedianMs: round2(median(checked)),
    cachedP99Ms: round2(percentile(cached, 99)),
    checkedP99Ms: round2(percentile(checked, 99)),
    overheadMs: round2(median(checked) - median(cached)),
  };
}
