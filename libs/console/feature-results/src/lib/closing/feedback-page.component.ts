import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ChartConfiguration } from 'chart.js';
import type { EntryFeedbackView, FeedbackRoundView } from '@laurel/contracts';
import { FileDownloader, ResultsApi } from '@laurel/console-data-access-results';
import { AlertComponent, EmptyStateComponent, StatusChipComponent } from '@laurel/console-ui';
import { I18nService, TranslatePipe, type UiMessage, UiMessagePipe, formatMoney, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { ChartComponent } from '../shared/chart.component';
import { tierKey } from '../shared/format';
import { registerResultsIcons } from '../shared/results-icons';

/** `/my-entries/:entryId/feedback`: what the team may learn of its entry after publication. */
@Component({
  selector: 'laurel-feedback-page',
  imports: [
    RouterLink,
    MatButton,
    MatIcon,
    MatProgressBar,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    ChartComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  template: `
    <a routerLink="/my-entries" class="back">{{ 'closing.feedback.back' | translate }}</a>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (missing()) {
      <laurel-empty-state
        [heading]="'closing.feedback.notAvailable' | translate"
        [body]="'closing.feedback.notAvailableHint' | translate"
        data-testid="feedback-missing"
      />
    } @else if (error(); as e) {
      <laurel-alert tone="error">{{ e | uiMessage }}</laurel-alert>
    }
    @if (view(); as v) {
      <header class="page-header">
        <h1 data-testid="feedback-heading">{{ 'closing.feedback.title' | translate }}</h1>
        <p class="lead">
          {{ v.contestName }} · {{ v.code }} · {{ v.title }}
          @if (v.categoryName) {
            · {{ v.categoryName }}
          }
        </p>
        <p class="lead">{{ 'closing.feedback.subtitle' | translate }}</p>
        @if (v.award; as award) {
          <p class="award">
            <laurel-status-chip tone="success" data-testid="feedback-award">{{
              'closing.feedback.award' | translate: { tier: (tierKey(award.tier) | translate) }
            }}</laurel-status-chip>
            @if (money(award.prizeAmount, award.currency); as m) {
              <span class="meta">{{ m }}</span>
            }
          </p>
          <button mat-stroked-button type="button" (click)="certificate()" [disabled]="downloading()" data-testid="feedback-certificate">
            <mat-icon svgIcon="results:download" />{{ 'closing.documents.myCertificate' | translate }}
          </button>
          @if (downloadError(); as e) {
            <p class="error" role="alert">{{ e | uiMessage }}</p>
          }
        }
      </header>
      @for (round of v.rounds; track round.roundId) {
        <section class="round" data-testid="feedback-round">
          <h2>{{ 'closing.feedback.round' | translate: { name: round.roundName } }}</h2>
          <p class="facts">
            @if (round.score !== null) {
              <span data-testid="feedback-score">{{ 'closing.feedback.score' | translate: { score: number(round.score) } }}</span>
              <span data-testid="feedback-rank">{{
                (round.rankScope === 'category' ? 'closing.feedback.rankCategory' : 'closing.feedback.rank')
                  | translate: { rank: round.rank ?? '', total: round.rankedEntries }
              }}</span>
            } @else {
              <span>{{ 'closing.feedback.notRanked' | translate }}</span>
            }
            @if (round.outcome) {
              <laurel-status-chip [tone]="round.outcome === 'advanced' ? 'success' : 'neutral'">{{
                (round.outcome === 'advanced' ? 'closing.feedback.outcome.advanced' : 'closing.feedback.outcome.eliminated') | translate
              }}</laurel-status-chip>
            }
          </p>
          @if (v.showCriterionMeans) {
            <h3>{{ 'closing.charts.profileTitle' | translate }}</h3>
            <p class="meta">{{ 'closing.charts.profileHint' | translate }}</p>
            <laurel-chart
              [config]="profile(round, v.showCategoryAverage)"
              [label]="'closing.charts.profileTitle' | translate"
              [height]="240"
            >
              <table>
                <caption>
                  {{
                    'closing.charts.tableCaption' | translate
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ 'closing.feedback.criterion' | translate }}</th>
                    <th scope="col">{{ 'closing.feedback.yours' | translate }}</th>
                    @if (v.showCategoryAverage) {
                      <th scope="col">{{ 'closing.feedback.categoryAverage' | translate }}</th>
                    }
                    <th scope="col">{{ 'closing.feedback.max' | translate }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (c of round.criteria; track c.criterionId) {
                    <tr data-testid="feedback-criterion">
                      <th scope="row">{{ c.name }}</th>
                      <td>{{ number(c.mean) }}</td>
                      @if (v.showCategoryAverage) {
                        <td>{{ number(c.categoryAverage) }}</td>
                      }
                      <td>{{ c.maxScore }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </laurel-chart>
          }
          @if (v.showComments) {
            <h3>{{ 'closing.feedback.comments' | translate }}</h3>
            @if (round.comments.length === 0) {
              <p class="meta">{{ 'closing.feedback.noComments' | translate }}</p>
            }
            <ul class="comments">
              @for (c of round.comments; track $index) {
                <li data-testid="feedback-comment">
                  <span class="who"
                    >{{ 'closing.feedback.judge' | translate: { number: c.judgeNumber } }} ·
                    {{ c.criterionName ?? ('closing.feedback.overall' | translate) }}</span
                  >
                  <span class="text">{{ c.text }}</span>
                </li>
              }
            </ul>
          }
        </section>
      }
    }
  `,
  styles: `
    @use 'page-header';
    @use 'page-frame';

    :host {
      @include page-frame.frame(reading);
    }
    .back {
      @include page-frame.back;
    }
    .page-header {
      @include page-header.text;
    }
    @include page-frame.sections;
    .award {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin: 8px 0;
    }
    .round {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 16px;
      background: var(--mat-sys-surface);
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
      margin: 0 0 8px;
      font: var(--mat-sys-body-large);
    }
    .comments {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 8px;
    }
    .comments li {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .who {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeedbackPageComponent {
  /** Route parameter. */
  readonly entryId = input.required<string>();

  private readonly api = inject(ResultsApi);
  private readonly downloader = inject(FileDownloader);
  private readonly i18n = inject(I18nService);
  protected readonly tierKey = tierKey;
  protected readonly view = signal<EntryFeedbackView | null>(null);
  protected readonly loading = signal(false);
  protected readonly missing = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly downloadError = signal<UiMessage | null>(null);
  protected readonly downloading = computed(() => this.downloader.progress() !== null);

  constructor() {
    registerResultsIcons();
    effect(() => {
      const id = this.entryId();
      untracked(() => void this.load(id));
    });
  }

  protected number(value: number | null): string {
    return value === null
      ? '—'
      : new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(value);
  }

  protected money(amount: number | null, currency: string | null): string | null {
    return formatMoney(amount, currency, this.i18n.locale());
  }

  /** Each criterion as a share of its maximum, so criteria of different scales sit on one axis. */
  protected profile(round: FeedbackRoundView, withAverage: boolean): ChartConfiguration {
    const percent = (v: number | null, max: number) => (v === null ? null : Math.round((1000 * v) / max) / 10);
    const datasets = [
      {
        label: this.i18n.t('closing.feedback.yours'),
        data: round.criteria.map((c) => percent(c.mean, c.maxScore)),
        backgroundColor: '#3f6ad8',
      },
    ];
    if (withAverage)
      datasets.push({
        label: this.i18n.t('closing.feedback.categoryAverage'),
        data: round.criteria.map((c) => percent(c.categoryAverage, c.maxScore)),
        backgroundColor: '#b0b7c3',
      });
    return {
      type: 'bar',
      data: { labels: round.criteria.map((c) => c.name), datasets },
      options: {
        indexAxis: 'y',
        scales: { x: { min: 0, max: 100, title: { display: true, text: this.i18n.t('closing.charts.percentAxis') } } },
      },
    } as ChartConfiguration;
  }

  protected async certificate(): Promise<void> {
    this.downloadError.set(null);
    const v = this.view();
    if (!v) return;
    const outcome = await this.downloader.download(
      'certificate',
      this.api.documentUrl('entryCertificate', v.entryId, this.i18n.lang() === 'en' ? 'en' : 'vi'),
      `${v.code ?? 'entry'}-certificate.pdf`,
    );
    if (!outcome.ok) this.downloadError.set(outcome.error);
  }

  private async load(entryId: string): Promise<void> {
    this.loading.set(true);
    this.missing.set(false);
    this.error.set(null);
    try {
      this.view.set(await firstValueFrom(this.api.feedback(entryId)));
    } catch (error) {
      const message = toUiMessage(error);
      if ('key' in message && message.key === 'closing.feedback.notAvailable') this.missing.set(true);
      else this.error.set(message);
    } finally {
      this.loading.set(false);
    }
  }
}
