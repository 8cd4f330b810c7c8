export { ContestEditorStore, type WriteOutcome } from './lib/contest-editor.store';
export { OrganizeApi } from './lib/organize.api';
export type { EntryFilter, EntryQuery } from './lib/entry-query';
export { EntryCorrections, conflictChanges, type ConflictChanges, type CorrectionOutcome } from './lib/entry-correction';
