import { randomBytes } from 'node:crypto';
import { known } from '@laurel/domain';
import { Api, type Session, mailedInvitationToken } from './api';
import { signUpVerified } from './mail';

/**
 * A final run live in the hall, built through the API as the people involved would: the demo
 * organizer sets up a one-round contest, four teams submit, three invited judges accept (each
 * with a password, to sign in on their own tablet), the round opens with every judge on every
 * team, and the organizer turns on "run live". No SQL.
 */
export interface PitchDay {
  contestId: string;
  roundId: string;
  criteria: string[];
  organizer: Session;
  judges: PitchJudge[];
  entries: { id: string; code: string; title: string; teamName: string }[];
}

export type PitchJudge = Session & { name: string; assignments: Record<string, string> };

/** The judge's assignment of an entry: every judge is on every team. */
export function assignmentOf(judge: PitchJudge, entryId: string): string {
  return known(judge.assignments[entryId], `${judge.name}'s assignment of the entry ${entryId}`);
}

const TEAMS = [
  { title: 'Nông nghiệp thông minh AgriSense', teamName: 'AgriViệt' },
  { title: 'Cảng xanh GreenHarbor', teamName: 'GreenHarbor' },
  { title: 'AquaSense cảm biến chất lượng nước', teamName: 'AquaSense' },
  { title: 'EduBot trợ giảng AI', teamName: 'EduBot' },
];

export async function setUpPitchDay(base: string): Promise<PitchDay> {
  const api = new Api(base);
  const organizer = await api.session('organizer@demo.laurel', 'laurel-demo');
  const admin = await api.session('admin@demo.laurel', 'laurel-demo');
  const day = 24 * 60 * 60 * 1000;
  const slug = `chung-ket-${randomBytes(4).toString('hex')}`;
  const contest = await api.call('POST', '/api/contests', organizer.token, {
    name: `Chung kết trực tiếp ${slug.slice(-4).toUpperCase()}`,
    slug,
    year: 2026,
    description: 'Vòng chung kết tại hội trường',
    submissionOpensAt: new Date(Date.now() - day).toISOString(),
    submissionClosesAt: new Date(Date.now() + 30 * day).toISOString(),
    requirePitchDeck: false,
    categories: [{ name: 'Khởi nghiệp' }],
    prizes: [
      { tier: 'first', count: 1 },
      { tier: 'second', count: 1 },
      { tier: 'third', count: 1 },
      { tier: 'encouragement', count: 1 },
    ],
  });
  const round = await api.call('POST', `/api/contests/${contest.id}/rounds`, organizer.token, {
    name: 'Chung kết',
    order: 1,
    panel: 'complete',
    judgesPerEntry: 1,
    aggregation: 'mean',
    criteria: [
      { name: 'Đổi mới sáng tạo', weight: 50, maxScore: 10 },
      { name: 'Thuyết trình', weight: 50, maxScore: 10 },
    ],
  });
  await api.call('POST', `/api/contests/${contest.id}/status`, organizer.token, { status: 'open' });
  const entries: PitchDay['entries'] = [];
  for (const team of TEAMS) {
    const email = `doi-${randomBytes(5).toString('hex')}@startup.example.vn`;
    const verified = await signUpVerified(api.call.bind(api), { email, password: 'team-password-1', displayName: team.teamName });
    const applicant = { token: verified.accessToken as string, user: verified.user };
    const draft = await api.call('POST', `/api/contests/${contest.id}/entries`, applicant.token, {
      ...team,
      summary: 'Tóm tắt',
      problem: 'Vấn đề',
      solution: 'Giải pháp',
      market: 'Thị trường',
      businessModel: 'Mô hình',
      categoryId: contest.categories[0].id,
      members: [{ name: 'Nguyễn Văn A', role: 'CEO' }],
    });
    const submitted = await api.call('POST', `/api/entries/${draft.id}/submit`, applicant.token, {});
    await api.call('POST', `/api/entries/${draft.id}/eligibility`, organizer.token, { eligible: true });
    entries.push({ id: draft.id, code: submitted.code, ...team });
  }
  await api.call('POST', `/api/contests/${contest.id}/status`, organizer.token, { status: 'closed' });
  await api.call('POST', `/api/contests/${contest.id}/status`, organizer.token, { status: 'judging' });
  const judges: PitchDay['judges'] = [];
  for (const name of ['Trần Thị Bình', 'Lê Văn Cường', 'Phạm Minh Dũng']) {
    const email = `gk-${randomBytes(5).toString('hex')}@hoidong.example.org`;
    await api.call('POST', `/api/contests/${contest.id}/judges`, organizer.token, {
      email,
      displayName: name,
      organization: `Hội đồng ${name}`,
    });
    // The judge opens the mailed invitation: read from the admin mailbox (the test API captures mail).
    const accepted = await api.call('POST', '/api/invitations/accept', null, {
      token: await mailedInvitationToken(api, admin.token, email),
      password: 'judge-password-1',
    });
    judges.push({ name, token: accepted.accessToken, user: accepted.user, assignments: {} });
  }
  await api.call('POST', `/api/rounds/${round.id}/open`, organizer.token, {});
  await api.call('POST', `/api/rounds/${round.id}/assignments/auto`, organizer.token, {});
  for (const judge of judges) {
    const mine: { id: string; roundId: string; entry: { id: string } }[] = await api.call('GET', '/api/me/assignments', judge.token);
    for (const a of mine.filter((x) => x.roundId === round.id)) judge.assignments[a.entry.id] = a.id;
  }
  await api.call('PATCH', `/api/rounds/${round.id}`, organizer.token, { live: { enabled: true } });
  return {
    contestId: contest.id,
    roundId: round.id,
    criteria: round.criteria.map((c: { id: string }) => c.id),
    organizer,
    judges,
    entries,
  };
}
