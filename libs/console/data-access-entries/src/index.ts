export { EntriesApi } from './lib/entries.api';
export { AUTOSAVE_DELAY_MS, EntryEditorStore, type MissingField, type SaveState, type UploadProgress } from './lib/entry-editor.store';
export { ACCEPTED_UPLOADS } from './lib/uploads';
export { MyEntriesStore } from './lib/my-entries.store';
