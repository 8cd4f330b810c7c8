import { randomBytes } from 'node:crypto';
import { Api, mailedInvitationToken } from './api';
import { signUpVerified } from './mail';

/**
 * Builds a judged contest through the API, as the people involved would: the demo organizer
 * sets it up, applicants register and submit, invited judges score every entry, the organizer
 * screens, opens, advances and closes rounds. No SQL. Each step fails loudly with the answer it got.
 */
export interface JudgedContest {
  id: string;
  slug: string;
  name: string;
  screeningRoundId: string;
  finalRoundId: string;
  /** Entries by letter, with the title and code the pages show, and the applicant's sign-in. */
  entries: Record<string, { id: string; code: string; title: string; teamName: string; email: string; password: string }>;
  /** The panel (every judge scores both rounds, so the default council is all three); `extraJudge` adds a fourth, on no assignment. */
  judges: { email: string; displayName: string; password: string; token: string }[];
}

export interface SetupOptions {
  /** Make the two runners-up of the final identical, so the second/third boundary needs a decision. */
  tieAtSecond?: boolean;
  /** Leave the final round open (for the live board) instead of closing it. */
  leaveFinalOpen?: boolean;
  /** Every judge gives this entry 0 on the last criterion (Đội ngũ) in that round. */
  zeroTeam?: { round: 'screening' | 'final'; key: string };
  /** The contest's prize gate. */
  noZeroCriterion?: boolean;
  name?: string;
  /** Stop after closing the screening round, before advancing (the final stays a draft). */
  stopAfterScreening?: boolean;
  /** Final-round sheets left unscored (todo), as [judge index, entry letter]. */
  unscoredFinal?: [number, string][];
  /** Invite a fourth judge at the end, assigned to nothing: someone to reassign entries to. */
  extraJudge?: boolean;
}

export const PUBLIC_COMMENT = 'Ý tưởng mới, cần số liệu thị trường rõ hơn.';
export const INTERNAL_COMMENT = 'Nội bộ: đội này từng được quỹ của tôi tư vấn.';

const RUBRIC = [
  { name: 'Đổi mới sáng tạo', description: '0 = phổ biến, 10 = đột phá', weight: 40, maxScore: 10 },
  { name: 'Thị trường', description: 'Quy mô và độ rõ của thị trường', weight: 35, maxScore: 10 },
  { name: 'Đội ngũ', description: 'Năng lực và cam kết', weight: 25, maxScore: 10 },
];

const ENTRIES = [
  { key: 'A', title: 'Nông nghiệp thông minh AgriSense', teamName: 'AgriViệt', category: 'Doanh nghiệp khởi nghiệp' },
  { key: 'B', title: 'Cảng xanh GreenHarbor', teamName: 'GreenHarbor', category: 'Doanh nghiệp khởi nghiệp' },
  { key: 'C', title: 'AquaSense cảm biến chất lượng nước', teamName: 'AquaSense', category: 'Sinh viên' },
  { key: 'D', title: 'EduBot trợ giảng AI', teamName: 'EduBot', category: 'Sinh viên' },
  { key: 'E', title: 'MediTrack hồ sơ sức khỏe', teamName: 'MediTrack', category: 'Doanh nghiệp khởi nghiệp' },
  { key: 'F', title: 'RecyClean phân loại rác', teamName: 'RecyClean', category: 'Sinh viên' },
];

// Screening sheets per entry, one triple (innovation, market, team) per judge.
const SCREENING: Record<string, number[][]> = {
  A: [
    [9, 8, 8],
    [8, 8, 9],
    [9, 9, 8],
  ],
  B: [
    [8, 9, 7],
    [9, 8, 8],
    [8, 8, 8],
  ],
  C: [
    [7, 7, 8],
    [8, 6, 7],
    [7, 7, 7],
  ],
  D: [
    [6, 7, 6],
    [9, 8, 9],
    [2, 3, 2],
  ],
  E: [
    [5, 6, 6],
    [6, 5, 6],
    [6, 6, 5],
  ],
  F: [
    [4, 4, 5],
    [5, 4, 4],
    [4, 5, 4],
  ],
};

// The final (A, B, C, D advance): A wins; B and C are identical when tieAtSecond.
function finalSheets(tie: boolean): Record<string, number[][]> {
  return {
    A: [
      [10, 9, 9],
      [9, 9, 10],
      [10, 10, 9],
    ],
    B: [
      [8, 8, 8],
      [8, 9, 8],
      [9, 8, 8],
    ],
    C: tie
      ? [
          [8, 8, 8],
          [8, 9, 8],
          [9, 8, 8],
        ]
      : [
          [7, 8, 7],
          [8, 7, 8],
          [7, 7, 7],
        ],
    D: [
      [6, 6, 7],
      [7, 6, 6],
      [6, 7, 6],
    ],
  };
}

export async function setUpJudgedContest(base: string, options: SetupOptions = {}): Promise<JudgedContest> {
  const api = new Api(base);
  const organizer = await api.login('organizer@demo.laurel', 'laurel-demo');
  const admin = await api.login('admin@demo.laurel', 'laurel-demo');
  const day = 24 * 60 * 60 * 1000;
  const slug = `ket-qua-${randomBytes(4).toString('hex')}`;
  const name = options.name ?? `Tìm kiếm tài năng khởi nghiệp ${slug.slice(-4).toUpperCase()}`;
  const contest = await api.call('POST', '/api/contests', organizer, {
    name,
    slug,
    year: 2026,
    description: 'Cuộc thi thử cho trang kết quả',
    submissionOpensAt: new Date(Date.now() - day).toISOString(),
    submissionClosesAt: new Date(Date.now() + 30 * day).toISOString(),
    minScoreForPrize: 50,
    ...(options.noZeroCriterion ? { noZeroCriterion: true } : {}),
    requirePitchDeck: false,
    categories: [{ name: 'Doanh nghiệp khởi nghiệp' }, { name: 'Sinh viên' }],
    prizes: [
      { tier: 'first', count: 1, amount: 100_000_000, currency: 'VND' },
      { tier: 'second', count: 1, amount: 50_000_000, currency: 'VND' },
      { tier: 'third', count: 1, amount: 30_000_000, currency: 'VND' },
      { tier: 'encouragement', count: 2, amount: 10_000_000, currency: 'VND' },
    ],
  });
  const categories = new Map<string, string>(contest.categories.map((c: { id: string; name: string }) => [c.name, c.id]));
  const rounds = [];
  for (const [i, roundName] of ['Vòng sơ khảo', 'Chung kết'].entries()) {
    const round = await api.call('POST', `/api/contests/${contest.id}/rounds`, organizer, {
      name: roundName,
      order: i + 1,
      panel: 'complete',
      judgesPerEntry: 1,
      blind: false,
      aggregation: 'mean',
      rankBy: 'overall',
      priorityCriteria: ['Đổi mới sáng tạo'],
      criteria: RUBRIC,
    });
    rounds.push({ id: round.id as string, criteria: round.criteria.map((c: { id: string }) => c.id) as string[] });
  }
  await api.call('POST', `/api/contests/${contest.id}/status`, organizer, { status: 'open' });

  const entries: JudgedContest['entries'] = {};
  for (const spec of ENTRIES) {
    const email = `doi-${randomBytes(5).toString('hex')}@startup.example.vn`;
    const password = 'team-password-1';
    const team: string = (await signUpVerified(api.call.bind(api), { email, password, displayName: spec.teamName })).accessToken;
    const draft = await api.call('POST', `/api/contests/${contest.id}/entries`, team, {
      title: spec.title,
      teamName: spec.teamName,
      summary: 'Tóm tắt dự án',
      problem: 'Vấn đề',
      solution: 'Giải pháp',
      market: 'Thị trường',
      businessModel: 'Mô hình kinh doanh',
      categoryId: categories.get(spec.category),
      members: [{ name: 'Nguyễn Văn A', role: 'CEO' }],
    });
    const submitted = await api.call('POST', `/api/entries/${draft.id}/submit`, team, {});
    entries[spec.key] = { id: draft.id, code: submitted.code, title: spec.title, teamName: spec.teamName, email, password };
    await api.call('POST', `/api/entries/${draft.id}/eligibility`, organizer, { eligible: true });
  }
  await api.call('POST', `/api/contests/${contest.id}/status`, organizer, { status: 'closed' });
  await api.call('POST', `/api/contests/${contest.id}/status`, organizer, { status: 'judging' });

  const panel: JudgedContest['judges'] = [];
  const invite = async (judgeName: string): Promise<string> => {
    const email = `gk-${randomBytes(5).toString('hex')}@hoidong.example.org`;
    const password = 'judge-password-1';
    await api.call('POST', `/api/contests/${contest.id}/judges`, organizer, {
      email,
      displayName: judgeName,
      organization: `Hội đồng ${judgeName}`,
    });
    // The judge opens the mailed invitation: read from the admin mailbox (the test API captures mail).
    const accepted = await api.call('POST', '/api/invitations/accept', null, {
      token: await mailedInvitationToken(api, admin, email),
      password,
    });
    panel.push({ email, displayName: judgeName, password, token: accepted.accessToken });
    return accepted.accessToken;
  };
  const judges: string[] = [];
  for (const judgeName of ['Trần Thị Bình', 'Lê Văn Cường', 'Phạm Minh Dũng']) judges.push(await invite(judgeName));

  const scoreRound = async (
    round: { id: string; criteria: string[] },
    sheets: Record<string, number[][]>,
    unscored: [number, string][] = [],
  ) => {
    await api.call('POST', `/api/rounds/${round.id}/open`, organizer, {});
    await api.call('POST', `/api/rounds/${round.id}/assignments/auto`, organizer, {});
    for (const [j, judge] of judges.entries()) {
      const mine: { id: string; roundId: string; entry: { id: string } }[] = await api.call('GET', '/api/me/assignments', judge);
      for (const [key, values] of Object.entries(sheets)) {
        const assignment = mine.find((a) => a.roundId === round.id && a.entry.id === entries[key].id);
        if (!assignment) throw new Error(`judge ${j + 1} has no assignment for ${key}`);
        if (unscored.some(([judge, entry]) => judge === j && entry === key)) continue;
        // The first judge leaves a comment for the team and one for the organizers only.
        const scores = round.criteria.map((criterionId, c) => ({
          criterionId,
          value: values[j][c],
          ...(j === 0 && c === 0 ? { comment: PUBLIC_COMMENT } : {}),
          ...(j === 0 && c === 1 ? { comment: INTERNAL_COMMENT, commentInternal: true } : {}),
        }));
        await api.call('PUT', `/api/assignments/${assignment.id}/sheet`, judge, { scores });
        await api.call('POST', `/api/assignments/${assignment.id}/submit`, judge, {});
      }
    }
  };

  const zeroed = (round: 'screening' | 'final', sheets: Record<string, number[][]>) => {
    const key = options.zeroTeam?.round === round ? options.zeroTeam.key : null;
    return key ? { ...sheets, [key]: sheets[key].map((triple) => [triple[0], triple[1], 0]) } : sheets;
  };
  const [screening, final] = rounds;
  await scoreRound(screening, zeroed('screening', SCREENING));
  await api.call('POST', `/api/rounds/${screening.id}/close`, organizer, {});
  const done = async () => {
    if (options.extraJudge) await invite('Võ Thị Hạnh');
    return { id: contest.id, slug, name, screeningRoundId: screening.id, finalRoundId: final.id, entries, judges: panel };
  };
  if (options.stopAfterScreening) return done();
  await api.call('POST', `/api/rounds/${screening.id}/advance`, organizer, { top: 4 });
  await scoreRound(final, zeroed('final', finalSheets(!!options.tieAtSecond)), options.unscoredFinal);
  if (!options.leaveFinalOpen) await api.call('POST', `/api/rounds/${final.id}/close`, organizer, {});
  return done();
}

/** The organizer confirms the proposal as it stands and sets what applicants see, through the API. */
export async function confirmProposal(base: string, contestId: string, feedback: Record<string, boolean>): Promise<void> {
  const api = new Api(base);
  const organizer = await api.login('organizer@demo.laurel', 'laurel-demo');
  const proposal = await api.call('GET', `/api/contests/${contestId}/awards/proposal`, organizer);
  const awards = proposal.lines
    .filter((l: { entryId?: string }) => l.entryId)
    .map((l: { tier: string; entryId: string }) => ({ tier: l.tier, entryId: l.entryId }));
  await api.call('POST', `/api/contests/${contestId}/awards`, organizer, { awards });
  const contest = await api.call('GET', `/api/contests/${contestId}`, organizer);
  await api.call('PATCH', `/api/contests/${contestId}`, organizer, {
    version: contest.version,
    feedback,
    councilMeetingPlace: 'Hội trường Trung tâm Khởi nghiệp',
  });
}

/** A council member's decision on the confirmed awards, through the API. */
export async function councilDecides(
  base: string,
  contestId: string,
  token: string,
  decision: 'approve' | 'object',
  note?: string,
): Promise<void> {
  await new Api(base).call('POST', `/api/contests/${contestId}/awards/approvals`, token, { decision, ...(note ? { note } : {}) });
}
