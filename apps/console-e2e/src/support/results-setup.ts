import { randomBytes } from 'node:crypto';
import { known } from '@laurel/domain';
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
  entries: Record<EntryKey, JudgedEntry>;
  /** The panel (every judge scores both rounds, so the default council is all three); `extraJudge` adds a fourth, on no assignment. */
  judges: [PanelJudge, PanelJudge, PanelJudge, ...PanelJudge[]];
}

/** The six entries, A to F, in the order they are submitted (so their codes are in that order too). */
export type EntryKey = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
const ENTRY_KEYS: EntryKey[] = ['A', 'B', 'C', 'D', 'E', 'F'];

export interface JudgedEntry {
  id: string;
  code: string;
  title: string;
  teamName: string;
  email: string;
  password: string;
}

export interface PanelJudge {
  email: string;
  displayName: string;
  password: string;
  token: string;
}

/** One judge's sheet: innovation, market, team. */
type Triple = [number, number, number];

export interface SetupOptions {
  /** Make the two runners-up of the final identical, so the second/third boundary needs a decision. */
  tieAtSecond?: boolean;
  /** Leave the final round open (for the live board) instead of closing it. */
  leaveFinalOpen?: boolean;
  /** Every judge gives this entry 0 on the last criterion (Đội ngũ) in that round. */
  zeroTeam?: { round: 'screening' | 'final'; key: EntryKey };
  /** The contest's prize gate. */
  noZeroCriterion?: boolean;
  name?: string;
  /** Stop after closing the screening round, before advancing (the final stays a draft). */
  stopAfterScreening?: boolean;
  /** Final-round sheets left unscored (todo), as [judge index, entry letter]. */
  unscoredFinal?: [number, EntryKey][];
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

const ENTRIES: Record<EntryKey, { title: string; teamName: string; category: string }> = {
  A: { title: 'Nông nghiệp thông minh AgriSense', teamName: 'AgriViệt', category: 'Doanh nghiệp khởi nghiệp' },
  B: { title: 'Cảng xanh GreenHarbor', teamName: 'GreenHarbor', category: 'Doanh nghiệp khởi nghiệp' },
  C: { title: 'AquaSense cảm biến chất lượng nước', teamName: 'AquaSense', category: 'Sinh viên' },
  D: { title: 'EduBot trợ giảng AI', teamName: 'EduBot', category: 'Sinh viên' },
  E: { title: 'MediTrack hồ sơ sức khỏe', teamName: 'MediTrack', category: 'Doanh nghiệp khởi nghiệp' },
  F: { title: 'RecyClean phân loại rác', teamName: 'RecyClean', category: 'Sinh viên' },
};

/** A round's sheets: per entry, one triple per judge (judge 1, 2, 3). */
type RoundSheets = Partial<Record<EntryKey, Triple[]>>;

// Screening sheets per entry, one triple (innovation, market, team) per judge.
const SCREENING: RoundSheets = {
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
function finalSheets(tie: boolean): RoundSheets {
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
  const addRound = async (roundName: string, order: number) => {
    const round = await api.call('POST', `/api/contests/${contest.id}/rounds`, organizer, {
      name: roundName,
      order,
      panel: 'complete',
      judgesPerEntry: 1,
      blind: false,
      aggregation: 'mean',
      rankBy: 'overall',
      priorityCriteria: ['Đổi mới sáng tạo'],
      criteria: RUBRIC,
    });
    return { id: round.id as string, criteria: round.criteria.map((c: { id: string }) => c.id) as string[] };
  };
  const screening = await addRound('Vòng sơ khảo', 1);
  const final = await addRound('Chung kết', 2);
  await api.call('POST', `/api/contests/${contest.id}/status`, organizer, { status: 'open' });

  const submit = async (spec: (typeof ENTRIES)[EntryKey]): Promise<JudgedEntry> => {
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
    await api.call('POST', `/api/entries/${draft.id}/eligibility`, organizer, { eligible: true });
    return { id: draft.id, code: submitted.code, title: spec.title, teamName: spec.teamName, email, password };
  };
  // One after the other, A to F: the codes follow the letters.
  const entries: JudgedContest['entries'] = {
    A: await submit(ENTRIES.A),
    B: await submit(ENTRIES.B),
    C: await submit(ENTRIES.C),
    D: await submit(ENTRIES.D),
    E: await submit(ENTRIES.E),
    F: await submit(ENTRIES.F),
  };
  await api.call('POST', `/api/contests/${contest.id}/status`, organizer, { status: 'closed' });
  await api.call('POST', `/api/contests/${contest.id}/status`, organizer, { status: 'judging' });

  const invite = async (judgeName: string): Promise<PanelJudge> => {
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
    return { email, displayName: judgeName, password, token: accepted.accessToken };
  };
  const council: [PanelJudge, PanelJudge, PanelJudge] = [
    await invite('Trần Thị Bình'),
    await invite('Lê Văn Cường'),
    await invite('Phạm Minh Dũng'),
  ];

  const scoreRound = async (round: { id: string; criteria: string[] }, sheets: RoundSheets, unscored: [number, EntryKey][] = []) => {
    await api.call('POST', `/api/rounds/${round.id}/open`, organizer, {});
    await api.call('POST', `/api/rounds/${round.id}/assignments/auto`, organizer, {});
    for (const [j, { token: judge }] of council.entries()) {
      const mine: { id: string; roundId: string; entry: { id: string } }[] = await api.call('GET', '/api/me/assignments', judge);
      for (const key of ENTRY_KEYS) {
        const triples = sheets[key];
        if (triples === undefined) continue;
        const assignment = mine.find((a) => a.roundId === round.id && a.entry.id === entries[key].id);
        if (!assignment) throw new Error(`judge ${j + 1} has no assignment for ${key}`);
        if (unscored.some(([judge, entry]) => judge === j && entry === key)) continue;
        const triple = known(triples[j], `judge ${j + 1}'s sheet for ${key}`);
        // The first judge leaves a comment for the team and one for the organizers only.
        const scores = round.criteria.map((criterionId, c) => ({
          criterionId,
          value: known(triple[c], `criterion ${c + 1} of judge ${j + 1}'s sheet for ${key}`),
          ...(j === 0 && c === 0 ? { comment: PUBLIC_COMMENT } : {}),
          ...(j === 0 && c === 1 ? { comment: INTERNAL_COMMENT, commentInternal: true } : {}),
        }));
        await api.call('PUT', `/api/assignments/${assignment.id}/sheet`, judge, { scores });
        await api.call('POST', `/api/assignments/${assignment.id}/submit`, judge, {});
      }
    }
  };

  const zeroed = (round: 'screening' | 'final', sheets: RoundSheets): RoundSheets => {
    if (options.zeroTeam?.round !== round) return sheets;
    const { key } = options.zeroTeam;
    const triples = sheets[key];
    if (triples === undefined) throw new Error(`${key} has no ${round} sheets to give a zero in`);
    return { ...sheets, [key]: triples.map(([innovation, market]): Triple => [innovation, market, 0]) };
  };
  await scoreRound(screening, zeroed('screening', SCREENING));
  await api.call('POST', `/api/rounds/${screening.id}/close`, organizer, {});
  const done = async (): Promise<JudgedContest> => {
    const judges: JudgedContest['judges'] = options.extraJudge ? [...council, await invite('Võ Thị Hạnh')] : council;
    return { id: contest.id, slug, name, screeningRoundId: screening.id, finalRoundId: final.id, entries, judges };
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

/** The organizer screens an entry out through the API (as a second tab would, while a page still shows it). */
export async function screenOut(base: string, entryId: string, reason: string): Promise<void> {
  const api = new Api(base);
  const organizer = await api.login('organizer@demo.laurel', 'laurel-demo');
  await api.call('POST', `/api/entries/${entryId}/eligibility`, organizer, { eligible: false, reason });
}
