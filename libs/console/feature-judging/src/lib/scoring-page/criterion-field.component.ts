import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { CriterionField } from '@laurel/console-data-access-judging';
import { parseScore, scoreProblemKey } from '@laurel/console-data-access-judging';
import { QuantityPipe, ScorePipe, TranslatePipe } from '@laurel/console-util';

const STEP = 0.5;

/**
 * One criterion of the rubric: its guidance, a bounded score field (0..max; ↑/↓ step 0.5,
 * PageUp/PageDown 1, Home/End, Enter to the next criterion's score; typed values with up to two
 * decimals, in the reader's number format), quick buttons for touch and an optional comment.
 */
@Component({
  selector: 'laurel-criterion-field',
  imports: [QuantityPipe, ScorePipe, TranslatePipe],
  templateUrl: './criterion-field.component.html',
  styleUrl: './criterion-field.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CriterionFieldComponent {
  readonly field = input.required<CriterionField>();
  readonly index = input.required<number>();
  readonly weightShare = input.required<number>();
  readonly readonly = input(false);
  readonly valueChange = output<string>();
  readonly picked = output<number>();
  readonly commentChange = output<string>();
  readonly internalChange = output<boolean>();

  protected readonly id = computed(() => `criterion-${this.field().criterion.id}`);
  protected readonly quick = computed(() => {
    const max = this.field().criterion.maxScore;
    if (max > 10) return [];
    const values: number[] = [];
    for (let v = 0; v <= max; v++) values.push(v);
    return values;
  });
  protected readonly problemKey = computed(() => {
    const problem = this.field().problem;
    return problem ? scoreProblemKey(problem) : null;
  });

  protected onKeydown(event: KeyboardEvent): void {
    if (this.readonly() || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter') {
      // Scoring criterion after criterion: Enter goes straight to the next score (Tab also visits
      // the guidance and the comment in between).
      event.preventDefault();
      const input = event.target as HTMLInputElement;
      const scores = Array.from(input.ownerDocument.querySelectorAll<HTMLInputElement>('input[data-score-input]'));
      const next = scores[scores.indexOf(input) + 1];
      if (next) {
        next.focus();
        next.select();
      }
      return;
    }
    const max = this.field().criterion.maxScore;
    // Read what the field holds now: the input may not have been rendered back since the last keystroke.
    const typed = parseScore((event.target as HTMLInputElement).value, max);
    const current = typed.ok ? typed.value : this.field().value;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowUp':
        next = current === null ? STEP : snap(current) + STEP;
        break;
      case 'ArrowDown':
        next = current === null ? 0 : Math.ceil(current / STEP) * STEP - STEP;
        break;
      case 'PageUp':
        next = (current ?? 0) + 1;
        break;
      case 'PageDown':
        next = (current ?? 0) - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = max;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.picked.emit(Math.min(max, Math.max(0, next)));
  }
}

function snap(value: number): number {
  return Math.floor(value / STEP) * STEP;
}
