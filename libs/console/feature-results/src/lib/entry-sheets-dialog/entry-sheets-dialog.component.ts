import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { AssignmentStatus, EntrySheetsView } from '@laurel/contracts';
import { ResultsApi } from '@laurel/console-data-access-results';
import { AlertComponent, StatusChipComponent, type StatusTone } from '@laurel/console-ui';
import {
  I18nService,
  QuantityPipe,
  ScorePipe,
  TranslatePipe,
  type TranslationKey,
  type UiMessage,
  UiMessagePipe,
  formatDateTime,
  toUiMessage,
} from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

export interface EntrySheetsDialogData {
  roundId: string;
  entryId: string;
  /** What the row showed, for the title while the sheets load. */
  code: string | null;
  title: string;
}

const STATUS_TONES: Record<AssignmentStatus, StatusTone> = { todo: 'warning', draft: 'warning', submitted: 'success', recused: 'neutral' };

/** From a ranking row: the entry's judges in the round, each sheet's values, total and comments. */
@Component({
  selector: 'laurel-entry-sheets-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatProgressBar,
    AlertComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
    ScorePipe,
    QuantityPipe,
  ],
  templateUrl: './entry-sheets-dialog.component.html',
  styleUrl: './entry-sheets-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntrySheetsDialogComponent {
  protected readonly data = inject<EntrySheetsDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ResultsApi);
  private readonly i18n = inject(I18nService);

  protected readonly view = signal<EntrySheetsView | null>(null);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly counted = computed(() => this.view()?.sheets.filter((s) => s.status === 'submitted').length ?? 0);
  protected readonly tone = (status: AssignmentStatus): StatusTone => STATUS_TONES[status];
  protected readonly statusKey = (status: AssignmentStatus): TranslationKey => `results.sheets.status.${status}`;

  constructor() {
    void this.load();
  }

  protected valueOf(sheet: EntrySheetsView['sheets'][number], criterionId: string): number | null {
    return sheet.scores.find((s) => s.criterionId === criterionId)?.value ?? null;
  }

  protected comments(sheet: EntrySheetsView['sheets'][number]): { criterion: string | null; text: string; internal: boolean }[] {
    const names = new Map(this.view()?.criteria.map((c) => [c.id, c.name]));
    const lines = sheet.scores
      .filter((s) => s.comment)
      .map((s) => ({ criterion: names.get(s.criterionId) ?? null, text: s.comment as string, internal: s.commentInternal }));
    if (sheet.comment) lines.push({ criterion: null, text: sheet.comment, internal: sheet.commentInternal });
    return lines;
  }

  protected submittedAt(iso: string | null): string {
    return iso ? formatDateTime(iso, this.i18n.locale()) : '';
  }

  private async load(): Promise<void> {
    try {
      this.view.set(await firstValueFrom(this.api.entrySheets(this.data.roundId, this.data.entryId)));
    } catch (error) {
      this.error.set(toUiMessage(error));
    }
  }
}
