// The built API as a child process (as apps/api-e2e starts it), and small measuring helpers.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

let mailSink = null;

/** The token of each confirmation link delivered, by recipient (lower-cased), as the voters read them. */
export const deliveredTokens = new Map();

/**
 * A production API needs an SMTP server: a real one (npm `smtp-server`) in the bench process that
 * reads every message to its end, so mail delivery costs what it costs, and keeps only the
 * tokens of the links it carries (the outbox forgets a link once its mail is sent).
 */
async function smtpSink() {
  if (!mailSink) {
    mailSink = (async () => {
      const server = new SMTPServer({
        secure: false,
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData: (stream, session, callback) => {
          const keep = (token) => {
            for (const to of session.envelope.rcptTo) deliveredTokens.set(to.address.toLowerCase(), decodeURIComponent(token));
          };
          const chunks = [];
          stream.on('data', (chunk) => chunks.push(chunk));
          stream.on('error', callback);
          stream.on('end', () => {
            // Voters read their mail on other machines than the API's: the link is taken from the
            // raw message (quoted-printable, as nodemailer sends this text) without a full MIME
            // parse, whose CPU on this machine was counted against the vote; anything else is parsed.
            const raw = Buffer.concat(chunks)
              .toString('latin1')
              .replace(/=\r?\n/g, '');
            const token = /#token(?:=3D|=)([A-Za-z0-9_%-]+)/.exec(raw)?.[1];
            if (token) {
              keep(token);
              callback();
              return;
            }
            simpleParser(Buffer.concat(chunks))
              .then((parsed) => {
                const found = /#token=([^\s&"<]+)/.exec(parsed.text ?? '')?.[1];
                if (found) keep(found);
                callback();
              })
              .catch((error) => callback(error));
          });
        },
      });
      await new Promise((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolveListen());
      });
      server.on('error', () => undefined);
      // Nothing to wait for at exit: the bench process ends with its last case.
      server.server.unref();
      return `smtp://127.0.0.1:${server.server.address().port}`;
    })();
  }
  return mailSink;
}

export async function startApi(root, databaseUrl, execArgv = [], extraEnv = {}) {
  const smtpUrl = await smtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'laurel-bench-api-'));
  let output = '';
  const child = fork(join(root, 'dist/apps/api/main.js'), [], {
    execArgv,
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LAUREL_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      LOGIN_THROTTLE_LIMIT: '1000',
      // Production boots need the mail settings; the vote case sends mail, so a real server listens.
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'Laurel bench <bench@laurel.test>',
      PUBLIC_URL: 'http://laurel.test',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const errors = [];
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
    // The first few distinct server errors, for the report (pino lines at level 50).
    for (const line of String(chunk).split('\n')) {
      if (errors.length < 5 && line.includes('"level":50') && !line.includes('failed with status code')) errors.push(line.slice(0, 600));
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start in 180 s:\n${output}`)), 60_000);
    child.on('message', (message) => {
      if (message?.type === 'listening' && message.url) {
        clearTimeout(timer);
        resolveUrl(message.url.replace('[::1]', '127.0.0.1'));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid,
    /** Its memory after a full collection; needs `--expose-gc -r tools/bench/memory-probe.cjs` in `execArgv`. */
    memory: () => ask(child, 'bench-memory'),
    /** Where its requests' time went since the last call; needs `-r tools/bench/latency-probe.cjs` in `execArgv`. */
    probe: () => ask(child, 'bench-probe'),
    output: () => output,
    errors: () => errors,
    stop: () =>
      new Promise((resolveExit) => {
        const done = () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolveExit();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

/** Peak resident set size of a process in MB (VmHWM), read from /proc. */
export function peakRssMb(pid = 'self') {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

export async function login(url, email, password) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await response.json().catch(() => ({}));
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const median = (values) => percentile(values, 50);
export const round1 = (n) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : n);
export const round2 = (n) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : n);

/** Sends `{ type }` to a child started with an IPC channel and resolves with its first answer of that type (a probe it preloaded). */
function ask(child, type) {
  return new Promise((resolveAnswer) => {
    const on = (message) => {
      if (message?.type !== type) return;
      child.off('message', on);
      resolveAnswer(message);
    };
    child.on('message', on);
    child.send({ type });
  });
}
