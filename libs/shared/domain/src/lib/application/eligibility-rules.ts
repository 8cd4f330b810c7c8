import type { FieldProblem, FieldProblemCode, FormField, FormFieldType, LocalizedText } from './form-fields';

export const ELIGIBILITY_RULE_KINDS = [
  'max_team_size',
  'min_team_size',
  'date_within_years',
  'choice_in',
  'number_range',
  'must_be_true',
  'max_entries_per_organization',
] as const;
export type EligibilityRuleKind = (typeof ELIGIBILITY_RULE_KINDS)[number];

export interface EligibilityRuleParams {
  max_team_size: { max: number };
  min_team_size: { min: number };
  /** The date answer is at most `years` years before the contest's submission deadline. */
  date_within_years: { field: string; years: number };
  /** The choice (or every pick of a multichoice) is one of `values`. */
  choice_in: { field: string; values: string[] };
  /** Inclusive bounds; at least one. */
  number_range: { field: string; min?: number; max?: number };
  must_be_true: { field: string };
  /** Submitted entries of one organization (case- and accent-insensitive). */
  max_entries_per_organization: { max: number };
}

export type EligibilityRule = {
  [K in EligibilityRuleKind]: { id: string; kind: K; params: EligibilityRuleParams[K]; message: LocalizedText };
}[EligibilityRuleKind];

/** One rule's outcome for one entry. */
export interface EligibilityCheck {
  ruleId: string;
  kind: EligibilityRuleKind;
  passed: boolean;
  /** The rule's message, said to the applicant when it fails. */
  message: LocalizedText;
}

export const RULE_LIMITS = { rules: 30, id: 40, message: 500, teamSize: 100, years: 100, entriesPerOrganization: 1000 } as const;
const RULE_ID = /^[A-Za-z0-9_-]+$/;

/** The field type each field-naming rule needs. */
const FIELD_TYPES: Partial<Record<EligibilityRuleKind, readonly FormFieldType[]>> = {
  date_within_years: ['date'],
  choice_in: ['choice', 'multichoice'],
  number_range: ['number'],
  must_be_true: ['boolean'],
};

const PARAMS: Record<EligibilityRuleKind, readonly string[]> = {
  max_team_size: ['max'],
  min_team_size: ['min'],
  date_within_years: ['field', 'years'],
  choice_in: ['field', 'values'],
  number_range: ['field', 'min', 'max'],
  must_be_true: ['field'],
  max_entries_per_organization: ['max'],
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const wholeIn = (value: unknown, low: number, high: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;

/**
 * Reads eligibility rules from untrusted input against the form they will read: a rule naming a
 * field the form does not have, or one of the wrong type, is refused now rather than failing
 * every applicant at submission time.
 */
export function parseEligibilityRules(
  input: unknown,
  fields: readonly FormField[],
  path = 'eligibilityRules',
): { rules: EligibilityRule[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: FieldProblemCode, message: string, limit?: number) =>
    problems.push(limit === undefined ? { field, code, message } : { field, code, message, limit });
  if (!Array.isArray(input)) {
    problem(path, 'type', 'must be a list of rules');
    return { rules: [], problems };
  }
  if (input.length > RULE_LIMITS.rules) problem(path, 'max_items', `may hold at most ${RULE_LIMITS.rules} rules`, RULE_LIMITS.rules);
  const ids = new Set<string>();
  const rules: EligibilityRule[] = [];
  input.slice(0, RULE_LIMITS.rules).forEach((raw, i) => {
    const at = `${path}.${i}`;
    if (!isRecord(raw)) {
      problem(at, 'type', 'must be a rule: {id, kind, params, message}');
      return;
    }
    const before = problems.length;
    for (const name of Object.keys(raw)) {
      if (!['id', 'kind', 'params', 'message'].includes(name))
        problem(`${at}.${name}`, 'unknown', 'is not a property of a rule (id, kind, params, message)');
    }
    const { id, kind, params, message } = raw;
    if (typeof id !== 'string' || !RULE_ID.test(id) || id.length > RULE_LIMITS.id) {
      problem(`${at}.id`, 'format', `must be 1 to ${RULE_LIMITS.id} letters, digits, _ or -`);
    } else if (ids.has(id)) {
      problem(`${at}.id`, 'duplicate', `"${id}" is the id of another rule`);
    } else {
      ids.add(id);
    }
    if (typeof kind !== 'string' || !(ELIGIBILITY_RULE_KINDS as readonly string[]).includes(kind)) {
      problem(`${at}.kind`, 'option', `must be one of ${ELIGIBILITY_RULE_KINDS.join(', ')}`);
      return;
    }
    const ruleKind = kind as EligibilityRuleKind;
    const text = parseMessage(message, `${at}.message`, problems);
    if (!isRecord(params)) {
      problem(`${at}.params`, 'type', `must be an object with ${PARAMS[ruleKind].join(', ')}`);
      return;
    }
    for (const name of Object.keys(params)) {
      if (!PARAMS[ruleKind].includes(name))
        problem(`${at}.params.${name}`, 'unknown', `is not a parameter of ${ruleKind} (${PARAMS[ruleKind].join(', ')})`);
    }
    const field = checkFieldParam(ruleKind, params['field'], fields, `${at}.params.field`, problems);
    switch (ruleKind) {
      case 'max_team_size':
      case 'max_entries_per_organization': {
        const high = ruleKind === 'max_team_size' ? RULE_LIMITS.teamSize : RULE_LIMITS.entriesPerOrganization;
        if (!wholeIn(params['max'], 1, high)) problem(`${at}.params.max`, 'range', `must be a whole number from 1 to ${high}`, high);
        break;
      }
      case 'min_team_size':
        if (!wholeIn(params['min'], 1, RULE_LIMITS.teamSize))
          problem(`${at}.params.min`, 'range', `must be a whole number from 1 to ${RULE_LIMITS.teamSize}`, RULE_LIMITS.teamSize);
        break;
      case 'date_within_years':
        if (!wholeIn(params['years'], 1, RULE_LIMITS.years))
          problem(`${at}.params.years`, 'range', `must be a whole number of years from 1 to ${RULE_LIMITS.years}`, RULE_LIMITS.years);
        break;
      case 'choice_in': {
        const values = params['values'];
        if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'string')) {
          problem(`${at}.params.values`, 'required', "must list at least one of the field's options");
        } else if (field?.options) {
          const outside = values.filter((v) => !field.options?.includes(v as string));
          if (outside.length > 0)
            problem(
              `${at}.params.values`,
              'option',
              `${outside.map((v) => `"${String(v).slice(0, 80)}"`).join(', ')} is not an option of "${field.key}"`,
            );
        }
        break;
      }
      case 'number_range': {
        const { min, max } = params;
        for (const [name, value] of [
          ['min', min],
          ['max', max],
        ] as const) {
          if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value)))
            problem(`${at}.params.${name}`, 'type', 'must be a number');
        }
        if (min === undefined && max === undefined) problem(`${at}.params`, 'required', 'needs min, max or both');
        else if (typeof min === 'number' && typeof max === 'number' && min > max)
          problem(`${at}.params.max`, 'min', 'must not be smaller than min');
        break;
      }
      case 'must_be_true':
        break;
    }
    if (problems.length > before || !text) return;
    const copy: Record<string, unknown> = {};
    for (const name of PARAMS[ruleKind])
      if (params[name] !== undefined) copy[name] = Array.isArray(params[name]) ? [...new Set(params[name] as string[])] : params[name];
    rules.push({ id: id as string, kind: ruleKind, params: copy, message: text } as EligibilityRule);
  });
  return { rules: problems.length > 0 ? [] : rules, problems };
}

function checkFieldParam(
  kind: EligibilityRuleKind,
  value: unknown,
  fields: readonly FormField[],
  at: string,
  problems: FieldProblem[],
): FormField | undefined {
  const types = FIELD_TYPES[kind];
  if (!types) return undefined;
  const field = typeof value === 'string' ? fields.find((f) => f.key === value) : undefined;
  if (typeof value !== 'string' || value === '') {
    problems.push({ field: at, code: 'required', message: `must name a ${types.join(' or ')} field of the form` });
  } else if (!field) {
    problems.push({
      field: at,
      code: 'unknown',
      message: `"${value.slice(0, 80)}" is not a field of the form: add it first, or name another`,
    });
  } else if (!types.includes(field.type)) {
    problems.push({ field: at, code: 'type', message: `"${value}" is a ${field.type} field; ${kind} needs a ${types.join(' or ')} field` });
  }
  return field;
}

function parseMessage(value: unknown, at: string, problems: FieldProblem[]): LocalizedText | undefined {
  if (!isRecord(value) || Object.keys(value).some((k) => k !== 'vi' && k !== 'en')) {
    problems.push({
      field: at,
      code: 'type',
      message: 'must be {vi, en}: what the applicant reads when the rule fails, in Vietnamese and English',
    });
    return undefined;
  }
  const out: Partial<LocalizedText> = {};
  for (const language of ['vi', 'en'] as const) {
    const text = typeof value[language] === 'string' ? (value[language] as string).trim() : '';
    if (!text || text.includes('\u0000'))
      problems.push({
        field: `${at}.${language}`,
        code: 'required',
        message: `is empty: write what the applicant reads in ${language === 'vi' ? 'Vietnamese' : 'English'}`,
      });
    else if (text.length > RULE_LIMITS.message)
      problems.push({
        field: `${at}.${language}`,
        code: 'max_length',
        message: `is longer than ${RULE_LIMITS.message} characters`,
        limit: RULE_LIMITS.message,
      });
    else out[language] = text;
  }
  return out.vi && out.en ? (out as LocalizedText) : undefined;
}

/** The rules that read a field, for a form edit that removes or retypes it. */
export function rulesReading(rules: readonly EligibilityRule[], key: string): EligibilityRule[] {
  return rules.filter((rule) => 'field' in rule.params && rule.params.field === key);
}
