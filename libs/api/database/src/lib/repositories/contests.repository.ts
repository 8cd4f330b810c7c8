import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CategoryEntity, ContestEntity, CriterionEntity, PrizeEntity, RoundEntity } from '../entities';
import type {
  ContestLanguage,
  ContestStatus,
  ContestSummaryView,
  CreateContestRequest,
  EligibilityRule,
  FeedbackSettings,
  FormField,
  PrizeInput,
  PrizeView,
  PublicVoteSettings,
} from '@laurel/contracts';
import { AuditRepository, type AuditEventInput } from './audit.repository';
import { RoundChanges } from './rounds.repository';
import { known } from '@laurel/domain';

/** A new contest as requested; its prizes name their category, since no category has an id yet. */
export type NewContest = Omit<CreateContestRequest, 'prizes'> & { prizes: Omit<PrizeInput, 'categoryId'>[] };

export interface ContestAggregate {
  contest: ContestEntity;
  categories: CategoryEntity[];
  rounds: RoundEntity[];
  criteria: CriterionEntity[];
  prizes: PrizeEntity[];
  /** Entries submitted (and not withdrawn): once there is one, the form is locked. */
  submittedEntries: number;
}

/** Which contests a caller may list: every one, or those past draft plus their own. */
export type ContestVisibility = { all: true } | { all: false; ownerId: string | null };

/** The contest columns an edit may set, by their property name. */
export interface ContestFieldChanges {
  name?: string;
  slug?: string;
  year?: number;
  description?: string;
  submissionOpensAt?: string;
  submissionClosesAt?: string;
  minScoreForPrize?: number;
  noZeroCriterion?: boolean;
  publicVote?: PublicVoteSettings | null;
  requirePitchDeck?: boolean;
  codePrefix?: string | null;
  councilMemberIds?: string[] | null;
  councilApprovalShare?: number | null;
  councilMeetingAt?: string | null;
  councilMeetingPlace?: string | null;
  feedback?: FeedbackSettings;
  language?: ContestLanguage;
  timeZone?: string;
}

const CONTEST_COLUMNS: Record<keyof ContestFieldChanges, string> = {
  name: 'name',
  slug: 'slug',
  year: 'year',
  description: 'description',
  submissionOpensAt: 'submission_opens_at',
  submissionClosesAt: 'submission_closes_at',
  minScoreForPrize: 'min_score_for_prize',
  noZeroCriterion: 'no_zero_criterion',
  publicVote: 'public_vote',
  requirePitchDeck: 'require_pitch_deck',
  codePrefix: 'code_prefix',
  councilMemberIds: 'council_member_ids',
  councilApprovalShare: 'council_approval_share',
  councilMeetingAt: 'council_meeting_at',
  councilMeetingPlace: 'council_meeting_place',
  feedback: 'feedback',
  language: 'language',
  timeZone: 'time_zone',
};

export interface CategoryPlan {
  /** Existing categories, with their (possibly new) name and position. */
  keep: { id: string; name: string; position: number }[];
  add: { name: string; position: number }[];
  remove: string[];
}

export type NewPrize = Omit<PrizeView, 'id'>;

/** Reads contests with their configuration in a fixed number of queries, whatever their count. */
@Injectable()
export class ContestsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditEvents: AuditRepository,
  ) {}

  async list(visibility: ContestVisibility): Promise<ContestAggregate[]> {
    const query = this.dataSource
      .getRepository(ContestEntity)
      .createQueryBuilder('c')
      .orderBy('c.year', 'DESC')
      .addOrderBy('c.name', 'ASC');
    if (!visibility.all) {
      query.where(`(c.status <> 'draft' OR c.owner_id = :ownerId)`, { ownerId: visibility.ownerId });
    }
    return withConfiguration(this.dataSource.manager, await query.getMany());
  }

  async listOwnedBy(ownerId: string): Promise<ContestAggregate[]> {
    const contests = await this.dataSource.getRepository(ContestEntity).find({ where: { ownerId }, order: { year: 'DESC', name: 'ASC' } });
    return withConfiguration(this.dataSource.manager, contests);
  }

  /** The dashboard's counts for every contest `ownerId` owns, in three statements whatever their number. */
  async summaries(ownerId: string): Promise<ContestSummaryView[]> {
    const contests: { contestId: string; name: string; slug: string; status: ContestStatus; submissionClosesAt: string }[] =
      await this.dataSource.query(
        `SELECT id AS "contestId", name, slug, status,
              to_char(submission_closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "submissionClosesAt"
         FROM contests WHERE owner_id = $1 ORDER BY year DESC, name`,
        [ownerId],
      );
    if (contests.length === 0) return [];
    const ids = contests.map((c) => c.contestId);
    const entries: { contestId: string; submitted: number; drafts: number; notScreened: number }[] = await this.dataSource.query(
      `SELECT contest_id AS "contestId",
              count(*) FILTER (WHERE status = 'submitted')::int AS submitted,
              count(*) FILTER (WHERE status = 'draft')::int AS drafts,
              count(*) FILTER (WHERE status = 'submitted' AND eligibility = 'pending')::int AS "notScreened"
         FROM entries WHERE contest_id = ANY($1::uuid[]) GROUP BY contest_id`,
      [ids],
    );
    const rounds: { contestId: string; roundId: string; name: string; sheets: number; unsubmitted: number }[] = await this.dataSource.query(
      `SELECT r.contest_id AS "contestId", r.id AS "roundId", r.name,
              count(a.id) FILTER (WHERE a.status <> 'recused')::int AS sheets,
              count(a.id) FILTER (WHERE a.status <> 'recused' AND (s.status IS NULL OR s.status <> 'submitted'))::int AS unsubmitted
         FROM rounds r
         LEFT JOIN assignments a ON a.round_id = r.id
         LEFT JOIN score_sheets s ON s.assignment_id = a.id
        WHERE r.contest_id = ANY($1::uuid[]) AND r.status = 'open'
        GROUP BY r.contest_id, r.id, r.name, r."order"
        ORDER BY r."order"`,
      [ids],
    );
    return contests.map((c) => {
      const counted = entries.find((e) => e.contestId === c.contestId);
      return {
        ...c,
        entries: { submitted: counted?.submitted ?? 0, drafts: counted?.drafts ?? 0, notScreened: counted?.notScreened ?? 0 },
        openRounds: rounds.filter((r) => r.contestId === c.contestId).map(({ contestId: _contest, ...round }) => round),
      };
    });
  }

  async findById(id: string): Promise<ContestAggregate | null> {
    return findAggregate(this.dataSource.manager, id);
  }

  async findBySlug(slug: string): Promise<ContestAggregate | null> {
    const contest = await this.dataSource.getRepository(ContestEntity).findOne({ where: { slug } });
    return contest ? known((await withConfiguration(this.dataSource.manager, [contest]))[0], 'the configured contest') : null;
  }

  /** Inserts the contest with its categories and prizes in one transaction; null when the slug is taken. */
  async create(ownerId: string, dto: NewContest): Promise<ContestAggregate | null> {
    const id = await this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO contests (name, slug, year, description, submission_opens_at, submission_closes_at,
                               min_score_for_prize, require_pitch_deck, code_prefix, owner_id, no_zero_criterion, language, time_zone)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [
          dto.name,
          dto.slug,
          dto.year,
          dto.description ?? '',
          dto.submissionOpensAt,
          dto.submissionClosesAt,
          dto.minScoreForPrize ?? 0,
          dto.requirePitchDeck ?? true,
          dto.codePrefix ?? null,
          ownerId,
          dto.noZeroCriterion ?? false,
          dto.language ?? 'vi',
          dto.timeZone ?? 'Asia/Ho_Chi_Minh',
        ],
      );
      const [created] = inserted;
      if (created === undefined) return null;
      const contestId = created.id;
      await this.auditEvents.record(manager, {
        contestId,
        actorId: ownerId,
        action: 'contest.created',
        subjectType: 'contest',
        subjectId: contestId,
        payload: { name: dto.name, slug: dto.slug, year: dto.year },
      });
      const categories = await manager.save(
        dto.categories.map((c, position) => manager.create(CategoryEntity, { contestId, name: c.name, position })),
      );
      const byName = new Map(categories.map((c) => [c.name.toLocaleLowerCase('vi'), c.id]));
      await new ContestChanges(manager, contestId, (event) => this.auditEvents.record(manager, event)).replacePrizes(
        dto.prizes.map((p) => ({
          tier: p.tier,
          count: p.count,
          amount: p.amount ?? null,
          currency: p.currency ?? null,
          categoryId: p.categoryName ? (byName.get(p.categoryName.toLocaleLowerCase('vi')) ?? null) : null,
        })),
      );
      return contestId;
    });
    return id ? this.findById(id) : null;
  }

  /**
   * Runs `work` in one transaction holding the contest's row lock, so that every change to a
   * contest, its categories, prizes and rounds sees the state it decides on and nothing moves
   * under it. `current` is null when no contest has this id.
   */
  change<T>(contestId: string, work: (current: ContestAggregate | null, changes: ContestChanges) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const locked: unknown[] = await manager.query(`SELECT id FROM contests WHERE id = $1 FOR UPDATE`, [contestId]);
      const current = locked.length === 0 ? null : await findAggregate(manager, contestId);
      return work(current, new ContestChanges(manager, contestId, (event) => this.auditEvents.record(manager, event)));
    });
  }
}

/** The writes of one contest inside the transaction `ContestsRepository.change` opened. */
export class ContestChanges {
  readonly rounds: RoundChanges;

  constructor(
    /** The transaction: other areas write with it (the mail of a change). */
    readonly manager: EntityManager,
    private readonly contestId: string,
    private readonly record: (event: AuditEventInput) => Promise<unknown>,
  ) {
    this.rounds = new RoundChanges(manager, contestId);
  }

  /** Records an event of this contest in the edit's transaction; its subject is the contest unless named. */
  async audit(event: Omit<AuditEventInput, 'contestId'>): Promise<void> {
    await this.record({ subjectType: 'contest', subjectId: this.contestId, ...event, contestId: this.contestId });
  }

  /** The contest as this transaction now sees it. */
  async reload(): Promise<ContestAggregate> {
    return (await findAggregate(this.manager, this.contestId)) as ContestAggregate;
  }

  async slugTaken(slug: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM contests WHERE slug = $1 AND id <> $2`, [slug, this.contestId]);
    return rows.length > 0;
  }

  /** Sets the given columns and bumps the version, which every edit of the contest does. */
  async updateContest(fields: ContestFieldChanges): Promise<void> {
    const sets = ['version = version + 1', 'updated_at = now()'];
    const params: unknown[] = [this.contestId];
    for (const key of Object.keys(CONTEST_COLUMNS) as (keyof ContestFieldChanges)[]) {
      if (fields[key] === undefined) continue;
      params.push(fields[key]);
      sets.push(`${CONTEST_COLUMNS[key]} = $${params.length}`);
    }
    await this.manager.query(`UPDATE contests SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  /** Writes the form and the rules as a whole, and bumps the version. */
  async setApplicationForm(form: {
    formFields: FormField[];
    retiredFormFields: FormField[];
    eligibilityRules: EligibilityRule[];
  }): Promise<void> {
    await this.manager.query(
      `UPDATE contests SET form_fields = $2::jsonb, retired_form_fields = $3::jsonb, eligibility_rules = $4::jsonb,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [this.contestId, JSON.stringify(form.formFields), JSON.stringify(form.retiredFormFields), JSON.stringify(form.eligibilityRules)],
    );
  }

  /** How many entries of the contest (any status) answered each of these fields. */
  async countAnswers(keys: string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows: { key: string; count: number }[] = await this.manager.query(
      `SELECT k.key, count(e.id)::int AS count FROM unnest($2::text[]) AS k(key)
         LEFT JOIN entries e ON e.contest_id = $1 AND e.answers ? k.key
        GROUP BY k.key`,
      [this.contestId, keys],
    );
    return new Map(rows.map((r) => [r.key, r.count]));
  }

  async setStatus(status: ContestStatus): Promise<void> {
    await this.manager.query(`UPDATE contests SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
      this.contestId,
      status,
    ]);
  }

  /** Which of these users sit on the contest's panel. */
  async panelMembers(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: { user_id: string }[] = await this.manager.query(
      `SELECT user_id FROM contest_judges WHERE contest_id = $1 AND user_id = ANY($2::uuid[])`,
      [this.contestId, userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** Entries of any status per category, for the categories that have any. */
  async countEntriesByCategory(categoryIds: string[]): Promise<Map<string, number>> {
    if (categoryIds.length === 0) return new Map();
    const rows: { category_id: string; count: number }[] = await this.manager.query(
      `SELECT category_id, count(*)::int AS count FROM entries WHERE category_id = ANY($1::uuid[]) GROUP BY category_id`,
      [categoryIds],
    );
    return new Map(rows.map((r) => [r.category_id, r.count]));
  }

  /** Applies a category plan; answers every resulting category's id by its lower-cased name. */
  async saveCategories(plan: CategoryPlan): Promise<Map<string, string>> {
    if (plan.remove.length > 0) {
      await this.manager.query(`DELETE FROM categories WHERE contest_id = $1 AND id = ANY($2::uuid[])`, [this.contestId, plan.remove]);
    }
    if (plan.keep.length > 0) {
      // Names are unique per contest and the constraint is checked row by row, so a swap of two
      // names goes through a unique stand-in first.
      const ids = plan.keep.map((c) => c.id);
      await this.manager.query(`UPDATE categories SET name = id::text WHERE contest_id = $1 AND id = ANY($2::uuid[])`, [
        this.contestId,
        ids,
      ]);
      await this.manager.query(
        `UPDATE categories c SET name = k.name, position = k.position
           FROM unnest($2::uuid[], $3::text[], $4::int[]) AS k(id, name, position)
          WHERE c.contest_id = $1 AND c.id = k.id`,
        [this.contestId, ids, plan.keep.map((c) => c.name), plan.keep.map((c) => c.position)],
      );
    }
    if (plan.add.length > 0) {
      await this.manager.query(
        `INSERT INTO categories (contest_id, name, position) SELECT $1, a.name, a.position FROM unnest($2::text[], $3::int[]) AS a(name, position)`,
        [this.contestId, plan.add.map((c) => c.name), plan.add.map((c) => c.position)],
      );
    }
    const rows: { id: string; name: string }[] = await this.manager.query(`SELECT id, name FROM categories WHERE contest_id = $1`, [
      this.contestId,
    ]);
    return new Map(rows.map((r) => [r.name.toLocaleLowerCase('vi'), r.id]));
  }

  /** The prize list is replaced as a whole: it is small and has no identity of its own. */
  async replacePrizes(prizes: NewPrize[]): Promise<void> {
    await this.manager.query(`DELETE FROM prizes WHERE contest_id = $1`, [this.contestId]);
    if (prizes.length === 0) return;
    await this.manager.query(
      `INSERT INTO prizes (contest_id, tier, count, amount, currency, category_id)
       SELECT $1, p.tier, p.count, p.amount, p.currency, p.category_id
         FROM unnest($2::text[], $3::int[], $4::numeric[], $5::text[], $6::uuid[]) AS p(tier, count, amount, currency, category_id)`,
      [
        this.contestId,
        prizes.map((p) => p.tier),
        prizes.map((p) => p.count),
        prizes.map((p) => p.amount),
        prizes.map((p) => p.currency),
        prizes.map((p) => p.categoryId),
      ],
    );
  }
}

async function findAggregate(manager: EntityManager, id: string): Promise<ContestAggregate | null> {
  const contest = await manager.getRepository(ContestEntity).findOne({ where: { id } });
  return contest ? known((await withConfiguration(manager, [contest]))[0], 'the configured contest') : null;
}

async function withConfiguration(manager: EntityManager, contests: ContestEntity[]): Promise<ContestAggregate[]> {
  if (contests.length === 0) return [];
  const contestIds = contests.map((c) => c.id);
  const [categories, rounds, prizes, submitted] = await Promise.all([
    manager.getRepository(CategoryEntity).find({ where: { contestId: In(contestIds) }, order: { position: 'ASC' } }),
    manager.getRepository(RoundEntity).find({ where: { contestId: In(contestIds) }, order: { order: 'ASC' } }),
    manager.getRepository(PrizeEntity).find({ where: { contestId: In(contestIds) } }),
    manager.query(
      `SELECT contest_id, count(*)::int AS count FROM entries WHERE contest_id = ANY($1::uuid[]) AND status = 'submitted' GROUP BY contest_id`,
      [contestIds],
    ) as Promise<{ contest_id: string; count: number }[]>,
  ]);
  const criteria =
    rounds.length === 0
      ? []
      : await manager.getRepository(CriterionEntity).find({ where: { roundId: In(rounds.map((r) => r.id)) }, order: { position: 'ASC' } });
  return contests.map((contest) => {
    const ownRounds = rounds.filter((r) => r.contestId === contest.id);
    const roundIds = new Set(ownRounds.map((r) => r.id));
    return {
      contest,
      categories: categories.filter((c) => c.contestId === contest.id),
      rounds: ownRounds,
      criteria: criteria.filter((c) => roundIds.has(c.roundId)),
      prizes: prizes.filter((p) => p.contestId === contest.id),
      submittedEntries: submitted.find((s) => s.contest_id === contest.id)?.count ?? 0,
    };
  });
}
