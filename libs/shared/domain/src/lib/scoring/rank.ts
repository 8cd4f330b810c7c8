import type { SettledBy } from './scoring.types';
import { compareIds, isTie, splitDescending } from './tie';
import { known } from '../util/known';

export interface RankCandidate {
  readonly entryId: string;
  /** Null when the entry has no submitted sheet. */
  readonly score: number | null;
  /** Mean of v/max over the entry's sheets for each priority criterion, in priority order. */
  readonly priorityMeans: readonly number[];
  /** The entry's raw sheet total from each judge who submitted one. */
  readonly totalsByJudge: ReadonlyMap<string, number>;
  readonly medianTotal: number | null;
}

export interface Placement {
  readonly entryId: string;
  readonly rank: number;
  readonly settledBy: SettledBy;
}

type Step = { readonly rule: SettledBy; readonly split: (group: readonly RankCandidate[]) => RankCandidate[][] };

const byId = (candidate: RankCandidate): string => candidate.entryId;

/**
 * Ranks the entries of one ranking scope (the round, or one category) with DESIGN's chain:
 * score, then priority criteria, then head-to-head, then median sheet total, then a shared
 * rank. Each step only reorders inside what the steps before left tied. Competition ranking
 * (1, 2, 2, 4); entries sharing a rank are listed by entryId, so input order never matters.
 *
 * Entries without a score come after every scored entry and share one rank, settled by `tie`
 * when there are several of them and by `score` (the lack of one) when there is one.
 */
export function rankEntries(candidates: readonly RankCandidate[]): Placement[] {
  const scored = candidates.filter((c) => c.score !== null);
  const unscored = candidates.filter((c) => c.score === null).sort((a, b) => compareIds(a.entryId, b.entryId));
  const priorityCount = Math.max(0, ...scored.map((c) => c.priorityMeans.length));
  const steps: Step[] = [
    { rule: 'priority_criteria', split: (group) => splitByPriority(group, priorityCount) },
    { rule: 'head_to_head', split: (group) => splitDescending(group, headToHeadNet(group), byId) },
    { rule: 'median', split: (group) => splitDescending(group, (c) => c.medianTotal ?? 0, byId) },
  ];

  const places: { members: RankCandidate[]; settledBy: SettledBy }[] = [];
  for (const group of splitDescending(scored, (c) => c.score ?? 0, byId)) {
    if (group.length === 1) places.push({ members: group, settledBy: 'score' });
    else places.push(...breakTie(group, steps, 0));
  }
  if (unscored.length > 0) places.push({ members: unscored, settledBy: unscored.length > 1 ? 'tie' : 'score' });

  const placements: Placement[] = [];
  for (const { members, settledBy } of places) {
    const rank = placements.length + 1;
    for (const member of members) placements.push({ entryId: member.entryId, rank, settledBy });
  }
  return placements;
}

function breakTie(group: RankCandidate[], steps: readonly Step[], index: number): { members: RankCandidate[]; settledBy: SettledBy }[] {
  const step = steps[index];
  if (step === undefined) return [{ members: [...group].sort((a, b) => compareIds(a.entryId, b.entryId)), settledBy: 'tie' }];
  const parts = step.split(group);
  if (parts.length === 1) return breakTie(group, steps, index + 1);
  return parts.flatMap((part) => (part.length === 1 ? [{ members: part, settledBy: step.rule }] : breakTie(part, steps, index + 1)));
}

function splitByPriority(group: readonly RankCandidate[], priorityCount: number): RankCandidate[][] {
  let parts: RankCandidate[][] = [[...group]];
  for (let i = 0; i < priorityCount; i++) {
    parts = parts.flatMap((part) => (part.length > 1 ? splitDescending(part, (c) => c.priorityMeans[i] ?? 0, byId) : [part]));
  }
  return parts;
}

/**
 * Net = matchups won − matchups lost inside `group`. A wins against B when more of the judges
 * who scored both gave A the higher total than gave B; totals within TIE_EPSILON are equal.
 */
function headToHeadNet(group: readonly RankCandidate[]): (candidate: RankCandidate) => number {
  // Index loops over the group: no pair array or rest-of-group copy per candidate.
  const net = new Map<string, number>(group.map((c) => [c.entryId, 0]));
  for (let i = 0; i < group.length; i++) {
    const a = known(group[i], 'a member of the group');
    for (let k = i + 1; k < group.length; k++) {
      const b = known(group[k], 'a member of the group');
      let preferA = 0;
      let preferB = 0;
      a.totalsByJudge.forEach((totalA, judgeId) => {
        const totalB = b.totalsByJudge.get(judgeId);
        if (totalB === undefined || isTie(totalA, totalB)) return;
        if (totalA > totalB) preferA++;
        else preferB++;
      });
      if (preferA === preferB) continue;
      const winner = preferA > preferB ? a : b;
      const loser = preferA > preferB ? b : a;
      net.set(winner.entryId, (net.get(winner.entryId) ?? 0) + 1);
      net.set(loser.entryId, (net.get(loser.entryId) ?? 0) - 1);
    }
  }
  return (candidate) => net.get(candidate.entryId) ?? 0;
}
