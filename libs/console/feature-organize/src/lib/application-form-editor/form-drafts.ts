import type { EligibilityRule, EligibilityRuleKind, FormField, FormFieldType } from '@laurel/contracts';

/** A question as the builder edits it: every input as typed, turned into a FormField on the way out. */
export interface FieldDraft {
  uid: number;
  key: string;
  labelVi: string;
  labelEn: string;
  helpVi: string;
  helpEn: string;
  type: FormFieldType;
  required: boolean;
  /** One option per line. */
  options: string;
  min: number | null;
  max: number | null;
  maxLength: number | null;
  identifying: boolean;
  categoryIds: string[];
}

export interface RuleDraft {
  uid: number;
  id: string;
  kind: EligibilityRuleKind;
  field: string;
  /** max_team_size, max_entries_per_organization: max; min_team_size: min; number_range: both. */
  min: number | null;
  max: number | null;
  years: number | null;
  values: string[];
  messageVi: string;
  messageEn: string;
}

let nextUid = 1;
export const uid = () => nextUid++;

const WITH_OPTIONS: readonly FormFieldType[] = ['choice', 'multichoice'];
const WITH_RANGE: readonly FormFieldType[] = ['number', 'multichoice'];
const WITH_LENGTH: readonly FormFieldType[] = ['text', 'longtext'];

export function fieldDraft(field?: FormField): FieldDraft {
  return {
    uid: uid(),
    key: field?.key ?? '',
    labelVi: field?.label.vi ?? '',
    labelEn: field?.label.en ?? '',
    helpVi: field?.help?.vi ?? '',
    helpEn: field?.help?.en ?? '',
    type: field?.type ?? 'text',
    required: field?.required ?? false,
    options: (field?.options ?? []).join('\n'),
    min: field?.min ?? null,
    max: field?.max ?? null,
    maxLength: field?.maxLength ?? null,
    identifying: field?.identifying ?? false,
    categoryIds: field?.categoryIds ?? [],
  };
}

/** The question as the API takes it; properties that do not apply to its kind are left out. */
export function toFormField(draft: FieldDraft): FormField {
  const field: FormField = {
    key: draft.key.trim(),
    label: { vi: draft.labelVi.trim(), en: draft.labelEn.trim() },
    type: draft.type,
    required: draft.required,
  };
  if (draft.helpVi.trim() || draft.helpEn.trim()) field.help = { vi: draft.helpVi.trim(), en: draft.helpEn.trim() };
  if (WITH_OPTIONS.includes(draft.type))
    field.options = draft.options
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
  if (WITH_RANGE.includes(draft.type)) {
    if (draft.min !== null) field.min = draft.min;
    if (draft.max !== null) field.max = draft.max;
  }
  if (WITH_LENGTH.includes(draft.type) && draft.maxLength !== null) field.maxLength = draft.maxLength;
  if (draft.identifying) field.identifying = true;
  if (draft.categoryIds.length > 0) field.categoryIds = draft.categoryIds;
  return field;
}

export function ruleDraft(rule?: EligibilityRule): RuleDraft {
  const params = (rule?.params ?? {}) as Record<string, unknown>;
  return {
    uid: uid(),
    id: rule?.id ?? `rule${Date.now().toString(36)}${uid()}`,
    kind: rule?.kind ?? 'max_team_size',
    field: typeof params['field'] === 'string' ? params['field'] : '',
    min: typeof params['min'] === 'number' ? params['min'] : null,
    max: typeof params['max'] === 'number' ? params['max'] : null,
    years: typeof params['years'] === 'number' ? params['years'] : null,
    values: Array.isArray(params['values']) ? (params['values'] as string[]) : [],
    messageVi: rule?.message.vi ?? '',
    messageEn: rule?.message.en ?? '',
  };
}

/** The rule as the API takes it, with the parameters of its kind only. */
export function toRule(draft: RuleDraft): EligibilityRule {
  const number = (value: number | null) => (value === null ? undefined : value);
  const params: Record<string, unknown> = (() => {
    switch (draft.kind) {
      case 'max_team_size':
      case 'max_entries_per_organization':
        return { max: number(draft.max) };
      case 'min_team_size':
        return { min: number(draft.min) };
      case 'date_within_years':
        return { field: draft.field, years: number(draft.years) };
      case 'choice_in':
        return { field: draft.field, values: draft.values };
      case 'number_range':
        return { field: draft.field, min: number(draft.min), max: number(draft.max) };
      case 'must_be_true':
        return { field: draft.field };
    }
  })();
  for (const key of Object.keys(params)) if (params[key] === undefined) delete params[key];
  return { id: draft.id, kind: draft.kind, params, message: { vi: draft.messageVi.trim(), en: draft.messageEn.trim() } } as EligibilityRule;
}

/** The field types a rule of this kind reads; none for the kinds that read the team or the organization. */
export const RULE_FIELD_TYPES: Record<EligibilityRuleKind, readonly FormFieldType[]> = {
  max_team_size: [],
  min_team_size: [],
  date_within_years: ['date'],
  choice_in: ['choice', 'multichoice'],
  number_range: ['number'],
  must_be_true: ['boolean'],
  max_entries_per_organization: [],
};

/** `[a, b, c]` with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from < 0 || from >= copy.length || to < 0 || to >= copy.length) return copy;
  copy.splice(to, 0, ...copy.splice(from, 1));
  return copy;
}
