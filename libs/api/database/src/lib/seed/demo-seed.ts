import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '@laurel/api-core';
import type { Role } from '@laurel/contracts';
import {
  CategoryEntity,
  ContestEntity,
  CriterionEntity,
  PrizeEntity,
  RoundEntity,
  UserEntity,
} from '../entities';

export const DEMO_PASSWORD = 'laurel-demo';
export const DEMO_CONTEST_SLUG = 'startup-talent-2026';

export const DEMO_ACCOUNTS: { email: string; displayName: string; roles: Role[]; organization?: string }[] = [
  { email: 'admin@demo.laurel', displayName: 'Quản trị viên', roles: ['admin'] },
  { email: 'organizer@demo.laurel', displayName: 'Ban tổ chức Techfest', roles: ['organizer'], organization: 'Sở Khoa học và Công nghệ' },
  { email: 'judge1@demo.laurel', displayName: 'TS. Nguyễn Văn An', roles: ['judge'], organization: 'Đại học Hải Phòng' },
  { email: 'judge2@demo.laurel', displayName: 'ThS. Trần Thị Bình', roles: ['judge'], organization: 'Quỹ Đầu tư Khởi nghiệp Sáng tạo' },
  { email: 'judge3@demo.laurel', displayName: 'Ông Lê Minh Châu', roles: ['judge'], organization: 'Hiệp hội Doanh nghiệp Thành phố' },
  { email: 'startup1@demo.laurel', displayName: 'Công ty CP GreenHarbor', roles: ['applicant'], organization: 'GreenHarbor' },
  { email: 'startup2@demo.laurel', displayName: 'Nhóm sinh viên AquaSense', roles: ['applicant'], organization: 'Đại học Hàng hải Việt Nam' },
];

const RUBRIC: { name: string; points: number; description: string }[] = [
  { name: 'Tính đổi mới sáng tạo', points: 25, description: 'Mức độ mới của giải pháp so với cách làm hiện có; 0 = đã phổ biến, 25 = đột phá, có bảo hộ hoặc khó sao chép.' },
  { name: 'Tính khả thi', points: 20, description: 'Công nghệ, nguồn lực và lộ trình có thực hiện được không; có sản phẩm mẫu hoặc khách hàng thử nghiệm được điểm cao.' },
  { name: 'Thị trường', points: 20, description: 'Quy mô thị trường, khách hàng mục tiêu rõ ràng, mô hình doanh thu và đối thủ cạnh tranh.' },
  { name: 'Đội ngũ', points: 15, description: 'Năng lực, kinh nghiệm và sự cam kết của đội; vai trò bổ trợ nhau.' },
  { name: 'Tác động xã hội', points: 10, description: 'Lợi ích cho cộng đồng, môi trường và thành phố; khả năng nhân rộng.' },
  { name: 'Trình bày', points: 10, description: 'Hồ sơ và phần thuyết trình rõ ràng, thuyết phục, đúng thời gian.' },
];

const DESCRIPTION = `Cuộc thi **Tìm kiếm tài năng khởi nghiệp đổi mới sáng tạo 2026** trong khuôn khổ Techfest thành phố.

- Đối tượng: doanh nghiệp khởi nghiệp thành lập không quá 5 năm và nhóm sinh viên có ý tưởng.
- Vòng sơ khảo: mỗi hồ sơ được 3 giám khảo chấm độc lập theo thang điểm 100.
- Vòng chung khảo: các đội vào chung khảo thuyết trình trước toàn bộ hội đồng giám khảo.

*Startup talent search 2026: startups and student teams compete for first, second, third and encouragement prizes.*`;

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
          manager.create(UserEntity, { ...account, organization: account.organization ?? null, passwordHash }),
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

    await manager.save(
      ['Doanh nghiệp khởi nghiệp', 'Ý tưởng sinh viên'].map((name, position) =>
        manager.create(CategoryEntity, { contestId: contest.id, name, position }),
      ),
    );

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
    return { seeded: true, contestId: contest.id };
  });
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
  saved.priorityCriteria = [criteria[0].id, criteria[1].id];
  return manager.save(saved);
}
