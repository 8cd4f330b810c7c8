import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PublicVoteSettings } from '@laurel/contracts';
import { returningRows } from './returning-rows';

/** A contest with what the public vote needs of it. */
export interface VoteContest {
  id: string;
  slug: string;
  name: string;
  year: number;
  ownerId: string;
  status: string;
  publicVote: PublicVoteSettings | null;
}

export interface BallotEntryRow {
  entryId: string;
  code: string | null;
  title: string;
  teamName: string;
  summary: string;
  categoryId: string | null;
}

export interface VoteRow {
  id: string;
  contestId: string;
  roundId: string;
  entryId: string;
  scopeKey: string;
  mailbox: string;
  confirmedAt: Date | null;
  voidedAt: Date | null;
}

export interface NewVote {
  contestId: string;
  roundId: string;
  entryId: string;
  scopeKey: string;
  email: string;
  mailbox: string;
  language: 'vi' | 'en';
  tokenHash: string;
  clientAddress: string | null;
}

export interface VoteTallyRow {
  entryId: string;
  code: string | null;
  title: string;
  categoryId: string | null;
  votes: number;
  pending: number;
  voided: number;
}

const CONTEST_SELECT = `SELECT id, slug, name, year, owner_id AS "ownerId", status, public_vote AS "publicVote" FROM contests`;
const VOTE_SELECT = `SELECT id, contest_id AS "contestId", round_id AS "roundId", entry_id AS "entryId", scope_key AS "scopeKey", mailbox,
                            confirmed_at AS "confirmedAt", voided_at AS "voidedAt" FROM votes`;

/** The public vote: ballots, votes cast and confirmed, tallies, the per-client throttle. */
@Injectable()
export class VotesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async contestBySlug(slug: string): Promise<VoteContest | null> {
    const rows: VoteContest[] = await this.dataSource.query(`${CONTEST_SELECT} WHERE slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  async contestById(id: string, manager: EntityManager = this.dataSource.manager): Promise<VoteContest | null> {
    const rows: VoteContest[] = await manager.query(`${CONTEST_SELECT} WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The entries of the vote round still in the contest (submitted, not withdrawn), by code. */
  ballot(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<BallotEntryRow[]> {
    return manager.query(
      `SELECT e.id AS "entryId", e.code, e.title, e.team_name AS "teamName", coalesce(e.summary, '') AS summary, e.category_id AS "categoryId"
         FROM round_entries re JOIN entries e ON e.id = re.entry_id
        WHERE re.round_id = $1 AND e.status = 'submitted'
        ORDER BY e.code NULLS LAST, e.title, e.id`,
      [roundId],
    );
  }

  /** One entry of the ballot, or null when the round does not cover it (or it left the contest). */
  async ballotEntry(roundId: string, entryId: string): Promise<BallotEntryRow | null> {
    const rows: BallotEntryRow[] = await this.dataSource.query(
      `SELECT e.id AS "entryId", e.code, e.title, e.team_name AS "teamName", coalesce(e.summary, '') AS summary, e.category_id AS "categoryId"
         FROM round_entries re JOIN entries e ON e.id = re.entry_id
        WHERE re.round_id = $1 AND re.entry_id = $2 AND e.status = 'submitted'`,
      [roundId, entryId],
    );
    return rows[0] ?? null;
  }

  async categories(contestId: string): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(`SELECT id, name FROM categories WHERE contest_id = $1 ORDER BY position, id`, [contestId]);
  }

  /**
   * Counts one hit of the client in the current window and answers the window's count, in one
   * statement, so concurrent requests on any instance each see their own number.
   */
  async hitThrottle(clientAddress: string, windowSeconds: number): Promise<number> {
    const [row]: { hits: number }[] = await this.dataSource.query(
      `INSERT INTO vote_throttle (client_address, window_start, hits)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
       ON CONFLICT (client_address, window_start) DO UPDATE SET hits = vote_throttle.hits + 1
       RETURNING hits`,
      [clientAddress, windowSeconds],
    );
    // Old windows are of no use; a cheap sweep keeps the table small.
    if (Math.random() < 0.01) await this.dataSource.query(`DELETE FROM vote_throttle WHERE window_start < now() - interval '1 day'`);
    return row.hits;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The round's name and status as they stand (no lock: a cast counts nothing until confirmed). */
  async roundState(roundId: string): Promise<{ name: string; status: string } | null> {
    const rows: { name: string; status: string }[] = await this.dataSource.query(`SELECT name, status FROM rounds WHERE id = $1`, [roundId]);
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, vote: NewVote): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO votes (contest_id, round_id, entry_id, scope_key, email, mailbox, language, token_hash, client_address)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [vote.contestId, vote.roundId, vote.entryId, vote.scopeKey, vote.email, vote.mailbox, vote.language, vote.tokenHash, vote.clientAddress],
    );
    return row.id;
  }

  /** The vote of this token, locked for the confirmation. */
  async lockByToken(manager: EntityManager, tokenHash: string): Promise<VoteRow | null> {
    const rows: VoteRow[] = await manager.query(`${VOTE_SELECT} WHERE token_hash = $1 FOR UPDATE`, [tokenHash]);
    return rows[0] ?? null;
  }

  /**
   * Counts the vote unless its mailbox already has a counted vote in its scope: the partial
   * unique index decides, so two confirmations racing on two instances cannot both count.
   * Answers false when another vote of the mailbox holds the place, including one confirmed at
   * the same moment: the index then refuses the second UPDATE (its transaction is spent; the
   * caller answers 409 and rolls it back).
   */
  async confirm(manager: EntityManager, voteId: string): Promise<boolean> {
    try {
      const rows = await returningRows<{ id: string }>(
        manager,
        `UPDATE votes v SET confirmed_at = now()
          WHERE v.id = $1 AND v.confirmed_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM votes o WHERE o.contest_id = v.contest_id AND o.scope_key = v.scope_key AND o.mailbox = v.mailbox AND o.confirmed_at IS NOT NULL)
          RETURNING v.id`,
        [voteId],
      );
      return rows.length > 0;
    } catch (error) {
      if (isUniqueViolation(error, 'votes_one_per_mailbox')) return false;
      throw error;
    }
  }

  /**
   * The vote round's name and status, its row share-locked in the caller's transaction so that
   * closing the round waits for a confirmation or a void in flight (and the other way round):
   * the closed round's snapshot then holds exactly the votes that count.
   */
  async lockRound(manager: EntityManager, roundId: string): Promise<{ name: string; status: string } | null> {
    const rows: { name: string; status: string }[] = await manager.query(`SELECT name, status FROM rounds WHERE id = $1 FOR SHARE`, [roundId]);
    return rows[0] ?? null;
  }

  async entryRef(entryId: string, manager: EntityManager = this.dataSource.manager): Promise<{ code: string | null; title: string } | null> {
    const rows: { code: string | null; title: string }[] = await manager.query(`SELECT code, title FROM entries WHERE id = $1`, [entryId]);
    return rows[0] ?? null;
  }

  async lockForVoid(manager: EntityManager, voteId: string): Promise<(VoteRow & { ownerId: string }) | null> {
    const rows: (VoteRow & { ownerId: string })[] = await manager.query(
      `SELECT v.id, v.contest_id AS "contestId", v.round_id AS "roundId", v.entry_id AS "entryId", v.scope_key AS "scopeKey", v.mailbox,
              v.confirmed_at AS "confirmedAt", v.voided_at AS "voidedAt", c.owner_id AS "ownerId"
         FROM votes v JOIN contests c ON c.id = v.contest_id WHERE v.id = $1 FOR UPDATE OF v`,
      [voteId],
    );
    return rows[0] ?? null;
  }

  async void(manager: EntityManager, voteId: string, reason: string, actorId: string): Promise<void> {
    await manager.query(`UPDATE votes SET voided_at = now(), void_reason = $2, voided_by = $3 WHERE id = $1`, [voteId, reason, actorId]);
  }

  /** Per entry of the vote round: counted (confirmed, not voided), pending and voided votes. */
  tally(contestId: string, roundId: string): Promise<VoteTallyRow[]> {
    return this.dataSource.query(
      `SELECT e.id AS "entryId", e.code, e.title, e.category_id AS "categoryId",
              count(v.id) FILTER (WHERE v.confirmed_at IS NOT NULL AND v.voided_at IS NULL)::int AS votes,
              count(v.id) FILTER (WHERE v.confirmed_at IS NULL)::int AS pending,
              count(v.id) FILTER (WHERE v.voided_at IS NOT NULL)::int AS voided
         FROM round_entries re JOIN entries e ON e.id = re.entry_id
         LEFT JOIN votes v ON v.entry_id = e.id AND v.contest_id = $1 AND v.round_id = $2
        WHERE re.round_id = $2 AND e.status = 'submitted'
        GROUP BY e.id ORDER BY votes DESC, e.code NULLS LAST, e.id`,
      [contestId, roundId],
    );
  }

  recent(contestId: string, limit: number): Promise<{ id: string; entryId: string; mailbox: string; confirmedAt: Date; voidedAt: Date | null; voidReason: string | null }[]> {
    return this.dataSource.query(
      `SELECT id, entry_id AS "entryId", mailbox, confirmed_at AS "confirmedAt", voided_at AS "voidedAt", void_reason AS "voidReason"
         FROM votes WHERE contest_id = $1 AND confirmed_at IS NOT NULL ORDER BY confirmed_at DESC, id LIMIT $2`,
      [contestId, limit],
    );
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
