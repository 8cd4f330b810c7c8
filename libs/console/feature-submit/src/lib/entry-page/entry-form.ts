import {
  type AbstractControl,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { type MemberForm, type MembersForm, fillMembers, membersValue } from '@laurel/console-ui';
import { type AttachmentView, ENTRY_LIMITS, type EntryFieldsRequest, type EntryView } from '@laurel/contracts';

export type EntryForm = FormGroup<{
  title: FormControl<string>;
  summary: FormControl<string>;
  problem: FormControl<string>;
  solution: FormControl<string>;
  market: FormControl<string>;
  businessModel: FormControl<string>;
  teamName: FormControl<string>;
  organization: FormControl<string>;
  members: MembersForm;
  categoryId: FormControl<string | null>;
  videoUrl: FormControl<string>;
}>;

export const TEXT_FIELDS = ['title', 'summary', 'problem', 'solution', 'market', 'businessModel'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** The stepper's steps, in order; a field the API names leads back to its step. */
export const STEPS = ['project', 'team', 'category', 'questions', 'documents', 'video', 'review'] as const;
export type StepId = (typeof STEPS)[number];
const FIELD_STEP: Record<string, StepId> = {
  title: 'project',
  summary: 'project',
  problem: 'project',
  solution: 'project',
  market: 'project',
  businessModel: 'project',
  teamName: 'team',
  organization: 'team',
  members: 'team',
  categoryId: 'category',
  pitchDeck: 'documents',
  videoUrl: 'video',
  answers: 'questions',
};
/** The index of the field's step among the steps shown (the questions step only when the contest asks any). */
export function stepOfField(field: string, shown: readonly StepId[] = STEPS): number {
  // `members.0.email`, `answers.foundedOn` and the like belong to their list's step.
  const [list = field] = field.split('.');
  return shown.indexOf(FIELD_STEP[list] ?? 'review');
}

/** http(s) only, like the API (`IsUrl` with protocols http and https); empty is allowed. */
export function httpUrl(control: AbstractControl<string>): ValidationErrors | null {
  const value = (control.value ?? '').trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? null : { url: true };
  } catch {
    return { url: true };
  }
}

export function buildEntryForm(fb: NonNullableFormBuilder): EntryForm {
  const long = [Validators.maxLength(ENTRY_LIMITS.longText)];
  return fb.group({
    title: fb.control('', [Validators.maxLength(ENTRY_LIMITS.title)]),
    summary: fb.control('', long),
    problem: fb.control('', long),
    solution: fb.control('', long),
    market: fb.control('', long),
    businessModel: fb.control('', long),
    teamName: fb.control('', [Validators.maxLength(ENTRY_LIMITS.teamName)]),
    organization: fb.control('', [Validators.maxLength(ENTRY_LIMITS.organization)]),
    members: fb.array<MemberForm>([]),
    categoryId: fb.control<string | null>(null),
    videoUrl: fb.control('', [Validators.maxLength(ENTRY_LIMITS.videoUrl), httpUrl]),
  });
}

/** Shows the server copy in the form, without that counting as a change to save. */
export function fillForm(form: EntryForm, entry: EntryView, fb: NonNullableFormBuilder): void {
  fillMembers(form.controls.members, entry.members, fb);
  form.patchValue(
    {
      title: entry.title,
      summary: entry.summary,
      problem: entry.problem,
      solution: entry.solution,
      market: entry.market,
      businessModel: entry.businessModel,
      teamName: entry.teamName,
      organization: entry.organization ?? '',
      categoryId: entry.categoryId,
      videoUrl: entry.videoUrl ?? '',
    },
    { emitEvent: false },
  );
}

/**
 * The form as the API takes it, leaving out what the API would refuse (a bad address, a member
 * without a name): `held` says something was left out, so the page can say it is not saved.
 */
export function savableFields(form: EntryForm): { fields: EntryFieldsRequest; held: boolean } {
  const c = form.controls;
  const fields: EntryFieldsRequest = {};
  let held = false;
  for (const key of [...TEXT_FIELDS, 'teamName'] as const) {
    if (c[key].valid) fields[key] = c[key].value;
    else held = true;
  }
  if (c.organization.valid) fields.organization = c.organization.value.trim() || null;
  else held = true;
  if (c.videoUrl.valid) fields.videoUrl = c.videoUrl.value.trim() || null;
  else held = true;
  fields.categoryId = c.categoryId.value;
  if (c.members.valid) {
    fields.members = membersValue(c.members);
  } else {
    held = true;
  }
  return { fields, held };
}

/** The fields of `next` that differ from `previous`. */
export function changedFields(previous: EntryFieldsRequest, next: EntryFieldsRequest): EntryFieldsRequest {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify((previous as Record<string, unknown>)[key])) changed[key] = value;
  }
  return changed as EntryFieldsRequest;
}

/** What the API will ask for before it accepts a submission (entry-rules.ts `missingForSubmission`). */
export function missingForSubmission(form: EntryForm, attachments: readonly AttachmentView[], requirePitchDeck: boolean): string[] {
  const c = form.controls;
  const missing: string[] = [];
  for (const key of ['title', 'teamName', 'summary', 'problem', 'solution', 'market', 'businessModel'] as const) {
    if (!c[key].value.trim()) missing.push(key);
  }
  if (!c.categoryId.value) missing.push('categoryId');
  const people = c.members.controls.filter((m) => m.controls.name.value.trim() && m.controls.role.value.trim());
  if (people.length === 0 || !c.members.valid) missing.push('members');
  if (requirePitchDeck && !attachments.some((a) => a.kind === 'pitch_deck')) missing.push('pitchDeck');
  if (!c.videoUrl.valid) missing.push('videoUrl');
  return missing;
}
