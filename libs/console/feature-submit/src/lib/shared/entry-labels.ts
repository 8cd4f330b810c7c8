import type { AttachmentKind, Eligibility, EntryStatus } from '@laurel/contracts';
import type { StatusTone } from '@laurel/console-ui';
import type { TranslationKey } from '@laurel/console-util';

// Keys built from data, checked by the compiler against the dictionary.
export const entryStatusKey = (status: EntryStatus): TranslationKey => `submit.status.${status}`;
export const eligibilityKey = (eligibility: Eligibility): TranslationKey => `submit.eligibility.${eligibility}`;
export const attachmentKindKey = (kind: AttachmentKind): TranslationKey => `submit.kinds.${kind}`;

export const ENTRY_STATUS_TONES: Record<EntryStatus, StatusTone> = {
  draft: 'neutral',
  submitted: 'success',
  withdrawn: 'warning',
};

export const ELIGIBILITY_TONES: Record<Eligibility, StatusTone> = {
  pending: 'info',
  eligible: 'success',
  ineligible: 'warning',
};

export function formatTime(iso: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
