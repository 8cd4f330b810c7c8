import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import type { ConflictSource, ConflictView, ContestView, EntryListItemView, PanelJudgeView } from '@laurel/contracts';
import { JudgingApi, conflictReasonKey } from '@laurel/console-data-access-judging';
import { AlertComponent, EmptyStateComponent, StatusChipComponent, type StatusTone } from '@laurel/console-ui';
import {
  type FieldLabels,
  I18nService,
  TranslatePipe,
  type TranslationKey,
  type UiMessage,
  UiMessagePipe,
  toUiMessage,
} from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

const SOURCE_TONES: Record<ConflictSource, StatusTone> = { detected: 'accent', declared: 'info', organizer: 'warning' };

// The form's fields by their API names, for a refusal that names them.
const CONFLICT_LABELS: FieldLabels = {
  judgeId: 'judging.conflicts.judge',
  entryId: 'judging.conflicts.entry',
  reason: 'judging.conflicts.reason',
};

/** Conflicts of interest: the detected ones, the judges' recusals, and those added by hand. */
@Component({
  selector: 'laurel-conflicts-tab',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  template: `
    <section class="card" aria-labelledby="add-conflict">
      <h3 id="add-conflict">{{ 'judging.conflicts.addTitle' | translate }}</h3>
      <form class="add" [formGroup]="form" (ngSubmit)="add()" novalidate>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'judging.conflicts.judge' | translate }}</mat-label>
          <mat-select formControlName="judgeId" data-testid="conflict-judge">
            @for (j of judges(); track j.judgeId) {
              <mat-option [value]="j.judgeId">{{ j.displayName }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'judging.conflicts.entry' | translate }}</mat-label>
          <mat-select formControlName="entryId" data-testid="conflict-entry">
            @for (e of entries(); track e.id) {
              <mat-option [value]="e.id">{{ e.code ?? '—' }} · {{ e.title }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="reason">
          <mat-label>{{ 'judging.conflicts.reason' | translate }}</mat-label>
          <input matInput formControlName="reason" maxlength="1000" data-testid="conflict-reason" />
          @if (form.controls.reason.invalid && form.controls.reason.touched) {
            <mat-error>{{ 'judging.conflicts.reasonRequired' | translate }}</mat-error>
          }
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="pending()" data-testid="conflict-add">
          {{ 'judging.conflicts.add' | translate }}
        </button>
      </form>
      @if (formError(); as e) {
        <laurel-alert tone="error">{{ e | uiMessage }}</laurel-alert>
      }
    </section>

    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (error(); as e) {
      <laurel-alert tone="error">{{ e | uiMessage }}</laurel-alert>
    }
    @if (conflicts().length === 0 && !loading()) {
      <laurel-empty-state
        icon="verified"
        [heading]="'judging.conflicts.none' | translate"
        [body]="'judging.conflicts.noneHint' | translate"
      />
    } @else if (conflicts().length > 0) {
      <div class="table-wrap">
        <table class="grid" data-testid="conflicts-table">
          <thead>
            <tr>
              <th scope="col">{{ 'judging.conflicts.judge' | translate }}</th>
              <th scope="col">{{ 'judging.conflicts.entry' | translate }}</th>
              <th scope="col">{{ 'judging.conflicts.source' | translate }}</th>
              <th scope="col">{{ 'judging.conflicts.reason' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (c of conflicts(); track $index) {
              <tr>
                <td>{{ c.judgeName }}</td>
                <td>
                  <span class="code">{{ c.entryCode ?? '—' }}</span> {{ c.entryTitle }}
                </td>
                <td>
                  <laurel-status-chip [tone]="tones[c.source]">{{ sourceKey(c.source) | translate }}</laurel-status-chip>
                </td>
                <td>
                  <div>{{ reasonText(c) }}</div>
                  @if (c.detail) {
                    <div class="sub">{{ c.detail }}</div>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styleUrl: './tabs.scss',
  styles: `
    .add {
      display: grid;
      grid-template-columns: 1fr 1.4fr 1.6fr auto;
      gap: 12px;
      align-items: center;
      button {
        min-height: 48px;
      }
    }
    @media (max-width: 1000px) {
      .add {
        grid-template-columns: 1fr 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConflictsTabComponent {
  readonly contest = input.required<ContestView>();
  readonly judges = input.required<PanelJudgeView[]>();
  private readonly api = inject(JudgingApi);
  private readonly i18n = inject(I18nService);

  protected readonly tones = SOURCE_TONES;
  protected readonly list = signal<ConflictView[]>([]);
  protected readonly entries = signal<EntryListItemView[]>([]);
  protected readonly loading = signal(false);
  protected readonly pending = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly formError = signal<UiMessage | null>(null);
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly conflicts = computed(() =>
    [...this.list()].sort((a, b) => a.judgeName.localeCompare(b.judgeName) || (a.entryCode ?? '').localeCompare(b.entryCode ?? '')),
  );
  protected readonly form = new FormGroup({
    judgeId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    entryId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/)] }),
  });

  constructor() {
    effect(() => {
      const id = this.contest().id;
      untracked(() => void this.load(id));
    });
  }

  protected sourceKey(source: ConflictSource): TranslationKey {
    return `judging.conflicts.sources.${source}`;
  }

  protected reasonText(c: ConflictView): string {
    const key = conflictReasonKey(c);
    return key ? this.i18n.t(key) : c.reason;
  }

  private async load(contestId: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const [conflicts, entries] = await Promise.all([
        firstValueFrom(this.api.conflicts(contestId)),
        firstValueFrom(this.api.contestEntries(contestId)).catch(() => ({ items: [] })),
      ]);
      this.list.set(conflicts);
      this.entries.set(entries.items);
    } catch (error) {
      this.error.set(toUiMessage(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async add(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.pending()) return;
    this.pending.set(true);
    this.formError.set(null);
    const v = this.form.getRawValue();
    try {
      const created = await firstValueFrom(this.api.addConflict(this.contest().id, { ...v, reason: v.reason.trim() }));
      this.list.update((list) => [...list, created]);
      // resetForm() also clears the directive's "submitted" flag; form.reset() alone left every
      // emptied field red, as if the person had made a mistake.
      const directive = this.formDirective();
      if (directive) directive.resetForm();
      else this.form.reset();
    } catch (error) {
      this.formError.set(toUiMessage(error, {}, CONFLICT_LABELS));
    } finally {
      this.pending.set(false);
    }
  }
}
