import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  ASSIGNMENT_STATUSES,
  type ContestView,
  type EntryCoverage,
  type PanelJudgeView,
  type ProgressCell,
  type RoundProgressView,
  type RoundView,
} from '@laurel/contracts';
import { JudgingApi, assignmentStatusKey } from '@laurel/console-data-access-judging';
import { AlertComponent, EmptyStateComponent } from '@laurel/console-ui';
import { I18nService, ScorePipe, TranslatePipe, type UiMessage, UiMessagePipe, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import {
  EntryJudgesDialogComponent,
  type EntryJudgesDialogData,
  type EntryJudgesDialogResult,
} from '../dialogs/entry-judges-dialog.component';
import { ProgressStackComponent } from './progress-stack.component';

/**
 * How a round is going: overall percent, per judge, per entry, and the judges × entries matrix;
 * while the round is open, each entry's judges can be changed by hand.
 */
@Component({
  selector: 'laurel-progress-tab',
  imports: [
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatProgressBar,
    AlertComponent,
    EmptyStateComponent,
    ProgressStackComponent,
    ScorePipe,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './progress-tab.component.html',
  styleUrl: './tabs.scss',
  styles: `
    .overall {
      display: flex;
      align-items: center;
      gap: 20px;
      .pct {
        font: var(--mat-sys-display-small);
        font-weight: 600;
        color: var(--mat-sys-primary);
        font-variant-numeric: tabular-nums;
      }
      mat-progress-bar {
        flex: 1;
      }
    }
    .two {
      display: grid;
      grid-template-columns: 1fr 1fr;
      align-items: start;
      gap: 16px;
    }
    @media (max-width: 1000px) {
      .two {
        grid-template-columns: 1fr;
      }
    }
    .judge-row {
      display: grid;
      grid-template-columns: minmax(120px, 1fr) 2fr;
      gap: 12px;
      align-items: center;
      padding: 6px 0;
    }
    .matrix {
      font: var(--mat-sys-body-small);
      th,
      td {
        padding: 4px 6px;
        text-align: center;
        vertical-align: middle;
      }
      th.j {
        text-align: left;
        white-space: nowrap;
      }
      thead th.e {
        writing-mode: vertical-rl;
        transform: rotate(180deg);
        white-space: nowrap;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        max-height: 120px;
      }
    }
    .cell {
      display: inline-block;
      min-width: 44px;
      padding: 3px 4px;
      border-radius: 4px;
      font-variant-numeric: tabular-nums;
    }
    .cell[data-s='todo'] {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    .cell[data-s='draft'] {
      background: #ffe6c2;
      color: #4a2c00;
    }
    .cell[data-s='submitted'] {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      font-weight: 600;
    }
    .cell.extra {
      outline: 2px dashed var(--mat-sys-tertiary);
      outline-offset: 1px;
    }
    .extra-mark {
      margin-left: 2px;
      font-weight: 700;
      color: var(--mat-sys-tertiary);
    }
    .divergent {
      display: inline-block;
      margin-left: 6px;
      padding: 0 6px;
      border-radius: 8px;
      font: var(--mat-sys-label-small);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .cell[data-s='recused'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      font: var(--mat-sys-body-small);
    }
    .short {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgressTabComponent {
  readonly contest = input.required<ContestView>();
  readonly judges = input<PanelJudgeView[]>([]);
  private readonly api = inject(JudgingApi);
  private readonly dialog = inject(MatDialog);
  protected readonly i18n = inject(I18nService);

  protected readonly rounds = computed(() =>
    [...this.contest().rounds].filter((r) => r.status !== 'draft').sort((a, b) => a.order - b.order),
  );
  protected readonly roundId = signal<string | null>(null);
  protected readonly current = computed<RoundView | null>(() => {
    const id = this.roundId();
    const rounds = this.rounds();
    return rounds.find((r) => r.id === id) ?? rounds.find((r) => r.status === 'open') ?? rounds[rounds.length - 1] ?? null;
  });
  protected readonly view = signal<RoundProgressView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly statusKey = assignmentStatusKey;
  protected readonly statuses = ASSIGNMENT_STATUSES;

  protected readonly cells = computed(() => {
    const map = new Map<string, ProgressCell>();
    for (const cell of this.view()?.matrix.cells ?? []) map.set(`${cell.judgeId}|${cell.entryId}`, cell);
    return map;
  });
  protected readonly entryTotals = computed(() => {
    const totals = new Map<string, { submitted: number; assigned: number }>();
    for (const cell of this.view()?.matrix.cells ?? []) {
      const t = totals.get(cell.entryId) ?? { submitted: 0, assigned: 0 };
      if (cell.status !== 'recused') t.assigned++;
      if (cell.status === 'submitted') t.submitted++;
      totals.set(cell.entryId, t);
    }
    return totals;
  });
  protected readonly judgeTotals = computed(() => new Map((this.view()?.judges ?? []).map((j) => [j.judgeId, j])));

  constructor() {
    effect(() => {
      const round = this.current();
      untracked(() => {
        if (round) void this.load(round.id);
        else this.view.set(null);
      });
    });
  }

  protected async load(roundId = this.current()?.id): Promise<void> {
    if (!roundId) return;
    this.loading.set(true);
    this.error.set(null);
    try {
      this.view.set(await firstValueFrom(this.api.progress(roundId)));
    } catch (error) {
      this.error.set(toUiMessage(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async manage(entry: EntryCoverage): Promise<void> {
    const view = this.view();
    if (!view) return;
    const data: EntryJudgesDialogData = {
      roundId: view.roundId,
      entry: { id: entry.entryId, code: entry.code, title: entry.title },
      cells: view.matrix.cells.filter((c) => c.entryId === entry.entryId),
      judges: this.judges(),
    };
    const ref = this.dialog.open<EntryJudgesDialogComponent, EntryJudgesDialogData, EntryJudgesDialogResult>(EntryJudgesDialogComponent, {
      data,
      width: '560px',
      maxWidth: '95vw',
    });
    await firstValueFrom(ref.afterClosed());
    // Escape closes the dialog too; whatever happened inside, the table shows the round as it is now.
    await this.load(view.roundId);
  }

  protected cellTitle(judge: string, entry: string, cell: ProgressCell | undefined): string {
    if (!cell) return `${judge} · ${entry}: ${this.i18n.t('judging.progress.notAssigned')}`;
    const status = `${judge} · ${entry}: ${this.i18n.t(assignmentStatusKey(cell.status))}`;
    return cell.divergenceExtra ? `${status} · ${this.i18n.t('judging.progress.extraJudge')}` : status;
  }
}
