import { type TranslationKey, isUuid } from '@laurel/console-util';

/** The first 8 characters of a UUID: enough to tell events apart on screen. */
export function shortId(id: string | null | undefined): string {
  if (!id) return '—';
  return isUuid(id) ? id.slice(0, 8) : id;
}

/** The subjects the API records events about. */
export const AUDIT_SUBJECTS = ['contest', 'round', 'entry', 'assignment', 'score_sheet', 'conflict', 'invitation', 'user'] as const;

/** The translation key of a subject type, or null for one this console does not know yet. */
export function subjectKey(type: string | null | undefined): TranslationKey | null {
  return type && (AUDIT_SUBJECTS as readonly string[]).includes(type) ? (`audit.subjects.${type}` as TranslationKey) : null;
}

/** What a person calls an id (a name, an entry code, "ST26-004 · judge"), else its first 8 characters. */
export function nameOf(id: string | null | undefined, names: Readonly<Record<string, string>>): string {
  if (!id) return '—';
  return names[id] ?? shortId(id);
}

/** `key: value, key: value` on one line, ids named where the API named them (else shortened), long values cut. */
export function payloadSummary(payload: unknown, max = 90, names: Readonly<Record<string, string>> = {}): string {
  if (payload === null || payload === undefined) return '';
  if (typeof payload !== 'object') return cut(String(payload), max);
  const parts = Object.entries(payload as Record<string, unknown>).map(([key, value]) => `${key}: ${valueText(value, names)}`);
  return cut(parts.join(', '), max);
}

function valueText(value: unknown, names: Readonly<Record<string, string>>): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return isUuid(value) ? (names[value] ?? value.slice(0, 8)) : cut(value, 30);
  if (Array.isArray(value))
    return value.length <= 3 && value.every((v) => typeof v === 'string' && names[v])
      ? `[${value.map((v) => names[v as string]).join(', ')}]`
      : `[${value.length}]`;
  if (typeof value === 'object') return '{…}';
  return String(value);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
