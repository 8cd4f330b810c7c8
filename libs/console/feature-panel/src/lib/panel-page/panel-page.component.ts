import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { Router } from '@angular/router';
import type { ContestView, PanelJudgeView } from '@laurel/contracts';
import { MyContestsStore } from '@laurel/console-data-access-contests';
import { JudgingApi } from '@laurel/console-data-access-judging';
import { AlertComponent, EmptyStateComponent } from '@laurel/console-ui';
import { TranslatePipe, type UiMessage, UiMessagePipe, contestStatusKey, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { ConflictsTabComponent } from '../tabs/conflicts-tab.component';
import { PanelTabComponent } from '../tabs/panel-tab.component';
import { ProgressTabComponent } from '../tabs/progress-tab.component';
import { RoundsTabComponent } from '../tabs/rounds-tab.component';

const TABS = ['panel', 'conflicts', 'rounds', 'progress'] as const;
type Tab = (typeof TABS)[number];

/** The organizer's judging dashboard: pick a contest, then its panel, conflicts, rounds and progress. */
@Component({
  selector: 'laurel-panel-page',
  imports: [
    MatButton,
    MatFormField,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatTab,
    MatTabContent,
    MatTabGroup,
    AlertComponent,
    EmptyStateComponent,
    ConflictsTabComponent,
    PanelTabComponent,
    ProgressTabComponent,
    RoundsTabComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './panel-page.component.html',
  styleUrl: './panel-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PanelPageComponent {
  /** `?contest=` and `?tab=` keep the place across reloads. */
  readonly contest = input<string>();
  readonly tab = input<string>();

  private readonly api = inject(JudgingApi);
  private readonly router = inject(Router);

  private readonly store = inject(MyContestsStore);

  protected readonly contests = this.store.contests;
  protected readonly loading = this.store.loading;
  protected readonly error = this.store.error;
  protected readonly judges = signal<PanelJudgeView[]>([]);
  /** Judges who accepted: the only ones conflicts and assignments can name. */
  protected readonly panelJudges = computed(() => this.judges().filter((j) => j.judgeId !== null));
  protected readonly judgesError = signal<UiMessage | null>(null);
  protected readonly statusKey = contestStatusKey;

  protected readonly selected = computed<ContestView | null>(
    () => {
      const list = this.contests();
      const wanted = this.contest();
      return list.find((c) => c.id === wanted) ?? list.find((c) => c.status === 'judging') ?? list[0] ?? null;
    },
    // The list shown from the shared store is read again on arrival: the same contest, unchanged,
    // stays the same selection (the tabs and the judges are not loaded twice).
    { equal: (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly tabIndex = computed(() => Math.max(0, TABS.indexOf((this.tab() ?? 'panel') as Tab)));

  constructor() {
    void this.loadContests();
    effect(() => {
      const contest = this.selected();
      if (contest) untracked(() => void this.loadJudges(contest.id));
    });
  }

  protected loadContests(): Promise<void> {
    return this.store.load();
  }

  /** After a round opens or closes: the contest's rounds change. */
  protected async refreshContest(): Promise<void> {
    const id = this.selected()?.id;
    if (!id) return;
    try {
      this.store.replace(await firstValueFrom(this.api.contest(id)));
    } catch {
      await this.loadContests();
    }
  }

  protected async loadJudges(contestId = this.selected()?.id): Promise<void> {
    if (!contestId) return;
    this.judgesError.set(null);
    try {
      this.judges.set(await firstValueFrom(this.api.judges(contestId)));
    } catch (error) {
      this.judges.set([]);
      this.judgesError.set(toUiMessage(error));
    }
  }

  protected pick(contestId: string): void {
    void this.router.navigate([], { queryParams: { contest: contestId }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected pickTab(index: number): void {
    void this.router.navigate([], { queryParams: { tab: TABS[index] }, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
