import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';

/** Every text already in the reader's language: the dialog only shows it. */
export interface ConfirmDialogData {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
}

/** "Are you sure?" that says what will happen; the dialog closes with true on confirm. */
@Component({
  selector: 'laurel-confirm-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p class="body" data-testid="confirm-body">{{ data.body }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" data-testid="confirm-cancel">{{ data.cancel }}</button>
      <button mat-flat-button type="button" cdkFocusInitial [mat-dialog-close]="true" data-testid="confirm-ok">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
  styles: `.body { margin: 0; max-width: 52ch; line-height: 1.5; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
