import type { JudgeEntryView } from '@laurel/contracts';
import type { JudgeEntryRow } from '@laurel/api-database';

/**
 * What a judge who recused from an entry still sees of it in their list: its code and title (they
 * read them before recusing), nothing else, so the line says what they stepped away from.
 */
export function toWithheldEntryView(entry: JudgeEntryRow): JudgeEntryView {
  return {
    id: entry.id,
    code: entry.code,
    title: entry.title,
    summary: '',
    problem: '',
    solution: '',
    market: '',
    businessModel: '',
    category: null,
    answers: [],
    attachments: [],
  };
}
