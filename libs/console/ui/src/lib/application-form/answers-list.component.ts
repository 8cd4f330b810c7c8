import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { JudgeAnswerView } from '@laurel/contracts';
import { I18nService, TranslatePipe } from '@laurel/console-util';

/** Answers to a contest's own questions, read-only, in the form's order (screening and scoring pages). */
@Component({
  selector: 'laurel-answers-list',
  imports: [TranslatePipe],
  template: `
    @if (answers().length === 0) {
      <p class="none">{{ 'application.screening.noAnswer' | translate }}</p>
    } @else {
      <dl>
        @for (answer of answers(); track answer.key) {
          <dt>{{ label(answer) }}</dt>
          <dd [attr.data-answer]="answer.key">{{ text(answer) }}</dd>
        }
      </dl>
    }
  `,
  styles: `
    /* A label takes what it needs up to 45 % of the width, so a long question leaves room for its answer. */
    dl {
      display: grid;
      grid-template-columns: fit-content(45%) 1fr;
      gap: 6px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    @media (max-width: 599px) {
      dl {
        grid-template-columns: 1fr;
      }
      dd {
        margin-bottom: 8px;
      }
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnswersListComponent {
  readonly answers = input.required<readonly JudgeAnswerView[]>();
  private readonly i18n = inject(I18nService);

  protected label(answer: JudgeAnswerView): string {
    return this.i18n.lang() === 'en' ? answer.label.en || answer.label.vi : answer.label.vi || answer.label.en;
  }

  protected text(answer: JudgeAnswerView): string {
    const value = answer.value;
    if (typeof value === 'boolean') return this.i18n.t(value ? 'application.form.yes' : 'application.form.no');
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'number') return new Intl.NumberFormat(this.i18n.locale()).format(value);
    if (answer.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return new Intl.DateTimeFormat(this.i18n.locale(), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
        new Date(`${value}T00:00:00Z`),
      );
    }
    return value;
  }
}
