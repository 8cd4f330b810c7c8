import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import type { AdvanceRequest, AdvanceResponse, RoundResultsView } from '@laurel/contracts';
import type { AdvanceOutcome } from '@laurel/console-data-access-results';
import { selectAdvancing } from '@laurel/domain';
import { AlertComponent } from '@laurel/console-ui';
import { TranslatePipe, type UiMessage, UiMessagePipe } from '@laurel/console-util';
import { ScorePipe } from '../shared/format';

export interface AdvanceDialogData {
  results: RoundResultsView;
  nextRoundName: string;
  categories: ReadonlyMap<string, string>;
  advance: (rule: AdvanceRequest) => Promise<AdvanceOutcome>;
}

export type AdvanceDialogResult = AdvanceResponse | undefined;

type Rule = 'top' | 'minScore';

/**
 * Choose who advances: the top N (per category when the round ranks by category) or everyone
 * at or above a score. The preview runs the same domain function as the API on the loaded
 * ranking; a second step says plainly what will happen before anything moves.
 */
@Component({
  selector: 'laurel-advance-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatRadioButton,
    MatRadioGroup,
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
  protected readonly rule = new FormControl<Rule>('top', { nonNullable: true });
  protected readonly top = new FormControl<number | null>(Math.max(1, Math.min(10, Math.ceil(this.data.results.entries.length / 2))), [Validators.required, Validators.min(1), Validators.pattern(/^\d+$/)]);
  protected readonly minScore = new FormControl<number | null>(70, [Validators.required, Validators.min(0), Validators.max(100)]);
  // The group is what makes (ngSubmit) fire on Enter: a <form> without [formGroup] posts natively and reloads the page.
  protected readonly form = new FormGroup({ rule: this.rule, top: this.top, minScore: this.minScore });

  protected readonly ruleValue = toSignal(this.rule.valueChanges, { initialValue: this.rule.value });
  private readonly topValue = toSignal(this.top.valueChanges, { initialValue: this.top.value });
  private readonly minValue = toSignal(this.minScore.valueChanges, { initialValue: this.minScore.value });

  protected readonly step = signal<'choose' | 'confirm'>('choose');
  protected readonly busy = signal(false);
  protected readonly error = signal<UiMessage | null>(null);

  /** The rule as the API takes it, or null while the number is not valid. */
  protected readonly request = computed<AdvanceRequest | null>(() => {
    if (this.ruleValue() === 'top') {
      const n = Number(this.topValue());
      return Number.isInteger(n) && n >= 1 ? { top: n } : null;
    }
    const min = this.minValue();
    return min !== null && Number.isFinite(Number(min)) && Number(min) >= 0 && Number(min) <= 100 ? { minScore: Number(min) } : null;
  });

  protected readonly preview = computed(() => {
    const request = this.request();
    if (!request) return null;
    const ids = new Set(selectAdvancing(this.data.results.entries, request as { top: number } | { minScore: number }, this.data.results.rankBy));
    const advancing = this.data.results.entries.filter((e) => ids.has(e.entryId));
    return { advancing, eliminated: this.data.results.entries.length - advancing.length };
  });

  protected categoryName(id: string | null): string {
    return id ? (this.data.categories.get(id) ?? '') : '';
  }

  protected review(): void {
    if (!this.preview()?.advancing.length) return;
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
