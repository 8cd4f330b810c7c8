import { calendarDateIn, exampleAnswers } from '@laurel/domain';

/** What `answersFor` reads of a contest, as GET /api/contests/:id gives it. */
export interface ContestForm {
  categories: { id: string }[];
  /** Absent on a contest created before its form was set: no questions then. */
  formFields?: any[];
  eligibilityRules?: any[];
  submissionClosesAt?: string;
}

/**
 * Answers to the contest's own questions in `categoryId` that its checks and eligibility rules
 * take, read from the contest's form with the domain's `exampleAnswers` (as the HTTP tests do).
 */
export function answersFor(contest: ContestForm, categoryId: string): Record<string, unknown> {
  const deadline = calendarDateIn(new Date(contest.submissionClosesAt ?? Date.now()), 'Asia/Ho_Chi_Minh');
  return exampleAnswers(contest.formFields ?? [], contest.eligibilityRules ?? [], categoryId, deadline);
}
