import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { AutoAssignResponse, ContestView, PanelJudgeView, RoundProgressView, RoundView } from '@laurel/contracts';
import { JudgingApi, roundStatusKey } from '@laurel/console-data-access-judging';
import { AlertComponent, ConfirmDialogComponent, type ConfirmDialogData, StatusChipComponent, type StatusTone } from '@laurel/console-ui';
import {
  I18nService,
  TranslatePipe,
  type UiMessage,
  UiMessagePipe,
  apiErrorOf,
  fieldProblemMessage,
  toUiMessage,
} from '@laurel/console-util';
import { missingSheets } from '@laurel/domain';
import { firstValueFrom } from 'rxjs';

interface RoundOutcome {
  result?: AutoAssignResponse;
  /** The 422: entries that cannot get k judges. */
  infeasible?: { entries: UiMessage[] };
  error?: UiMessage;
  notice?: UiMessage;
}

const ROUND_TONES: Record<RoundView['status'], StatusTone> = { draft: 'neutral', open: 'success', closed: 'info' };

/** Per round: open and close (with what that means), and conflict-aware auto-assignment. */
@Component({
  selector: 'laurel-rounds-tab',
  imports: [MatButton, MatFormField, MatInput, MatLabel, AlertComponent, StatusChipComponent, TranslatePipe, UiMessagePipe],
  templateUrl: './rounds-tab.component.html',
  styleUrl: './tabs.scss',
  styles: `
    .k {
      width: 140px;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 16px;
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .loads {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
      li {
        padding: 6px 12px;
        border-radius: 8px;
        background: var(--mat-sys-surface-container);
        font: var(--mat-sys-body-medium);
      }
      b {
        font-variant-numeric: tabular-nums;
      }
    }
    .infeasible {
      margin: 8px 0 0;
      padding-left: 20px;
    }
    button {
      min-height: 44px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoundsTabComponent {
  readonly contest = input.required<ContestView>();
  readonly judges = input.required<PanelJudgeView[]>();
  readonly changed = output<void>();

  private readonly api = inject(JudgingApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18nService);

  protected readonly statusKey = roundStatusKey;
  protected readonly tones = ROUND_TONES;
  protected readonly rounds = computed(() => [...this.contest().rounds].sort((a, b) => a.order - b.order));
  protected readonly busy = signal<string | null>(null);
  protected readonly outcomes = signal<Record<string, RoundOutcome>>({});
  protected readonly k = signal<Record<string, number>>({});
  protected readonly judgeNames = computed(() => new Map(this.judges().map((j) => [j.judgeId, j.displayName])));

  protected kOf(round: RoundView): number {
    return this.k()[round.id] ?? round.judgesPerEntry;
  }

  protected setK(round: RoundView, raw: string): void {
    const value = Number(raw);
    if (Number.isInteger(value) && value >= 1 && value <= 50) this.k.update((k) => ({ ...k, [round.id]: value }));
  }

  protected loads(result: AutoAssignResponse): { name: string; load: number }[] {
    return Object.entries(result.perJudgeLoad)
      .map(([id, load]) => ({ name: this.judgeNames().get(id) ?? id, load }))
      .sort((a, b) => b.load - a.load || a.name.localeCompare(b.name));
  }

  protected async open(round: RoundView): Promise<void> {
    const params = { round: round.name };
    const confirmed = await this.confirm({
      title: this.i18n.t('judging.rounds.openTitle', params),
      body: this.i18n.t('judging.rounds.openBody', params),
      confirm: this.i18n.t('judging.rounds.open', params),
    });
    if (!confirmed) return;
    await this.run(round, async () => {
      const state = await firstValueFrom(this.api.openRound(round.id));
      return { notice: { key: 'judging.rounds.opened', params: { n: state.entryCount } } };
    });
  }

  /**
   * Before closing, the progress is read so that the question names every sheet still missing:
   * closing ranks those entries on fewer judges (the results flag them), which should be a choice.
   */
  protected async close(round: RoundView): Promise<void> {
    let missing: string[];
    try {
      missing = missingSheetLines(round, await firstValueFrom(this.api.progress(round.id)));
    } catch (error) {
      this.outcomes.update((o) => ({ ...o, [round.id]: { error: toUiMessage(error) } }));
      return;
    }
    const params = { round: round.name, n: missing.length, list: missing.join('\n') };
    const confirmed = await this.confirm({
      title: this.i18n.t('judging.rounds.closeTitle', params),
      body: this.i18n.t(missing.length > 0 ? 'judging.rounds.closeBodyMissing' : 'judging.rounds.closeBody', params),
      confirm: this.i18n.t(missing.length > 0 ? 'judging.rounds.closeAnyway' : 'judging.rounds.close', params),
    });
    if (!confirmed) return;
    await this.run(round, async () => {
      await firstValueFrom(this.api.closeRound(round.id));
      return { notice: { key: 'judging.rounds.closed' } };
    });
  }

  protected async autoAssign(round: RoundView): Promise<void> {
    const k = this.kOf(round);
    await this.run(round, async () => {
      try {
        const result = await firstValueFrom(this.api.autoAssign(round.id, round.panel === 'complete' ? {} : { judgesPerEntry: k }));
        return { result };
      } catch (error) {
        const api = apiErrorOf(error);
        if (api?.code === 'assignment.infeasible') {
          return { infeasible: { entries: (api.fields ?? []).map(fieldProblemMessage) } };
        }
        throw error;
      }
    });
  }

  private async confirm(text: Omit<ConfirmDialogData, 'cancel'>): Promise<boolean> {
    const data: ConfirmDialogData = { ...text, cancel: this.i18n.t('judging.dialog.cancel') };
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data, width: '480px' });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }

  private async run(round: RoundView, action: () => Promise<RoundOutcome>): Promise<void> {
    this.busy.set(round.id);
    try {
      const outcome = await action();
      this.outcomes.update((o) => ({ ...o, [round.id]: outcome }));
      this.changed.emit();
    } catch (error) {
      this.outcomes.update((o) => ({ ...o, [round.id]: { error: toUiMessage(error) } }));
    } finally {
      this.busy.set(null);
    }
  }
}

/**
 * One line per entry short of sheets ("ST26-004 Title: 2/3"), by the domain's rule, the one the
 * ranking uses to flag entries once the round is closed.
 */
export function missingSheetLines(round: RoundView, progress: RoundProgressView): string[] {
  const recused = new Map<string, number>();
  for (const cell of progress.matrix.cells) if (cell.status === 'recused') recused.set(cell.entryId, (recused.get(cell.entryId) ?? 0) + 1);
  return progress.entries.flatMap((e) => {
    const missing = missingSheets(round, { assigned: e.assigned, recused: recused.get(e.entryId) ?? 0, submitted: e.submitted });
    return missing > 0 ? [`${e.code ?? '—'} ${e.title}: ${e.submitted}/${e.submitted + missing}`] : [];
  });
}
