import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { FileDownloader } from '@laurel/console-data-access-results';
import { I18nService, TranslatePipe, type UiMessage, UiMessagePipe, formatBytes } from '@laurel/console-util';

type Kind = 'workbook' | 'scoreSheets';

/**
 * The results workbook of a contest and the printable score sheets of a round, downloaded with
 * the session (a plain link would carry no token) and a progress line while the bytes arrive.
 */
@Component({
  selector: 'laurel-export-buttons',
  imports: [MatButton, MatIcon, MatProgressBar, TranslatePipe, UiMessagePipe],
  template: `
    <div class="buttons">
      @if (contestId()) {
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="download('workbook')" data-testid="export-workbook">
          <mat-icon svgIcon="results:download" />{{ 'results.export.workbook' | translate }}
        </button>
      }
      @if (roundId()) {
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="download('scoreSheets')" data-testid="export-score-sheets">
          <mat-icon svgIcon="results:print" />{{ 'results.export.scoreSheets' | translate }}
        </button>
      }
    </div>
    <div class="status" aria-live="polite">
      @if (progress(); as p) {
        <mat-progress-bar [mode]="p.total ? 'determinate' : 'indeterminate'" [value]="p.total ? (100 * p.received) / p.total : 0" />
        <span data-testid="export-progress">{{ progressText() }}</span>
      } @else if (done(); as d) {
        <span class="done" data-testid="export-done">{{ 'results.export.done' | translate: d }}</span>
      }
      @if (error(); as e) {
        <span class="error" role="alert" data-testid="export-error">{{ e | uiMessage }}</span>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .status {
      display: flex;
      flex-direction: column;
      gap: 4px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      min-height: 0;
    }
    mat-progress-bar {
      max-width: 320px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportButtonsComponent {
  readonly contestId = input<string | null>(null);
  readonly roundId = input<string | null>(null);
  /** Used in the fallback file name when the server sends none. */
  readonly slug = input('results');

  private readonly downloader = inject(FileDownloader);
  private readonly i18n = inject(I18nService);
  private readonly mine = signal<Kind | null>(null);

  protected readonly done = signal<{ file: string; size: string } | null>(null);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly busy = computed(() => this.downloader.progress() !== null);
  protected readonly progress = computed(() => {
    const p = this.downloader.progress();
    return p && p.id === this.mine() ? p : null;
  });
  protected readonly progressText = computed(() => {
    const p = this.progress();
    if (!p) return '';
    const locale = this.i18n.locale();
    return p.total
      ? this.i18n.t('results.export.receivedOf', { received: formatBytes(p.received, locale), total: formatBytes(p.total, locale) })
      : this.i18n.t('results.export.received', { received: formatBytes(p.received, locale) });
  });

  protected async download(kind: Kind): Promise<void> {
    this.mine.set(kind);
    this.done.set(null);
    this.error.set(null);
    const outcome =
      kind === 'workbook'
        ? await this.downloader.contestWorkbook(this.contestId() ?? '', `${this.slug()}-results.xlsx`)
        : await this.downloader.scoreSheets(this.roundId() ?? '', `${this.slug()}-score-sheets.xlsx`);
    if (outcome.ok) this.done.set({ file: outcome.fileName, size: formatBytes(outcome.size, this.i18n.locale()) });
    else this.error.set(outcome.error);
  }
}
