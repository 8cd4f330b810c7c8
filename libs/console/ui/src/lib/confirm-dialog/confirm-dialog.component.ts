import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';

/** Every text already in the reader's language: the dialog only shows it. */
export interface ConfirmDialogData {
  title: string;
  /** Line breaks are kept (a list of what is missing, one per line). */
  body: string;
  confirm: string;
  cancel: string;
  /** An action that cannot be undone gets the error colour. */
  danger?: boolean;
}

/** "Are you sure?" that says what will happen; closes with true on confirm. Enter confirms, Escape cancels. */
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
      <button mat-flat-button type="button" cdkFocusInitial [class.danger]="data.danger" [mat-dialog-close]="true" data-testid="confirm-ok">
        {{ data.confirm }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .body {
      margin: 0;
      max-width: 52ch;
      line-height: 1.5;
      white-space: pre-line;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
