import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { DocumentLanguage } from '@laurel/contracts';
import { FileDownloader, ResultsApi } from '@laurel/console-data-access-results';
import { I18nService, TranslatePipe, type UiMessage, UiMessagePipe, formatBytes } from '@laurel/console-util';

type Kind = 'minutes' | 'certificates' | 'scoreSheetsPdf';

/**
 * The documents an office signs, downloaded with the session and a progress line: the council's
 * minutes and the certificates of the contest, the score sheets of the final round, in the
 * language chosen (Vietnamese unless English is picked).
 */
@Component({
  selector: 'laurel-document-buttons',
  imports: [MatButton, MatButtonToggle, MatButtonToggleGroup, MatIcon, MatProgressBar, TranslatePipe, UiMessagePipe],
  template: `
    <div class="language">
      <span id="doc-lang">{{ 'closing.documents.language' | translate }}</span>
      <mat-button-toggle-group
        aria-labelledby="doc-lang"
        [value]="lang()"
        (change)="lang.set($event.value)"
        data-testid="documents-language"
      >
        <mat-button-toggle value="vi">{{ 'closing.documents.vi' | translate }}</mat-button-toggle>
        <mat-button-toggle value="en">{{ 'closing.documents.en' | translate }}</mat-button-toggle>
      </mat-button-toggle-group>
    </div>
    <div class="buttons">
      <button mat-stroked-button type="button" [disabled]="busy()" (click)="download('minutes')" data-testid="document-minutes">
        <mat-icon svgIcon="results:download" />{{ 'closing.documents.minutes' | translate }}
      </button>
      <button mat-stroked-button type="button" [disabled]="busy()" (click)="download('certificates')" data-testid="document-certificates">
        <mat-icon svgIcon="results:download" />{{ 'closing.documents.certificates' | translate }}
      </button>
      @if (roundId()) {
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy()"
          (click)="download('scoreSheetsPdf')"
          data-testid="document-score-sheets"
        >
          <mat-icon svgIcon="results:print" />{{ 'closing.documents.scoreSheets' | translate }}
        </button>
      }
    </div>
    <div class="status" aria-live="polite">
      @if (progress(); as p) {
        <mat-progress-bar [mode]="p.total ? 'determinate' : 'indeterminate'" [value]="p.total ? (100 * p.received) / p.total : 0" />
        <span data-testid="document-progress">{{ progressText() }}</span>
      } @else if (done(); as d) {
        <span data-testid="document-done">{{ 'results.export.done' | translate: d }}</span>
      }
      @if (error(); as e) {
        <span class="error" role="alert" data-testid="document-error">{{ e | uiMessage }}</span>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .language {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-body-medium);
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
export class DocumentButtonsComponent {
  readonly contestId = input.required<string>();
  /** The final round, for its score sheets. */
  readonly roundId = input<string | null>(null);
  readonly slug = input('contest');
  /** The contest's own language: the documents' default. */
  readonly language = input<DocumentLanguage>('vi');

  private readonly api = inject(ResultsApi);
  private readonly downloader = inject(FileDownloader);
  private readonly i18n = inject(I18nService);
  private readonly mine = signal<Kind | null>(null);

  protected readonly lang = linkedSignal(() => this.language());
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
    const id = kind === 'scoreSheetsPdf' ? (this.roundId() ?? '') : this.contestId();
    const fallback = `${this.slug()}-${kind === 'minutes' ? 'minutes.docx' : kind === 'certificates' ? 'certificates.pdf' : 'score-sheets.pdf'}`;
    const outcome = await this.downloader.download(kind, this.api.documentUrl(kind, id, this.lang()), fallback);
    if (outcome.ok) this.done.set({ file: outcome.fileName, size: formatBytes(outcome.size, this.i18n.locale()) });
    else this.error.set(outcome.error);
  }
}
