import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import type { JudgeAttachmentView } from '@laurel/contracts';
import {
  JudgingApi,
  MyAssignmentsStore,
  ScoreSheetStore,
  assignmentStatusKey,
  attachmentKindKey,
} from '@laurel/console-data-access-judging';
import { AlertComponent, AnswersListComponent, StatusChipComponent } from '@laurel/console-ui';
import {
  I18nService,
  ScorePipe,
  TranslatePipe,
  type UiMessage,
  UiMessagePipe,
  formatBytes,
  formatDateTime,
  formatScore,
  saveBlob,
  toUiMessage,
} from '@laurel/console-util';
import { firstValueFrom, map } from 'rxjs';
import { STATUS_TONES } from '../assignments-page/assignments-page.component';
import { CriterionFieldComponent } from './criterion-field.component';
import { RecuseDialogComponent, SubmitSheetDialogComponent, type SubmitDialogData } from './scoring-dialogs';
import { StageFollowComponent } from './stage-follow.component';

/** Below this width the entry and the rubric take turns (tablets, also 1024 px landscape). */
const STACKED_QUERY = '(max-width: 1100px)';

type Pane = 'entry' | 'rubric';

/**
 * The scoring page: the entry beside its rubric, the live total, drafts saved as the judge types,
 * submit (which locks the sheet), recuse, and previous/next entry (Alt+← / Alt+→).
 */
@Component({
  selector: 'laurel-scoring-page',
  imports: [
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatIcon,
    MatIconButton,
    MatProgressBar,
    MatTooltip,
    RouterLink,
    AlertComponent,
    AnswersListComponent,
    StatusChipComponent,
    CriterionFieldComponent,
    StageFollowComponent,
    ScorePipe,
    TranslatePipe,
    UiMessagePipe,
  ],
  providers: [ScoreSheetStore],
  templateUrl: './scoring-page.component.html',
  styleUrl: './scoring-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onShortcut($event)', '[class.stacked]': 'stacked()' },
})
export class ScoringPageComponent {
  /** From the route (`/judging/:assignmentId`). */
  readonly assignmentId = input.required<string>();

  protected readonly sheet = inject(ScoreSheetStore);
  protected readonly list = inject(MyAssignmentsStore);
  protected readonly i18n = inject(I18nService);
  private readonly api = inject(JudgingApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  protected readonly stacked = toSignal(
    inject(BreakpointObserver)
      .observe(STACKED_QUERY)
      .pipe(map((s) => s.matches)),
    {
      initialValue: false,
    },
  );
  protected readonly pane = signal<Pane>('rubric');
  protected readonly actionError = signal<UiMessage | null>(null);
  protected readonly tones = STATUS_TONES;
  protected readonly statusKey = assignmentStatusKey;
  protected readonly kindKey = attachmentKindKey;

  protected readonly siblings = computed(() => {
    this.list.items();
    return this.list.siblingsOf(this.assignmentId());
  });
  /** The live round the page follows; kept while the next sheet loads, so the stage stays connected. */
  protected readonly liveRoundId = linkedSignal<ReturnType<ScoreSheetStore['detail']>, string | null>({
    source: this.sheet.detail,
    computation: (detail, previous) => (detail ? (detail.round.live ? detail.round.id : null) : (previous?.value ?? null)),
  });
  protected readonly weightSum = computed(() => this.sheet.criteria().reduce((sum, c) => sum + c.weight, 0));
  protected readonly scoredCount = computed(() => this.sheet.criteria().length - this.sheet.missing().length);
  protected readonly submittedAt = computed(() => {
    const at = this.sheet.sheet()?.submittedAt;
    return at ? formatDateTime(at, this.i18n.locale()) : null;
  });
  protected readonly entryLabel = computed(() => {
    const entry = this.sheet.detail()?.entry;
    return entry ? [entry.code, entry.title].filter(Boolean).join(' · ') : '';
  });

  constructor() {
    effect(() => {
      const id = this.assignmentId();
      untracked(() => {
        this.actionError.set(null);
        void this.sheet.load(id);
      });
    });
    if (!this.list.loaded()) void this.list.load();
  }

  protected weightShare(weight: number): number {
    const sum = this.weightSum();
    return sum > 0 ? (100 * weight) / sum : 0;
  }

  protected go(id: string | null): void {
    if (id) void this.router.navigate(['/judging', id]);
  }

  protected onShortcut(event: KeyboardEvent): void {
    if (!event.altKey || event.ctrlKey || event.metaKey || this.dialog.openDialogs.length > 0) return;
    if (event.key === 'ArrowLeft' && this.siblings().previous) {
      event.preventDefault();
      this.go(this.siblings().previous);
    } else if (event.key === 'ArrowRight' && this.siblings().next) {
      event.preventDefault();
      this.go(this.siblings().next);
    }
  }

  protected async submit(): Promise<void> {
    this.actionError.set(null);
    await this.sheet.flush();
    const data: SubmitDialogData = { total: formatScore(this.sheet.total(), this.i18n.locale()), entry: this.entryLabel() };
    const ref = this.dialog.open<SubmitSheetDialogComponent, SubmitDialogData, boolean>(SubmitSheetDialogComponent, {
      data,
      width: '440px',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    const error = await this.sheet.submit();
    this.actionError.set(error);
    if (!error) void this.list.load();
  }

  protected async recuse(): Promise<void> {
    this.actionError.set(null);
    const ref = this.dialog.open<RecuseDialogComponent, void, string | null>(RecuseDialogComponent, { width: '480px' });
    const reason = await firstValueFrom(ref.afterClosed());
    if (!reason) return;
    const error = await this.sheet.recuse(reason);
    this.actionError.set(error);
    if (!error) void this.list.load();
  }

  protected async download(attachment: JudgeAttachmentView): Promise<void> {
    const detail = this.sheet.detail();
    if (!detail) return;
    this.actionError.set(null);
    try {
      const blob = await firstValueFrom(this.api.download(detail.assignment.id, attachment.id));
      saveBlob(blob, attachment.name ?? `${detail.entry.code ?? 'entry'}-${attachment.kind}${extensionOf(attachment.contentType)}`);
    } catch (error) {
      this.actionError.set(toUiMessage(error));
    }
  }

  protected sizeOf(bytes: number): string {
    return formatBytes(bytes, this.i18n.locale());
  }
}

function extensionOf(contentType: string): string {
  if (contentType.includes('pdf')) return '.pdf';
  if (contentType.includes('presentation')) return '.pptx';
  if (contentType.includes('wordprocessing')) return '.docx';
  return '';
}
