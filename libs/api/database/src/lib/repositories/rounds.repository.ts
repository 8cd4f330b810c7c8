import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AggregationMethod, CriterionInput, PanelMode, RankBy } from '@laurel/contracts';
import { known } from '@laurel/domain';

/** A round's settings as stored; `priorityCriteria` holds criterion ids. */
export interface RoundFields {
  name: string;
  order: number;
  panel: PanelMode;
  judgesPerEntry: number;
  blind: boolean;
  aggregation: AggregationMethod;
  trim: number;
  minSheetsForNormalization: number;
  rankBy: RankBy;
  priorityCriteria: string[];
  divergenceThreshold: number | null;
  maxExtraJudges: number;
  /** Not set when a round is added: a round starts as an ordinary one. */
  liveEnabled?: boolean;
  scoresDueAt?: Date | null;
  reminderHoursBefore?: number;
}

const ROUND_COLUMNS: Record<keyof RoundFields, string> = {
  name: 'name',
  order: '"order"',
  panel: 'panel',
  judgesPerEntry: 'judges_per_entry',
  blind: 'blind',
  aggregation: 'aggregation',
  trim: 'trim',
  minSheetsForNormalization: 'min_sheets_for_normalization',
  rankBy: 'rank_by',
  priorityCriteria: 'priority_criteria',
  divergenceThreshold: 'divergence_threshold',
  maxExtraJudges: 'max_extra_judges',
  liveEnabled: 'live_enabled',
  scoresDueAt: 'scores_due_at',
  reminderHoursBefore: 'reminder_hours_before',
};

/** One criterion of a rubric in its final order: the contract's input with the id given by the caller, also for new ones. */
export type RubricCriterion = Required<CriterionInput>;

@Injectable()
export class RoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findContestId(roundId: string): Promise<string | null> {
    const rows: { contest_id: string }[] = await this.dataSource.query(`SELECT contest_id FROM rounds WHERE id = $1`, [roundId]);
    return rows[0]?.contest_id ?? null;
  }
}

/** The round writes of one contest inside the transaction `ContestsRepository.change` opened. */
export class RoundChanges {
  constructor(
    private readonly manager: EntityManager,
    private readonly contestId: string,
  ) {}

  /** Whether any judge has scored a criterion of the round (its rubric is locked then). */
  async hasScores(roundId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE c.round_id = $1 LIMIT 1`,
      [roundId],
    );
    return rows.length > 0;
  }

  async insert(round: RoundFields, rubric: RubricCriterion[]): Promise<string> {
    const [inserted]: { id: string }[] = await this.manager.query(
      `INSERT INTO rounds (contest_id, name, "order", panel, judges_per_entry, blind, aggregation, trim,
                           min_sheets_for_normalization, rank_by, priority_criteria, divergence_threshold, max_extra_judges,
                           scores_due_at, reminder_hours_before)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::uuid[], $12, $13, $14, $15) RETURNING id`,
      [
        this.contestId,
        round.name,
        round.order,
        round.panel,
        round.judgesPerEntry,
        round.blind,
        round.aggregation,
        round.trim,
        round.minSheetsForNormalization,
        round.rankBy,
        [],
        round.divergenceThreshold,
        round.maxExtraJudges,
        round.scoresDueAt ?? null,
        round.reminderHoursBefore ?? 24,
      ],
    );
    const { id } = known(inserted, 'the inserted round');
    await this.replaceRubric(id, rubric);
    // Priority criteria name criteria of this round, so they are set once those rows exist.
    await this.update(id, { priorityCriteria: round.priorityCriteria });
    return id;
  }

  async update(roundId: string, fields: Partial<RoundFields>): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [roundId, this.contestId];
    for (const key of Object.keys(ROUND_COLUMNS) as (keyof RoundFields)[]) {
      if (fields[key] === undefined) continue;
      params.push(fields[key]);
      sets.push(`${ROUND_COLUMNS[key]} = $${params.length}${key === 'priorityCriteria' ? '::uuid[]' : ''}`);
    }
    if (sets.length === 0) return;
    await this.manager.query(`UPDATE rounds SET ${sets.join(', ')} WHERE id = $1 AND contest_id = $2`, params);
  }

  /**
   * Makes the round's rubric exactly `rubric`: listed ids are kept (updated), unknown ids
   * inserted under that id, criteria not listed deleted; position follows the array.
   */
  async replaceRubric(roundId: string, rubric: RubricCriterion[]): Promise<void> {
    const ids = rubric.map((c) => c.id);
    await this.manager.query(`DELETE FROM criteria WHERE round_id = $1 AND NOT (id = ANY($2::uuid[]))`, [roundId, ids]);
    if (rubric.length === 0) return;
    // Names are unique per round and the constraint is checked row by row, so kept criteria take
    // a unique stand-in name before the final names are written.
    await this.manager.query(`UPDATE criteria SET name = id::text WHERE round_id = $1`, [roundId]);
    await this.manager.query(
      `INSERT INTO criteria (id, round_id, name, description, weight, max_score, position)
       SELECT r.id, $1, r.name, r.description, r.weight, r.max_score, r.position
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::int[])
              AS r(id, name, description, weight, max_score, position)
       ON CONFLICT (id) DO UPDATE
          SET name = excluded.name, description = excluded.description, weight = excluded.weight,
              max_score = excluded.max_score, position = excluded.position
        WHERE criteria.round_id = excluded.round_id`,
      [
        roundId,
        ids,
        rubric.map((c) => c.name),
        rubric.map((c) => c.description),
        rubric.map((c) => c.weight),
        rubric.map((c) => c.maxScore),
        rubric.map((_, position) => position),
      ],
    );
  }

  async delete(roundId: string): Promise<void> {
    await this.manager.query(`DELETE FROM rounds WHERE id = $1 AND contest_id = $2`, [roundId, this.contestId]);
  }
}
