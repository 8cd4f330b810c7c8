import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContestStatus, RoundStatus } from '@laurel/contracts';
import { known, type Stage } from '@laurel/domain';
import { preparedRows } from './prepared';
import { returningRows } from './returning-rows';

export interface PitchRound {
  id: string;
  contestId: string;
  ownerId: string;
  contestStatus: ContestStatus;
  name: string;
  order: number;
  status: RoundStatus;
  blind: boolean;
  liveEnabled: boolean;
}

export interface PitchEntry {
  id: string;
  code: string | null;
  title: string;
  teamName: string;
  categoryId: string | null;
}

/** One of a judge's assignments in a round, as the stage's access check reads it. */
export interface PitchAssignmentRow {
  id: string;
  entryId: string;
  judgeId: string;
  status: 'assigned' | 'recused';
  onPanel: boolean;
}

export interface StoredStage {
  version: number;
  state: Stage;
}

/** A live round with its stage, the database's clock and its entries, read together. */
export interface StageSnapshot {
  round: PitchRound;
  stored: StoredStage | null;
  now: number;
  entries: PitchEntry[];
}

const SNAPSHOT = `SELECT r.id, r.contest_id AS "contestId", c.owner_id AS "ownerId", c.status AS "contestStatus", r.name, r."order",
         r.status, r.blind, r.live_enabled AS "liveEnabled", s.version, s.state, clock_timestamp() AS now,
         (SELECT coalesce(json_agg(json_build_object('id', e.id, 'code', e.code, 'title', e.title, 'teamName', e.team_name, 'categoryId', e.category_id)), '[]'::json)
            FROM round_entries re JOIN entries e ON e.id = re.entry_id
           WHERE re.round_id = r.id AND e.status <> 'withdrawn') AS entries
    FROM rounds r JOIN contests c ON c.id = r.contest_id LEFT JOIN pitch_stages s ON s.round_id = r.id
   WHERE r.id = $1`;

type SnapshotRow = PitchRound & { version: number | null; state: Stage | null; now: Date; entries: PitchEntry[] };

export interface StageJudge {
  judgeId: string;
  displayName: string;
  /** For the entry asked about: null when the judge has no assignment for it. */
  status: 'assigned' | 'recused' | null;
  submitted: boolean;
}

/**
 * The stage of a live round (one row, one JSON document, one version) and what the stage
 * screens show beside it. `now` is always the database's clock, the one every instant in a
 * stage is read against.
 */
@Injectable()
export class PitchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findRound(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<PitchRound | null> {
    const rows: PitchRound[] = await manager.query(
      `SELECT r.id, r.contest_id AS "contestId", c.owner_id AS "ownerId", c.status AS "contestStatus", r.name, r."order",
              r.status, r.blind, r.live_enabled AS "liveEnabled"
         FROM rounds r JOIN contests c ON c.id = r.contest_id
        WHERE r.id = $1`,
      [roundId],
    );
    return rows[0] ?? null;
  }

  /**
   * The round, its stored stage, the database's clock and the entries it covers (withdrawn ones
   * left out), in one statement: what every stage change sends to the pages is read in one round
   * trip, on a prepared plan outside a transaction. Null when there is no such round.
   */
  async snapshot(roundId: string, manager?: EntityManager): Promise<StageSnapshot | null> {
    const rows: SnapshotRow[] = manager
      ? await manager.query(SNAPSHOT, [roundId])
      : await preparedRows<SnapshotRow>(this.dataSource, 'laurel-stage-snapshot', SNAPSHOT, [roundId]);
    const row = rows[0];
    if (!row) return null;
    const { version, state, now, entries, ...round } = row;
    return { round, stored: state && version !== null ? { version, state } : null, now: now.getTime(), entries };
  }

  /** The entries the round covers (withdrawn ones left out), in no particular order. */
  async entries(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<PitchEntry[]> {
    return manager.query(
      `SELECT e.id, e.code, e.title, e.team_name AS "teamName", e.category_id AS "categoryId"
         FROM round_entries re JOIN entries e ON e.id = re.entry_id
        WHERE re.round_id = $1 AND e.status <> 'withdrawn'`,
      [roundId],
    );
  }

  /** The stored stage and the database's clock, read together. */
  async load(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<{ stored: StoredStage | null; now: number }> {
    const rows: { version: number | null; state: Stage | null; now: Date }[] = await manager.query(
      `SELECT s.version, s.state, clock_timestamp() AS now FROM (SELECT 1) one LEFT JOIN pitch_stages s ON s.round_id = $1`,
      [roundId],
    );
    // LEFT JOIN from one constant row: always exactly one row.
    const row = known(rows[0], 'the stage row');
    return { stored: row.state && row.version !== null ? { version: row.version, state: row.state } : null, now: row.now.getTime() };
  }

  /** The first stage of a round; null when another request created it first. */
  async create(manager: EntityManager, roundId: string, state: Stage, actorId: string | null): Promise<StoredStage | null> {
    const rows: { version: number }[] = await manager.query(
      `INSERT INTO pitch_stages (round_id, state, updated_by) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (round_id) DO NOTHING RETURNING version`,
      [roundId, JSON.stringify(state), actorId],
    );
    return rows[0] ? { version: rows[0].version, state } : null;
  }

  /**
   * Stores `state` only if the stage is still at `expectedVersion`: of two writers that read the
   * same version, the second finds it moved on (null). Under READ COMMITTED, the second UPDATE
   * waits for the first to commit and then re-checks its WHERE against the new row.
   */
  async replace(
    manager: EntityManager,
    roundId: string,
    expectedVersion: number,
    state: Stage,
    actorId: string,
  ): Promise<StoredStage | null> {
    const rows = await returningRows<{ version: number }>(
      manager,
      `UPDATE pitch_stages SET state = $3::jsonb, version = version + 1, updated_at = now(), updated_by = $4
        WHERE round_id = $1 AND version = $2 RETURNING version`,
      [roundId, expectedVersion, JSON.stringify(state), actorId],
    );
    return rows[0] ? { version: rows[0].version, state } : null;
  }

  /** Every judge with a sheet to write in the round, and where each stands on one entry. */
  async judgesOnEntry(roundId: string, entryId: string | null, manager: EntityManager = this.dataSource.manager): Promise<StageJudge[]> {
    return manager.query(
      `SELECT u.id AS "judgeId", u.display_name AS "displayName", mine.status,
              coalesce(mine.submitted, false) AS submitted
         FROM (SELECT DISTINCT a.judge_id FROM assignments a
                 JOIN rounds r ON r.id = a.round_id
                 JOIN contest_judges cj ON cj.contest_id = r.contest_id AND cj.user_id = a.judge_id
                WHERE a.round_id = $1 AND a.status = 'assigned') j
         JOIN users u ON u.id = j.judge_id
         LEFT JOIN LATERAL (
           SELECT a.status, ss.status = 'submitted' AS submitted
             FROM assignments a LEFT JOIN score_sheets ss ON ss.assignment_id = a.id
            WHERE a.round_id = $1 AND a.judge_id = j.judge_id AND a.entry_id = $2
         ) mine ON true
        ORDER BY u.display_name, u.id`,
      [roundId, entryId],
    );
  }

  /**
   * A judge's assignments in the round with what the access policy decides on (`pitchesScoredBy`):
   * recused ones too, and whether the judge is still on the contest's panel (one removed from it
   * keeps the assignments on record).
   */
  judgeAssignments(roundId: string, judgeId: string, manager: EntityManager = this.dataSource.manager): Promise<PitchAssignmentRow[]> {
    return manager.query(
      `SELECT a.id, a.entry_id AS "entryId", a.judge_id AS "judgeId", a.status,
              EXISTS (SELECT 1 FROM contest_judges cj WHERE cj.contest_id = r.contest_id AND cj.user_id = a.judge_id) AS "onPanel"
         FROM assignments a
         JOIN rounds r ON r.id = a.round_id
        WHERE a.round_id = $1 AND a.judge_id = $2`,
      [roundId, judgeId],
    );
  }
}
