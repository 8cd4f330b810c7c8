import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { AdvanceFailure, AdvanceRequest, AdvanceResponse, RoundResultEntryView, RoundResultsView } from '@laurel/contracts';
import type { AdvanceOutcome } from '@laurel/console-data-access-results';
import { type AdvancementGates, planAdvancement } from '@laurel/domain';
import { AlertComponent } from '@laurel/console-ui';
import { ScorePipe, TranslatePipe, type TranslationKey, type UiMessage, UiMessagePipe } from '@laurel/console-util';

export interface AdvanceDialogData {
  results: RoundResultsView;
  nextRoundName: string;
  categories: ReadonlyMap<string, string>;
  advance: (rule: AdvanceRequest) => Promise<AdvanceOutcome>;
}

export type AdvanceDialogResult = AdvanceResponse | undefined;

/** One line of the preview: an entry, whether it goes through, and why not. */
interface PreviewLine {
  entry: RoundResultEntryView;
  advances: boolean;
  failed: readonly AdvanceFailure[];
  tiedAtTop: boolean;
}

const FAILURE_KEYS: Record<AdvanceFailure, TranslationKey> = {
  no_score: 'results.advance.failed.no_score',
  below_min_score: 'results.advance.failed.below_min_score',
  zero_criterion: 'results.advance.failed.zero_criterion',
  below_top: 'results.advance.failed.below_top',
};

/**
 * Choose who advances with the gates a contest's rules use, in any combination: the first N
 * (per category when the round ranks by category), a minimum score, no criterion scored 0. The
 * preview runs the domain's planAdvancement, the function the API runs, on the loaded ranking:
 * every entry with what it passed and why not, and a tie at the top boundary named. A second
 * step says plainly what will happen before anything moves.
 */
@Component({
  selector: 'laurel-advance-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    AlertComponent,
    TranslatePipe,
    UiMessagePipe,
    ScorePipe,
  ],
  templateUrl: './advance-dialog.component.html',
  styleUrl: './advance-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdvanceDialogComponent {
  protected readonly data = inject<AdvanceDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<AdvanceDialogComponent, AdvanceDialogResult>>(MatDialogRef);

  protected readonly perCategory = this.data.results.rankBy === 'category';
  protected readonly useTop = new FormControl(true, { nonNullable: true });
  protected readonly top = new FormControl<number | null>(Math.max(1, Math.min(10, Math.ceil(this.data.results.entries.length / 2))), [
    Validators.required,
    Validators.min(1),
    Validators.pattern(/^\d+$/),
  ]);
  protected readonly useMin = new FormControl(false, { nonNullable: true });
  protected readonly minScore = new FormControl<number | null>(50, [Validators.required, Validators.min(0), Validators.max(100)]);
  protected readonly noZero = new FormControl(false, { nonNullable: true });
  // The group is what makes (ngSubmit) fire on Enter: a <form> without [formGroup] posts natively and reloads the page.
  protected readonly form = new FormGroup({
    useTop: this.useTop,
    top: this.top,
    useMin: this.useMin,
    minScore: this.minScore,
    noZero: this.noZero,
  });

  protected readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly step = signal<'choose' | 'confirm'>('choose');
  protected readonly busy = signal(false);
  protected readonly error = signal<UiMessage | null>(null);

  /** The gates as the API takes them; null while a chosen number is not valid or no gate is chosen. */
  protected readonly request = computed<AdvanceRequest | null>(() => {
    const v = this.value();
    const gates: AdvanceRequest = {};
    if (v.useTop) {
      const n = Number(v.top);
      if (!(v.top !== null && Number.isInteger(n) && n >= 1)) return null;
      gates.top = n;
    }
    if (v.useMin) {
      const min = Number(v.minScore);
      if (!(v.minScore !== null && Number.isFinite(min) && min >= 0 && min <= 100)) return null;
      gates.minScore = min;
    }
    if (v.noZero) gates.noZeroCriterion = true;
    return Object.keys(gates).length > 0 ? gates : null;
  });

  protected readonly noGate = computed(() => {
    const v = this.value();
    return !v.useTop && !v.useMin && !v.noZero;
  });

  protected readonly preview = computed(() => {
    const request = this.request();
    if (!request) return null;
    const gates: AdvancementGates = request;
    const plan = planAdvancement(this.data.results.entries, gates, this.data.results.rankBy);
    const byId = new Map(this.data.results.entries.map((e) => [e.entryId, e]));
    const lines: PreviewLine[] = plan.decisions.flatMap((d) => {
      const entry = byId.get(d.entryId);
      return entry ? [{ entry, advances: d.advances, failed: d.failed, tiedAtTop: d.tiedAtTop }] : [];
    });
    const advancing = lines.filter((l) => l.advances).length;
    return { lines, ties: plan.ties, advancing, eliminated: lines.length - advancing, top: request.top ?? 0 };
  });

  protected failureKey(failure: AdvanceFailure): TranslationKey {
    return FAILURE_KEYS[failure];
  }

  protected categoryName(id: string | null): string {
    return id ? (this.data.categories.get(id) ?? '') : '';
  }

  protected review(): void {
    if (!this.preview()?.advancing) return;
    this.error.set(null);
    this.step.set('confirm');
  }

  protected async confirm(): Promise<void> {
    const request = this.request();
    if (!request || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    const outcome = await this.data.advance(request);
    this.busy.set(false);
    if (outcome.ok) this.ref.close(outcome.response);
    else {
      this.error.set(outcome.error);
      this.step.set('choose');
    }
  }

  protected close(): void {
    this.ref.close(undefined);
  }
}
