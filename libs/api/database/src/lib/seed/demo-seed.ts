import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '@laurel/api-core';
import type { Answers, EligibilityRule, FormField, Role } from '@laurel/contracts';
import { calendarDateIn, known, parseEligibilityRules, parseFormFields } from '@laurel/domain';
import { CategoryEntity, ContestEntity, CriterionEntity, PrizeEntity, RoundEntity, UserEntity } from '../entities';

export const DEMO_PASSWORD = 'laurel-demo';
export const DEMO_CONTEST_SLUG = 'startup-talent-2026';

export const DEMO_ACCOUNTS: { email: string; displayName: string; roles: Role[]; organization?: string }[] = [
  { email: 'admin@demo.laurel', displayName: 'Quản trị viên', roles: ['admin'] },
  { email: 'organizer@demo.laurel', displayName: 'Ban tổ chức Techfest', roles: ['organizer'], organization: 'Sở Khoa học và Công nghệ' },
  { email: 'judge1@demo.laurel', displayName: 'TS. Nguyễn Văn An', roles: ['judge'], organization: 'Đại học Hải Phòng' },
  { email: 'judge2@demo.laurel', displayName: 'ThS. Trần Thị Bình', roles: ['judge'], organization: 'Quỹ Đầu tư Khởi nghiệp Sáng tạo' },
  { email: 'judge3@demo.laurel', displayName: 'Ông Lê Minh Châu', roles: ['judge'], organization: 'Hiệp hội Doanh nghiệp Thành phố' },
  { email: 'startup1@demo.laurel', displayName: 'Công ty CP GreenHarbor', roles: ['applicant'], organization: 'GreenHarbor' },
  {
    email: 'startup2@demo.laurel',
    displayName: 'Nhóm sinh viên AquaSense',
    roles: ['applicant'],
    organization: 'Đại học Hàng hải Việt Nam',
  },
];

const RUBRIC: { name: string; points: number; description: string }[] = [
  {
    name: 'Tính đổi mới sáng tạo',
    points: 25,
    description: 'Mức độ mới của giải pháp so với cách làm hiện có; 0 = đã phổ biến, 25 = đột phá, có bảo hộ hoặc khó sao chép.',
  },
  {
    name: 'Tính khả thi',
    points: 20,
    description: 'Công nghệ, nguồn lực và lộ trình có thực hiện được không; có sản phẩm mẫu hoặc khách hàng thử nghiệm được điểm cao.',
  },
  {
    name: 'Thị trường',
    points: 20,
    description: 'Quy mô thị trường, khách hàng mục tiêu rõ ràng, mô hình doanh thu và đối thủ cạnh tranh.',
  },
  { name: 'Đội ngũ', points: 15, description: 'Năng lực, kinh nghiệm và sự cam kết của đội; vai trò bổ trợ nhau.' },
  { name: 'Tác động xã hội', points: 10, description: 'Lợi ích cho cộng đồng, môi trường và thành phố; khả năng nhân rộng.' },
  { name: 'Trình bày', points: 10, description: 'Hồ sơ và phần thuyết trình rõ ràng, thuyết phục, đúng thời gian.' },
];

const DESCRIPTION = `Cuộc thi **Tìm kiếm tài năng khởi nghiệp đổi mới sáng tạo 2026** trong khuôn khổ Techfest thành phố.

- Đối tượng: doanh nghiệp khởi nghiệp thành lập không quá 5 năm và nhóm sinh viên có ý tưởng.
- Vòng sơ khảo: mỗi hồ sơ được 3 giám khảo chấm độc lập theo thang điểm 100.
- Vòng chung khảo: các đội vào chung khảo thuyết trình trước toàn bộ hội đồng giám khảo.

*Startup talent search 2026: startups and student teams compete for first, second, third and encouragement prizes.*`;

const l = (vi: string, en: string) => ({ vi, en });

/**
 * The questions a provincial startup contest asks. Founding date and tax code are asked of
 * companies only (the student category has neither); the tax code names the team, so judges of a
 * blind round never see it.
 */
function demoForm(startups: string): FormField[] {
  return [
    {
      key: 'foundedOn',
      label: l('Ngày thành lập doanh nghiệp', 'Date the company was founded'),
      help: l(
        'Theo Giấy chứng nhận đăng ký doanh nghiệp. Cuộc thi nhận doanh nghiệp thành lập không quá 5 năm tính đến hạn nộp hồ sơ.',
        'As on the business registration certificate. The contest admits companies founded at most 5 years before the deadline.',
      ),
      type: 'date',
      required: true,
      categoryIds: [startups],
    },
    {
      key: 'taxCode',
      label: l('Mã số thuế', 'Tax code'),
      help: l(
        'Mã số doanh nghiệp gồm 10 chữ số (13 chữ số với chi nhánh). Giám khảo vòng chấm kín không thấy thông tin này.',
        'The 10-digit enterprise code (13 digits for a branch). Judges of a blind round never see it.',
      ),
      type: 'text',
      required: true,
      maxLength: 14,
      identifying: true,
      categoryIds: [startups],
    },
    {
      key: 'province',
      label: l('Địa bàn triển khai dự án', 'Where the project is carried out'),
      help: l('Cuộc thi dành cho dự án triển khai tại thành phố Hải Phòng.', 'The contest is for projects carried out in Hải Phòng city.'),
      type: 'choice',
      required: true,
      options: ['Hải Phòng', 'Hà Nội', 'Quảng Ninh', 'Hưng Yên', 'Tỉnh, thành phố khác'],
    },
    {
      key: 'stage',
      label: l('Giai đoạn phát triển', 'Stage'),
      type: 'choice',
      required: true,
      options: ['Ý tưởng', 'Sản phẩm mẫu (MVP)', 'Đã có khách hàng', 'Đang mở rộng'],
    },
    {
      key: 'teamSize',
      label: l('Số thành viên chính của đội', 'Core team size'),
      help: l('Tính cả trưởng nhóm, không tính cố vấn.', 'Including the team lead; mentors do not count.'),
      type: 'number',
      required: true,
      min: 1,
      max: 100,
    },
    {
      key: 'revenue',
      label: l('Doanh thu năm gần nhất (triệu đồng)', 'Revenue of the last year (million VND)'),
      type: 'number',
      required: false,
      min: 0,
    },
    {
      key: 'acceptRules',
      label: l('Đội đã đọc và đồng ý với Thể lệ cuộc thi', 'The team has read and accepts the contest rules'),
      type: 'boolean',
      required: true,
    },
  ];
}

const DEMO_RULES: EligibilityRule[] = [
  {
    id: 'founded-5-years',
    kind: 'date_within_years',
    params: { field: 'foundedOn', years: 5 },
    message: l(
      'Doanh nghiệp phải thành lập không quá 5 năm tính đến hạn nộp hồ sơ.',
      'The company must have been founded at most 5 years before the deadline.',
    ),
  },
  {
    id: 'team-of-5',
    kind: 'number_range',
    params: { field: 'teamSize', max: 5 },
    message: l('Đội có tối đa 5 thành viên chính.', 'A team has at most 5 core members.'),
  },
  {
    id: 'in-hai-phong',
    kind: 'choice_in',
    params: { field: 'province', values: ['Hải Phòng'] },
    message: l('Dự án phải triển khai tại Hải Phòng.', 'The project must be carried out in Hải Phòng.'),
  },
  {
    id: 'two-per-organization',
    kind: 'max_entries_per_organization',
    params: { max: 2 },
    message: l('Mỗi tổ chức gửi tối đa 2 hồ sơ.', 'An organization may send at most 2 entries.'),
  },
  {
    id: 'accepts-rules',
    kind: 'must_be_true',
    params: { field: 'acceptRules' },
    message: l('Đội phải đồng ý với Thể lệ cuộc thi.', 'The team must accept the contest rules.'),
  },
];

export interface SeedResult {
  seeded: boolean;
  contestId: string;
}

/** Seeds the demo contest and accounts once; a second call finds the contest and does nothing. */
export async function seedDemo(dataSource: DataSource, now = new Date()): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(7220431002)');
    const existing = await manager.findOne(ContestEntity, { where: { slug: DEMO_CONTEST_SLUG } });
    if (existing) return { seeded: false, contestId: existing.id };

    const users = new Map<string, UserEntity>();
    for (const account of DEMO_ACCOUNTS) {
      const found = await manager
        .createQueryBuilder(UserEntity, 'u')
        .where('lower(u.email) = lower(:email)', { email: account.email })
        .getOne();
      const user =
        found ??
        (await manager.save(
          // Demo mailboxes do not exist: the accounts are seeded as verified, so they can submit and judge.
          manager.create(UserEntity, { ...account, organization: account.organization ?? null, passwordHash, emailVerifiedAt: now }),
        ));
      users.set(account.email, user);
    }

    const organizer = users.get('organizer@demo.laurel') as UserEntity;
    const day = 24 * 60 * 60 * 1000;
    const contest = await manager.save(
      manager.create(ContestEntity, {
        name: 'Tìm kiếm tài năng khởi nghiệp đổi mới sáng tạo 2026',
        slug: DEMO_CONTEST_SLUG,
        year: 2026,
        description: DESCRIPTION,
        status: 'open',
        submissionOpensAt: new Date(now.getTime() - 14 * day),
        submissionClosesAt: new Date(now.getTime() + 30 * day),
        minScoreForPrize: 50,
        requirePitchDeck: true,
        codePrefix: 'ST26',
        ownerId: organizer.id,
      }),
    );

    const categories = await manager.save(
      ['Doanh nghiệp khởi nghiệp', 'Ý tưởng sinh viên'].map((name, position) =>
        manager.create(CategoryEntity, { contestId: contest.id, name, position }),
      ),
    );
    // Read by the same readers as an organizer's edit: a seed the API would refuse is a bug here.
    const form = parseFormFields(
      demoForm(known(categories[0], 'the first demo category').id),
      categories.map((c) => c.id),
    );
    const rules = parseEligibilityRules(DEMO_RULES, form.fields);
    const problems = [...form.problems, ...rules.problems];
    if (problems.length > 0) throw new Error(`The demo form does not read: ${JSON.stringify(problems)}`);
    await manager.update(ContestEntity, { id: contest.id }, { formFields: form.fields, eligibilityRules: rules.rules });

    await createRound(manager, contest.id, {
      name: 'Vòng sơ khảo',
      order: 1,
      panel: 'assigned',
      judgesPerEntry: 3,
      blind: false,
      aggregation: 'mean',
      rankBy: 'overall',
    });
    await createRound(manager, contest.id, {
      name: 'Vòng chung khảo',
      order: 2,
      panel: 'complete',
      judgesPerEntry: 3,
      blind: false,
      aggregation: 'mean',
      rankBy: 'overall',
    });

    // The three demo judges sit on the contest's panel.
    for (const email of ['judge1@demo.laurel', 'judge2@demo.laurel', 'judge3@demo.laurel']) {
      const judge = users.get(email) as UserEntity;
      await manager.query(
        `INSERT INTO contest_judges (contest_id, user_id, organization, expertise, invited_by) VALUES ($1, $2, $3, $4, $5)`,
        [contest.id, judge.id, judge.organization, ['fintech', 'agritech', 'edtech'].slice(0, 2), organizer.id],
      );
    }

    const prizes: [PrizeEntity['tier'], number, number][] = [
      ['first', 1, 50_000_000],
      ['second', 1, 30_000_000],
      ['third', 2, 20_000_000],
      ['encouragement', 5, 5_000_000],
    ];
    await manager.save(
      prizes.map(([tier, count, amount]) =>
        manager.create(PrizeEntity, { contestId: contest.id, tier, count, amount, currency: 'VND', categoryId: null }),
      ),
    );
    await seedScreenedEntries(manager, contest.id, organizer.id, now);
    return { seeded: true, contestId: contest.id };
  });
}

interface DemoEntry {
  title: string;
  teamName: string;
  organization: string;
  category: 0 | 1;
  member: [string, string];
  /** Answers to the demo form; dates as years (and days) before the seed runs. */
  answers: Omit<Answers, 'foundedOn'> & { foundedYearsAgo?: number };
}

/**
 * Teams whose files the organizers imported, already screened eligible, so that the screening
 * round can be opened, assigned three judges per entry and scored straight away. No owner
 * account: every demo account shares the demo.laurel domain, which would be a conflict of
 * interest with every demo judge.
 */
const DEMO_ENTRIES: DemoEntry[] = [
  {
    title: 'Cảng xanh: điện bờ cho tàu cập cảng Hải Phòng',
    teamName: 'GreenPort',
    organization: 'Công ty CP Cảng Xanh',
    category: 0,
    member: ['Phạm Quốc Bảo', 'bao@greenport.vn'],
    answers: {
      foundedYearsAgo: 3,
      taxCode: '0202145678',
      province: 'Hải Phòng',
      stage: 'Đã có khách hàng',
      teamSize: 5,
      revenue: 1850,
      acceptRules: true,
    },
  },
  {
    title: 'Cảm biến độ mặn cho ao nuôi tôm',
    teamName: 'AquaSense',
    organization: 'AquaSense JSC',
    category: 0,
    member: ['Đỗ Minh Khôi', 'khoi@aquasense.vn'],
    answers: {
      foundedYearsAgo: 2,
      taxCode: '0202231904',
      province: 'Hải Phòng',
      stage: 'Sản phẩm mẫu (MVP)',
      teamSize: 4,
      revenue: 320,
      acceptRules: true,
    },
  },
  {
    title: 'Gạch không nung từ vỏ trấu',
    teamName: 'Trấu Việt',
    organization: 'Công ty TNHH Trấu Việt',
    category: 0,
    member: ['Hoàng Thu Trang', 'trang@trauviet.vn'],
    answers: {
      foundedYearsAgo: 4,
      taxCode: '0201987355',
      province: 'Hải Phòng',
      stage: 'Đang mở rộng',
      teamSize: 5,
      revenue: 4200,
      acceptRules: true,
    },
  },
  {
    title: 'Ứng dụng đặt chỗ cho hợp tác xã nghề cá',
    teamName: 'NetMenders',
    organization: 'Nhóm NetMenders',
    category: 1,
    member: ['Vũ Đức Anh', 'ducanh@netmenders.vn'],
    answers: { province: 'Hải Phòng', stage: 'Sản phẩm mẫu (MVP)', teamSize: 3, acceptRules: true },
  },
  {
    title: 'Robot kiểm tra thân tàu dưới nước',
    teamName: 'HullBot',
    organization: 'Nhóm HullBot',
    category: 1,
    member: ['Bùi Lan Hương', 'huong@hullbot.vn'],
    answers: { province: 'Hải Phòng', stage: 'Ý tưởng', teamSize: 4, acceptRules: true },
  },
  {
    title: 'Bản đồ ngập lụt theo thời gian thực',
    teamName: 'FloodMap',
    organization: 'Nhóm FloodMap',
    category: 1,
    member: ['Ngô Thành Long', 'long@floodmap.vn'],
    answers: { province: 'Hải Phòng', stage: 'Ý tưởng', teamSize: 2, acceptRules: true },
  },
];

/**
 * An imported file the organizer has not screened yet, which the rules turn down: founded nine
 * years ago, a team of twelve, a shipyard in Quảng Ninh. The screening page shows it with its
 * three failed rules; it stays out of the rounds until someone decides.
 */
const FAILING_ENTRY: DemoEntry = {
  title: 'Vỏ tàu composite cho đội tàu cá ven bờ',
  teamName: 'Bạch Đằng Composite',
  organization: 'Công ty TNHH Đóng tàu Bạch Đằng',
  category: 0,
  member: ['Trịnh Văn Hải', 'hai@bachdangship.vn'],
  answers: {
    foundedYearsAgo: 9,
    taxCode: '5701456723',
    province: 'Quảng Ninh',
    stage: 'Đang mở rộng',
    teamSize: 12,
    revenue: 26500,
    acceptRules: true,
  },
};

async function seedScreenedEntries(manager: EntityManager, contestId: string, organizerId: string, now: Date): Promise<void> {
  const categories = await manager.find(CategoryEntity, { where: { contestId }, order: { position: 'ASC' } });
  const entries = [...DEMO_ENTRIES.map((entry) => ({ entry, screened: true })), { entry: FAILING_ENTRY, screened: false }];
  for (const [i, { entry, screened }] of entries.entries()) {
    const { foundedYearsAgo, ...answers } = entry.answers;
    if (foundedYearsAgo !== undefined) {
      // A few weeks past the anniversary, so "3 years ago" is 3 years and some days whatever the day.
      const founded = new Date(now);
      founded.setUTCFullYear(founded.getUTCFullYear() - foundedYearsAgo);
      founded.setUTCDate(founded.getUTCDate() - 40);
      answers['foundedOn'] = calendarDateIn(founded, 'Asia/Ho_Chi_Minh');
    }
    await manager.query(
      `INSERT INTO entries (contest_id, category_id, status, code, title, team_name, summary, problem, solution, market, business_model,
                            organization, members, answers, eligibility, eligibility_by, eligibility_at, submitted_at)
       VALUES ($1, $2, 'submitted', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14, $15, $16, now())`,
      [
        contestId,
        known(categories[entry.category], "a demo entry's category").id,
        `ST26-${String(i + 1).padStart(3, '0')}`,
        entry.title,
        entry.teamName,
        `${entry.title}: sản phẩm mẫu đã thử nghiệm tại Hải Phòng.`,
        'Vấn đề thực tế của doanh nghiệp và người dân thành phố.',
        'Giải pháp công nghệ của đội, chi phí thấp và dễ triển khai.',
        'Khách hàng mục tiêu tại Hải Phòng và các tỉnh duyên hải.',
        'Bán thiết bị và thu phí dịch vụ hằng năm.',
        entry.organization,
        JSON.stringify([{ name: entry.member[0], role: 'Trưởng nhóm', email: entry.member[1] }]),
        JSON.stringify(answers),
        screened ? 'eligible' : 'pending',
        screened ? organizerId : null,
        screened ? now : null,
      ],
    );
  }
  await manager.query(`UPDATE contests SET entry_seq = $2 WHERE id = $1`, [contestId, entries.length]);
}

async function createRound(manager: EntityManager, contestId: string, round: Partial<RoundEntity>): Promise<RoundEntity> {
  const saved = await manager.save(manager.create(RoundEntity, { ...round, contestId, status: 'draft' }));
  const criteria = await manager.save(
    RUBRIC.map((criterion, position) =>
      manager.create(CriterionEntity, {
        roundId: saved.id,
        name: criterion.name,
        description: criterion.description,
        weight: criterion.points,
        maxScore: criterion.points,
        position,
      }),
    ),
  );
  // Ties are broken first by innovation, then by feasibility.
  const [innovation, feasibility] = criteria;
  saved.priorityCriteria = [known(innovation, 'the innovation criterion').id, known(feasibility, 'the feasibility criterion').id];
  return manager.save(saved);
}
