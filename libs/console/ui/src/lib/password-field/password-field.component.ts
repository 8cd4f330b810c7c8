import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { TranslatePipe } from '@laurel/console-util';

/**
 * A password input the way every account form has it (sign-up, sign-in, a reset link, an
 * accepted invitation): the browser's password manager hint, an eye button that shows what was
 * typed (pressed state announced), the rule as a hint and the first failing check as the error.
 * Texts come translated. `shown` is two-way so that a "repeat the password" field can follow the
 * same eye (`toggle` false on that one).
 */
@Component({
  selector: 'laurel-password-field',
  imports: [ReactiveFormsModule, MatError, MatFormField, MatHint, MatIcon, MatIconButton, MatInput, MatLabel, MatSuffix, TranslatePipe],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [type]="shown() ? 'text' : 'password'"
        [formControl]="control()"
        [attr.autocomplete]="autocomplete()"
        [attr.data-testid]="testId()"
      />
      @if (toggle()) {
        <button
          mat-icon-button
          matSuffix
          type="button"
          [attr.aria-label]="(shown() ? 'auth.fields.hidePassword' : 'auth.fields.showPassword') | translate"
          [attr.aria-pressed]="shown()"
          (click)="shown.set(!shown())"
        >
          <mat-icon [svgIcon]="shown() ? 'visibilityOff' : 'visibility'" />
        </button>
      }
      @if (hint(); as text) {
        <mat-hint>{{ text }}</mat-hint>
      }
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordFieldComponent {
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  /** `current-password` to sign in, `new-password` where one is chosen. */
  readonly autocomplete = input.required<'current-password' | 'new-password'>();
  readonly testId = input.required<string>();
  readonly hint = input<string | null>(null);
  /** The first failing check, in words; shown when the field is invalid and touched. */
  readonly error = input<string | null>(null);
  readonly toggle = input(true);
  readonly shown = model(false);
}
