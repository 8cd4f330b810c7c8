import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppError, type AuthUser, managesContest, pitchesScoredBy, roundNotFound } from '@laurel/api-core';
import type { AuditAction, JudgeStageView, MyStageView, RoundStatus, StageView } from '@laurel/contracts';
import { AuditRepository, type PitchEntry, PitchRepository, type PitchRound, type StoredStage } from '@laurel/api-database';
import {
  applyStageAction,
  createStage,
  redraw,
  replaceSlots,
  type RunSheetSlot,
  type Stage,
  type StageAction,
  syncEntries,
} from '@laurel/domain';
import type { DrawRunSheetDto, SaveRunSheetDto, StageActionDto } from './pitch.dto';
import { RevealReader } from './reveal';
import { fromRule, notLive } from './stage-errors';
import { entryOnStage, judgeStageView, stageJudges } from './stage-views';

/** A round's stage as read: stored (version ≥ 1) or, before the first change, the default draw (version 0). */
export interface LoadedStage {
  round: PitchRound;
  version: number;
  stage: Stage;
  entries: Map<string, PitchEntry>;
  now: number;
}

export type StageAudience =
  { round: PitchRound; role: 'organizer' } | { round: PitchRound; role: 'judge'; assignments: Map<string, string> };

interface Change {
  stage: Stage;
  action: AuditAction;
  payload: Record<string, unknown>;
}

/**
 * The run sheet and the stage of a live round. State lives in the database only: every change
 * reads the stage, lets the domain decide, and stores the answer only if the version read is
 * still the stored one, with its audit event in the same transaction; triggers then NOTIFY
 * every API process. Before its first change a round's stage is the draw seeded by the round
 * id, so every instance shows the same default order without writing on a read.
 */
@Injectable()
export class StageService {
  constructor(
    private readonly pitch: PitchRepository,
    private readonly audit: AuditRepository,
    private readonly reveals: RevealReader,
  ) {}

  /** The organizer of the round, or one of its judges; anyone else is told there is no such round. */
  async audience(actor: AuthUser, roundId: string): Promise<StageAudience> {
    const round = await this.pitch.findRound(roundId);
    if (!round) throw roundNotFound();
    if (managesContest(actor, round)) {
      if (!round.liveEnabled) throw notLive(round.name);
      return { round, role: 'organizer' };
    }
    const assignments = pitchesScoredBy(actor, await this.pitch.judgeAssignments(round.id, actor.id));
    if (assignments.size === 0) throw roundNotFound();
    if (!round.liveEnabled) throw notLive(round.name);
    return { round, role: 'judge', assignments };
  }

  async read(actor: AuthUser, roundId: string): Promise<StageView | MyStageView> {
    const audience = await this.audience(actor, roundId);
    const loaded = await this.load(audience.round);
    if (audience.role === 'organizer') return this.organizerView(loaded);
    return { ...this.judgeView(loaded), assignments: Object.fromEntries(audience.assignments) };
  }

  async load(round: PitchRound, manager?: EntityManager): Promise<LoadedStage> {
    const [{ stored, now }, entryRows] = await Promise.all([this.pitch.load(round.id, manager), this.pitch.entries(round.id, manager)]);
    return loadedStage(round, stored, now, entryRows);
  }

  /** The round and its stage in one statement (PitchRepository.snapshot); null when there is no such round. */
  async loadRound(roundId: string, manager?: EntityManager): Promise<LoadedStage | null> {
    const snapshot = await this.pitch.snapshot(roundId, manager);
    return snapshot ? loadedStage(snapshot.round, snapshot.stored, snapshot.now, snapshot.entries) : null;
  }

  judgeView(loaded: LoadedStage): JudgeStageView {
    return judgeStageView(loaded.round, loaded.version, loaded.stage, loaded.entries, loaded.now);
  }

  async organizerView(loaded: LoadedStage): Promise<StageView> {
    const { round, stage } = loaded;
    const [judges, reveal] = await Promise.all([
      this.pitch.judgesOnEntry(round.id, entryOnStage(stage)),
      round.status === 'closed'
        ? this.reveals.reveal(round, stage.revealStep)
        : Promise.resolve({ step: stage.revealStep, source: null, tiers: [] }),
    ]);
    return {
      ...judgeStageView(round, loaded.version, stage, loaded.entries, loaded.now, true),
      contestId: round.contestId,
      seed: stage.seed,
      judges: entryOnStage(stage) ? stageJudges(judges) : stageJudges(judges).map((j) => ({ ...j, submitted: false, excused: false })),
      reveal,
    } as StageView;
  }

  saveRunSheet(actor: AuthUser, roundId: string, dto: SaveRunSheetDto): Promise<StageView> {
    return this.change(actor, roundId, dto.version, ['draft', 'open'], ({ stage, entries }) => {
      const slots = dto.slots.map((s): RunSheetSlot =>
        s.kind === 'entry'
          ? { id: s.id, kind: 'entry', entryId: s.entryId ?? '', pitchSeconds: s.pitchSeconds ?? 0, qaSeconds: s.qaSeconds ?? 0 }
          : { id: s.id, kind: 'break', seconds: s.seconds ?? 0, label: s.label?.trim() ? s.label.trim() : null },
      );
      // A problem names a team by its code, as the organizer's run sheet shows it.
      const next = replaceSlots(stage, slots, [...entries.keys()], (id) => entries.get(id)?.code ?? entries.get(id)?.title ?? id);
      return { stage: next, action: 'stage.run_sheet_saved', payload: { order: next.slots.map((s) => s.id) } };
    });
  }

  draw(actor: AuthUser, roundId: string, dto: DrawRunSheetDto): Promise<StageView> {
    const seed = dto.seed ?? randomBytes(4).toString('hex');
    return this.change(actor, roundId, dto.version, ['draft', 'open'], ({ stage }) => {
      const next = redraw(stage, seed);
      return { stage: next, action: 'stage.drawn', payload: { seed, order: next.slots.map((s) => s.id) } };
    });
  }

  act(actor: AuthUser, roundId: string, dto: StageActionDto): Promise<StageView> {
    const statuses: RoundStatus[] = dto.action === 'reveal' ? ['closed'] : ['open'];
    return this.change(actor, roundId, dto.version, statuses, ({ stage, now }) => {
      const action = toAction(dto);
      const next = applyStageAction(stage, action, now);
      return {
        stage: next,
        action: `stage.${dto.action}`,
        payload: {
          slotId: next.current?.slotId ?? dto.slotId ?? null,
          ...(dto.seconds !== undefined ? { seconds: dto.seconds } : {}),
          revealStep: next.revealStep,
        },
      };
    });
  }

  private async change(
    actor: AuthUser,
    roundId: string,
    version: number,
    statuses: RoundStatus[],
    decide: (loaded: LoadedStage) => Change,
  ): Promise<StageView> {
    const saved = await this.pitch.transaction(async (tx) => {
      const loaded = await this.loadRound(roundId, tx);
      const round = loaded?.round;
      if (!loaded || !round || !managesContest(actor, round)) throw roundNotFound();
      if (!round.liveEnabled) throw notLive(round.name);
      if (!statuses.includes(round.status)) throw wrongStatus(round, statuses);
      if (loaded.version !== version) throw stale(loaded, version);
      let change: Change;
      try {
        change = decide(loaded);
      } catch (error) {
        throw fromRule(error);
      }
      const stored =
        loaded.version === 0
          ? await this.pitch.create(tx, round.id, change.stage, actor.id)
          : await this.pitch.replace(tx, round.id, loaded.version, change.stage, actor.id);
      // Someone else stored a change between our read and our write.
      if (!stored) throw stale(await this.load(round), version);
      await this.audit.record(tx, {
        contestId: round.contestId,
        actorId: actor.id,
        action: change.action,
        subjectType: 'round',
        subjectId: round.id,
        payload: { ...change.payload, version: stored.version, ...(loaded.version === 0 ? { seed: change.stage.seed } : {}) },
      });
      return { ...loaded, version: stored.version, stage: change.stage };
    });
    return this.organizerView(saved);
  }
}

function loadedStage(round: PitchRound, stored: StoredStage | null, now: number, entryRows: PitchEntry[]): LoadedStage {
  const entries = new Map(entryRows.map((e) => [e.id, e]));
  const ids = [...entries.keys()];
  const stage = stored ? syncEntries(stored.state, ids) : createStage(ids, defaultSeed(round.id));
  return { round, version: stored?.version ?? 0, stage, entries, now };
}

/** The draw every instance shows before the organizer changes anything: seeded by the round. */
function defaultSeed(roundId: string): string {
  return roundId.slice(0, 8);
}

function toAction(dto: StageActionDto): StageAction {
  switch (dto.action) {
    case 'start':
      if (dto.slotId === undefined)
        throw AppError.badRequest('validation_failed', 'Say which slot to start.', [
          { field: 'slotId', code: 'required', message: 'is required to start a slot' },
        ]);
      return { type: 'start', slotId: dto.slotId };
    case 'extend':
      if (dto.seconds === undefined)
        throw AppError.badRequest('validation_failed', 'Say how many seconds to add.', [
          { field: 'seconds', code: 'required', message: 'is required to extend' },
        ]);
      return { type: 'extend', seconds: dto.seconds };
    case 'skip':
    case 'no_show':
      return { type: dto.action, ...(dto.slotId !== undefined ? { slotId: dto.slotId } : {}) };
    default:
      return { type: dto.action };
  }
}

function wrongStatus(round: PitchRound, statuses: RoundStatus[]): AppError {
  if (statuses.includes('closed')) {
    return AppError.conflict(
      'stage.round_not_closed',
      `Round "${round.name}" is ${round.status}. The awards are revealed once it is closed and its ranking final: close it first.`,
      {
        round: round.name,
      },
    );
  }
  if (statuses.includes('draft')) {
    return AppError.conflict('stage.round_closed', `Round "${round.name}" is ${round.status}; its run sheet can no longer change.`, {
      round: round.name,
    });
  }
  return AppError.conflict(
    'stage.round_not_open',
    `Round "${round.name}" is ${round.status}. Teams go on stage while the round is open, so that judges can score them: open it first.`,
    {
      round: round.name,
    },
  );
}

function stale(loaded: LoadedStage, version: number): AppError {
  const slot = loaded.stage.current ? loaded.stage.slots.find((s) => s.id === loaded.stage.current?.slotId) : undefined;
  const entry = slot?.kind === 'entry' ? loaded.entries.get(slot.entryId) : undefined;
  const now = slot
    ? slot.kind === 'entry'
      ? `${[entry?.code, entry?.title].filter(Boolean).join(' ') || 'a team'} is on stage now`
      : `a break is under way now`
    : 'nothing is on stage now';
  return AppError.conflict(
    'stage.stale',
    `Someone else changed the stage first (you saw version ${version}, it is at ${loaded.version}): ${now}. Nothing was changed by your request; look at the stage again and press once more if it is still needed.`,
  );
}
