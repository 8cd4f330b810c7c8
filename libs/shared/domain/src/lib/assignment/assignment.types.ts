export type PanelMode = 'assigned' | 'complete';

export interface JudgeAssignment {
  readonly entryId: string;
  readonly judgeId: string;
}

interface AssignmentInputBase {
  readonly entries: readonly { readonly id: string }[];
  readonly judges: readonly { readonly id: string }[];
  /** Pairs never to assign; `detectConflicts` output fits as is. Unknown ids are ignored. */
  readonly conflicts: readonly { readonly judgeId: string; readonly entryId: string }[];
  readonly seed: string | number;
  /**
   * Assignments already made: never moved or dropped, they count towards an entry's panel and a
   * judge's load. Rows for unknown entries are ignored; rows for judges missing from `judges`
   * still fill a seat on the entry but have no load to balance.
   */
  readonly existing?: readonly JudgeAssignment[];
}

export interface AssignedPanelInput extends AssignmentInputBase {
  readonly mode?: 'assigned';
  readonly judgesPerEntry: number;
}

/** Every judge scores every entry, conflicts excepted, so no panel size applies. */
export interface CompletePanelInput extends AssignmentInputBase {
  readonly mode: 'complete';
  readonly judgesPerEntry?: number;
}

export type AssignmentInput = AssignedPanelInput | CompletePanelInput;

export type UnassignableReason = 'not_enough_judges_without_conflict' | 'no_judge_without_conflict';

export interface UnassignableEntry {
  readonly entryId: string;
  /** Seats still to fill once the existing assignments are counted. */
  readonly needed: number;
  /** Judges who could take one: no conflict and not already on the entry. */
  readonly available: number;
  readonly reason: UnassignableReason;
}

export interface AssignmentSuccess {
  readonly ok: true;
  /** Only the new assignments, grouped by entry in input order. */
  readonly assignments: JudgeAssignment[];
  /** Every judge of the input, existing assignments included. */
  readonly perJudgeLoad: Record<string, number>;
  /** Distinct conflicting pairs of this input that were kept apart. */
  readonly conflictsAvoided: number;
}

export interface AssignmentFailure {
  readonly ok: false;
  readonly unassignable: UnassignableEntry[];
}

export type AssignmentResult = AssignmentSuccess | AssignmentFailure;
