import {
  type AbstractControl,
  type FormArray,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { ENTRY_LIMITS, type EntryMember } from '@laurel/contracts';

/** One member of a team as the person edits it: name and role required, e-mail optional. */
export type MemberForm = FormGroup<{ name: FormControl<string>; role: FormControl<string>; email: FormControl<string> }>;
export type MembersForm = FormArray<MemberForm>;

/** `required` for text that is only spaces too: the API trims a member's name and role, then wants something left. */
function filled(control: AbstractControl<string>): ValidationErrors | null {
  return (control.value ?? '').trim() ? null : { required: true };
}

export function memberGroup(fb: NonNullableFormBuilder, member?: EntryMember): MemberForm {
  return fb.group({
    name: fb.control(member?.name ?? '', [filled, Validators.maxLength(ENTRY_LIMITS.memberName)]),
    role: fb.control(member?.role ?? '', [filled, Validators.maxLength(ENTRY_LIMITS.memberRole)]),
    email: fb.control(member?.email ?? '', [Validators.email, Validators.maxLength(ENTRY_LIMITS.email)]),
  });
}

/** Shows `members` in the form, without that counting as a change. */
export function fillMembers(form: MembersForm, members: readonly EntryMember[], fb: NonNullableFormBuilder): void {
  form.clear({ emitEvent: false });
  for (const member of members) form.push(memberGroup(fb, member), { emitEvent: false });
}

/** The team as the API takes it: trimmed, an e-mail left blank is none. */
export function membersValue(form: MembersForm): EntryMember[] {
  return form.controls.map((m) => ({
    name: m.controls.name.value.trim(),
    role: m.controls.role.value.trim(),
    email: m.controls.email.value.trim() || null,
  }));
}
