import { AppError } from '@laurel/api-core';
import type { EligibilityCheck, EntryMember, LocalizedText } from '@laurel/contracts';
import { calendarDateIn, checkEligibility, organizationPlace } from '@laurel/domain';
import type { EntryContest, SubmittedEntryOrganization } from '@laurel/api-database';

/**
 * The zone a contest's calendar dates are read in until contests carry their own `timeZone`:
 * the deadline 2026-04-30T23:59:59+07:00 is the 30th in Hà Nội but the 30th 16:59 in UTC, and a
 * deadline at 00:30 local time would otherwise fall on the day before.
 */
export const CONTEST_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type Language = 'vi' | 'en';

/** The applicant's language from `Accept-Language`: English when it comes before Vietnamese, else Vietnamese (Laurel's default). */
export function languageOf(acceptLanguage: string | undefined): Language {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part) => (part.trim().split(';')[0] ?? '').toLowerCase())
    .filter(Boolean);
  const first = tags.find((tag) => tag.startsWith('vi') || tag.startsWith('en'));
  return first?.startsWith('en') ? 'en' : 'vi';
}

export interface EntryFacts {
  id: string;
  categoryId: string | null;
  answers: Record<string, unknown>;
  members: readonly EntryMember[] | number;
  organization: string | null;
}

/** Every rule of the contest checked on one entry; `submitted` are the contest's submitted entries. */
export function checkEntry(contest: EntryContest, entry: EntryFacts, submitted: readonly SubmittedEntryOrganization[]): EligibilityCheck[] {
  if (contest.eligibilityRules.length === 0) return [];
  return checkEligibility(contest.eligibilityRules, contest.formFields, {
    categoryId: entry.categoryId,
    answers: entry.answers as never,
    memberCount: typeof entry.members === 'number' ? entry.members : entry.members.length,
    deadline: calendarDateIn(contest.submissionClosesAt, CONTEST_TIME_ZONE),
    organizationPlace: organizationPlace(entry, submitted),
  });
}

/** Whether the rules need the contest's other submitted entries (only the per-organization limit does). */
export function countsOrganizations(contest: EntryContest): boolean {
  return contest.eligibilityRules.some((rule) => rule.kind === 'max_entries_per_organization');
}

const SENTENCE: Record<Language, (list: string) => string> = {
  vi: (list) => `Hồ sơ chưa đáp ứng điều kiện tham gia cuộc thi: ${list}. Hồ sơ chưa được nộp.`,
  en: (list) => `The entry does not meet the contest's eligibility rules: ${list}. It was not submitted.`,
};

/** The 422 of a submission that fails rules, each named by its id and said in the applicant's language. */
export function ineligible(failed: readonly { ruleId: string; message: LocalizedText }[], language: Language): AppError {
  return AppError.unprocessable(
    'entry.ineligible',
    SENTENCE[language](failed.map((check) => check.message[language]).join('; ')),
    failed.map((check) => ({
      field: `eligibilityRules.${check.ruleId}`,
      code: 'eligibility.rule_failed',
      message: check.message[language],
    })),
  );
}
