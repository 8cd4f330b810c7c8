import { Client } from 'pg';
import { known } from '@laurel/domain';
import { runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { SmtpSink } from './support/smtp-sink';

const PUBLIC_URL = 'http://laurel.test';

function tokenOf(link: string | null): string {
  const match = /#token=([^\s]+)/.exec(link ?? '');
  if (!match) throw new Error(`no token in link ${link}`);
  return decodeURIComponent(known(match[1], 'match[1]'));
}

/** A password reset mail (signing up mails a confirmation link to the same address too). */
const isReset = (mail: { link: string | null }) => !!mail.link?.includes('/reset-password#');

async function query<T = any>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('mail over a real SMTP server', () => {
  const smtp = new SmtpSink(PUBLIC_URL);
  let api: ApiProcess;
  let other: ApiProcess;
  let http: Http;
  let otherHttp: Http;

  beforeAll(async () => {
    await smtp.start();
    const env = {
      JWT_SECRET: 'mail-e2e-secret-mail-e2e-secret-0123456789',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Laurel <no-reply@laurel.test>',
      PUBLIC_URL,
      MAIL_RETRY_DELAY_SECONDS: '1',
    };
    api = await startApi(env);
    // A second API process on the same database: sessions end there too.
    other = await startApi(env, api.databaseUrl);
    http = new Http(api.url);
    otherHttp = new Http(other.url);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([api?.stop(), other?.stop()]);
    await smtp.stop();
  });

  it('mails a password reset link in the recipient language; the link sets the password and ends older sessions on every process', async () => {
    await http.post('/api/auth/register', {
      email: 'Lan.Tran@Startup.vn',
      password: 'old-password-1',
      displayName: 'Trần Lan',
      language: 'vi',
    });
    const oldToken = await http.login('lan.tran@startup.vn', 'old-password-1');
    expect((await otherHttp.get('/api/auth/me', oldToken)).status).toBe(200);

    const asked = await http.post('/api/auth/password-reset', { email: 'LAN.TRAN@startup.vn' });
    expect(asked.status).toBe(202);
    expect(asked.body.message).toMatch(/If an account uses this address/);

    const [mail] = await smtp.waitFor((m) => m.to.toLowerCase() === 'lan.tran@startup.vn' && isReset(m));
    expect(mail.subject).toBe('Đặt lại mật khẩu Laurel');
    expect(mail.from).toBe('no-reply@laurel.test');
    expect(mail.text).toContain('Chào Trần Lan,');
    expect(mail.link).toMatch(/^http:\/\/laurel\.test\/reset-password#token=/);
    expect(mail.html).toContain(`href="${mail.link}"`);

    const confirmed = await http.post('/api/auth/password-reset/confirm', { token: tokenOf(mail.link), password: 'new-password-2' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user).toMatchObject({ email: 'Lan.Tran@Startup.vn', emailVerified: true, language: 'vi' });
    expect((await http.get('/api/auth/me', confirmed.body.accessToken)).status).toBe(200);

    // The token from before the reset: refused on both processes within 1 s (the bounded cache).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (const client of [http, otherHttp]) {
      const refused = await client.get('/api/auth/me', oldToken);
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('auth.session_ended');
    }
    expect((await http.post('/api/auth/login', { email: 'lan.tran@startup.vn', password: 'old-password-1' })).status).toBe(401);
    expect((await http.post('/api/auth/login', { email: 'lan.tran@startup.vn', password: 'new-password-2' })).status).toBe(200);

    // The link works once.
    const again = await http.post('/api/auth/password-reset/confirm', { token: tokenOf(mail.link), password: 'third-password-3' });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('auth.reset_used');

    // Delivered, and the bodies (which held the link) are gone from the outbox.
    const [row] = await query(
      api.databaseUrl,
      `SELECT status, attempts, text_body, html_body, action_url, sent_at FROM mail_outbox WHERE to_address = $1`,
      ['Lan.Tran@Startup.vn'],
    );
    expect(row).toMatchObject({ status: 'sent', attempts: 1, text_body: null, html_body: null, action_url: null });
    expect(row.sent_at).not.toBeNull();
  });

  it('signs up with a confirmation link for a new address and a notice for a taken one, answering both alike', async () => {
    const fresh = await http.post('/api/auth/register', {
      email: 'new.team@startup.vn',
      password: 'password-new-1',
      displayName: 'New Team',
      language: 'en',
    });
    const taken = await http.post('/api/auth/register', {
      email: 'NEW.TEAM@startup.vn',
      password: 'password-other',
      displayName: 'Someone',
    });
    expect(fresh.status).toBe(202);
    expect(taken.body).toEqual(fresh.body);
    // Two mails, in whichever order the queue delivered them.
    const mails = await smtp.waitFor((m) => m.to === 'new.team@startup.vn', 2);
    const verify = mails.find((m) => !!m.link?.includes('/verify-email#')) ?? mails[0];
    const notice = mails.find((m) => m !== verify) ?? mails[1];
    expect(verify.subject).toBe('Confirm your e-mail address on Laurel');
    expect(verify.link).toMatch(/^http:\/\/laurel\.test\/verify-email#token=/);
    expect(notice?.subject).toBe('Someone tried to sign up to Laurel with your address');
    expect(notice?.text).toContain('http://laurel.test/forgot-password');

    const before = await http.login('new.team@startup.vn', 'password-new-1');
    expect((await http.get('/api/auth/me', before)).body.emailVerified).toBe(false);
    const verified = await http.post('/api/auth/verify-email', { token: tokenOf(verify.link) });
    expect(verified.status).toBe(200);
    expect(verified.body.user).toMatchObject({ email: 'new.team@startup.vn', emailVerified: true, language: 'en' });
    const reused = await http.post('/api/auth/verify-email', { token: tokenOf(verify.link) });
    expect(reused.status).toBe(410);
    expect((await http.post('/api/auth/verify-email', { token: 'y'.repeat(43) })).status).toBe(400);
    expect((await http.post('/api/auth/verify-email/resend', {}, verified.body.accessToken)).status).toBe(409);
  });

  it('writes English to an English-speaking account', async () => {
    await http.post('/api/auth/register', { email: 'sam@startup.vn', password: 'password-1x', displayName: 'Sam', language: 'en' });
    await http.post('/api/auth/password-reset', { email: 'sam@startup.vn' });
    const [mail] = await smtp.waitFor((m) => m.to === 'sam@startup.vn' && isReset(m));
    expect(mail.subject).toBe('Reset your Laurel password');
    expect(mail.text).toContain('Hello Sam,');
    const [confirm] = await smtp.waitFor((m) => m.to === 'sam@startup.vn' && !isReset(m));
    expect(confirm.subject).toBe('Confirm your e-mail address on Laurel');
  });

  it('answers an unknown address exactly as a known one, and mails nobody', async () => {
    const before = smtp.mails.length;
    const unknown = await http.post('/api/auth/password-reset', { email: 'nobody@startup.vn' });
    const known = await http.post('/api/auth/password-reset', { email: 'sam@startup.vn' });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    await smtp.waitFor((m) => m.to === 'sam@startup.vn' && isReset(m), 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.mails.slice(before).map((m) => m.to)).toEqual(['sam@startup.vn']);
  });

  it('refuses forged, malformed and expired reset tokens with a clear 4xx and changes nothing', async () => {
    const forged = await http.post('/api/auth/password-reset/confirm', { token: 'x'.repeat(43), password: 'password-forged' });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('auth.reset_invalid');
    const short = await http.post('/api/auth/password-reset/confirm', { token: 'abc', password: 'password-forged' });
    expect(short.status).toBe(400);
    expect(short.body.fields[0].field).toBe('token');
    const malformed = await http.post('/api/auth/password-reset', { email: 'not-an-address' });
    expect(malformed.status).toBe(400);

    await http.post('/api/auth/password-reset', { email: 'sam@startup.vn' });
    const mails = await smtp.waitFor((m) => m.to === 'sam@startup.vn' && isReset(m), 3);
    const token = tokenOf(known(mails[2], 'mails[2]').link);
    await query(api.databaseUrl, `UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`);
    const expired = await http.post('/api/auth/password-reset/confirm', { token, password: 'password-late-1' });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('auth.reset_expired');
    expect((await http.post('/api/auth/login', { email: 'sam@startup.vn', password: 'password-1x' })).status).toBe(200);
  });

  it('changes the password (a new token comes back, older ones end) and signs out everywhere', async () => {
    await http.post('/api/auth/register', { email: 'minh@startup.vn', password: 'password-1m', displayName: 'Minh' });
    const first = await http.login('minh@startup.vn', 'password-1m');
    const second = await http.login('minh@startup.vn', 'password-1m');

    const wrong = await http.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'password-2m' }, first);
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('auth.wrong_password');
    expect(wrong.body.fields).toEqual([{ field: 'currentPassword', code: 'password.not_current', message: 'is not the current password' }]);

    const changed = await http.post('/api/auth/password', { currentPassword: 'password-1m', newPassword: 'password-2m' }, first);
    expect(changed.status).toBe(200);
    expect((await http.get('/api/auth/me', changed.body.accessToken)).status).toBe(200);
    expect((await http.get('/api/auth/me', second)).status).toBe(401);

    const out = await http.post('/api/auth/sign-out-everywhere', {}, changed.body.accessToken);
    expect(out.status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await otherHttp.get('/api/auth/me', changed.body.accessToken)).status).toBe(401);
    expect((await http.post('/api/auth/login', { email: 'minh@startup.vn', password: 'password-2m' })).status).toBe(200);
  });
});

describe('mail without an SMTP server', () => {
  it('captures the message in development: logged with its link on one line, kept in the outbox', async () => {
    const api = await startApi({ LOG_LEVEL: 'info', PUBLIC_URL });
    try {
      const http = new Http(api.url);
      await http.post('/api/auth/register', { email: 'dev@startup.vn', password: 'password-dev', displayName: 'Dev' });
      expect((await http.post('/api/auth/password-reset', { email: 'dev@startup.vn' })).status).toBe(202);
      const deadline = Date.now() + 20_000;
      const resetLine = () =>
        api
          .output()
          .split('\n')
          .find((l) => l.includes('Mail captured') && l.includes('reset-password'));
      while (!resetLine() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      const line = resetLine();
      expect(line).toMatch(/dev@startup\.vn.*Open: http:\/\/laurel\.test\/reset-password#token=[\w-]+/);
      const [row] = await query(api.databaseUrl, `SELECT status, text_body FROM mail_outbox WHERE template = 'password_reset'`);
      expect(row.status).toBe('captured');
      expect(row.text_body).toContain('http://laurel.test/reset-password#token=');
    } finally {
      await api.stop();
    }
  });

  it('marks a message failed after the last try when the SMTP server never answers', async () => {
    const closed = new SmtpSink(PUBLIC_URL);
    await closed.start();
    const port = closed.port;
    await closed.stop();
    const api = await startApi({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_LIMIT: '1', MAIL_RETRY_DELAY_SECONDS: '1', PUBLIC_URL });
    try {
      const http = new Http(api.url);
      await http.post('/api/auth/register', { email: 'lost@startup.vn', password: 'password-lost', displayName: 'Lost' });
      await http.post('/api/auth/password-reset', { email: 'lost@startup.vn' });
      let row: any;
      const deadline = Date.now() + 30_000;
      do {
        await new Promise((r) => setTimeout(r, 500));
        [row] = await query(
          api.databaseUrl,
          `SELECT status, attempts, last_error AS "lastError" FROM mail_outbox WHERE template = 'password_reset'`,
        );
      } while (row?.status !== 'failed' && Date.now() < deadline);
      expect(row).toMatchObject({ status: 'failed', attempts: 2 });
      expect(row.lastError).toMatch(/ECONNREFUSED/);
    } finally {
      await api.stop();
    }
  });

  it('refuses to boot in production without SMTP_URL, naming it', async () => {
    const result = await runNode('dist/apps/api/main.js', [], {
      DATABASE_URL: 'postgres://laurel@127.0.0.1:1/laurel',
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      MAIL_FROM: 'Laurel <no-reply@laurel.test>',
      PUBLIC_URL,
      PORT: '0',
    });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/SMTP_URL: required when NODE_ENV=production/);
  });
});
