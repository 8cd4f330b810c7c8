import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { JudgeProgress } from '@laurel/contracts';
import { TranslatePipe } from '@laurel/console-util';

/** Submitted, draft and to-do as one stacked bar, with the numbers beside it. */
@Component({
  selector: 'laurel-progress-stack',
  imports: [TranslatePipe],
  template: `
    @let p = progress();
    <div
      class="bar"
      role="img"
      [attr.aria-label]="
        'judging.progress.summary' | translate: { submitted: p.submitted, draft: p.draft, assigned: p.assigned, recused: p.recused }
      "
    >
      <span class="seg submitted" [style.width.%]="parts().submitted"></span>
      <span class="seg draft" [style.width.%]="parts().draft"></span>
    </div>
    <div class="nums" aria-hidden="true">
      <span
        ><b>{{ p.submitted }}</b
        >/{{ p.assigned }} {{ 'judging.progress.submittedShort' | translate }}</span
      >
      @if (p.draft) {
        <span class="d">{{ p.draft }} {{ 'judging.progress.draftShort' | translate }}</span>
      }
      @if (p.recused) {
        <span class="r">{{ p.recused }} {{ 'judging.progress.recusedShort' | translate }}</span>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 180px;
    }
    .bar {
      display: flex;
      height: 10px;
      border-radius: 5px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-highest);
    }
    .seg.submitted {
      background: var(--mat-sys-primary);
    }
    .seg.draft {
      background: #f0b44c;
    }
    .nums {
      display: flex;
      flex-wrap: wrap;
      gap: 10px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      b {
        color: var(--mat-sys-on-surface);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgressStackComponent {
  readonly progress = input.required<JudgeProgress>();
  protected readonly parts = computed(() => {
    const p = this.progress();
    if (!p.assigned) return { submitted: 0, draft: 0 };
    return { submitted: (100 * p.submitted) / p.assigned, draft: (100 * p.draft) / p.assigned };
  });
}
