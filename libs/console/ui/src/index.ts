export { AlertComponent, type AlertTone } from './lib/alert/alert.component';
export { EmptyStateComponent } from './lib/empty-state/empty-state.component';
export { registerLaurelIcons, type LaurelIconName } from './lib/icons/laurel-icons';
export { LinkTileComponent } from './lib/link-tile/link-tile.component';
export { MarkdownComponent } from './lib/markdown/markdown.component';
export { parseMarkdown, type BlockNode, type InlineNode } from './lib/markdown/markdown';
export { StatusChipComponent, type StatusTone } from './lib/status-chip/status-chip.component';
export { ApplicationFormComponent } from './lib/application-form/application-form.component';
export {
  answerError,
  answerValidator,
  buildAnswersForm,
  savableAnswers,
  syncAnswersForm,
  toAnswer,
  unansweredRequired,
  type AnswerInput,
  type AnswersForm,
} from './lib/application-form/answers-form';
export { AnswersListComponent } from './lib/application-form/answers-list.component';
export { GroupedNumberInputDirective } from './lib/grouped-number/grouped-number-input.directive';
export { ConfirmDialogComponent, type ConfirmDialogData } from './lib/confirm-dialog/confirm-dialog.component';
export { PasswordFieldComponent } from './lib/password-field/password-field.component';
export { SubmitButtonComponent } from './lib/submit-button/submit-button.component';
export { MembersEditorComponent } from './lib/members-editor/members-editor.component';
export { fillMembers, memberGroup, membersValue, type MemberForm, type MembersForm } from './lib/members-editor/members-form';
