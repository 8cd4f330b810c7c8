import { Client } from 'pg';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { SmtpSink } from './support/smtp-sink';

const PUBLIC_URL = 'http://laurel.test';

/**
 * What a person sets about their own mail (the language, PATCH /api/auth/me) and what the admin
 * does with mail that could not be delivered: sees the failure with its error, and sends it again.
 */
describe('the mail language of an account and the admin’s retry', () => {
  const smtp = new SmtpSink(PUBLIC_URL);
  let api: ApiProcess;
  let http: Http;
  let db: Client;
  let admin: string;

  beforeAll(async () => {
    await smtp.start();
    const url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).code).toBe(0);
    // One attempt only, so a message fails for good while the SMTP server is away.
    api = await startApi(
      { SMTP_URL: smtp.url, MAIL_FROM: 'Laurel <no-reply@laurel.test>', PUBLIC_URL, MAIL_RETRY_LIMIT: '0', MAIL_RETRY_DELAY_SECONDS: '1' },
      url,
    );
    http = new Http(api.url);
    db = new Client({ connectionString: url });
    await db.connect();
    admin = await http.login('admin@demo.laurel');
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await api?.stop();
    await smtp.stop();
  });

  it('writes the next mail in the language the person chose, and keeps the name they gave', async () => {
    await http.post('/api/auth/register', { email: 'mai@startup.vn', password: 'password-mai-1', displayName: 'Mai', language: 'vi' });
    const token = await http.login('mai@startup.vn', 'password-mai-1');

    const changed = await http.request('PATCH', '/api/auth/me', { body: { language: 'en', displayName: '  Mai Nguyễn  ' }, token });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ email: 'mai@startup.vn', displayName: 'Mai Nguyễn', language: 'en' });
    expect((await http.get('/api/auth/me', token)).body).toMatchObject({ displayName: 'Mai Nguyễn', language: 'en' });
    const audit = await db.query(`SELECT payload FROM audit_events WHERE action = 'auth.profile_updated'`);
    expect(audit.rows.map((r) => r.payload.fields)).toEqual([['displayName', 'language']]);

    await http.post('/api/auth/password-reset', { email: 'mai@startup.vn' });
    // The reset mail, not the confirmation link signing up sent first (in the language of then).
    const [mail] = await smtp.waitFor((m) => m.to === 'mai@startup.vn' && !!m.link?.includes('/reset-password#'));
    expect(mail.subject).toBe('Reset your Laurel password');
    expect(mail.text).toContain('Hello Mai Nguyễn,');
  });

  it('refuses a language it cannot write or an empty name, naming the field, and changes nothing', async () => {
    const token = await http.login('mai@startup.vn', 'password-mai-1');
    for (const [body, field] of [
      [{ language: 'fr' }, 'language'],
      [{ language: null }, 'language'],
      [{ displayName: '   ' }, 'displayName'],
      [{ displayName: 'x'.repeat(121) }, 'displayName'],
      [{ email: 'other@startup.vn' }, 'email'],
    ] as const) {
      const refused = await http.request('PATCH', '/api/auth/me', { body, token });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.fields ?? refused.body.message)).toContain(field);
    }
    expect((await http.get('/api/auth/me', token)).body).toMatchObject({
      email: 'mai@startup.vn',
      displayName: 'Mai Nguyễn',
      language: 'en',
    });
    expect((await http.request('PATCH', '/api/auth/me', { body: { language: 'vi' } })).status).toBe(401);
  });

  it('shows a message that failed for good with its error, and the admin sends it again once SMTP is back', async () => {
    await smtp.stop();
    await http.post('/api/auth/password-reset', { email: 'mai@startup.vn' });
    let failed: any;
    for (let i = 0; i < 60 && !failed; i++) {
      const page = await http.get('/api/admin/mail?status=failed&to=mai@startup.vn', admin);
      failed = page.body.items[0];
      if (!failed) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(failed).toMatchObject({ to: 'mai@startup.vn', template: 'password_reset', status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    // Nobody but the admin may send it again; an unknown id is a 404; a message that did not fail, a 409.
    const organizer = await http.login('organizer@demo.laurel');
    expect((await http.post(`/api/admin/mail/${failed.id}/retry`, {}, organizer)).status).toBe(403);
    const unknown = await http.post('/api/admin/mail/00000000-0000-4000-8000-000000000000/retry', {}, admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('mail.not_found');
    expect((await http.post('/api/admin/mail/not-an-id/retry', {}, admin)).status).toBe(404);
    const [sent] = (await http.get('/api/admin/mail?status=sent&to=mai@startup.vn', admin)).body.items;
    const notFailed = await http.post(`/api/admin/mail/${sent.id}/retry`, {}, admin);
    expect(notFailed.status).toBe(409);
    expect(notFailed.body.code).toBe('mail.not_failed');

    await smtp.start();
    const before = smtp.to('mai@startup.vn').length;
    expect((await http.post(`/api/admin/mail/${failed.id}/retry`, {}, admin)).status).toBe(202);
    // Once: a second click while it waits is refused.
    expect((await http.post(`/api/admin/mail/${failed.id}/retry`, {}, admin)).status).toBe(409);
    const mails = await smtp.waitFor((m) => m.to === 'mai@startup.vn', before + 1);
    expect(mails[before]?.subject).toBe('Reset your Laurel password');
    expect(mails[before]?.link).toMatch(/\/reset-password#token=/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.to('mai@startup.vn')).toHaveLength(before + 1);
    const row = (await http.get(`/api/admin/mail?to=mai@startup.vn`, admin)).body.items.find((m: any) => m.id === failed.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, text: null });
    const audit = await db.query(`SELECT actor_id FROM audit_events WHERE action = 'mail.retried' AND subject_id = $1`, [failed.id]);
    expect(audit.rows).toHaveLength(1);
  });
});
