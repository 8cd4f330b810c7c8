export { EntriesApi } from './lib/entries.api';
export {
  AUTOSAVE_DELAY_MS,
  EntryEditorStore,
  type MissingField,
  type SaveState,
  type UploadProgress,
} from './lib/entry-editor.store';
export {
  ACCEPTED_UPLOADS,
  ATTACHMENT_KINDS,
  ENTRY_LIMITS,
  ENTRY_STATUSES,
  type AttachmentKind,
  type AttachmentView,
  type Eligibility,
  type EntryFields,
  type EntryMember,
  type EntryStatus,
  type EntryView,
  type OwnEntryView,
} from './lib/entry.types';
export { MyEntriesStore } from './lib/my-entries.store';
