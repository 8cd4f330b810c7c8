import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { BallotView, MailLanguage, PublicVoteSettings } from '@laurel/contracts';
import { known } from '@laurel/domain';
import { preparedRows } from './prepared';

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

export type BallotEntryRow = BallotView['entries'][number];

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
  language: MailLanguage;
  tokenHash: string;
  clientAddress: string | null;
}

type NullableBallotEntry = { [K in keyof BallotEntryRow]: BallotEntryRow[K] | null };

/** What a cast needs, read in one statement: the contest by its slug, the vote's round, the entry on its ballot. */
export interface CastContext {
  contest: VoteContest;
  /** The vote round's name and status; null when the settings name no round (or none is held). */
  round: { name: string; status: string } | null;
  /** The entry on the round's ballot; null when the round does not cover it or it left the contest. */
  entry: BallotEntryRow | null;
}

/** A vote looked up by its token for the confirmation, with what decides it; `counted` when this call counted it. */
export interface ConfirmOutcome {
  id: string;
  roundId: string;
  confirmedAt: Date | null;
  voidedAt: Date | null;
  publicVote: PublicVoteSettings | null;
  roundName: string;
  roundStatus: string;
  entryCode: string | null;
  entryTitle: string;
  counted: boolean;
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
/** The public vote: ballots, votes cast and confirmed, tallies. */
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

  async categories(contestId: string): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(`SELECT id, name FROM categories WHERE contest_id = $1 ORDER BY position, id`, [contestId]);
  }

  /**
   * Everything a cast checks, in one statement on a prepared plan (a cast is the public vote's
   * hot path): the contest by its slug with its vote settings, the vote round's name and status
   * (no lock: a cast counts nothing until it is confirmed), and the entry when the round covers it
   * and it is still in the contest. Null when no contest has the slug.
   */
  async castContext(slug: string, entryId: string): Promise<CastContext | null> {
    const rows = await preparedRows<VoteContest & { roundName: string | null; roundStatus: string | null } & NullableBallotEntry>(
      this.dataSource,
      'laurel-vote-cast-context',
      `SELECT c.id, c.slug, c.name, c.year, c.owner_id AS "ownerId", c.status, c.public_vote AS "publicVote",
              r.name AS "roundName", r.status AS "roundStatus",
              e.id AS "entryId", e.code, e.title, e.team_name AS "teamName", coalesce(e.summary, '') AS summary, e.category_id AS "categoryId"
         FROM contests c
         LEFT JOIN rounds r ON r.id::text = c.public_vote->>'roundId'
         LEFT JOIN round_entries re ON re.round_id = r.id AND re.entry_id = $2::uuid
         LEFT JOIN entries e ON e.id = re.entry_id AND e.status = 'submitted'
        WHERE c.slug = $1`,
      [slug, entryId],
    );
    const row = rows[0];
    if (!row) return null;
    const { roundName, roundStatus, entryId: foundEntry, code, title, teamName, summary, categoryId, ...contest } = row;
    return {
      contest,
      round: roundName !== null && roundStatus !== null ? { name: roundName, status: roundStatus } : null,
      entry:
        foundEntry !== null
          ? { entryId: foundEntry, code, title: title ?? '', teamName: teamName ?? '', summary: summary ?? '', categoryId }
          : null,
    };
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, vote: NewVote): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO votes (contest_id, round_id, entry_id, scope_key, email, mailbox, language, token_hash, client_address)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        vote.contestId,
        vote.roundId,
        vote.entryId,
        vote.scopeKey,
        vote.email,
        vote.mailbox,
        vote.language,
        vote.tokenHash,
        vote.clientAddress,
      ],
    );
    return known(row, 'the inserted vote').id;
  }

  /**
   * Confirms the vote of this token in one statement, with no BEGIN or COMMIT around it. The
   * vote's row is locked and the round's share-locked, so closing the round waits for a
   * confirmation in flight (and the other way round): the closed round's snapshot holds exactly
   * the votes that count. The vote is counted only if the contest still holds this vote, the vote
   * is not voided, `now` is before the close, the round is not closed and the mailbox has no
   * counted vote in its scope. Answers what decided it (null for an unknown token); `counted` is
   * false when a check failed, and when another vote of the mailbox was counted at the same
   * moment (the partial unique index refused this one).
   */
  async confirmByToken(tokenHash: string, now: Date): Promise<ConfirmOutcome | null> {
    try {
      const rows = await preparedRows<ConfirmOutcome>(
        this.dataSource,
        'laurel-vote-confirm',
        `WITH target AS (
           SELECT v.id, v.round_id, v.confirmed_at, v.voided_at, c.public_vote, r.name AS round_name, r.status AS round_status, e.code, e.title
             FROM votes v
             JOIN contests c ON c.id = v.contest_id
             JOIN rounds r ON r.id = v.round_id
             JOIN entries e ON e.id = v.entry_id
            WHERE v.token_hash = $1
              FOR UPDATE OF v FOR SHARE OF r
         ), counted AS (
           UPDATE votes v SET confirmed_at = now()
             FROM target t
            WHERE v.id = t.id AND v.confirmed_at IS NULL AND t.voided_at IS NULL
              AND t.round_status <> 'closed'
              AND (t.public_vote->>'enabled')::boolean IS TRUE
              AND t.public_vote->>'roundId' = t.round_id::text
              AND $2::timestamptz < (t.public_vote->>'closesAt')::timestamptz
              AND NOT EXISTS (SELECT 1 FROM votes o
                               WHERE o.contest_id = v.contest_id AND o.scope_key = v.scope_key AND o.mailbox = v.mailbox AND o.confirmed_at IS NOT NULL)
           RETURNING v.id, v.confirmed_at
         )
         SELECT t.id, t.round_id AS "roundId", coalesce(k.confirmed_at, t.confirmed_at) AS "confirmedAt", t.voided_at AS "voidedAt",
                t.public_vote AS "publicVote", t.round_name AS "roundName", t.round_status AS "roundStatus",
                t.code AS "entryCode", t.title AS "entryTitle", k.id IS NOT NULL AS counted
           FROM target t LEFT JOIN counted k ON k.id = t.id`,
        [tokenHash, now.toISOString()],
      );
      return rows[0] ?? null;
    } catch (error) {
      if (!isUniqueViolation(error, 'votes_one_per_mailbox')) throw error;
      // Another vote of this mailbox was counted at the same moment: this one stays as it was.
      const rows = await preparedRows<ConfirmOutcome>(
        this.dataSource,
        'laurel-vote-confirm-read',
        `SELECT v.id, v.round_id AS "roundId", v.confirmed_at AS "confirmedAt", v.voided_at AS "voidedAt", c.public_vote AS "publicVote",
                r.name AS "roundName", r.status AS "roundStatus", e.code AS "entryCode", e.title AS "entryTitle", false AS counted
           FROM votes v JOIN contests c ON c.id = v.contest_id JOIN rounds r ON r.id = v.round_id JOIN entries e ON e.id = v.entry_id
          WHERE v.token_hash = $1`,
        [tokenHash],
      );
      return rows[0] ?? null;
    }
  }

  /**
   * The vote round's name and status, its row share-locked in the caller's transaction so that
   * closing the round waits for a confirmation or a void in flight (and the other way round):
   * the closed round's snapshot then holds exactly the votes that count.
   */
  async lockRound(manager: EntityManager, roundId: string): Promise<{ name: string; status: string } | null> {
    const rows: { name: string; status: string }[] = await manager.query(`SELECT name, status FROM rounds WHERE id = $1 FOR SHARE`, [
      roundId,
    ]);
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

  recent(
    contestId: string,
    limit: number,
  ): Promise<{ id: string; entryId: string; mailbox: string; confirmedAt: Date; voidedAt: Date | null; voidReason: string | null }[]> {
    return this.dataSource.query(
      `SELECT id, entry_id AS "entryId", mailbox, confirmed_at AS "confirmedAt", voided_at AS "voidedAt", void_reason AS "voidReason"
         FROM votes WHERE contest_id = $1 AND confirmed_at IS NOT NULL ORDER BY confirmed_at DESC, id LIMIT $2`,
      [contestId, limit],
    );
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
