import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  type Answers,
  type ContestLanguage,
  type ContestStatus,
  type Eligibility,
  type EligibilityRule,
  type EntryFieldsRequest,
  type EntryFilterQuery,
  type EntryListItemView,
  type EntryListQuery,
  type EntryMember,
  type EntrySortKey,
  type EntryStatus,
  type FormField,
  type PrizeTier,
} from '@laurel/contracts';
import { EntryEntity } from '../entities';
import { AuditRepository } from './audit.repository';
import { returningRows } from './returning-rows';
import { known } from '@laurel/domain';

/** What the entry rules need to know of the contest an entry belongs to. */
export interface EntryContest {
  id: string;
  name: string;
  slug: string;
  year: number;
  status: ContestStatus;
  ownerId: string;
  submissionOpensAt: Date;
  submissionClosesAt: Date;
  requirePitchDeck: boolean;
  codePrefix: string | null;
  categories: { id: string; name: string }[];
  formFields: FormField[];
  /** Fields removed after entries were submitted; their answers are still exported. */
  retiredFormFields: FormField[];
  eligibilityRules: EligibilityRule[];
  /** How the contest's documents are written. */
  language: ContestLanguage;
  timeZone: string;
}

export interface EntryRecord {
  entry: EntryEntity;
  contest: EntryContest;
}

/** The fields an applicant writes, every one optional in a draft: the request's, with the answers checked. */
export type EntryFields = Omit<EntryFieldsRequest, 'answers'> & { answers?: Answers };

const JSON_FIELDS: readonly (keyof EntryFields)[] = ['members', 'answers'];

const FIELD_COLUMNS: Record<keyof EntryFields, string> = {
  categoryId: 'category_id',
  title: 'title',
  teamName: 'team_name',
  summary: 'summary',
  problem: 'problem',
  solution: 'solution',
  market: 'market',
  businessModel: 'business_model',
  organization: 'organization',
  videoUrl: 'video_url',
  members: 'members',
  answers: 'answers',
};

export type EntryUpdate = { outcome: 'updated'; entry: EntryEntity } | { outcome: 'stale' } | { outcome: 'category_taken' };

export type EntrySubmission =
  | { outcome: 'submitted'; entry: EntryEntity }
  | { outcome: 'changed' }
  | { outcome: 'missing_pitch_deck' }
  | { outcome: 'closed' }
  | { outcome: 'refused'; reasons: unknown[] };

/** An entry of the contest already submitted, as the organization count reads it. */
export interface SubmittedEntryOrganization {
  id: string;
  organization: string | null;
  submittedAt: string;
}

/** Sort keys to SQL: the only text of a sort request that reaches a query, and only through this map. */
const SORT_EXPRESSIONS: Record<EntrySortKey, string> = {
  code: 'e.code',
  title: 'lower(e.title)',
  teamName: 'lower(e.team_name)',
  status: 'e.status',
  submittedAt: 'e.submitted_at',
  createdAt: 'e.created_at',
};

/** The list query's paging and order, every one decided (the service fills the defaults). */
export type EntryPage = Required<Omit<EntryListQuery, keyof EntryFilterQuery>>;

/** A list line as stored: the contract's line with dates as dates, the answers instead of the checks made from them. */
export type EntryListRow = Omit<EntryListItemView, 'eligibilityChecks' | 'submittedAt' | 'createdAt' | 'updatedAt'> & {
  answers: Answers;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export interface EntryExportRow extends EntryListRow {
  members: EntryMember[];
}

export interface OwnEntryRow {
  id: string;
  contestId: string;
  contestName: string;
  contestSlug: string;
  submissionClosesAt: Date;
  categoryId: string | null;
  categoryName: string | null;
  title: string;
  teamName: string;
  status: EntryStatus;
  code: string | null;
  version: number;
  submittedAt: Date | null;
  updatedAt: Date;
  contestStatus: ContestStatus;
  eligibility: Eligibility;
  /** Once the contest is published. */
  award: { tier: PrizeTier; amount: number | null; currency: string | null } | null;
  /** The last round that covered the entry, with what became of it there. */
  lastRound: { name: string; outcome: 'pending' | 'advanced' | 'eliminated'; final: boolean } | null;
}

export interface ImportedEntry extends Required<Omit<EntryFields, 'categoryId'>> {
  categoryId: string;
}

/** `%`, `_` and the escape character itself match literally in the search. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class EntriesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  async findContest(contestId: string): Promise<EntryContest | null> {
    return findContest(this.dataSource.manager, contestId);
  }

  async findById(id: string): Promise<EntryRecord | null> {
    const entry = await this.dataSource.getRepository(EntryEntity).findOne({ where: { id } });
    if (!entry) return null;
    const contest = (await findContest(this.dataSource.manager, entry.contestId)) as EntryContest;
    return { entry, contest };
  }

  /** The applicant's entry that is not withdrawn in this category, if any. */
  findLive(contestId: string, categoryId: string, ownerId: string): Promise<EntryEntity | null> {
    return this.dataSource
      .getRepository(EntryEntity)
      .createQueryBuilder('e')
      .where('e.contestId = :contestId AND e.categoryId = :categoryId AND e.ownerId = :ownerId', { contestId, categoryId, ownerId })
      .andWhere(`e.status <> 'withdrawn'`)
      .getOne();
  }

  /** A new draft; null when the owner already has a live entry in that category. */
  async createDraft(contestId: string, ownerId: string, fields: EntryFields): Promise<EntryEntity | null> {
    const columns = ['contest_id', 'owner_id'];
    const params: unknown[] = [contestId, ownerId];
    for (const [key, column] of Object.entries(FIELD_COLUMNS) as [keyof EntryFields, string][]) {
      if (fields[key] === undefined) continue;
      columns.push(column);
      params.push(JSON_FIELDS.includes(key) ? JSON.stringify(fields[key]) : fields[key]);
    }
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO entries (${columns.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (contest_id, category_id, owner_id) WHERE owner_id IS NOT NULL AND status <> 'withdrawn' DO NOTHING
       RETURNING id`,
      params,
    );
    const [inserted] = rows;
    return inserted === undefined ? null : this.dataSource.getRepository(EntryEntity).findOneByOrFail({ id: inserted.id });
  }

  /** Writes the given fields of a draft that still has `expectedVersion`, and bumps the version. */
  async updateDraft(id: string, expectedVersion: number, fields: EntryFields): Promise<EntryUpdate> {
    const sets = ['version = version + 1', 'updated_at = now()'];
    const params: unknown[] = [id, expectedVersion];
    for (const [key, column] of Object.entries(FIELD_COLUMNS) as [keyof EntryFields, string][]) {
      if (fields[key] === undefined) continue;
      params.push(JSON_FIELDS.includes(key) ? JSON.stringify(fields[key]) : fields[key]);
      sets.push(`${column} = $${params.length}`);
    }
    try {
      const rows = await returningRows<{ id: string }>(
        this.dataSource.manager,
        `UPDATE entries SET ${sets.join(', ')} WHERE id = $1 AND version = $2 AND status = 'draft' RETURNING id`,
        params,
      );
      if (rows.length === 0) return { outcome: 'stale' };
    } catch (error) {
      if (isUniqueViolation(error, 'entries_owner_category_key')) return { outcome: 'category_taken' };
      throw error;
    }
    return { outcome: 'updated', entry: await this.dataSource.getRepository(EntryEntity).findOneByOrFail({ id }) };
  }

  /**
   * Submits a draft in one transaction: the entry still at `expectedVersion`, its pitch deck still
   * there when the contest needs one, the contest still taking entries (by the database's clock);
   * then the next number of the contest's sequence, taken under the contest's row lock, becomes
   * its code. A refusal rolls everything back, so failed submissions leave no gap in the codes.
   *
   * `gate` sees the contest's submitted entries while the contest row is locked, so two entries
   * of one organization submitted at the same moment are counted one after the other; what it
   * answers (the rules the entry fails) refuses the submission. `after` runs in the same
   * transaction once the entry is submitted (the receipt mail is written there).
   */
  submit(
    id: string,
    expectedVersion: number,
    codePrefix: string,
    actorId: string,
    gate?: (submitted: SubmittedEntryOrganization[]) => unknown[],
    after?: (manager: EntityManager, entry: EntryEntity) => Promise<void>,
  ): Promise<EntrySubmission> {
    return this.dataSource.transaction(async (manager) => {
      const [locked]: { contest_id: string; status: EntryStatus; version: number }[] = await manager.query(
        `SELECT contest_id, status, version FROM entries WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (locked === undefined || locked.status !== 'draft' || locked.version !== expectedVersion) return { outcome: 'changed' };
      const contestId = locked.contest_id;
      const [deck]: { missing: boolean }[] = await manager.query(
        `SELECT c.require_pitch_deck AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.entry_id = $1 AND a.kind = 'pitch_deck') AS missing
           FROM contests c WHERE c.id = $2`,
        [id, contestId],
      );
      if (known(deck, "the entry's contest").missing) return { outcome: 'missing_pitch_deck' };
      if (gate) {
        await manager.query(`SELECT id FROM contests WHERE id = $1 FOR UPDATE`, [contestId]);
        const reasons = gate(await submittedOrganizations(manager, contestId));
        if (reasons.length > 0) return { outcome: 'refused', reasons };
      }
      const seq = await returningRows<{ entry_seq: number }>(
        manager,
        `UPDATE contests SET entry_seq = entry_seq + 1
          WHERE id = $1 AND status = 'open' AND now() >= submission_opens_at AND now() < submission_closes_at
          RETURNING entry_seq`,
        [contestId],
      );
      const [numbered] = seq;
      if (numbered === undefined) return { outcome: 'closed' };
      const code = formatEntryCode(codePrefix, numbered.entry_seq);
      await manager.query(
        `UPDATE entries SET status = 'submitted', code = $2, submitted_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [id, code],
      );
      await this.audit.record(manager, {
        contestId,
        actorId,
        action: 'entry.submitted',
        subjectType: 'entry',
        subjectId: id,
        payload: { code },
      });
      const entry = await manager.getRepository(EntryEntity).findOneByOrFail({ id });
      await after?.(manager, entry);
      return { outcome: 'submitted', entry };
    });
  }

  /** Withdraws a draft or submitted entry while its contest has not started judging; null otherwise. */
  async withdraw(id: string, actorId: string): Promise<EntryEntity | null> {
    const withdrawn = await this.dataSource.transaction(async (manager) => {
      const rows = await returningRows<{ id: string; contest_id: string; code: string | null }>(
        manager,
        `UPDATE entries e SET status = 'withdrawn', withdrawn_at = now(), version = e.version + 1, updated_at = now()
           FROM contests c
          WHERE e.id = $1 AND c.id = e.contest_id AND e.status IN ('draft', 'submitted') AND c.status IN ('draft', 'open', 'closed')
          RETURNING e.id, e.contest_id, e.code`,
        [id],
      );
      const [withdrawn] = rows;
      if (withdrawn === undefined) return false;
      await this.audit.record(manager, {
        contestId: withdrawn.contest_id,
        actorId,
        action: 'entry.withdrawn',
        subjectType: 'entry',
        subjectId: id,
        payload: { code: withdrawn.code },
      });
      return true;
    });
    return withdrawn ? this.dataSource.getRepository(EntryEntity).findOneByOrFail({ id }) : null;
  }

  /**
   * Records a screening decision on a submitted entry, with its audit event in the same
   * transaction; null when the entry is not submitted. `after` runs in that transaction too (the
   * team's mail about the decision).
   */
  async setEligibility(
    id: string,
    eligibility: Eligibility,
    reason: string | null,
    by: string,
    overriddenRules: string[] = [],
    after?: (manager: EntityManager) => Promise<void>,
  ): Promise<EntryEntity | null> {
    const changed = await this.dataSource.transaction(async (manager) => {
      const rows = await returningRows<{ id: string; contest_id: string; code: string | null }>(
        manager,
        `UPDATE entries SET eligibility = $2, eligibility_reason = $3, eligibility_by = $4, eligibility_at = now(),
                version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'submitted' RETURNING id, contest_id, code`,
        [id, eligibility, reason, by],
      );
      const [screened] = rows;
      if (screened === undefined) return false;
      await this.audit.record(manager, {
        contestId: screened.contest_id,
        actorId: by,
        action: 'entry.eligibility_set',
        subjectType: 'entry',
        subjectId: id,
        payload:
          overriddenRules.length > 0
            ? { code: screened.code, eligibility, reason, overriddenRules }
            : { code: screened.code, eligibility, reason },
      });
      await after?.(manager);
      return true;
    });
    return changed ? this.dataSource.getRepository(EntryEntity).findOneByOrFail({ id }) : null;
  }

  /**
   * An organizer's correction of a submitted entry's organization or team (the fields given), made
   * on `expectedVersion`, with its `entry.corrected` event in the same transaction; `after` runs in
   * that transaction too (conflict detection for the entry's judges), before the event. Null when
   * the entry is no longer submitted at that version.
   */
  async correct(
    id: string,
    expectedVersion: number,
    changes: { organization?: string | null; members?: EntryMember[] },
    reason: string,
    by: string,
    after?: (manager: EntityManager) => Promise<void>,
  ): Promise<EntryEntity | null> {
    const changed = await this.dataSource.transaction(async (manager) => {
      const [corrected] = await returningRows<{ id: string; contest_id: string; code: string | null }>(
        manager,
        `UPDATE entries SET organization = CASE WHEN $3::boolean THEN $4::text ELSE organization END,
                members = CASE WHEN $5::boolean THEN $6::jsonb ELSE members END, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 AND status = 'submitted' RETURNING id, contest_id, code`,
        [
          id,
          expectedVersion,
          changes.organization !== undefined,
          changes.organization ?? null,
          changes.members !== undefined,
          JSON.stringify(changes.members ?? []),
        ],
      );
      if (corrected === undefined) return false;
      // `after` (detection) share-locks the contest's open rounds before anything writes the
      // contest's audit chain: an assignment run holds its round's lock, then writes that chain,
      // so taking them the other way round here would deadlock with it.
      await after?.(manager);
      await this.audit.record(manager, {
        contestId: corrected.contest_id,
        actorId: by,
        action: 'entry.corrected',
        subjectType: 'entry',
        subjectId: id,
        payload: { code: corrected.code, fields: Object.keys(changes), reason },
      });
      return true;
    });
    return changed ? this.dataSource.getRepository(EntryEntity).findOneByOrFail({ id }) : null;
  }

  /** The contest's submitted entries with their organization, for the entries-per-organization rule. */
  submittedOrganizations(contestId: string): Promise<SubmittedEntryOrganization[]> {
    return submittedOrganizations(this.dataSource.manager, contestId);
  }

  async listForOwner(ownerId: string): Promise<OwnEntryRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      // The award and the last round are read only for a published contest: before that they are
      // the organizers' work in progress, not something to tell the team.
      `SELECT e.id, e.contest_id, c.name AS contest_name, c.slug AS contest_slug, c.submission_closes_at,
              e.category_id, cat.name AS category_name, e.title, e.team_name, e.status, e.code, e.version,
              e.submitted_at, e.updated_at, c.status AS contest_status, e.eligibility,
              aw.tier AS award_tier, p.amount::float8 AS award_amount, p.currency AS award_currency,
              lr.name AS last_round_name, lr.outcome AS last_round_outcome, lr.final AS last_round_final
         FROM entries e
         JOIN contests c ON c.id = e.contest_id
         LEFT JOIN categories cat ON cat.id = e.category_id
         LEFT JOIN awards aw ON c.status = 'published' AND aw.contest_id = c.id AND aw.entry_id = e.id
         LEFT JOIN prizes p ON p.contest_id = c.id AND p.tier = aw.tier AND p.category_id IS NOT DISTINCT FROM aw.category_id
         LEFT JOIN LATERAL (
           SELECT r.name, re.outcome, NOT EXISTS (SELECT 1 FROM rounds later WHERE later.contest_id = r.contest_id AND later."order" > r."order") AS final
             FROM round_entries re JOIN rounds r ON r.id = re.round_id
            WHERE c.status = 'published' AND re.entry_id = e.id
            ORDER BY r."order" DESC LIMIT 1) lr ON true
        WHERE e.owner_id = $1
        ORDER BY e.created_at DESC, e.id`,
      [ownerId],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      contestId: r['contest_id'] as string,
      contestName: r['contest_name'] as string,
      contestSlug: r['contest_slug'] as string,
      submissionClosesAt: r['submission_closes_at'] as Date,
      categoryId: r['category_id'] as string | null,
      categoryName: r['category_name'] as string | null,
      title: r['title'] as string,
      teamName: r['team_name'] as string,
      status: r['status'] as EntryStatus,
      code: r['code'] as string | null,
      version: r['version'] as number,
      submittedAt: r['submitted_at'] as Date | null,
      updatedAt: r['updated_at'] as Date,
      contestStatus: r['contest_status'] as ContestStatus,
      eligibility: r['eligibility'] as Eligibility,
      award: r['award_tier']
        ? {
            tier: r['award_tier'] as PrizeTier,
            amount: (r['award_amount'] as number | null) ?? null,
            currency: (r['award_currency'] as string | null) ?? null,
          }
        : null,
      lastRound: r['last_round_name']
        ? {
            name: r['last_round_name'] as string,
            outcome: r['last_round_outcome'] as 'pending' | 'advanced' | 'eliminated',
            final: r['last_round_final'] as boolean,
          }
        : null,
    }));
  }

  /** One page of a contest's entries and how many match in all. */
  async listForContest(contestId: string, filter: EntryFilterQuery, page: EntryPage): Promise<{ items: EntryListRow[]; total: number }> {
    const where = contestFilter(contestId, filter);
    const direction = page.order === 'desc' ? 'DESC' : 'ASC';
    const limit = where.params.length + 1;
    const [countRows, rows] = await Promise.all([
      this.dataSource.query(`SELECT count(*)::int AS total FROM entries e WHERE ${where.sql}`, where.params) as Promise<
        { total: number }[]
      >,
      this.dataSource.query(
        `SELECT ${LIST_COLUMNS} FROM entries e LEFT JOIN categories cat ON cat.id = e.category_id
          WHERE ${where.sql}
          ORDER BY ${SORT_EXPRESSIONS[page.sort]} ${direction} NULLS LAST, e.id ${direction}
          LIMIT $${limit} OFFSET $${limit + 1}`,
        [...where.params, page.pageSize, (page.page - 1) * page.pageSize],
      ) as Promise<Record<string, unknown>[]>,
    ]);
    return { items: rows.map(toListRow), total: known(countRows[0], 'the entry count').total };
  }

  /** Every matching entry of a contest, by code (entries without one last), for the workbook. */
  async listForExport(contestId: string, filter: EntryFilterQuery): Promise<EntryExportRow[]> {
    const where = contestFilter(contestId, filter);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS}, e.members FROM entries e LEFT JOIN categories cat ON cat.id = e.category_id
        WHERE ${where.sql} ORDER BY e.code NULLS LAST, e.created_at, e.id`,
      where.params,
    );
    return rows.map((r) => ({ ...toListRow(r), members: r['members'] as EntryMember[] }));
  }

  /** Live entries of the contest with one of these (title, team name) pairs, compared case-insensitively. */
  async findByTitleAndTeam(
    contestId: string,
    pairs: { title: string; teamName: string }[],
  ): Promise<{ title: string; teamName: string; code: string | null }[]> {
    if (pairs.length === 0) return [];
    const rows: { title: string; team_name: string; code: string | null }[] = await this.dataSource.query(
      `SELECT e.title, e.team_name, e.code FROM entries e
         JOIN unnest($2::text[], $3::text[]) AS p(title, team_name) ON lower(e.title) = lower(p.title) AND lower(e.team_name) = lower(p.team_name)
        WHERE e.contest_id = $1 AND e.status <> 'withdrawn'`,
      [contestId, pairs.map((p) => p.title), pairs.map((p) => p.teamName)],
    );
    return rows.map((r) => ({ title: r.title, teamName: r.team_name, code: r.code }));
  }

  /**
   * Inserts imported entries as submitted, with no owner, in one transaction; their codes are the
   * next numbers of the contest's sequence, in the order given. Null when the contest has started
   * judging meanwhile.
   */
  importSubmitted(contestId: string, codePrefix: string, entries: ImportedEntry[], actorId: string): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      const seq = await returningRows<{ entry_seq: number }>(
        manager,
        `UPDATE contests SET entry_seq = entry_seq + $2 WHERE id = $1 AND status IN ('draft', 'open', 'closed') RETURNING entry_seq`,
        [contestId, entries.length],
      );
      const [numbered] = seq;
      if (numbered === undefined) return null;
      const first = numbered.entry_seq - entries.length + 1;
      await manager.query(
        `INSERT INTO entries (contest_id, category_id, status, code, title, team_name, summary, problem, solution, market,
                              business_model, organization, video_url, members, answers, submitted_at)
         SELECT $1, r.category_id, 'submitted', r.code, r.title, r.team_name, r.summary, r.problem, r.solution, r.market,
                r.business_model, r.organization, r.video_url, r.members, r.answers, now()
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                       $10::text[], $11::text[], $12::text[], $13::jsonb[], $14::jsonb[])
             AS r(category_id, code, title, team_name, summary, problem, solution, market, business_model, organization, video_url, members, answers)`,
        [
          contestId,
          entries.map((e) => e.categoryId),
          entries.map((_, i) => formatEntryCode(codePrefix, first + i)),
          entries.map((e) => e.title),
          entries.map((e) => e.teamName),
          entries.map((e) => e.summary),
          entries.map((e) => e.problem),
          entries.map((e) => e.solution),
          entries.map((e) => e.market),
          entries.map((e) => e.businessModel),
          entries.map((e) => e.organization),
          entries.map((e) => e.videoUrl),
          entries.map((e) => JSON.stringify(e.members)),
          entries.map((e) => JSON.stringify(e.answers)),
        ],
      );
      const codes = entries.map((_, i) => formatEntryCode(codePrefix, first + i));
      await this.audit.record(manager, {
        contestId,
        actorId,
        action: 'entries.imported',
        subjectType: 'contest',
        subjectId: contestId,
        payload: { count: entries.length, firstCode: codes[0], lastCode: codes[codes.length - 1] },
      });
      return entries.length;
    });
  }
}

/** `ST26` and 7 → `ST26-007`; numbers past 999 simply grow. */
export function formatEntryCode(prefix: string, seq: number): string {
  return `${prefix}-${String(seq).padStart(3, '0')}`;
}

const LIST_COLUMNS = `e.id, e.code, e.title, e.team_name, e.organization, e.category_id, cat.name AS category_name, e.status,
  e.eligibility, e.eligibility_reason, jsonb_array_length(e.members) AS member_count,
  (SELECT count(*)::int FROM attachments a WHERE a.entry_id = e.id) AS attachment_count, e.answers,
  e.submitted_at, e.created_at, e.updated_at`;

function contestFilter(contestId: string, filter: EntryFilterQuery): { sql: string; params: unknown[] } {
  const conditions = ['e.contest_id = $1'];
  const params: unknown[] = [contestId];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(params.length));
  };
  if (filter.status) add((n) => `e.status = $${n}`, filter.status);
  if (filter.categoryId) add((n) => `e.category_id = $${n}`, filter.categoryId);
  if (filter.eligibility) add((n) => `e.eligibility = $${n}`, filter.eligibility);
  if (filter.q) {
    add(
      (n) => `(e.title ILIKE $${n} ESCAPE '\\' OR e.team_name ILIKE $${n} ESCAPE '\\' OR e.code ILIKE $${n} ESCAPE '\\')`,
      likePattern(filter.q),
    );
  }
  return { sql: conditions.join(' AND '), params };
}

function toListRow(r: Record<string, unknown>): EntryListRow {
  return {
    id: r['id'] as string,
    code: r['code'] as string | null,
    title: r['title'] as string,
    teamName: r['team_name'] as string,
    organization: r['organization'] as string | null,
    categoryId: r['category_id'] as string | null,
    categoryName: r['category_name'] as string | null,
    status: r['status'] as EntryStatus,
    eligibility: r['eligibility'] as Eligibility,
    eligibilityReason: r['eligibility_reason'] as string | null,
    memberCount: r['member_count'] as number,
    attachmentCount: r['attachment_count'] as number,
    answers: (r['answers'] ?? {}) as Answers,
    submittedAt: r['submitted_at'] as Date | null,
    createdAt: r['created_at'] as Date,
    updatedAt: r['updated_at'] as Date,
  };
}

async function findContest(manager: EntityManager, contestId: string): Promise<EntryContest | null> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT c.id, c.name, c.slug, c.year, c.status, c.owner_id, c.submission_opens_at, c.submission_closes_at,
            c.require_pitch_deck, c.code_prefix, c.form_fields, c.retired_form_fields, c.eligibility_rules, c.language, c.time_zone,
            coalesce((SELECT jsonb_agg(jsonb_build_object('id', cat.id, 'name', cat.name) ORDER BY cat.position, cat.name)
                        FROM categories cat WHERE cat.contest_id = c.id), '[]'::jsonb) AS categories
       FROM contests c WHERE c.id = $1`,
    [contestId],
  );
  const [r] = rows;
  if (r === undefined) return null;
  return {
    id: r['id'] as string,
    name: r['name'] as string,
    slug: r['slug'] as string,
    year: r['year'] as number,
    status: r['status'] as ContestStatus,
    ownerId: r['owner_id'] as string,
    submissionOpensAt: r['submission_opens_at'] as Date,
    submissionClosesAt: r['submission_closes_at'] as Date,
    requirePitchDeck: r['require_pitch_deck'] as boolean,
    codePrefix: r['code_prefix'] as string | null,
    categories: r['categories'] as { id: string; name: string }[],
    formFields: r['form_fields'] as FormField[],
    retiredFormFields: r['retired_form_fields'] as FormField[],
    eligibilityRules: r['eligibility_rules'] as EligibilityRule[],
    language: r['language'] as ContestLanguage,
    timeZone: r['time_zone'] as string,
  };
}

async function submittedOrganizations(manager: EntityManager, contestId: string): Promise<SubmittedEntryOrganization[]> {
  const rows: { id: string; organization: string | null; submitted_at: Date }[] = await manager.query(
    `SELECT id, organization, submitted_at FROM entries WHERE contest_id = $1 AND status = 'submitted'`,
    [contestId],
  );
  return rows.map((r) => ({ id: r.id, organization: r.organization, submittedAt: r.submitted_at.toISOString() }));
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
