import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import type { ContestView, PanelJudgeView } from '@laurel/contracts';
import { EmptyStateComponent, StatusChipComponent } from '@laurel/console-ui';
import { TranslatePipe } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { InviteDialogComponent } from '../dialogs/invite-dialog.component';
import { ProgressStackComponent } from './progress-stack.component';

/** The contest's judges: organization, expertise, whether they accepted, and their progress. */
@Component({
  selector: 'laurel-panel-tab',
  imports: [MatButton, MatIcon, EmptyStateComponent, StatusChipComponent, ProgressStackComponent, TranslatePipe],
  template: `
    <div class="tab-head">
      <p class="hint">{{ 'judging.panel.judgesHint' | translate: { n: judges().length } }}</p>
      <button mat-flat-button type="button" (click)="invite()" data-testid="invite-judge">
        <mat-icon svgIcon="account" />
        {{ 'judging.panel.invite.open' | translate }}
      </button>
    </div>
    @if (judges().length === 0) {
      <laurel-empty-state icon="group" [heading]="'judging.panel.noJudges' | translate" [body]="'judging.panel.noJudgesHint' | translate" />
    } @else {
      <div class="table-wrap">
        <table class="grid" data-testid="panel-judges">
          <thead>
            <tr>
              <th scope="col">{{ 'judging.panel.col.judge' | translate }}</th>
              <th scope="col">{{ 'judging.panel.col.organization' | translate }}</th>
              <th scope="col">{{ 'judging.panel.col.expertise' | translate }}</th>
              <th scope="col" class="progress-col">{{ 'judging.panel.col.progress' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (j of judges(); track j.judgeId) {
              <tr>
                <td>
                  <div class="name">{{ j.displayName }}</div>
                  <div class="sub">{{ j.email }}</div>
                  @if (!j.accepted) {
                    <laurel-status-chip tone="warning">{{ 'judging.panel.pending' | translate }}</laurel-status-chip>
                  }
                </td>
                <td>{{ j.organization ?? '—' }}</td>
                <td>
                  <div class="tags">
                    @for (t of j.expertise; track t) {
                      <span class="tag">{{ t }}</span>
                    } @empty {
                      —
                    }
                  </div>
                </td>
                <td><laurel-progress-stack [progress]="j.progress" /></td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styleUrl: './tabs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PanelTabComponent {
  readonly contest = input.required<ContestView>();
  readonly judges = input.required<PanelJudgeView[]>();
  readonly changed = output<void>();
  private readonly dialog = inject(MatDialog);

  protected async invite(): Promise<void> {
    const ref = this.dialog.open(InviteDialogComponent, { data: { contestId: this.contest().id }, width: '560px', maxWidth: '95vw' });
    if (await firstValueFrom(ref.afterClosed())) this.changed.emit();
  }
}
