import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';

/**
 * The submit button of a form whose request takes a moment (sign-in, sign-up, a password reset,
 * an accepted invitation). While `pending`, a spinner and the pending label show and a second
 * press submits nothing. The button is not `disabled` then: a disabled button drops the keyboard
 * focus and greys its label, while this one keeps both and says it is busy (`aria-busy`,
 * `aria-disabled`). Both labels sit in one grid cell, so the button is as wide as the longer of
 * the two and nothing moves when the request starts or ends. Texts come translated.
 */
@Component({
  selector: 'laurel-submit-button',
  imports: [MatButton, MatProgressSpinner],
  template: `
    <button
      mat-flat-button
      type="submit"
      [aria-disabled]="pending()"
      [attr.aria-busy]="pending()"
      [class.pending]="pending()"
      [attr.data-testid]="testId()"
      (click)="ignoreWhilePending($event)"
    >
      <span class="faces">
        <span class="face" [class.hidden]="pending()">{{ label() }}</span>
        <span class="face" [class.hidden]="!pending()">
          <span class="spinner">
            @if (pending()) {
              <mat-progress-spinner mode="indeterminate" diameter="20" aria-hidden="true" />
            }
          </span>
          {{ pendingLabel() ?? label() }}
        </span>
      </span>
    </button>
  `,
  styles: `
    :host {
      display: block;
    }
    button {
      width: 100%;
      height: 48px;
    }
    button.pending {
      cursor: progress;
    }
    .faces {
      display: inline-grid;
    }
    .face {
      grid-area: 1 / 1;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 12px;
    }
    .hidden {
      visibility: hidden;
    }
    .spinner {
      display: inline-flex;
      width: 20px;
      height: 20px;
      /* On the button's own colour, not the primary the button is filled with. */
      --mat-progress-spinner-active-indicator-color: currentColor;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubmitButtonComponent {
  readonly label = input.required<string>();
  /** What shows while the request runs ("Signing in…"); the label itself when absent. */
  readonly pendingLabel = input<string | null>(null);
  readonly pending = input(false);
  readonly testId = input.required<string>();

  /** A press or the Enter key while the request runs: the form's submit never starts. */
  protected ignoreWhilePending(event: Event): void {
    if (this.pending()) event.preventDefault();
  }
}
