import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MyContestsStore } from '@laurel/console-data-access-contests';
import { AlertComponent } from '@laurel/console-ui';
import {
  CONTEST_FIELD_NAMES,
  I18nService,
  TranslatePipe,
  type UiMessage,
  UiMessagePipe,
  timeZoneLabel,
  toUiMessage,
} from '@laurel/console-util';
import { fromLocalInput, toLocalInput } from '../shared/datetime';
import { slugify } from '../shared/slug';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function windowOrder(group: AbstractControl): ValidationErrors | null {
  const opens = group.get('opensAt')?.value as string;
  const closes = group.get('closesAt')?.value as string;
  return opens && closes && new Date(closes) <= new Date(opens) ? { windowOrder: true } : null;
}

/** Name, slug (folded from the name until edited), year, window and categories; the rest in the editor. */
@Component({
  selector: 'laurel-new-contest-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatIconButton,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    AlertComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './new-contest-dialog.component.html',
  styleUrl: './new-contest-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewContestDialogComponent {
  private readonly store = inject(MyContestsStore);
  private readonly ref = inject(MatDialogRef<NewContestDialogComponent>);
  private readonly i18n = inject(I18nService);

  private readonly year = new Date().getFullYear() + 1;
  protected readonly form = new FormGroup(
    {
      name: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.minLength(3), Validators.maxLength(200)],
      }),
      slug: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.pattern(SLUG), Validators.maxLength(80)],
      }),
      year: new FormControl(this.year, {
        nonNullable: true,
        validators: [Validators.required, Validators.min(2000), Validators.max(2200)],
      }),
      opensAt: new FormControl(toLocalInput(new Date(this.year, 2, 1, 0, 0).toISOString()), {
        nonNullable: true,
        validators: [Validators.required],
      }),
      closesAt: new FormControl(toLocalInput(new Date(this.year, 3, 30, 23, 59).toISOString()), {
        nonNullable: true,
        validators: [Validators.required],
      }),
      categories: new FormArray([new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] })]),
    },
    { validators: windowOrder },
  );
  protected readonly zone = computed(() => timeZoneLabel(this.i18n.locale()));
  protected readonly busy = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  private slugEdited = false;

  constructor() {
    this.form.controls.name.valueChanges.pipe(takeUntilDestroyed()).subscribe((name) => {
      if (!this.slugEdited) this.form.controls.slug.setValue(slugify(name));
    });
  }

  protected slugTyped(): void {
    this.slugEdited = true;
  }

  protected addCategory(): void {
    this.form.controls.categories.push(
      new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] }),
    );
  }

  protected removeCategory(index: number): void {
    this.form.controls.categories.removeAt(index);
  }

  protected cancel(): void {
    this.ref.close();
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    try {
      const contest = await this.store.create({
        name: value.name.trim(),
        slug: value.slug,
        year: value.year,
        submissionOpensAt: fromLocalInput(value.opensAt) ?? '',
        submissionClosesAt: fromLocalInput(value.closesAt) ?? '',
        categories: value.categories.map((name) => ({ name: name.trim() })),
        prizes: [],
      });
      this.ref.close(contest);
    } catch (error) {
      this.error.set(toUiMessage(error, {}, CONTEST_FIELD_NAMES));
    } finally {
      this.busy.set(false);
    }
  }
}
