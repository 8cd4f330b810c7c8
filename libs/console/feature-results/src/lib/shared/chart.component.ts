import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  afterRenderEffect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { Chart, ChartConfiguration } from 'chart.js';
import { TranslatePipe } from '@laurel/console-util';

/**
 * A Chart.js chart, loaded only when a page shows one: the library is imported on first render,
 * so it lands in a lazy chunk of its own and never in the initial bundle. The canvas is an image
 * to assistive technology, named by `label`; the page projects the figures as a table (the text
 * alternative), which stays in the document for screen readers.
 */
@Component({
  selector: 'laurel-chart',
  imports: [TranslatePipe],
  template: `
    <div class="frame" [style.height.px]="height()">
      <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
      @if (!ready()) {
        <span class="loading">{{ 'closing.charts.loading' | translate }}</span>
      }
    </div>
    <div class="figures"><ng-content /></div>
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      width: 100%;
    }
    .loading {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .figures {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
  host: { 'data-testid': 'chart' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartComponent {
  readonly config = input.required<ChartConfiguration>();
  readonly label = input.required<string>();
  readonly height = input(260);

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  protected readonly ready = signal(false);
  private chart: Chart | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
    afterRenderEffect(() => {
      const config = this.config();
      const canvas = this.canvas().nativeElement;
      void this.draw(canvas, config);
    });
  }

  private async draw(canvas: HTMLCanvasElement, config: ChartConfiguration): Promise<void> {
    const { default: ChartJs } = await import('chart.js/auto');
    this.chart?.destroy();
    this.chart = new ChartJs(canvas, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
    });
    canvas.setAttribute('data-chart-ready', 'true');
    this.ready.set(true);
  }
}
