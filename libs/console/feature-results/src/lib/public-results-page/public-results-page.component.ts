import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PRIZE_TIERS, type PublicResultsView } from '@laurel/contracts';
import { PublicResultsStore } from '@laurel/console-data-access-results';
import { AlertComponent, EmptyStateComponent } from '@laurel/console-ui';
import { I18nService, ScorePipe, TranslatePipe, UiMessagePipe, formatDateTime, formatMoney } from '@laurel/console-util';
import { tierKey } from '../shared/format';
import { registerResultsIcons } from '../shared/results-icons';

type PublicAward = PublicResultsView['awards'][number];

/** `/results/:slug`: the published awards and final ranking, for anyone, printable. No judge appears. */
@Component({
  selector: 'laurel-public-results-page',
  imports: [MatButton, MatIcon, MatProgressBar, RouterLink, AlertComponent, EmptyStateComponent, TranslatePipe, UiMessagePipe, ScorePipe],
  providers: [PublicResultsStore],
  templateUrl: './public-results-page.component.html',
  styleUrls: ['./public-results-page.component.scss', './public-results-print.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The print rules hide the console's toolbar and navigation, which live outside this component.
  encapsulation: ViewEncapsulation.None,
})
export class PublicResultsPageComponent {
  /** Route parameter. */
  readonly slug = input.required<string>();

  protected readonly store = inject(PublicResultsStore);
  private readonly i18n = inject(I18nService);
  protected readonly tierKey = tierKey;

  protected readonly tiers = computed(() => {
    const awards = this.store.results()?.awards ?? [];
    return PRIZE_TIERS.map((tier) => ({ tier, awards: awards.filter((a) => a.tier === tier).sort((a, b) => a.place - b.place) })).filter(
      (t) => t.awards.length > 0,
    );
  });
  protected readonly publishedAt = computed(() => {
    const at = this.store.results()?.contest.publishedAt;
    return at ? formatDateTime(at, this.i18n.locale()) : '';
  });
  protected readonly showCategory = computed(() => (this.store.results()?.ranking.entries ?? []).some((e) => e.category));

  constructor() {
    registerResultsIcons();
    effect(() => {
      const slug = this.slug();
      untracked(() => void this.store.load(slug));
    });
  }

  protected prize(award: PublicAward): string | null {
    return formatMoney(award.prizeAmount, award.currency, this.i18n.locale());
  }

  /** 0.2 → 20 (the blend's shares as whole percentages, as contest rules state them). */
  protected percent(share: number): number {
    return Math.round(share * 10_000) / 100;
  }

  protected print(): void {
    window.print();
  }
}
