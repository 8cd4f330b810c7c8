import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { FormField } from '@laurel/contracts';
import { fieldApplies, maxLengthOf } from '@laurel/domain';
import { I18nService, TranslatePipe } from '@laurel/console-util';
import { answerError, type AnswersForm } from './answers-form';

/**
 * The applicant's answers to a contest's own questions, one Material control per kind. The same
 * component is the applicant's stepper step and the organizer's live preview, so what the
 * organizer sees is what applicants get.
 */
@Component({
  selector: 'laurel-application-form',
  imports: [ReactiveFormsModule, MatCheckbox, MatError, MatFormField, MatHint, MatInput, MatOption, MatSelect, TranslatePipe],
  templateUrl: './application-form.component.html',
  styleUrl: './application-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationFormComponent {
  readonly fields = input.required<readonly FormField[]>();
  readonly form = input.required<AnswersForm>();
  /** The entry's category: questions of other categories are not asked. */
  readonly categoryId = input<string | null>(null);
  /** Bumped by the parent after it changes the form's controls, so the view reads them again. */
  readonly revision = input(0);

  private readonly i18n = inject(I18nService);
  /** Bumped on every value, status and touch event of the form: errors show as the person leaves a field. */
  private readonly tick = signal(0);
  protected readonly shown = computed(() => {
    this.revision();
    const form = this.form();
    return this.fields().filter((field) => fieldApplies(field, this.categoryId()) && !!form.controls[field.key]);
  });

  constructor() {
    effect((onCleanup) => {
      const subscription = this.form().events.subscribe(() => this.tick.update((n) => n + 1));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected label(field: FormField): string {
    return this.i18n.lang() === 'en' ? field.label.en || field.label.vi : field.label.vi || field.label.en;
  }

  protected help(field: FormField): string {
    if (!field.help) return '';
    return this.i18n.lang() === 'en' ? field.help.en || field.help.vi : field.help.vi || field.help.en;
  }

  protected maxLength(field: FormField): number {
    return maxLengthOf(field);
  }

  protected length(field: FormField): number {
    this.tick();
    const value = this.form().controls[field.key]?.value;
    return typeof value === 'string' ? value.length : 0;
  }

  protected error(field: FormField): string {
    this.tick();
    const control = this.form().controls[field.key];
    const message = control ? answerError(field, control.errors) : null;
    return message ? this.i18n.t(message.key, message.params) : '';
  }

  protected markTouched(field: FormField): void {
    this.form().controls[field.key]?.markAsTouched();
  }

  protected touched(field: FormField): boolean {
    this.tick();
    return !!this.form().controls[field.key]?.touched;
  }

  protected inputType(field: FormField): string {
    return field.type === 'url'
      ? 'url'
      : field.type === 'email'
        ? 'email'
        : field.type === 'phone'
          ? 'tel'
          : field.type === 'date'
            ? 'date'
            : field.type === 'number'
              ? 'number'
              : 'text';
  }

  protected id(field: FormField): string {
    return `answer-${field.key}`;
  }
}
