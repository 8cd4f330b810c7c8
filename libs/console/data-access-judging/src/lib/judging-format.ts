import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { AssignmentStatus, JudgeAttachmentView, RoundStatus } from '@laurel/contracts';
import type { ScoreValueProblem } from '@laurel/domain';
import { I18nService, type TranslationKey } from '@laurel/console-util';

// Keys built from data, checked by the compiler against the dictionary.
export const assignmentStatusKey = (status: AssignmentStatus): TranslationKey => `judging.status.${status}`;
export const roundStatusKey = (status: RoundStatus): TranslationKey => `judging.roundStatus.${status}`;
export const attachmentKindKey = (kind: JudgeAttachmentView['kind']): TranslationKey => `judging.entry.kind.${kind}`;
export const scoreProblemKey = (problem: ScoreValueProblem): TranslationKey => `judging.score.problem.${problem}`;

/** A score or total the way the jury reads it: always two decimals, in the reader's locale. */
export function formatScore(value: number, locale: string, decimals = 2): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** `{{ total | score }}`: two decimals in the current language; "—" for nothing. */
@Pipe({ name: 'score', pure: false })
export class ScorePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: number | null | undefined, decimals = 2): string {
    return value === null || value === undefined ? '—' : formatScore(value, this.i18n.locale(), decimals);
  }
}
