import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import type { AssignmentStatus, PanelJudgeView, ProgressCell } from '@laurel/contracts';
import { JudgingApi, assignmentStatusKey } from '@laurel/console-data-access-judging';
import { AlertComponent, StatusChipComponent, type StatusTone } from '@laurel/console-ui';
import { TranslatePipe, type UiMessage, UiMessagePipe, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

export interface EntryJudgesDialogData {
  roundId: string;
  entry: { id: string; code: string | null; title: string };
  /** The entry's assignments in the round (from the progress matrix). */
  cells: readonly ProgressCell[];
  /** The contest's panel. */
  judges: readonly PanelJudgeView[];
}

/** True when something changed, so the caller reloads. */
export type EntryJudgesDialogResult = boolean;

const TONES: Record<AssignmentStatus, StatusTone> = { todo: 'neutral', draft: 'warning', submitted: 'success', recused: 'info' };

/**
 * One entry's judges in an open round: add a judge, take one off, or hand a judge's place to
 * another (after a recusal, or when a judge cannot finish). A submitted sheet stays; a recusal
 * stays on record (it also keeps that judge off the entry), so replacing a recused judge only adds.
 */
@Component({
  selector: 'laurel-entry-judges-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatLabel,
    MatOption,
    MatSelect,
    AlertComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'judging.entryJudges.title' | translate: { entry: label } }}</h2>
    <mat-dialog-content>
      @if (error(); as e) {
        <laurel-alert tone="error" data-testid="entry-judges-error">{{ e | uiMessage }}</laurel-alert>
      }
      @if (notice(); as n) {
        <laurel-alert tone="info" data-testid="entry-judges-notice">{{ n | uiMessage }}</laurel-alert>
      }
      <ul class="judges" [attr.aria-label]="'judging.entryJudges.list' | translate">
        @for (cell of cells(); track cell.assignmentId) {
          <li data-testid="entry-judge" [attr.data-status]="cell.status">
            <span class="name">{{ nameOf(cell.judgeId) }}</span>
            <laurel-status-chip [tone]="tones[cell.status]">{{ statusKey(cell.status) | translate }}</laurel-status-chip>
            <span class="spacer"></span>
            @if (cell.status !== 'submitted') {
              <button mat-button type="button" [disabled]="busy()" (click)="startReplace(cell)" data-testid="entry-judge-replace">
                {{ 'judging.entryJudges.replace' | translate }}
              </button>
            }
            @if (cell.status === 'todo' || cell.status === 'draft') {
              <button mat-button type="button" [disabled]="busy()" (click)="remove(cell)" data-testid="entry-judge-remove">
                {{ 'judging.entryJudges.remove' | translate }}
              </button>
            }
          </li>
        } @empty {
          <li class="none">{{ 'judging.entryJudges.none' | translate }}</li>
        }
      </ul>

      <form class="add" [formGroup]="form" (ngSubmit)="save()">
        <p class="lead">
          @if (replacing(); as r) {
            {{ 'judging.entryJudges.replaceLead' | translate: { name: nameOf(r.judgeId) } }}
          } @else {
            {{ 'judging.entryJudges.addLead' | translate }}
          }
        </p>
        @if (candidates().length > 0) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'judging.entryJudges.judge' | translate }}</mat-label>
            <mat-select formControlName="judgeId" data-testid="entry-judges-pick">
              @for (j of candidates(); track j.judgeId) {
                <mat-option [value]="j.judgeId">{{ j.displayName }}{{ j.organization ? ' · ' + j.organization : '' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <div class="buttons">
            @if (replacing()) {
              <button mat-button type="button" (click)="replacing.set(null)">{{ 'judging.dialog.cancel' | translate }}</button>
            }
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="entry-judges-save">
              {{ (replacing() ? 'judging.entryJudges.replaceSave' : 'judging.entryJudges.add') | translate }}
            </button>
          </div>
        } @else {
          <p class="hint">{{ 'judging.entryJudges.noCandidate' | translate }}</p>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" (click)="close()" data-testid="entry-judges-close">
        {{ 'judging.entryJudges.done' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .judges {
      margin: 0 0 16px;
      padding: 0;
      list-style: none;
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        padding: 6px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .spacer {
        flex: 1;
      }
      .none {
        color: var(--mat-sys-on-surface-variant);
      }
    }
    .add {
      display: flex;
      flex-direction: column;
      gap: 8px;
      .lead {
        margin: 0;
        font: var(--mat-sys-title-small);
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
      }
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    button {
      min-height: 44px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntryJudgesDialogComponent {
  protected readonly data = inject<EntryJudgesDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<EntryJudgesDialogComponent, EntryJudgesDialogResult>>(MatDialogRef);
  private readonly api = inject(JudgingApi);

  protected readonly label = [this.data.entry.code, this.data.entry.title].filter(Boolean).join(' · ');
  protected readonly tones = TONES;
  protected readonly statusKey = assignmentStatusKey;
  protected readonly cells = signal<ProgressCell[]>([...this.data.cells]);
  protected readonly replacing = signal<ProgressCell | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly notice = signal<UiMessage | null>(null);
  protected readonly form = new FormGroup({ judgeId: new FormControl<string | null>(null, Validators.required) });
  private changed = false;

  private readonly names = new Map(this.data.judges.flatMap((j) => (j.judgeId ? [[j.judgeId, j.displayName] as const] : [])));
  /** Judges who can still take the entry: on the panel, accepted, not already on it (a recusal counts). */
  protected readonly candidates = computed(() => {
    const on = new Set(this.cells().map((c) => c.judgeId));
    // A pending invitation has no judge yet: only those who accepted can take an entry.
    return this.data.judges
      .filter((j): j is typeof j & { judgeId: string } => j.judgeId !== null && j.accepted && !on.has(j.judgeId))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  });

  protected nameOf(judgeId: string): string {
    return this.names.get(judgeId) ?? '—';
  }

  protected startReplace(cell: ProgressCell): void {
    this.replacing.set(cell);
    this.form.reset();
  }

  protected async remove(cell: ProgressCell): Promise<void> {
    await this.run(async (): Promise<UiMessage> => {
      await firstValueFrom(this.api.removeAssignment(cell.assignmentId));
      this.cells.update((cells) => cells.filter((c) => c.assignmentId !== cell.assignmentId));
      return { key: 'judging.entryJudges.removed', params: { name: this.nameOf(cell.judgeId) } };
    });
  }

  /**
   * Adds the chosen judge; when replacing, the old assignment goes only after the new one is made,
   * so a refused judge (a conflict of interest) leaves the entry as it was.
   */
  protected async save(): Promise<void> {
    const judgeId = this.form.controls.judgeId.value;
    if (!judgeId) {
      this.form.markAllAsTouched();
      return;
    }
    const replacing = this.replacing();
    await this.run(async (): Promise<UiMessage> => {
      const made = await firstValueFrom(this.api.assign(this.data.roundId, { entryId: this.data.entry.id, judgeId }));
      const cell: ProgressCell = {
        judgeId,
        entryId: made.entryId,
        assignmentId: made.id,
        status: made.status,
        total: made.total,
        divergenceExtra: made.divergenceExtra,
      };
      this.cells.update((cells) => [...cells, cell]);
      if (replacing && replacing.status !== 'recused') {
        this.changed = true;
        await firstValueFrom(this.api.removeAssignment(replacing.assignmentId));
        this.cells.update((cells) => cells.filter((c) => c.assignmentId !== replacing.assignmentId));
      }
      this.replacing.set(null);
      this.form.reset();
      return replacing
        ? { key: 'judging.entryJudges.replaced', params: { old: this.nameOf(replacing.judgeId), name: this.nameOf(judgeId) } }
        : { key: 'judging.entryJudges.added', params: { name: this.nameOf(judgeId) } };
    });
  }

  protected close(): void {
    this.ref.close(this.changed);
  }

  private async run(action: () => Promise<UiMessage>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    try {
      this.notice.set(await action());
      this.changed = true;
    } catch (error) {
      this.error.set(toUiMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
