import { CATALOG } from './catalog';
import { MAIL_LANGUAGES } from '@laurel/contracts';
import { MAIL_TEMPLATES, type MailTemplate, type MailTemplateParams } from './mail-templates';
import { renderTemplate } from './render';

const PUBLIC_URL = 'https://laurel.example.vn/';
const CONTEST_ID = '7d1f6c1e-2a51-4b43-9d5c-0d1e2f3a4b5c';
const ENTRY_ID = '3b9e1c2d-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

/** One valid set of params per template. */
const SAMPLES: { [T in MailTemplate]: MailTemplateParams[T] } = {
  verify_email: { displayName: 'Nguyễn Thị Hoa', token: 'tok-verify' },
  address_taken: { displayName: 'Nguyễn Thị Hoa' },
  password_reset: { displayName: 'Nguyễn Thị Hoa', token: 'tok-reset' },
  judge_invitation: {
    displayName: 'Trần Văn Minh',
    contestName: 'Khởi nghiệp 2026',
    invitedBy: 'Lê Thu',
    token: 'tok-judge',
    expiresAt: '2026-12-18T03:00:00Z',
  },
  account_invitation: {
    displayName: 'Phạm An',
    role: 'organizer',
    invitedBy: null,
    token: 'tok-account',
    expiresAt: '2026-12-18T03:00:00Z',
  },
  round_opened: {
    displayName: 'Trần Văn Minh',
    contestName: 'Khởi nghiệp 2026',
    roundName: 'Sơ khảo',
    assigned: 12,
    scoresDueAt: '2026-12-10T10:00:00Z',
  },
  judging_reminder: {
    displayName: 'Trần Văn Minh',
    contestName: 'Khởi nghiệp 2026',
    roundName: 'Sơ khảo',
    unsubmitted: 3,
    scoresDueAt: '2026-12-10T10:00:00Z',
  },
  extra_assignment: {
    displayName: 'Trần Văn Minh',
    contestName: 'Khởi nghiệp 2026',
    roundName: 'Sơ khảo',
    entryTitle: 'Nông trại thông minh',
    scoresDueAt: null,
  },
  entry_received: {
    displayName: 'Nguyễn Thị Hoa',
    contestName: 'Khởi nghiệp 2026',
    entryId: ENTRY_ID,
    entryTitle: 'Nông trại thông minh',
    entryCode: 'KN26-0007',
  },
  eligibility_decision: {
    displayName: 'Nguyễn Thị Hoa',
    contestName: 'Khởi nghiệp 2026',
    entryId: ENTRY_ID,
    entryTitle: 'Nông trại thông minh',
    eligible: false,
    reason: 'Doanh nghiệp thành lập quá 5 năm',
  },
  council_approval_request: {
    displayName: 'Trần Văn Minh',
    contestName: 'Khởi nghiệp 2026',
    contestId: CONTEST_ID,
    awards: 9,
    members: 5,
    required: 4,
  },
  vote_confirmation: { contestName: 'Khởi nghiệp 2026', entryTitle: 'Nông trại thông minh', token: 'tok-vote' },
  results_published: {
    displayName: 'Nguyễn Thị Hoa',
    contestName: 'Khởi nghiệp 2026',
    contestSlug: 'khoi-nghiep-2026',
    entryId: ENTRY_ID,
    entryTitle: 'Nông trại thông minh',
    prize: 'second',
    rank: 2,
    roundName: 'Chung kết',
  },
};

/** Where each template's button leads, relative to PUBLIC_URL. */
const LINKS: Record<MailTemplate, string> = {
  verify_email: '/verify-email#token=tok-verify',
  address_taken: '/sign-in',
  password_reset: '/reset-password#token=tok-reset',
  judge_invitation: '/invitations/accept#token=tok-judge',
  account_invitation: '/invitations/accept#token=tok-account',
  round_opened: '/judging',
  judging_reminder: '/judging',
  extra_assignment: '/judging',
  entry_received: `/my-entries/${ENTRY_ID}`,
  eligibility_decision: `/my-entries/${ENTRY_ID}`,
  council_approval_request: `/council/${CONTEST_ID}`,
  vote_confirmation: '/vote/confirm#token=tok-vote',
  results_published: `/my-entries/${ENTRY_ID}/feedback`,
};

describe(renderTemplate.name, () => {
  it('has a Vietnamese and an English writer for every template, and a sample here for each', () => {
    expect(Object.keys(CATALOG).sort()).toEqual([...MAIL_TEMPLATES].sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...MAIL_TEMPLATES].sort());
  });

  describe.each(MAIL_TEMPLATES.flatMap((t) => MAIL_LANGUAGES.map((l) => [t, l] as const)))('%s in %s', (template, language) => {
    const mail = renderTemplate(template, SAMPLES[template] as never, language, PUBLIC_URL);

    it('links to the page on PUBLIC_URL (one slash between them) in the text and the HTML', () => {
      expect(mail.actionUrl).toBe(`https://laurel.example.vn${LINKS[template]}`);
      expect(mail.text).toContain(`\n${mail.actionUrl}\n`);
      expect(mail.html).toContain(`href="${mail.actionUrl}"`);
    });

    it('has a one-line subject, a signature and an HTML document in the language', () => {
      expect(mail.subject.length).toBeGreaterThan(10);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.text).toMatch(/\n--\nLaurel – /);
      expect(mail.html).toContain(`<html lang="${language}">`);
    });
  });

  it('writes Vietnamese to a Vietnamese recipient and English to an English one', () => {
    const vi = renderTemplate('judge_invitation', SAMPLES.judge_invitation, 'vi', PUBLIC_URL);
    const en = renderTemplate('judge_invitation', SAMPLES.judge_invitation, 'en', PUBLIC_URL);
    expect(vi.subject).toBe('Lời mời tham gia Hội đồng giám khảo: Khởi nghiệp 2026');
    expect(en.subject).toBe('Invitation to judge: Khởi nghiệp 2026');
    expect(vi.text).toContain('Lê Thu trân trọng mời bạn');
    // 2026-12-18T03:00:00Z is 10:00 on Friday 18 December in Ho Chi Minh City (UTC+7).
    expect(vi.text).toMatch(/10:00.*18.*12.*2026 \(Asia\/Ho_Chi_Minh\)/);
    expect(en.text).toMatch(/Friday.*18 December 2026.*10:00 \(Asia\/Ho_Chi_Minh\)/);
  });

  it('escapes what people typed in the HTML, and keeps it on one line in the subject', () => {
    const mail = renderTemplate(
      'entry_received',
      { ...SAMPLES.entry_received, entryTitle: '<script>alert("x")</script>\r\nBcc: all@example.vn' },
      'en',
      PUBLIC_URL,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.subject).toBe('Entry KN26-0007 received: <script>alert("x")</script> Bcc: all@example.vn');
  });

  it('encodes a token that is not URL-safe, so the link still carries it whole', () => {
    const mail = renderTemplate('verify_email', { displayName: 'A', token: 'a+b/c=' }, 'en', PUBLIC_URL);
    expect(mail.actionUrl).toBe('https://laurel.example.vn/verify-email#token=a%2Bb%2Fc%3D');
  });

  it('tells an applicant their prize, or their rank, or thanks them', () => {
    const base = SAMPLES.results_published;
    expect(renderTemplate('results_published', base, 'vi', PUBLIC_URL).text).toContain('đạt Giải Nhì');
    expect(renderTemplate('results_published', { ...base, prize: null }, 'en', PUBLIC_URL).text).toContain('ranked 2 in round "Chung kết"');
    expect(renderTemplate('results_published', { ...base, prize: null, rank: null, roundName: null }, 'en', PUBLIC_URL).text).toContain(
      'Thank you for taking part with',
    );
  });
});
