import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import type { AggregationMethod, ContestView, RoundResultEntryView, RoundView } from '@laurel/contracts';
import { MyContestsStore } from '@laurel/console-data-access-contests';
import { RoundResultsStore } from '@laurel/console-data-access-results';
import { AlertComponent, EmptyStateComponent, StatusChipComponent } from '@laurel/console-ui';
import { I18nService, TranslatePipe, type TranslationKey, type UiMessage, UiMessagePipe, formatDateTime } from '@laurel/console-util';
import { AdvanceDialogComponent, type AdvanceDialogData, type AdvanceDialogResult } from '../advance-dialog/advance-dialog.component';
import { EntrySheetsDialogComponent, type EntrySheetsDialogData } from '../entry-sheets-dialog/entry-sheets-dialog.component';
import { ExportButtonsComponent } from '../export-buttons/export-buttons.component';
import { registerResultsIcons } from '../shared/results-icons';
import { roundStatusKey } from '../shared/format';
import { RankingTableComponent } from './ranking-table.component';
import { ResultsChartsComponent } from './results-charts.component';
import { ReliabilityPanelComponent } from './reliability-panel.component';
import { VoteCountsComponent } from '../vote-counts/vote-counts.component';

interface Scope {
  key: string;
  caption: string;
  entries: RoundResultEntryView[];
}

/** `/organize/results?contest=…&round=…`: a round's ranking, its reliability, and advancement. */
@Component({
  selector: 'laurel-results-page',
  imports: [
    VoteCountsComponent,
    MatButton,
    MatFormField,
    MatIcon,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatTooltip,
    RouterLink,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    ExportButtonsComponent,
    RankingTableComponent,
    ReliabilityPanelComponent,
    ResultsChartsComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  providers: [RoundResultsStore],
  templateUrl: './results-page.component.html',
  styleUrl: './results-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResultsPageComponent {
  /** Query parameters. */
  readonly contest = input<string>();
  readonly round = input<string>();

  protected readonly contests = inject(MyContestsStore);
  protected readonly store = inject(RoundResultsStore);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);

  protected readonly notice = signal<UiMessage | null>(null);
  protected readonly roundStatusKey = roundStatusKey;

  protected readonly selectedContest = computed<ContestView | undefined>(() => {
    const list = this.contests.contests();
    return this.contests.byId(this.contest() ?? null) ?? (this.contest() ? undefined : defaultContest(list));
  });
  protected readonly rounds = computed(() => [...(this.selectedContest()?.rounds ?? [])].sort((a, b) => a.order - b.order));
  protected readonly selectedRound = computed<RoundView | undefined>(() => {
    const rounds = this.rounds();
    return rounds.find((r) => r.id === this.round()) ?? (this.round() ? undefined : defaultRound(rounds));
  });
  private readonly selectedRoundId = computed(() => this.selectedRound()?.id ?? null);
  protected readonly nextRound = computed(() => {
    const current = this.selectedRound();
    return current ? this.rounds().find((r) => r.order > current.order) : undefined;
  });
  protected readonly categoryNames = computed(() => new Map((this.selectedContest()?.categories ?? []).map((c) => [c.id, c.name])));

  protected readonly scopes = computed<Scope[]>(() => {
    const results = this.store.results();
    if (!results) return [];
    if (results.rankBy !== 'category') {
      return [{ key: 'all', caption: this.i18n.t('results.page.rankingOverall'), entries: results.entries }];
    }
    const names = this.categoryNames();
    const groups = new Map<string, RoundResultEntryView[]>();
    for (const entry of results.entries) {
      const key = entry.categoryId ?? '';
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    return [...groups.entries()].map(([key, entries]) => ({
      key,
      caption: key ? (names.get(key) ?? key) : this.i18n.t('results.page.noCategory'),
      entries,
    }));
  });
  /** Entries ranked on fewer sheets than their panel should have given (codes, for the warning). */
  protected readonly shortEntries = computed(() =>
    (this.store.results()?.entries ?? []).filter((e) => (e.missingSheets ?? 0) > 0).map((e) => e.code ?? e.title),
  );
  /** The category column only when the round ranks overall and the contest has categories. */
  protected readonly categoryColumn = computed(() =>
    this.store.results()?.rankBy !== 'category' && this.categoryNames().size > 1 ? this.categoryNames() : null,
  );

  protected readonly methodKey = computed<TranslationKey | null>(() => {
    const method: AggregationMethod | undefined = this.store.results()?.method;
    return method ? `results.method.${method}` : null;
  });
  protected readonly snapshotAt = computed(() => {
    const at = this.store.results()?.snapshotAt;
    return at ? formatDateTime(at, this.i18n.locale()) : null;
  });
  protected readonly computedAt = computed(() => {
    const at = this.store.results()?.computedAt;
    return at ? formatDateTime(at, this.i18n.locale()) : null;
  });
  protected readonly canAdvance = computed(
    () =>
      this.selectedRound()?.status === 'closed' &&
      this.nextRound()?.status === 'draft' &&
      this.selectedContest()?.status !== 'published' &&
      !!this.store.results(),
  );
  protected readonly advanceHint = computed<TranslationKey | null>(() => {
    if (!this.selectedRound()) return null;
    if (!this.nextRound()) return 'results.advance.hintLastRound';
    if (this.selectedRound()?.status !== 'closed') return 'results.advance.hintNotClosed';
    if (this.nextRound()?.status !== 'draft') return 'results.errors.nextStarted';
    if (this.selectedContest()?.status === 'published') return 'results.errors.contestPublished';
    return null;
  });

  constructor() {
    registerResultsIcons();
    void this.contests.load();
    effect(() => {
      const roundId = this.selectedRoundId();
      untracked(() => {
        this.notice.set(null);
        if (roundId) void this.store.load(roundId);
        else this.store.clear();
      });
    });
  }

  protected chooseContest(contestId: string): void {
    void this.router.navigate([], { queryParams: { contest: contestId, round: null }, queryParamsHandling: 'merge' });
  }

  protected openSheets(roundId: string, entry: RoundResultEntryView): void {
    this.dialog.open<EntrySheetsDialogComponent, EntrySheetsDialogData>(EntrySheetsDialogComponent, {
      data: { roundId, entryId: entry.entryId, code: entry.code, title: entry.title },
      width: '960px',
      maxWidth: '96vw',
    });
  }

  protected chooseRound(roundId: string): void {
    void this.router.navigate([], { queryParams: { contest: this.selectedContest()?.id, round: roundId }, queryParamsHandling: 'merge' });
  }

  protected reload(): void {
    void this.contests.load();
    const round = this.selectedRound();
    if (round) void this.store.load(round.id);
  }

  protected openAdvance(): void {
    const results = this.store.results();
    const next = this.nextRound();
    if (!results || !next) return;
    const ref = this.dialog.open<AdvanceDialogComponent, AdvanceDialogData, AdvanceDialogResult>(AdvanceDialogComponent, {
      data: { results, nextRoundName: next.name, categories: this.categoryNames(), advance: (rule) => this.store.advance(rule) },
      width: '640px',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    });
    ref.afterClosed().subscribe((done) => {
      if (done) {
        this.notice.set({
          key: 'results.advance.done',
          params: { count: done.advanced.length, round: next.name, eliminated: done.eliminated },
        });
        void this.contests.load();
      }
    });
  }
}

/** A contest in judging first (the one being worked on), else the newest. */
function defaultContest(contests: readonly ContestView[]): ContestView | undefined {
  return contests.find((c) => c.status === 'judging') ?? contests.find((c) => c.rounds.length > 0) ?? contests[0];
}

/** The open round (scores coming in), else the last closed one, else the first. */
function defaultRound(rounds: readonly RoundView[]): RoundView | undefined {
  return rounds.find((r) => r.status === 'open') ?? [...rounds].reverse().find((r) => r.status === 'closed') ?? rounds[0];
}
