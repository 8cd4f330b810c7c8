import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ContestStatus, ContestSummaryView } from '@laurel/contracts';
import { OrganizeApi } from '@laurel/console-data-access-organize';
import { AlertComponent, StatusChipComponent, type StatusTone } from '@laurel/console-ui';
import {
  I18nService,
  TranslatePipe,
  type UiMessage,
  UiMessagePipe,
  contestStatusKey,
  formatDateTime,
  toUiMessage,
} from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

const TONES: Record<ContestStatus, StatusTone> = {
  draft: 'neutral',
  open: 'success',
  closed: 'warning',
  judging: 'info',
  published: 'accent',
};
const DAY = 24 * 60 * 60 * 1000;

/** The organizer's contests still under way, each with what needs doing counted. */
@Component({
  selector: 'laurel-contest-glance',
  imports: [RouterLink, AlertComponent, StatusChipComponent, TranslatePipe, UiMessagePipe],
  template: `
    @if (error(); as e) {
      <laurel-alert tone="error">{{ e | uiMessage }}</laurel-alert>
    }
    @if (cards().length > 0) {
      <ul class="cards" data-testid="dashboard-glance">
        @for (card of cards(); track card.contestId) {
          <li class="card" data-testid="glance-contest">
            <div class="head">
              <a class="name" [routerLink]="['/organize/contests', card.contestId]">{{ card.name }}</a>
              <laurel-status-chip [tone]="card.tone">{{ card.statusKey | translate }}</laurel-status-chip>
            </div>
            <dl class="counts">
              <div>
                <dt>{{ 'dashboard.glance.submitted' | translate }}</dt>
                <dd data-testid="glance-submitted">{{ card.entries.submitted }}</dd>
              </div>
              @if (card.status === 'open' || card.status === 'draft') {
                <div>
                  <dt>{{ 'dashboard.glance.drafts' | translate }}</dt>
                  <dd data-testid="glance-drafts">{{ card.entries.drafts }}</dd>
                </div>
              }
              @if (card.entries.notScreened > 0) {
                <div>
                  <dt>{{ 'dashboard.glance.notScreened' | translate }}</dt>
                  <dd data-testid="glance-not-screened">{{ card.entries.notScreened }}</dd>
                </div>
              }
              @if (card.daysLeft !== null) {
                <div>
                  <dt>{{ 'dashboard.glance.daysLeft' | translate }}</dt>
                  <dd data-testid="glance-days-left" [title]="card.closes">{{ card.daysLeft }}</dd>
                </div>
              }
              @for (round of card.openRounds; track round.roundId) {
                <div>
                  <dt>{{ 'dashboard.glance.unsubmitted' | translate: { round: round.name } }}</dt>
                  <dd data-testid="glance-unsubmitted">
                    {{ 'dashboard.glance.ofSheets' | translate: { n: round.unsubmitted, total: round.sheets } }}
                  </dd>
                </div>
              }
            </dl>
            <p class="next">
              @switch (card.status) {
                @case ('open') {
                  {{ 'dashboard.glance.closes' | translate: { at: card.closes } }}
                }
                @case ('judging') {
                  <a [routerLink]="['/organize/judging']" [queryParams]="{ contest: card.contestId, tab: 'progress' }">{{
                    'dashboard.glance.toProgress' | translate
                  }}</a>
                }
                @default {
                  <a [routerLink]="['/organize/contests', card.contestId]">{{ 'dashboard.glance.toSteps' | translate }}</a>
                }
              }
            </p>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      gap: 12px;
      margin: 16px 0 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 16px;
      border-radius: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    .head {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: 8px;
    }
    .name {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
    }
    .counts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(120px, 1fr));
      gap: 8px;
      margin: 0;
    }
    .counts div {
      display: flex;
      flex-direction: column-reverse;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-on-surface);
    }
    .next {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContestGlanceComponent {
  private readonly api = inject(OrganizeApi);
  private readonly i18n = inject(I18nService);
  private readonly summaries = signal<ContestSummaryView[]>([]);
  protected readonly error = signal<UiMessage | null>(null);

  protected readonly cards = computed(() => {
    const now = Date.now();
    return this.summaries()
      .filter((s) => s.status !== 'published')
      .map((s) => {
        const closes = Date.parse(s.submissionClosesAt);
        return {
          ...s,
          tone: TONES[s.status],
          statusKey: contestStatusKey(s.status),
          closes: formatDateTime(s.submissionClosesAt, this.i18n.locale()),
          // Whole days to the deadline, counting a part day as one: "1" on its last day.
          daysLeft: s.status === 'open' && closes > now ? Math.ceil((closes - now) / DAY) : null,
        };
      });
  });

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.summaries.set(await firstValueFrom(this.api.contestSummaries()));
    } catch (error) {
      this.error.set(toUiMessage(error));
    }
  }
}
