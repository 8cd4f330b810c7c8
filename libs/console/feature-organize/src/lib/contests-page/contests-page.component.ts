import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ContestStatus, ContestView } from '@laurel/contracts';
import { MyContestsStore } from '@laurel/console-data-access-contests';
import { AlertComponent, EmptyStateComponent, StatusChipComponent, type StatusTone } from '@laurel/console-ui';
import { I18nService, TranslatePipe, UiMessagePipe, contestStatusKey, formatDateTime, timeZoneLabel } from '@laurel/console-util';
import { NewContestDialogComponent } from '../new-contest-dialog/new-contest-dialog.component';

export const STATUS_TONES: Record<ContestStatus, StatusTone> = {
  draft: 'neutral',
  open: 'success',
  closed: 'warning',
  judging: 'info',
  published: 'accent',
};

/** The organizer's own contests, in every status, with the way into the editor. */
@Component({
  selector: 'laurel-organize-contests-page',
  imports: [
    MatButton,
    MatIcon,
    MatProgressBar,
    RouterLink,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './contests-page.component.html',
  styleUrl: './contests-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganizeContestsPageComponent {
  protected readonly store = inject(MyContestsStore);
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  protected readonly zone = computed(() => timeZoneLabel(this.i18n.locale()));
  protected readonly rows = computed(() => {
    const locale = this.i18n.locale();
    return this.store.contests().map((c: ContestView) => ({
      contest: c,
      statusKey: contestStatusKey(c.status),
      tone: STATUS_TONES[c.status],
      from: formatDateTime(c.submissionOpensAt, locale),
      to: formatDateTime(c.submissionClosesAt, locale),
      prizes: c.prizes.reduce((sum, p) => sum + p.count, 0),
    }));
  });

  constructor() {
    void this.store.load();
  }

  protected retry(): void {
    void this.store.load();
  }

  protected create(): void {
    const ref = this.dialog.open(NewContestDialogComponent, { width: '640px', maxWidth: '95vw', autoFocus: 'first-tabbable' });
    ref.afterClosed().subscribe((contest: ContestView | undefined) => {
      if (contest) void this.router.navigate(['/organize/contests', contest.id]);
    });
  }
}
