import type { EntrySlotView, JudgeStageView, OnStageView, RunSheetSlotView, StageJudgeView } from '@laurel/contracts';
import type { PitchEntry, PitchRound, StageJudge } from '@laurel/api-database';
import type { OnStage, Stage } from '@laurel/domain';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function onStageView(current: OnStage | null): OnStageView | null {
  if (!current) return null;
  return {
    slotId: current.slotId,
    startedAt: new Date(current.startedAt).toISOString(),
    pausedAt: iso(current.pausedAt),
    pausedMs: current.pausedMs,
    extraPitchMs: current.extraPitchMs,
    extraQaMs: current.extraQaMs,
  };
}

/**
 * The stage as the judges see it: the run sheet with codes and titles (never team names, so a
 * blind round's judge learns nothing here either), the slot on stage and the database's clock.
 */
export function judgeStageView(
  round: PitchRound,
  version: number,
  stage: Stage,
  entries: Map<string, PitchEntry>,
  now: number,
  withTeams = false,
): JudgeStageView {
  const slots = stage.slots.map((slot): RunSheetSlotView => {
    const outcome = stage.outcomes[slot.id] ?? null;
    if (slot.kind === 'break') return { id: slot.id, kind: 'break', outcome, seconds: slot.seconds, label: slot.label };
    const entry = entries.get(slot.entryId);
    const view: EntrySlotView = {
      id: slot.id,
      kind: 'entry',
      outcome,
      entryId: slot.entryId,
      code: entry?.code ?? null,
      title: entry?.title ?? '',
      teamName: withTeams ? (entry?.teamName ?? null) : null,
      pitchSeconds: slot.pitchSeconds,
      qaSeconds: slot.qaSeconds,
    };
    return view;
  });
  return {
    roundId: round.id,
    roundName: round.name,
    roundStatus: round.status,
    version,
    slots,
    current: onStageView(stage.current),
    startedAt: iso(stage.startedAt),
    finishedAt: iso(stage.finishedAt),
    serverTime: new Date(now).toISOString(),
  };
}

/** Where each judge of the round stands on the team on stage: submitted or not, never a score. */
export function stageJudges(judges: StageJudge[]): StageJudgeView[] {
  return judges.map((j) => ({ judgeId: j.judgeId, displayName: j.displayName, submitted: j.submitted, excused: j.status !== 'assigned' }));
}

/** The entry of the slot on stage, if a team (not a break) is on stage. */
export function entryOnStage(stage: Stage): string | null {
  const slot = stage.current ? stage.slots.find((s) => s.id === stage.current?.slotId) : undefined;
  return slot?.kind === 'entry' ? slot.entryId : null;
}
