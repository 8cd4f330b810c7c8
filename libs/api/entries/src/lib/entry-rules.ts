import { AppError, type FieldProblem } from '@laurel/api-core';
import type { EntryContest, EntryEntity } from '@laurel/api-database';

/**
 * The prefix of entry codes: the contest's own, else the initials of the slug's words and the
 * contest's year in two digits (`startup-talent-2026`, 2026 → `ST26`).
 */
export function codePrefixOf(contest: Pick<EntryContest, 'codePrefix' | 'slug' | 'year'>): string {
  if (contest.codePrefix) return contest.codePrefix;
  const initials = contest.slug
    .split('-')
    .filter((word) => word && !/^\d+$/.test(word))
    .map((word) => word.charAt(0).toUpperCase())
    .join('')
    .slice(0, 6);
  return `${initials || 'E'}${String(contest.year % 100).padStart(2, '0')}`;
}

/** Why the contest takes no new entries or changes to drafts at `now`; null while it does. */
export function submissionWindowRefusal(contest: EntryContest, now: Date): AppError | null {
  const opens = contest.submissionOpensAt.toISOString();
  const closes = contest.submissionClosesAt.toISOString();
  if (contest.status === 'draft' || (contest.status === 'open' && now < contest.submissionOpensAt)) {
    return AppError.unprocessable(
      'entry.submissions_not_open',
      `Submissions to "${contest.name}" open on ${opens}. Come back then to start or change your entry.`,
      undefined,
      undefined,
      { contest: contest.name },
    );
  }
  if (contest.status !== 'open' || now >= contest.submissionClosesAt) {
    return AppError.unprocessable(
      'entry.submissions_closed',
      `Submissions to "${contest.name}" closed on ${closes}. Entries can no longer be started, changed or submitted.`,
      undefined,
      undefined,
      { contest: contest.name },
    );
  }
  return null;
}

const REQUIRED_TEXT: { field: keyof EntryEntity; label: string }[] = [
  { field: 'title', label: 'the project title' },
  { field: 'teamName', label: 'the team name' },
  { field: 'summary', label: 'a summary' },
  { field: 'problem', label: 'the problem you solve' },
  { field: 'solution', label: 'your solution' },
  { field: 'market', label: 'the market' },
  { field: 'businessModel', label: 'the business model' },
];

/** Everything a draft still lacks to be submitted, each as the field to fill in. */
export function missingForSubmission(entry: EntryEntity, hasPitchDeck: boolean, requirePitchDeck: boolean): FieldProblem[] {
  const missing: FieldProblem[] = REQUIRED_TEXT.filter(({ field }) => !String(entry[field] ?? '').trim()).map(({ field, label }) => ({
    field,
    code: 'required',
    message: `is empty: add ${label} before submitting`,
  }));
  if (!entry.categoryId)
    missing.push({ field: 'categoryId', code: 'required', message: 'is not chosen: pick the category you compete in' });
  if (entry.members.length === 0)
    missing.push({ field: 'members', code: 'required', message: 'is empty: list at least one team member with a name and a role' });
  if (requirePitchDeck && !hasPitchDeck) {
    missing.push({
      field: 'pitchDeck',
      code: 'required',
      message: 'is missing: this contest needs a pitch deck, uploaded as a PDF or PPTX attachment of kind pitch_deck',
    });
  }
  return missing;
}
