import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ContestsStore } from '@laurel/console-data-access-contests';
import { AlertComponent, EmptyStateComponent } from '@laurel/console-ui';
import { I18nService, TranslatePipe, UiMessagePipe, timeZoneLabel } from '@laurel/console-util';
import { ContestCardComponent } from '../contest-card/contest-card.component';
import { toContestCard } from '../contest-card/contest-card';

/** The public contest list; signed-out visitors see it too. */
@Component({
  selector: 'laurel-contests-page',
  imports: [MatButton, MatProgressBar, AlertComponent, EmptyStateComponent, ContestCardComponent, TranslatePipe, UiMessagePipe],
  templateUrl: './contests-page.component.html',
  styleUrl: './contests-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContestsPageComponent {
  protected readonly store = inject(ContestsStore);
  private readonly i18n = inject(I18nService);

  protected readonly cards = computed(() => {
    const locale = this.i18n.locale();
    const now = new Date();
    return this.store.contests().map((contest) => toContestCard(contest, locale, now));
  });
  protected readonly zone = computed(() => timeZoneLabel(this.i18n.locale()));

  constructor() {
    void this.store.load();
  }

  protected retry(): void {
    void this.store.load();
  }
}
