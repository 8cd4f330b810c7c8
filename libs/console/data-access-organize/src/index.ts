export { ContestEditorStore, type FieldProblem, type WriteOutcome } from './lib/contest-editor.store';
export { MyContestsStore } from './lib/my-contests.store';
export { OrganizeApi } from './lib/organize.api';
export { fileNameOf, saveBlob } from './lib/save-blob';
export {
  ELIGIBILITIES,
  ENTRY_STATUSES,
  type AttachmentView,
  type Eligibility,
  type EntryFilter,
  type EntryListItemView,
  type EntryPageView,
  type EntryQuery,
  type EntrySortKey,
  type EntryStatus,
  type EntryView,
} from './lib/entry.models';
