import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { LiveStandingsView } from '@laurel/contracts';
import { LiveBoardStore } from '@laurel/console-data-access-results';
import { registerLaurelIcons } from '@laurel/console-ui';
import { I18nService, ScorePipe, TranslatePipe, type TranslationKey, UiMessagePipe, formatScore, localStore } from '@laurel/console-util';
import { registerResultsIcons } from '../shared/results-icons';

const THEME_KEY = 'laurel.liveBoard.theme';
const SIZES = [5, 10, 15, 20] as const;

type Row = LiveStandingsView['entries'][number] & { position: number; move: number };

/**
 * `/live/:roundId`: the standings of a round in large type for a projector, updated as the server
 * pushes them. Rows glide to their new place with a CSS transition on their offset (nothing
 * animates under prefers-reduced-motion); a changed score flashes once.
 */
@Component({
  selector: 'laurel-live-board-page',
  imports: [MatButton, MatIcon, MatIconButton, MatTooltip, RouterLink, TranslatePipe, UiMessagePipe, ScorePipe],
  providers: [LiveBoardStore],
  templateUrl: './live-board-page.component.html',
  styleUrl: './live-board-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.dark]': "theme() === 'dark'" },
})
export class LiveBoardPageComponent {
  /** Route parameter. */
  readonly roundId = input.required<string>();

  protected readonly store = inject(LiveBoardStore);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);

  protected readonly sizes = SIZES;
  protected readonly size = signal<number>(10);
  protected readonly theme = signal<'dark' | 'light'>(localStore.get(THEME_KEY) === 'light' ? 'light' : 'dark');
  /** Rank of each entry in the standings before the latest ones. */
  private previousRanks = new Map<string, number>();
  private readonly moves = signal<ReadonlyMap<string, number>>(new Map());

  protected readonly rows = computed<Row[]>(() => {
    const standings = this.store.standings();
    if (!standings) return [];
    const moves = this.moves();
    return standings.entries.slice(0, this.size()).map((entry, position) => ({ ...entry, position, move: moves.get(entry.entryId) ?? 0 }));
  });
  protected readonly progress = computed(() => {
    const p = this.store.standings()?.progress;
    return p && p.expectedSheets > 0 ? Math.round((100 * p.submittedSheets) / p.expectedSheets) : 0;
  });
  protected readonly connectionKey = computed<TranslationKey>(() => `results.live.connection.${this.store.connection()}`);
  protected readonly updated = computed(() => {
    const at = this.store.updatedAt();
    return at ? new Intl.DateTimeFormat(this.i18n.locale(), { timeStyle: 'medium' }).format(at) : null;
  });
  /** Announced to screen readers: the leader, when it changes. */
  protected readonly leader = computed(() => {
    const first = this.store.standings()?.entries[0];
    return first ? `${first.code ?? ''} ${first.title} ${formatScore(first.score, this.i18n.locale())}` : '';
  });

  constructor() {
    registerLaurelIcons();
    registerResultsIcons();
    effect(() => {
      const roundId = this.roundId();
      untracked(() => this.store.start(roundId));
    });
    effect(() => {
      const standings = this.store.standings();
      untracked(() => {
        if (!standings) return;
        const moves = new Map<string, number>();
        for (const entry of standings.entries) {
          const before = this.previousRanks.get(entry.entryId);
          if (before !== undefined && before !== entry.rank) moves.set(entry.entryId, before - entry.rank);
        }
        this.moves.set(moves);
        this.previousRanks = new Map(standings.entries.map((e) => [e.entryId, e.rank]));
      });
    });
  }

  protected setSize(event: Event): void {
    this.size.set(Number((event.target as HTMLSelectElement).value));
  }

  protected toggleTheme(): void {
    const next = this.theme() === 'dark' ? 'light' : 'dark';
    this.theme.set(next);
    localStore.set(THEME_KEY, next);
  }

  protected fullscreen(): void {
    const doc = this.document;
    if (doc.fullscreenElement) void doc.exitFullscreen();
    else void doc.documentElement.requestFullscreen?.();
  }

  protected reconnect(): void {
    this.store.start(this.roundId());
  }
}
