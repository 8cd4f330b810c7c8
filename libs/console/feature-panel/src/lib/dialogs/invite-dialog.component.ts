import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { InviteJudgeResponse } from '@laurel/contracts';
import { JudgingApi } from '@laurel/console-data-access-judging';
import { AlertComponent } from '@laurel/console-ui';
import { type FieldLabels, TranslatePipe, type UiMessage, UiMessagePipe, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

// The form's fields by their API names, for a refusal that names them.
const INVITE_LABELS: FieldLabels = {
  displayName: 'judging.panel.invite.name',
  email: 'judging.panel.invite.email',
  organization: 'judging.panel.invite.organization',
  expertise: 'judging.panel.invite.expertise',
  'expertise.*': 'judging.panel.invite.expertise',
};

/** Invite a judge: the invitation is mailed to the address; nobody else ever sees its link. */
@Component({
  selector: 'laurel-invite-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    AlertComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './invite-dialog.component.html',
  styleUrl: './invite-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteDialogComponent {
  private readonly api = inject(JudgingApi);
  protected readonly contestId = inject<{ contestId: string }>(MAT_DIALOG_DATA).contestId;

  protected readonly pending = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly result = signal<InviteJudgeResponse | null>(null);
  protected readonly sentTo = signal('');
  protected readonly form = new FormGroup({
    displayName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email, Validators.maxLength(254)] }),
    organization: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    expertise: new FormControl('', { nonNullable: true }),
  });

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.pending()) return;
    this.pending.set(true);
    this.error.set(null);
    const v = this.form.getRawValue();
    const expertise = v.expertise
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    try {
      const result = await firstValueFrom(
        this.api.invite(this.contestId, {
          displayName: v.displayName.trim(),
          email: v.email.trim(),
          ...(v.organization.trim() ? { organization: v.organization.trim() } : {}),
          ...(expertise.length ? { expertise } : {}),
        }),
      );
      this.sentTo.set(v.email.trim());
      this.result.set(result);
    } catch (error) {
      this.error.set(toUiMessage(error, {}, INVITE_LABELS));
    } finally {
      this.pending.set(false);
    }
  }
}
