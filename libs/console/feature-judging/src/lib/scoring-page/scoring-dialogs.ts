import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslatePipe } from '@laurel/console-util';

export interface SubmitDialogData {
  total: string;
  entry: string;
}

/** "Submit this sheet?": the total, and that the sheet then locks. Enter confirms, Escape cancels. */
@Component({
  selector: 'laurel-submit-sheet-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'judging.submitDialog.title' | translate }}</h2>
    <mat-dialog-content>
      <p>{{ 'judging.submitDialog.entry' | translate: { entry: data.entry } }}</p>
      <p class="total" data-testid="submit-dialog-total">
        <span class="value">{{ data.total }}</span>
        <span class="of">{{ 'judging.score.outOf' | translate }}</span>
      </p>
      <p>{{ 'judging.submitDialog.body' | translate }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" data-testid="submit-dialog-cancel">
        {{ 'judging.dialog.cancel' | translate }}
      </button>
      <button mat-flat-button type="button" cdkFocusInitial [mat-dialog-close]="true" data-testid="submit-dialog-confirm">
        {{ 'judging.submitDialog.confirm' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .total {
      display: flex;
      align-items: baseline;
      gap: 8px;
      margin: 16px 0;
      .value {
        font: var(--mat-sys-display-small);
        color: var(--mat-sys-primary);
        font-variant-numeric: tabular-nums;
      }
      .of {
        font: var(--mat-sys-title-medium);
        color: var(--mat-sys-on-surface-variant);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubmitSheetDialogComponent {
  protected readonly data = inject<SubmitDialogData>(MAT_DIALOG_DATA);
}

/** Recusal: a reason is required; Enter in the field confirms, Escape cancels. */
@Component({
  selector: 'laurel-recuse-dialog',
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
    TranslatePipe,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="confirm()">
      <h2 mat-dialog-title>{{ 'judging.recuseDialog.title' | translate }}</h2>
      <mat-dialog-content>
        <p>{{ 'judging.recuseDialog.body' | translate }}</p>
        <mat-form-field appearance="outline" class="reason">
          <mat-label>{{ 'judging.recuseDialog.reason' | translate }}</mat-label>
          <input matInput [formControl]="reason" maxlength="1000" cdkFocusInitial data-testid="recuse-reason" />
          <mat-hint>{{ 'judging.recuseDialog.hint' | translate }}</mat-hint>
          @if (reason.invalid && reason.touched) {
            <mat-error>{{ 'judging.recuseDialog.required' | translate }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="null">{{ 'judging.dialog.cancel' | translate }}</button>
        <button mat-flat-button type="submit" data-testid="recuse-confirm">{{ 'judging.recuseDialog.confirm' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .reason {
      width: 100%;
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecuseDialogComponent {
  private readonly ref = inject<MatDialogRef<RecuseDialogComponent, string | null>>(MatDialogRef);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/)] });
  // The group is what makes (ngSubmit) fire: a <form> without [formGroup] posts natively and reloads the page.
  protected readonly form = new FormGroup({ reason: this.reason });

  protected confirm(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) return;
    this.ref.close(this.reason.value.trim());
  }
}
