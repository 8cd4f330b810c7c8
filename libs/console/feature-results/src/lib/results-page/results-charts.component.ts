import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ChartConfiguration } from 'chart.js';
import type { RoundResultsView } from '@laurel/contracts';
import { I18nService, TranslatePipe } from '@laurel/console-util';
import { ChartComponent } from '../shared/chart.component';

const BAND = 10;

/**
 * Pictures of a round: how lenient each judge is (the mean difference from the other judges'
 * totals for the same entries) and how the entries' scores spread over 10-point bands. Each
 * chart carries its figures as a table for screen readers.
 */
@Component({
  selector: 'laurel-results-charts',
  imports: [ChartComponent, TranslatePipe],
  template: `
    <div class="charts">
      <section>
        <h3>{{ 'closing.charts.leniencyTitle' | translate }}</h3>
        <p class="help">{{ 'closing.charts.leniencyHint' | translate }}</p>
        @if (leniency().length === 0) {
          <p class="help">{{ 'closing.charts.noData' | translate }}</p>
        } @else {
          <laurel-chart
            [config]="leniencyChart()"
            [label]="'closing.charts.leniencyTitle' | translate"
            [height]="40 + 28 * leniency().length"
            data-testid="chart-leniency"
          >
            <table>
              <caption>
                {{
                  'closing.charts.tableCaption' | translate
                }}
              </caption>
              <tbody>
                @for (j of leniency(); track j.judgeId) {
                  <tr>
                    <td>{{ 'closing.charts.leniencyRow' | translate: { name: j.name, value: number(j.leniency), sheets: j.sheets } }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </laurel-chart>
        }
      </section>
      <section>
        <h3>{{ 'closing.charts.distributionTitle' | translate }}</h3>
        <p class="help">{{ 'closing.charts.distributionHint' | translate }}</p>
        <laurel-chart
          [config]="distributionChart()"
          [label]="'closing.charts.distributionTitle' | translate"
          data-testid="chart-distribution"
        >
          <table>
            <caption>
              {{
                'closing.charts.tableCaption' | translate
              }}
            </caption>
            <tbody>
              @for (b of bands(); track b.label) {
                <tr>
                  <th scope="row">{{ b.label }}</th>
                  <td>{{ b.count }}</td>
                </tr>
              }
            </tbody>
          </table>
        </laurel-chart>
      </section>
    </div>
  `,
  styles: `
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 360px), 1fr));
      gap: 24px;
    }
    h3 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .help {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResultsChartsComponent {
  readonly results = input.required<RoundResultsView>();
  private readonly i18n = inject(I18nService);

  protected readonly leniency = computed(() =>
    this.results()
      .reliability.judges.filter((j): j is typeof j & { leniency: number } => j.leniency !== null && Number.isFinite(j.leniency))
      .sort((a, b) => b.leniency - a.leniency),
  );

  /** Entries per 10-point band of the round's score; 100 falls in the last band. */
  protected readonly bands = computed(() => {
    const counts = Array.from({ length: 100 / BAND }, () => 0);
    for (const e of this.results().entries) {
      if (e.score === null) continue;
      const band = Math.min(counts.length - 1, Math.floor(e.score / BAND));
      counts[band] = (counts[band] ?? 0) + 1;
    }
    return counts.map((count, i) => ({ label: this.i18n.t('closing.charts.bucket', { from: i * BAND, to: (i + 1) * BAND }), count }));
  });

  protected readonly leniencyChart = computed<ChartConfiguration>(() => ({
    type: 'bar',
    data: {
      labels: this.leniency().map((j) => j.name),
      datasets: [
        {
          label: this.i18n.t('closing.charts.leniencyAxis'),
          data: this.leniency().map((j) => Math.round(j.leniency * 100) / 100),
          backgroundColor: this.leniency().map((j) => (j.leniency >= 0 ? '#3f6ad8' : '#d8803f')),
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { title: { display: true, text: this.i18n.t('closing.charts.leniencyAxis') } } },
    },
  }));

  protected readonly distributionChart = computed<ChartConfiguration>(() => ({
    type: 'bar',
    data: {
      labels: this.bands().map((b) => b.label),
      datasets: [
        { label: this.i18n.t('closing.charts.distributionAxis'), data: this.bands().map((b) => b.count), backgroundColor: '#3f6ad8' },
      ],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: this.i18n.t('closing.charts.distributionAxis') } },
      },
    },
  }));

  protected number(value: number): string {
    return new Intl.NumberFormat(this.i18n.locale(), {
      maximumFractionDigits: 2,
      minimumFractionDigits: 2,
      signDisplay: 'exceptZero',
    }).format(value);
  }
}
