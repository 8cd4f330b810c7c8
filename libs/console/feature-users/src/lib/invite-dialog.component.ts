import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import type { GrantableRole } from '@laurel/contracts';
import { UsersApi } from '@laurel/console-data-access-auth';
import { AlertComponent } from '@laurel/console-ui';
import { type FieldLabels, I18nService, TranslatePipe, type UiMessage, UiMessagePipe, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

// The form's fields by their API names, for a refusal that names them.
const INVITE_LABELS: FieldLabels = {
  displayName: 'users.inviteDialog.name',
  email: 'users.inviteDialog.email',
  role: 'users.inviteDialog.role',
};

/** Invites an organizer (or administrator) by mail; the dialog says where it went, never a link. */
@Component({
  selector: 'laurel-invite-account-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatRadioButton,
    MatRadioGroup,
    AlertComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'users.inviteDialog.title' | translate }}</h2>
    <mat-dialog-content>
      <p class="intro">{{ 'users.inviteDialog.intro' | translate }}</p>
      @if (sentTo(); as email) {
        <laurel-alert tone="info" data-testid="invite-account-sent">{{ 'users.inviteDialog.sent' | translate: { email } }}</laurel-alert>
      } @else {
        @if (error(); as message) {
          <laurel-alert tone="error" data-testid="invite-account-error">{{ message | uiMessage }}</laurel-alert>
        }
        <form [formGroup]="form" id="invite-account-form" (ngSubmit)="send()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'users.inviteDialog.name' | translate }}</mat-label>
            <input matInput formControlName="displayName" cdkFocusInitial data-testid="invite-account-name" />
            <mat-error>{{ 'users.inviteDialog.nameRequired' | translate }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'users.inviteDialog.email' | translate }}</mat-label>
            <input matInput type="email" formControlName="email" inputmode="email" data-testid="invite-account-email" />
            <mat-error>{{ 'users.inviteDialog.emailInvalid' | translate }}</mat-error>
          </mat-form-field>
          <mat-radio-group formControlName="role" class="roles" [attr.aria-label]="'users.inviteDialog.role' | translate">
            <mat-radio-button value="organizer" data-testid="invite-account-organizer">{{
              'users.inviteDialog.organizer' | translate
            }}</mat-radio-button>
            <mat-radio-button value="admin" data-testid="invite-account-admin">{{
              'users.inviteDialog.admin' | translate
            }}</mat-radio-button>
          </mat-radio-group>
        </form>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="!!sentTo()" data-testid="invite-account-close">
        {{ 'users.inviteDialog.close' | translate }}
      </button>
      @if (!sentTo()) {
        <button mat-flat-button type="submit" form="invite-account-form" [disabled]="pending()" data-testid="invite-account-send">
          {{ 'users.inviteDialog.send' | translate }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .intro {
      margin: 0 0 16px;
      max-width: 52ch;
      line-height: 1.5;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(420px, 100%);
    }
    .roles {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    laurel-alert {
      display: block;
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteAccountDialogComponent {
  private readonly api = inject(UsersApi);
  private readonly i18n = inject(I18nService);
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(120)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    role: ['organizer' as GrantableRole],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly sentTo = signal<string | null>(null);

  protected async send(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid || !this.form.controls.displayName.value.trim()) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const { displayName, email, role } = this.form.getRawValue();
    try {
      await firstValueFrom(this.api.invite({ email: email.trim(), displayName: displayName.trim(), role, language: this.i18n.lang() }));
      this.sentTo.set(email.trim());
    } catch (error) {
      this.error.set(toUiMessage(error, {}, INVITE_LABELS));
    } finally {
      this.pending.set(false);
    }
  }
}
