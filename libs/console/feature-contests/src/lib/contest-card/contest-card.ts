import type { ContestStatus, ContestView } from '@laurel/contracts';
import type { StatusTone } from '@laurel/console-ui';
import { type TranslationKey, type TranslationParams, contestStatusKey, formatDateTime, formatRelative } from '@laurel/console-util';

/** A contest as its card shows it: dates already written in the reader's locale and zone. */
export interface ContestCard {
  id: string;
  slug: string;
  name: string;
  year: number;
  statusKey: TranslationKey;
  tone: StatusTone;
  opens: string;
  closes: string;
  /** "closes in 12 days" while the window matters, else null. */
  hint: { key: TranslationKey; params?: TranslationParams } | null;
  categories: string[];
  rounds: number;
  /** The results are public: the card links to them. */
  published: boolean;
}

export const CONTEST_TONES: Record<ContestStatus, StatusTone> = {
  draft: 'neutral',
  open: 'success',
  closed: 'warning',
  judging: 'info',
  published: 'accent',
};

export function toContestCard(contest: ContestView, locale: string, now: Date): ContestCard {
  return {
    id: contest.id,
    slug: contest.slug,
    name: contest.name,
    year: contest.year,
    statusKey: contestStatusKey(contest.status),
    tone: CONTEST_TONES[contest.status],
    opens: formatDateTime(contest.submissionOpensAt, locale),
    closes: formatDateTime(contest.submissionClosesAt, locale),
    hint: windowHint(contest, locale, now),
    categories: contest.categories.map((category) => category.name),
    rounds: contest.rounds.length,
    published: contest.status === 'published',
  };
}

function windowHint(contest: ContestView, locale: string, now: Date): ContestCard['hint'] {
  if (contest.status !== 'open' && contest.status !== 'draft') return null;
  const opens = new Date(contest.submissionOpensAt);
  const closes = new Date(contest.submissionClosesAt);
  if (now < opens) return { key: 'contests.opensIn', params: { relative: formatRelative(opens, now, locale) } };
  if (now < closes) return { key: 'contests.closesIn', params: { relative: formatRelative(closes, now, locale) } };
  return { key: 'contests.windowOver' };
}
