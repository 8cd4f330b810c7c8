import { Client } from 'pg';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { createJudgingContest } from './support/judging-fixtures';
import { SmtpSink } from './support/smtp-sink';

const PUBLIC_URL = 'http://laurel.test';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tokenOf(link: string | null): string {
  const token = /#token=([^\s]+)/.exec(link ?? '')?.[1];
  if (token === undefined) throw new Error(`no token in link ${link}`);
  return decodeURIComponent(token);
}

/**
 * Judge invitations travel only by mail and are accepted by the mailbox holder. The first two
 * tests are the two ways a judge's seat could be taken over before (issue 10); both fail on the
 * code that linked accounts silently and handed the organizer a token.
 */
describe('invitations by mail', () => {
  const smtp = new SmtpSink(PUBLIC_URL);
  let api: ApiProcess;
  let http: Http;
  let db: Client;
  let organizer: string;
  let demoContestId: string;

  /** The count-th invitation mailed to the address (signing up mails a confirmation link to it too). */
  const mailTo = (address: string, count = 1) =>
    smtp.waitForNth((m) => m.to.toLowerCase() === address.toLowerCase() && !!m.link?.includes('/invitations/accept#'), count);

  beforeAll(async () => {
    await smtp.start();
    const url = await createDatabase();
    const seeded = await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url });
    if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.output}`);
    api = await startApi({ SMTP_URL: smtp.url, MAIL_FROM: 'Laurel <no-reply@laurel.test>', PUBLIC_URL }, url);
    http = new Http(api.url);
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    organizer = await http.login('organizer@demo.laurel');
    demoContestId = (await http.get('/api/contests/startup-talent-2026')).body.id;
  }, 60_000);
  afterAll(async () => {
    await db?.end();
    await api?.stop();
    await smtp.stop();
  });

  it('takeover 1: an address registered ahead by someone else gets no judge seat; the mailbox holder takes the account over', async () => {
    await http.post('/api/auth/register', { email: 'hoa.judge@uni.vn', password: 'impostor-pass-1', displayName: 'Impostor' });
    const impostor = await http.login('hoa.judge@uni.vn', 'impostor-pass-1');

    const invited = await http.post(
      `/api/contests/${demoContestId}/judges`,
      { email: 'hoa.judge@uni.vn', displayName: 'PGS. Lê Thị Hoa' },
      organizer,
    );
    expect(invited.status).toBe(202);
    expect(invited.body).toEqual({ invitationId: expect.any(String), status: 'pending' });

    // Nothing was linked: the impostor is no judge, sees no assignment, is not on the panel.
    const me = await http.get('/api/auth/me', impostor);
    expect(me.body.roles).toEqual(['applicant']);
    expect((await http.get('/api/me/assignments', impostor)).body).toEqual([]);
    const panel = (await http.get(`/api/contests/${demoContestId}/judges`, organizer)).body;
    expect(panel.find((j: { email: string }) => j.email === 'hoa.judge@uni.vn')).toMatchObject({
      judgeId: null,
      status: 'pending',
      accepted: false,
    });

    // The real holder of the mailbox opens the invitation and chooses a password.
    const mail = await mailTo('hoa.judge@uni.vn');
    expect(mail.subject).toBe('Lời mời tham gia Hội đồng giám khảo: Tìm kiếm tài năng khởi nghiệp đổi mới sáng tạo 2026');
    expect(mail.link).toMatch(/^http:\/\/laurel\.test\/invitations\/accept#token=/);
    const token = tokenOf(mail.link);
    const preview = await http.get(`/api/invitations/by-token/${token}`);
    expect(preview.body).toMatchObject({ kind: 'judge', displayName: 'PGS. Lê Thị Hoa', email: 'hoa.judge@uni.vn', accountExists: false });
    const accepted = await http.post('/api/invitations/accept', { token, password: 'real-judge-pass-1' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email: 'hoa.judge@uni.vn', emailVerified: true });
    expect(accepted.body.user.roles.sort()).toEqual(['applicant', 'judge']);

    // The impostor's session and password are gone (within the 1 s session check).
    await pause(1100);
    expect((await http.get('/api/auth/me', impostor)).status).toBe(401);
    expect((await http.post('/api/auth/login', { email: 'hoa.judge@uni.vn', password: 'impostor-pass-1' })).status).toBe(401);
    const after = (await http.get(`/api/contests/${demoContestId}/judges`, organizer)).body;
    expect(after.find((j: { email: string }) => j.email === 'hoa.judge@uni.vn')).toMatchObject({
      status: 'accepted',
      accepted: true,
      mail: 'sent',
    });
  });

  it("takeover 2: another contest's organizer inviting the same judge touches nothing of the first contest, and learns no token", async () => {
    await http.post(`/api/contests/${demoContestId}/judges`, { email: 'minh.judge@uni.vn', displayName: 'TS. Phạm Minh' }, organizer);
    const firstMail = await mailTo('minh.judge@uni.vn');

    await http.post('/api/auth/register', { email: 'rival.organizer@b.vn', password: 'password-rival', displayName: 'Rival' });
    await db.query(`UPDATE users SET roles = '{organizer}', email_verified_at = now() WHERE email = 'rival.organizer@b.vn'`);
    const rival = await http.login('rival.organizer@b.vn', 'password-rival');
    const contestB = await createJudgingContest(http, rival, { rounds: [{ name: 'Screening' }], status: 'open' });
    const invitedB = await http.post(`/api/contests/${contestB.id}/judges`, { email: 'minh.judge@uni.vn', displayName: 'Minh' }, rival);
    expect(invitedB.status).toBe(202);
    expect(invitedB.body).toEqual({ invitationId: expect.any(String), status: 'pending' });
    expect(JSON.stringify(invitedB.body)).not.toMatch(/token|user|password/i);

    // Contest A's link still works and puts the judge on A's panel only.
    const accepted = await http.post('/api/invitations/accept', { token: tokenOf(firstMail.link), password: 'minh-judge-pass' });
    expect(accepted.status).toBe(200);
    const panelA = (await http.get(`/api/contests/${demoContestId}/judges`, organizer)).body;
    expect(panelA.find((j: { email: string }) => j.email === 'minh.judge@uni.vn')).toMatchObject({ status: 'accepted' });
    const panelB = (await http.get(`/api/contests/${contestB.id}/judges`, rival)).body;
    expect(panelB).toEqual([expect.objectContaining({ email: 'minh.judge@uni.vn', status: 'pending', judgeId: null })]);

    // B's invitation, mailed to the same person, asks them to sign in (their account is verified now).
    const secondMail = await mailTo('minh.judge@uni.vn', 2);
    const tokenB = tokenOf(secondMail.link);
    const anonymous = await http.post('/api/invitations/accept', { token: tokenB, password: 'rival-chosen-pass' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('invitation.sign_in');
    const asRival = await http.post('/api/invitations/accept', { token: tokenB }, rival);
    expect(asRival.status).toBe(403);
    expect(asRival.body.code).toBe('invitation.other_account');
    expect((await http.post('/api/auth/login', { email: 'minh.judge@uni.vn', password: 'rival-chosen-pass' })).status).toBe(401);
    const minh = await http.login('minh.judge@uni.vn', 'minh-judge-pass');
    const joined = await http.post('/api/invitations/accept', { token: tokenB }, minh);
    expect(joined.status).toBe(200);
  });

  it('resends with a new link (the old one stops working); refuses used, expired and forged links', async () => {
    await http.post(`/api/contests/${demoContestId}/judges`, { email: 'lan.judge@uni.vn', displayName: 'ThS. Lan' }, organizer);
    const first = await mailTo('lan.judge@uni.vn');
    const panel = (await http.get(`/api/contests/${demoContestId}/judges`, organizer)).body;
    const invitationId = panel.find((j: { email: string }) => j.email === 'lan.judge@uni.vn').invitationId;
    expect((await http.post(`/api/invitations/${invitationId}/resend`, {}, organizer)).status).toBe(202);
    const second = await mailTo('lan.judge@uni.vn', 2);
    expect(tokenOf(second.link)).not.toBe(tokenOf(first.link));

    const old = await http.post('/api/invitations/accept', { token: tokenOf(first.link), password: 'lan-judge-pass' });
    expect(old.status).toBe(400);
    expect(old.body.code).toBe('invitation.invalid');
    const weak = await http.post('/api/invitations/accept', { token: tokenOf(second.link), password: 'lan.judge@uni.vn' });
    expect(weak.status).toBe(400);
    const missing = await http.post('/api/invitations/accept', { token: tokenOf(second.link) });
    expect(missing.body.code).toBe('invitation.password_required');
    expect((await http.post('/api/invitations/accept', { token: tokenOf(second.link), password: 'lan-judge-pass' })).status).toBe(200);
    const reused = await http.post('/api/invitations/accept', { token: tokenOf(second.link), password: 'lan-judge-pass' });
    expect(reused.status).toBe(410);
    expect(reused.body.code).toBe('invitation.used');
    expect((await http.post(`/api/invitations/${invitationId}/resend`, {}, organizer)).status).toBe(409);

    await http.post(`/api/contests/${demoContestId}/judges`, { email: 'late.judge@uni.vn', displayName: 'Late' }, organizer);
    const late = await mailTo('late.judge@uni.vn');
    await db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = 'late.judge@uni.vn'`);
    const expired = await http.post('/api/invitations/accept', { token: tokenOf(late.link), password: 'late-judge-pass' });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('invitation.expired');
    expect(
      (await http.get(`/api/contests/${demoContestId}/judges`, organizer)).body.find(
        (j: { email: string }) => j.email === 'late.judge@uni.vn',
      ).status,
    ).toBe('expired');

    const forged = await http.post('/api/invitations/accept', { token: 'f'.repeat(43), password: 'forged-pass-1' });
    expect(forged.status).toBe(400);
    expect((await http.get(`/api/invitations/by-token/${'f'.repeat(43)}`)).status).toBe(400);
    // Only hashes are stored.
    const stored = (await db.query(`SELECT token_hash FROM invitations`)).rows.map((r) => r.token_hash).join(' ');
    expect(stored).not.toContain(tokenOf(second.link));
  });

  it('shows the outbox to the admin only', async () => {
    const admin = await http.login('admin@demo.laurel');
    const page = await http.get('/api/admin/mail?to=uni.vn&pageSize=50', admin);
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThanOrEqual(6);
    expect(page.body.items[0]).toMatchObject({
      template: expect.any(String),
      status: expect.stringMatching(/queued|sent/),
      attempts: expect.any(Number),
    });
    // Sent mail keeps no text: it held single-use links.
    expect(page.body.items.filter((m: { status: string }) => m.status === 'sent').every((m: { text: unknown }) => m.text === null)).toBe(
      true,
    );
    expect((await http.get('/api/admin/mail', organizer)).status).toBe(403);
    expect((await http.get('/api/admin/mail?status=nonsense', admin)).status).toBe(400);
  });
});
