import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { known } from '@laurel/domain';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { type BuiltContest, type BuiltJudge, ResultsFixture } from './support/results-fixtures';
import { registerVerifiedFromSink } from './support/mailbox';
import { SmtpSink } from './support/smtp-sink';

const PUBLIC_URL = 'http://laurel.test';
const HOUR = 3_600_000;

/**
 * The mails a contest sends on its way, read from a real SMTP server: the receipt of a submitted
 * entry, the screening outcome, "round opened" to each judge with assignments, the reminder to
 * judges still owing sheets (once, re-planned when the deadline moves, never to a judge who has
 * finished), and the results to every applicant. Each in its recipient's language.
 */
describe('a contest mails the people in it', () => {
  const smtp = new SmtpSink(PUBLIC_URL);
  let api: ApiProcess;
  let http: Http;
  let db: Client;
  let organizer: string;
  let fixture: ResultsFixture;
  let contest: BuiltContest;
  const applicants = {
    en: { email: `ana-${randomBytes(3).toString('hex')}@startup.vn`, token: '', entryId: '', code: '' },
    vi: { email: `binh-${randomBytes(3).toString('hex')}@startup.vn`, token: '', entryId: '', code: '' },
  };
  let judges: [BuiltJudge, BuiltJudge];

  const acceptFromSink = async (email: string) => {
    const [mail] = await smtp.waitFor((m) => m.to === email && m.link?.includes('/invitations/accept') === true);
    const token = decodeURIComponent(/#token=([^\s&]+)/.exec(mail.link ?? '')?.[1] ?? '');
    const accepted = await http.post('/api/invitations/accept', { token, password: 'judge-password-1' });
    if (accepted.status !== 200) throw new Error(`accept ${email}: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    return accepted.body;
  };

  /** A mail of the contest, not the confirmation link every new account gets first. */
  const ofContest = (mail: { link: string | null }) => !mail.link?.includes('/verify-email#');

  const roundRow = async (roundId: string) =>
    (await db.query(`SELECT reminder_job_id AS "jobId", scores_due_at AS "dueAt" FROM rounds WHERE id = $1`, [roundId])).rows[0];
  const jobState = async (jobId: string) =>
    (await db.query(`SELECT state, start_after AS "startAfter" FROM pgboss.job WHERE id = $1`, [jobId])).rows[0];

  beforeAll(async () => {
    await smtp.start();
    const url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).code).toBe(0);
    api = await startApi(
      { SMTP_URL: smtp.url, MAIL_FROM: 'Laurel <no-reply@laurel.test>', PUBLIC_URL, MAIL_RETRY_DELAY_SECONDS: '1' },
      url,
    );
    http = new Http(api.url);
    db = new Client({ connectionString: url });
    await db.connect();
    organizer = await http.login('organizer@demo.laurel');
    fixture = new ResultsFixture(http, organizer, acceptFromSink, registerVerifiedFromSink(http, smtp));
    contest = await fixture.contest({
      name: 'Khởi nghiệp xanh',
      categories: ['Doanh nghiệp'],
      prizes: [{ tier: 'first', count: 1 }],
      rounds: [{ name: 'Chung khảo', order: 1, criteria: [{ name: 'Overall', weight: 1, maxScore: 10 }] }],
    });
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await api?.stop();
    await smtp.stop();
  });

  it('sends each team the receipt of its submitted entry with the code, in the team’s language', async () => {
    for (const [language, who] of Object.entries(applicants)) {
      const registered = await http.post('/api/auth/register', {
        email: who.email,
        password: 'team-password-1',
        displayName: `Team ${language}`,
        language,
      });
      expect(registered.status).toBe(202);
      // The team proves its mailbox first: submitting waits for it.
      const [confirm] = await smtp.waitFor((m) => m.to === who.email && !ofContest(m));
      const verified = await http.post('/api/auth/verify-email', {
        token: decodeURIComponent(/#token=([^\s&]+)/.exec(confirm.link ?? '')?.[1] ?? ''),
      });
      expect(verified.status).toBe(200);
      who.token = verified.body.accessToken;
      const draft = await http.post(
        `/api/contests/${contest.id}/entries`,
        {
          title: `Dự án ${language}`,
          teamName: `Team ${language}`,
          summary: 'Tóm tắt',
          problem: 'Vấn đề',
          solution: 'Giải pháp',
          market: 'Thị trường',
          businessModel: 'Mô hình',
          categoryId: contest.categories.get('Doanh nghiệp'),
          members: [{ name: 'Nguyễn Văn A', role: 'CEO' }],
        },
        who.token,
      );
      expect(draft.status).toBe(201);
      who.entryId = draft.body.id;
      // Nothing is mailed for a draft.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smtp.to(who.email).filter(ofContest)).toHaveLength(0);
      const submitted = await http.post(`/api/entries/${who.entryId}/submit`, {}, who.token);
      expect(submitted.status).toBe(200);
      who.code = submitted.body.code;
    }
    const [en] = await smtp.waitFor((m) => m.to === applicants.en.email && ofContest(m));
    expect(en.subject).toBe(`Entry ${applicants.en.code} received: Dự án en`);
    expect(en.text).toContain('Hello Team en,');
    expect(en.text).toContain(`Its code is ${applicants.en.code}.`);
    expect(en.link).toBe(`${PUBLIC_URL}/my-entries/${applicants.en.entryId}`);
    const [vi] = await smtp.waitFor((m) => m.to === applicants.vi.email && ofContest(m));
    expect(vi.subject).toBe(`Đã nhận hồ sơ ${applicants.vi.code}: Dự án vi`);
    expect(vi.text).toContain(`Mã hồ sơ: ${applicants.vi.code}.`);
    expect(vi.html).toContain(`href="${PUBLIC_URL}/my-entries/${applicants.vi.entryId}"`);
  });

  it('tells each team the screening outcome with the organizer’s reason', async () => {
    await fixture.eligibility(applicants.en.entryId, true);
    await fixture.eligibility(applicants.vi.entryId, false, 'Doanh nghiệp thành lập quá 5 năm');
    const en = await smtp.waitForNth((m) => m.to === applicants.en.email && ofContest(m), 2);
    expect(en.subject).toBe('Entry "Dự án en" is eligible');
    expect(en.text).toContain('confirm that "Dự án en" is eligible and will be judged');
    const vi = await smtp.waitForNth((m) => m.to === applicants.vi.email && ofContest(m), 2);
    expect(vi.subject).toBe('Hồ sơ "Dự án vi" chưa đủ điều kiện dự thi');
    expect(vi.text).toContain('Lý do: Doanh nghiệp thành lập quá 5 năm');
    expect(vi.link).toBe(`${PUBLIC_URL}/my-entries/${applicants.vi.entryId}`);
  });

  it('mails "round opened" to each judge once they hold entries of the round, with the deadline', async () => {
    await fixture.status(contest.id, 'closed');
    await fixture.status(contest.id, 'judging');
    judges = [await fixture.judge(contest.id, 'Giám khảo Một'), await fixture.judge(contest.id, 'Giám khảo Hai')];
    const [round] = contest.rounds;
    const due = new Date(Date.now() + 72 * HOUR);
    const patched = await http.request('PATCH', `/api/rounds/${round.id}`, {
      body: { scoresDueAt: due.toISOString(), reminderHoursBefore: 24 },
      token: organizer,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ scoresDueAt: due.toISOString(), reminderHoursBefore: 24 });
    // A draft round plans no reminder yet.
    expect((await roundRow(round.id)).jobId).toBeNull();

    expect((await http.post(`/api/rounds/${round.id}/open`, {}, organizer)).status).toBe(200);
    // Opening assigns nobody, so nobody is mailed until the assignment.
    await new Promise((resolve) => setTimeout(resolve, 800));
    for (const judge of judges) expect(smtp.to(judge.email).filter((m) => m.subject.includes('Chung khảo'))).toHaveLength(0);
    expect((await http.post(`/api/rounds/${round.id}/assignments/auto`, {}, organizer)).status).toBeLessThan(300);
    for (const judge of judges) {
      const [mail] = await smtp.waitFor((m) => m.to === judge.email && m.subject.startsWith('Vòng "Chung khảo"'));
      expect(mail.subject).toBe('Vòng "Chung khảo" đã mở chấm: Khởi nghiệp xanh');
      expect(mail.text).toContain('Bạn được phân công chấm 1 hồ sơ.');
      expect(mail.text).toContain('Hạn nộp phiếu chấm:');
      expect(mail.link).toBe(`${PUBLIC_URL}/judging`);
    }
    // The reminder is planned 24 h before the deadline: 48 h from now.
    const { jobId } = await roundRow(round.id);
    expect(jobId).not.toBeNull();
    const job = await jobState(jobId);
    expect(job.state).toBe('created');
    expect(Math.abs(new Date(job.startAfter).getTime() - (due.getTime() - 24 * HOUR))).toBeLessThan(5_000);
  });

  it('re-plans the reminder when the deadline moves and sends it once, only to judges still owing sheets', async () => {
    const [round] = contest.rounds;
    const before = (await roundRow(round.id)).jobId;
    // The second judge finishes; the first does not.
    await fixture.score(judges[1], round, applicants.en.entryId, { Overall: 7 });

    const due = new Date(Date.now() + 2 * HOUR);
    const moved = await http.request('PATCH', `/api/rounds/${round.id}`, { body: { scoresDueAt: due.toISOString() }, token: organizer });
    expect(moved.status).toBe(200);
    // The old job is cancelled; the new one (due in 2 h, 24 h ahead) goes at once.
    expect((await jobState(before)).state).toBe('cancelled');

    const [reminder] = await smtp.waitFor((m) => m.to === judges[0].email && m.subject.startsWith('Nhắc nhở'));
    expect(reminder.subject).toBe('Nhắc nhở: còn 1 phiếu chấm chưa nộp – Chung khảo');
    expect(reminder.text).toContain('Bạn còn 1 phiếu chấm chưa nộp ở vòng "Chung khảo" của cuộc thi "Khởi nghiệp xanh".');
    expect(reminder.link).toBe(`${PUBLIC_URL}/judging`);
    // Sent: the round no longer holds a planned job; nothing more arrives, and nothing for the judge who finished.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await roundRow(round.id)).jobId).toBeNull();
    expect(smtp.mails.filter((m) => m.subject.startsWith('Nhắc nhở'))).toHaveLength(1);
    expect(smtp.to(judges[1].email).filter((m) => m.subject.startsWith('Nhắc nhở'))).toHaveLength(0);
  });

  it('cancels a planned reminder when the round closes', async () => {
    const [round] = contest.rounds;
    const far = await http.request('PATCH', `/api/rounds/${round.id}`, {
      body: { scoresDueAt: new Date(Date.now() + 96 * HOUR).toISOString(), reminderHoursBefore: 48 },
      token: organizer,
    });
    expect(far.status).toBe(200);
    const { jobId } = await roundRow(round.id);
    expect((await jobState(jobId)).state).toBe('created');
    await fixture.score(judges[0], round, applicants.en.entryId, { Overall: 9 });
    await fixture.closeRound(round.id);
    expect((await jobState(jobId)).state).toBe('cancelled');
    expect((await roundRow(round.id)).jobId).toBeNull();
    // A closed round's deadline is history.
    const late = await http.request('PATCH', `/api/rounds/${round.id}`, {
      body: { scoresDueAt: new Date(Date.now() + HOUR).toISOString() },
      token: organizer,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('round.field_locked');
  });

  it('refuses a deadline or lead time it cannot use, naming the field, and changes nothing', async () => {
    const [round] = contest.rounds;
    const before = await roundRow(round.id);
    for (const [body, field] of [
      [{ scoresDueAt: 'next Friday' }, 'scoresDueAt'],
      [{ scoresDueAt: 1_700_000_000 }, 'scoresDueAt'],
      [{ reminderHoursBefore: 1000 }, 'reminderHoursBefore'],
      [{ reminderHoursBefore: -1 }, 'reminderHoursBefore'],
      [{ reminderHoursBefore: 2.5 }, 'reminderHoursBefore'],
      [{ reminderHoursBefore: null }, 'reminderHoursBefore'],
    ] as const) {
      const refused = await http.request('PATCH', `/api/rounds/${round.id}`, { body, token: organizer });
      expect(refused.status).toBe(400);
      expect(refused.body.fields.map((f: any) => f.field)).toContain(field);
    }
    expect(await roundRow(round.id)).toEqual(before);
  });

  it('tells every applicant the results once published: the prize, or thanks, and the feedback link', async () => {
    const proposal = await http.get(`/api/contests/${contest.id}/awards/proposal`, organizer);
    const awards = proposal.body.lines.filter((l: any) => l.entryId).map((l: any) => ({ tier: l.tier, entryId: l.entryId }));
    expect(awards).toEqual([{ tier: 'first', entryId: applicants.en.entryId }]);
    expect((await http.post(`/api/contests/${contest.id}/awards`, { awards }, organizer)).status).toBe(200);
    // The council (the final round's two judges) is asked to approve, each with a link to its page.
    for (const judge of judges) {
      const [ask] = await smtp.waitFor((m) => m.to === judge.email && m.subject.startsWith('Đề nghị phê duyệt'));
      expect(ask.subject).toBe('Đề nghị phê duyệt danh sách giải thưởng: Khởi nghiệp xanh');
      expect(ask.link).toBe(`${PUBLIC_URL}/council/${contest.id}`);
    }
    await fixture.approve(contest.id, judges);
    expect((await http.post(`/api/contests/${contest.id}/publish`, {}, organizer)).status).toBe(200);

    const [en] = await smtp.waitFor((m) => m.to === applicants.en.email && m.subject.startsWith('The results'));
    expect(en.subject).toBe('The results of Khởi nghiệp xanh are published');
    expect(en.text).toContain('Congratulations! "Dự án en" won the First prize.');
    expect(en.text).toContain(`Public results: ${PUBLIC_URL}/results/${contest.slug}`);
    expect(en.link).toBe(`${PUBLIC_URL}/results/${contest.slug}`);
    expect(en.html).toContain(`href="${PUBLIC_URL}/my-entries/${applicants.en.entryId}/feedback"`);
    const [vi] = await smtp.waitFor((m) => m.to === applicants.vi.email && m.subject.startsWith('Kết quả'));
    expect(vi.text).toContain('Cảm ơn bạn đã tham gia cuộc thi với hồ sơ "Dự án vi".');
    expect(vi.html).toContain(`href="${PUBLIC_URL}/my-entries/${applicants.vi.entryId}/feedback"`);
    const audit = await db.query(`SELECT payload FROM audit_events WHERE contest_id = $1 AND action = 'contest.published'`, [contest.id]);
    expect(audit.rows[0].payload.applicantsMailed).toBe(2);
  });

  it('mails the judge divergence review adds to an entry, with the round’s deadline', async () => {
    const other = await fixture.contest({
      name: 'Chấm lệch',
      categories: ['Chung'],
      prizes: [{ tier: 'first', count: 1 }],
      rounds: [
        {
          name: 'Sơ khảo',
          order: 1,
          panel: 'assigned',
          judgesPerEntry: 2,
          divergenceThreshold: 20,
          criteria: [{ name: 'Overall', weight: 1, maxScore: 10 }],
        },
      ],
    });
    const entry = await fixture.entry(other, { title: 'Dự án lệch điểm', teamName: 'Lệch', category: 'Chung' });
    await fixture.eligibility(entry.id, true);
    await fixture.status(other.id, 'closed');
    await fixture.status(other.id, 'judging');
    const panel = [
      await fixture.judge(other.id, 'Giám khảo A'),
      await fixture.judge(other.id, 'Giám khảo B'),
      await fixture.judge(other.id, 'Giám khảo C'),
    ];
    const [round] = other.rounds;
    const due = new Date(Date.now() + 72 * HOUR).toISOString();
    expect((await http.request('PATCH', `/api/rounds/${round.id}`, { body: { scoresDueAt: due }, token: organizer })).status).toBe(200);
    await fixture.openRound(round.id);
    const assigned: BuiltJudge[] = [];
    for (const judge of panel)
      if ((await http.get('/api/me/assignments', judge.token)).body.some((a: any) => a.roundId === round.id)) assigned.push(judge);
    expect(assigned).toHaveLength(2);
    // 90 and 10 points apart by 80 ≥ 20: the third judge is assigned and mailed.
    await fixture.score(known(assigned[0], 'assigned[0]'), round, entry.id, { Overall: 9 });
    await fixture.score(known(assigned[1], 'assigned[1]'), round, entry.id, { Overall: 1 });
    const extra = panel.find((j) => !assigned.includes(j)) as BuiltJudge;
    const [mail] = await smtp.waitFor((m) => m.to === extra.email && m.subject.startsWith('Phân công chấm thêm'));
    expect(mail.subject).toBe('Phân công chấm thêm: Dự án lệch điểm – Sơ khảo');
    expect(mail.text).toContain('chênh lệch nhiều, nên bạn được phân công chấm thêm hồ sơ này.');
    expect(mail.text).toContain('Hạn nộp phiếu chấm:');
    expect(mail.link).toBe(`${PUBLIC_URL}/judging`);
    for (const judge of assigned) expect(smtp.to(judge.email).filter((m) => m.subject.startsWith('Phân công chấm thêm'))).toHaveLength(0);
  });
});
