import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { acceptInvitationByMail, registerVerified } from './support/mailbox';

const SECRET = { JWT_SECRET: 'admin-users-e2e-secret-admin-users-e2e-0123' };

/** The administrator manages people: every change ends the account's sessions on every process. */
describe('people management by the administrator', () => {
  let first: ApiProcess;
  let second: ApiProcess;
  let http: Http;
  let other: Http;
  let db: Client;
  let admin: string;

  beforeAll(async () => {
    const url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).code).toBe(0);
    first = await startApi(SECRET, url);
    second = await startApi(SECRET, url);
    http = new Http(first.url);
    other = new Http(second.url);
    db = new Client({ connectionString: url });
    await db.connect();
    admin = await http.login('admin@demo.laurel');
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await Promise.all([first?.stop(), second?.stop()]);
  });

  const adminId = async () => (await db.query(`SELECT id FROM users WHERE email = 'admin@demo.laurel'`)).rows[0].id as string;
  const patch = (id: string, body: unknown, token = admin) => http.request('PATCH', `/api/admin/users/${id}`, { body, token });

  it('lists accounts newest first, searches name and address (wildcards match themselves), filters by role and pages', async () => {
    const all = await http.get('/api/admin/users?pageSize=100', admin);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(all.body.items.length);
    expect(all.body.items.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining(['admin@demo.laurel', 'organizer@demo.laurel']),
    );
    expect(all.body.items[0]).toEqual({
      id: expect.any(String),
      email: expect.any(String),
      displayName: expect.any(String),
      roles: expect.any(Array),
      emailVerified: expect.any(Boolean),
      disabled: false,
      createdAt: expect.any(String),
    });

    const judges = await http.get('/api/admin/users?role=judge&pageSize=100', admin);
    expect(judges.body.items.length).toBeGreaterThan(0);
    for (const user of judges.body.items) expect(user.roles).toContain('judge');

    const found = await http.get(`/api/admin/users?q=${encodeURIComponent('ORGANIZER@demo')}`, admin);
    expect(found.body.items.map((u: { email: string }) => u.email)).toEqual(['organizer@demo.laurel']);
    // "%" and "_" are not wildcards: nobody's name or address holds them.
    expect((await http.get(`/api/admin/users?q=${encodeURIComponent('%')}`, admin)).body.total).toBe(0);
    expect((await http.get(`/api/admin/users?q=${encodeURIComponent('_')}`, admin)).body.total).toBe(0);

    const pageOne = await http.get('/api/admin/users?pageSize=2&page=1', admin);
    const pageTwo = await http.get('/api/admin/users?pageSize=2&page=2', admin);
    expect(pageOne.body).toMatchObject({ page: 1, pageSize: 2, total: all.body.total });
    expect(pageOne.body.items.map((u: { id: string }) => u.id)).toEqual(all.body.items.slice(0, 2).map((u: { id: string }) => u.id));
    expect(pageTwo.body.items.map((u: { id: string }) => u.id)).toEqual(all.body.items.slice(2, 4).map((u: { id: string }) => u.id));
    expect((await http.get('/api/admin/users?pageSize=500', admin)).status).toBe(400);
    expect((await http.get('/api/admin/users?role=owner', admin)).status).toBe(400);
  });

  it('grants and revokes the organizer role: older tokens stop on every process within a second, and it is audited', async () => {
    const team = await registerVerified(http, { email: 'team@people.vn', password: 'team-password-1', displayName: 'Team' });
    expect((await other.get('/api/auth/me', team.accessToken)).status).toBe(200);

    const granted = await patch(team.user.id, { roles: ['applicant', 'organizer'] });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ id: team.user.id, roles: ['organizer', 'applicant'], disabled: false });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await other.get('/api/auth/me', team.accessToken)).status).toBe(401);
    const organizer = await other.login('team@people.vn', 'team-password-1');
    expect((await other.get('/api/auth/me', organizer)).body.roles).toEqual(['organizer', 'applicant']);
    expect((await other.get('/api/contests/mine', organizer)).status).not.toBe(403);

    expect((await patch(team.user.id, { roles: ['applicant'] })).body.roles).toEqual(['applicant']);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await other.get('/api/auth/me', organizer)).status).toBe(401);

    const events = await db.query(
      `SELECT actor_id AS "actorId", payload FROM audit_events WHERE action = 'admin.user_changed' AND subject_id = $1 ORDER BY occurred_at`,
      [team.user.id],
    );
    expect(events.rows).toEqual([
      { actorId: await adminId(), payload: { granted: ['organizer'], revoked: [] } },
      { actorId: await adminId(), payload: { granted: [], revoked: ['organizer'] } },
    ]);
  });

  it('grants only organizer and admin, keeps a role, and answers an unknown account 404', async () => {
    const team = await registerVerified(http, { email: 'roles@people.vn', password: 'team-password-1', displayName: 'Roles' });
    const judge = await patch(team.user.id, { roles: ['applicant', 'judge'] });
    expect(judge.status).toBe(422);
    expect(judge.body).toMatchObject({
      code: 'admin.role_not_grantable',
      message: expect.stringMatching(/judge comes from a contest's invitation/),
    });
    expect((await patch(team.user.id, { roles: [] })).body.code).toBe('admin.role_not_grantable');
    expect((await patch(team.user.id, {})).status).toBe(400);
    expect((await patch('00000000-0000-4000-8000-000000000000', { disabled: true })).status).toBe(404);
    expect((await patch('not-a-uuid', { disabled: true })).status).toBe(404);
    const stored = await db.query(`SELECT roles, session_version AS sv FROM users WHERE id = $1`, [team.user.id]);
    expect(stored.rows[0]).toEqual({ roles: ['applicant'], sv: 0 });
  });

  it('disables an account (its sessions end within a second, sign-in refused) and enables it again', async () => {
    const team = await registerVerified(http, { email: 'quiet@people.vn', password: 'team-password-1', displayName: 'Quiet' });
    expect((await patch(team.user.id, { disabled: true })).body.disabled).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await other.get('/api/auth/me', team.accessToken)).status).toBe(401);
    const refused = await other.post('/api/auth/login', { email: 'quiet@people.vn', password: 'team-password-1' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.account_disabled');

    expect((await patch(team.user.id, { disabled: false })).body.disabled).toBe(false);
    expect((await http.post('/api/auth/login', { email: 'quiet@people.vn', password: 'team-password-1' })).status).toBe(200);
  });

  it('invites an organizer by mail: the answer has no token, the mail is in the language asked for, accepting grants the role', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM invitations`)).rows[0].n;
    const invited = await http.post(
      '/api/admin/invitations',
      { email: 'Ban.ToChuc@Techfest.vn', displayName: 'Ban tổ chức', role: 'organizer', language: 'en' },
      admin,
    );
    expect(invited.status).toBe(202);
    expect(invited.body).toEqual({ invitationId: expect.any(String), status: 'pending' });
    expect((await db.query(`SELECT count(*)::int AS n FROM invitations`)).rows[0].n).toBe(before + 1);
    const mail = await db.query(
      `SELECT subject FROM mail_outbox WHERE template = 'account_invitation' AND lower(to_address) = 'ban.tochuc@techfest.vn'`,
    );
    expect(mail.rows).toEqual([{ subject: 'You are invited to be an organizer on Laurel' }]);
    const accepted = await acceptInvitationByMail(http, 'Ban.ToChuc@Techfest.vn', {
      template: 'account_invitation',
      password: 'organizer-pass-1',
    });
    expect(accepted.user.roles).toEqual(['organizer']);
    const again = await http.post(
      '/api/admin/invitations',
      { email: 'ban.tochuc@techfest.vn', displayName: 'Ban tổ chức', role: 'organizer' },
      admin,
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invitation.has_role');
    const bad = await http.post('/api/admin/invitations', { email: 'not-an-address', displayName: 'X', role: 'judge' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'role']);
  });

  it('never leaves the platform without an enabled administrator, and an administrator cannot disable themselves', async () => {
    const me = await adminId();
    const self = await patch(me, { disabled: true });
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('admin.disable_self');
    const last = await patch(me, { roles: ['organizer'] });
    expect(last.status).toBe(422);
    expect(last.body).toMatchObject({
      code: 'admin.last_admin',
      message: expect.stringMatching(/Invite or appoint another administrator first/),
    });

    // A second administrator, invited by mail: it arrives with a link, never in the answer.
    const invited = await http.post(
      '/api/admin/invitations',
      { email: 'second.admin@people.vn', displayName: 'Second admin', role: 'admin' },
      admin,
    );
    expect(invited.status).toBe(202);
    expect(invited.body).toEqual({ invitationId: expect.any(String), status: 'pending' });
    const accepted = await acceptInvitationByMail(http, 'second.admin@people.vn', {
      template: 'account_invitation',
      password: 'second-admin-pass',
    });
    expect(accepted.user.roles).toEqual(['admin']);
    const secondId = accepted.user.id;

    // Two administrators revoking each other at once: exactly one of them succeeds.
    const [a, b] = await Promise.all([
      patch(secondId, { roles: ['organizer'] }),
      patch(me, { roles: ['organizer'] }, accepted.accessToken),
    ]);
    // The loser is refused as the last administrator, or (when the winner committed before its
    // token was even checked) as a session that ended with its role.
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(won.status).toBe(200);
    expect([422, 401]).toContain(lost.status);
    expect(lost.body.code).toMatch(/^(admin\.last_admin|auth\.session_ended)$/);
    const admins = await db.query(`SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY(roles) AND disabled_at IS NULL`);
    expect(admins.rows[0].n).toBe(1);
  });
});

describe('the first administrator, from the command line', () => {
  it('mails an invitation (and prints the link where mail is only captured); accepting it makes an administrator', async () => {
    const url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['migrate'], { DATABASE_URL: url })).code).toBe(0);
    const env = { DATABASE_URL: url, LAUREL_DATA_DIR: mkdtempSync(join(tmpdir(), 'laurel-cli-')), PUBLIC_URL: 'http://laurel.test' };
    const refused = await runNode('dist/apps/api/cli.js', ['invite-admin', 'nobody'], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/invite-admin needs the address to invite.*"nobody" is not an e-mail address/);

    const run = await runNode('dist/apps/api/cli.js', ['invite-admin', 'it@techfest.vn', 'Phòng CNTT'], env);
    expect(run.code).toBe(0);
    expect(run.output).toContain('An invitation to become an administrator of Laurel is mailed to it@techfest.vn');
    const link = /Open: (http:\/\/laurel\.test\/invitations\/accept#token=[\w-]+)/.exec(run.output)?.[1];
    expect(link).toBeDefined();

    const api = await startApi({ PUBLIC_URL: 'http://laurel.test' }, url);
    try {
      const http = new Http(api.url);
      const token = decodeURIComponent(/#token=(.+)$/.exec(link as string)?.[1] ?? '');
      const preview = await http.get(`/api/invitations/by-token/${encodeURIComponent(token)}`);
      expect(preview.body).toMatchObject({ kind: 'admin', displayName: 'Phòng CNTT', accountExists: false });
      const accepted = await http.post('/api/invitations/accept', { token, password: 'first-admin-pass' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.user).toMatchObject({ email: 'it@techfest.vn', roles: ['admin'], emailVerified: true });
      expect((await http.get('/api/admin/users', accepted.body.accessToken)).status).toBe(200);
    } finally {
      await api.stop();
    }
  });
});
