import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { type TranslationKey, type TranslationParams, TranslatePipe } from '@laurel/console-util';

export interface ConfirmDialogData {
  title: TranslationKey;
  body: TranslationKey;
  confirm: TranslationKey;
  params?: TranslationParams;
}

/** A confirmation that says what will happen; the confirm button has the focus (Enter), Escape cancels. */
@Component({
  selector: 'laurel-panel-confirm-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ data.title | translate: data.params }}</h2>
    <mat-dialog-content>
      <p class="body" data-testid="confirm-dialog-body">{{ data.body | translate: data.params }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ 'judging.dialog.cancel' | translate }}</button>
      <button mat-flat-button type="button" cdkFocusInitial [mat-dialog-close]="true" data-testid="confirm-dialog-ok">
        {{ data.confirm | translate: data.params }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .body {
      white-space: pre-line;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
