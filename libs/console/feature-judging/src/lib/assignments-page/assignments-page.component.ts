import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { AssignmentStatus, MyAssignmentView } from '@laurel/contracts';
import { MyAssignmentsStore, assignmentStatusKey, roundStatusKey } from '@laurel/console-data-access-judging';
import { AlertComponent, EmptyStateComponent, StatusChipComponent, type StatusTone } from '@laurel/console-ui';
import { I18nService, ScorePipe, TranslatePipe, UiMessagePipe } from '@laurel/console-util';

export type AssignmentFilter = 'all' | Exclude<AssignmentStatus, 'recused'>;

export const STATUS_TONES: Record<AssignmentStatus, StatusTone> = {
  todo: 'neutral',
  draft: 'warning',
  submitted: 'success',
  recused: 'info',
};

/** Not submitted, and its round no longer open: nothing to do any more. */
function missed(item: MyAssignmentView): boolean {
  return item.roundStatus !== 'open' && (item.status === 'todo' || item.status === 'draft');
}

/** The judge's home: assignments per round with progress, filters and the next action. */
@Component({
  selector: 'laurel-assignments-page',
  imports: [
    ScorePipe,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatProgressBar,
    RouterLink,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './assignments-page.component.html',
  styleUrl: './assignments-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssignmentsPageComponent {
  protected readonly store = inject(MyAssignmentsStore);
  protected readonly i18n = inject(I18nService);
  protected readonly filter = signal<AssignmentFilter>('all');
  protected readonly tones = STATUS_TONES;
  protected readonly statusKey = assignmentStatusKey;
  protected readonly roundStatusKey = roundStatusKey;

  protected readonly groups = computed(() => {
    const filter = this.filter();
    return this.store.groups().map((group) => ({
      ...group,
      percent: group.assigned ? Math.round((group.submitted / group.assigned) * 100) : 0,
      // A sheet left unscored when its round closed is no longer "to do": it can only be looked at.
      visible: group.assignments
        .filter((a) => filter === 'all' || (a.status === filter && !missed(a)))
        .map((a) => ({ ...a, missed: missed(a) })),
    }));
  });
  protected readonly totals = computed(() => {
    const counts = { all: 0, todo: 0, draft: 0, submitted: 0 };
    for (const item of this.store.items()) {
      if (item.status === 'recused') continue;
      counts.all++;
      if (!missed(item)) counts[item.status]++;
    }
    return counts;
  });

  constructor() {
    void this.store.load();
  }

  protected retry(): void {
    void this.store.load();
  }
}
