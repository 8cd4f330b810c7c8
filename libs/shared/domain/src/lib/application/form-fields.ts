export const FORM_FIELD_TYPES = [
  'text',
  'longtext',
  'number',
  'date',
  'choice',
  'multichoice',
  'boolean',
  'url',
  'email',
  'phone',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export interface LocalizedText {
  vi: string;
  en: string;
}

/** One question of a contest's application form. */
export interface FormField {
  /** `[a-z][a-zA-Z0-9_]*`: the key of the answer, a column of the workbooks. */
  key: string;
  label: LocalizedText;
  help?: LocalizedText;
  type: FormFieldType;
  /** On a boolean: must be ticked (the "I accept the rules" box). */
  required: boolean;
  /** choice and multichoice: what may be picked. */
  options?: string[];
  /** number: the smallest and largest value; multichoice: the fewest and most picks. */
  min?: number;
  max?: number;
  /** text and longtext: the longest answer in characters. */
  maxLength?: number;
  /** Names the team (tax code, founder's ID…): never reaches a judge of a blind round. */
  identifying?: boolean;
  /** Asked only of entries in these categories; absent or empty: of every entry. */
  categoryIds?: string[];
}

/** An answer: text for text kinds, url, email, phone and choice; YYYY-MM-DD for date; a number; a boolean; picks of a multichoice. */
export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

/** What kind of problem a form, an answer or a rule has: a client words each in its own language. */
export const FIELD_PROBLEM_CODES = [
  'type',
  'required',
  'max_length',
  'max_items',
  'duplicate',
  'unknown',
  'format',
  'option',
  'not_applicable',
  'min',
  'max',
  'integer',
  'range',
] as const;
export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];

/** A problem with a form, an answer or a rule, as the API's `fields` carry them. */
export interface FieldProblem {
  /** Where: `formFields.2.key`, `answers.foundedOn`, `eligibilityRules.0.params.field`. */
  field: string;
  /** What kind of problem, for a translated message. */
  code: FieldProblemCode;
  /** What is wrong and what to do, in English. */
  message: string;
  /** The limit that was passed, when there is one. */
  limit?: number;
}

export const FORM_LIMITS = {
  fields: 60,
  keyLength: 40,
  label: 200,
  help: 1000,
  options: 100,
  option: 200,
  /** Default and largest maxLength of a text answer. */
  text: 500,
  textMax: 2000,
  longtext: 5000,
  longtextMax: 20_000,
  url: 2000,
  email: 254,
  phone: 30,
} as const;

export const FORM_FIELD_KEY = /^[a-z][a-zA-Z0-9_]*$/;

const FIELD_PROPERTIES = new Set([
  'key',
  'label',
  'help',
  'type',
  'required',
  'options',
  'min',
  'max',
  'maxLength',
  'identifying',
  'categoryIds',
]);
const WITH_OPTIONS: readonly FormFieldType[] = ['choice', 'multichoice'];
const WITH_RANGE: readonly FormFieldType[] = ['number', 'multichoice'];
const WITH_LENGTH: readonly FormFieldType[] = ['text', 'longtext'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The longest answer a text field takes: its own maxLength, else the default of its kind. */
export function maxLengthOf(field: Pick<FormField, 'type' | 'maxLength'>): number {
  switch (field.type) {
    case 'text':
      return field.maxLength ?? FORM_LIMITS.text;
    case 'longtext':
      return field.maxLength ?? FORM_LIMITS.longtext;
    case 'url':
      return FORM_LIMITS.url;
    case 'email':
      return FORM_LIMITS.email;
    case 'phone':
      return FORM_LIMITS.phone;
    default:
      return FORM_LIMITS.option;
  }
}

/**
 * Reads a form definition from untrusted input (a request body, an imported file): every field
 * with its defaults filled in, or the problems, each naming the property to correct. Nothing is
 * guessed: an unknown property, an option list on a number field or a limit on a date field is
 * a mistake worth telling, not something to drop silently.
 *
 * `categoryIds`, when given, are the contest's categories a field may be limited to.
 */
export function parseFormFields(
  input: unknown,
  categoryIds?: readonly string[],
  path = 'formFields',
): { fields: FormField[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: FieldProblemCode, message: string, limit?: number) =>
    problems.push(limit === undefined ? { field, code, message } : { field, code, message, limit });
  if (!Array.isArray(input)) {
    problem(path, 'type', 'must be a list of fields');
    return { fields: [], problems };
  }
  if (input.length > FORM_LIMITS.fields) problem(path, 'max_items', `may hold at most ${FORM_LIMITS.fields} fields`, FORM_LIMITS.fields);
  const seen = new Set<string>();
  const fields: FormField[] = [];
  input.slice(0, FORM_LIMITS.fields).forEach((raw, i) => {
    const at = `${path}.${i}`;
    if (!isRecord(raw)) {
      problem(at, 'type', 'must be a field: {key, label, type, required, …}');
      return;
    }
    const before = problems.length;
    for (const name of Object.keys(raw)) {
      if (!FIELD_PROPERTIES.has(name))
        problem(`${at}.${name}`, 'unknown', `is not a property of a form field (${[...FIELD_PROPERTIES].join(', ')})`);
    }
    const key = raw['key'];
    if (typeof key !== 'string' || !FORM_FIELD_KEY.test(key) || key.length > FORM_LIMITS.keyLength) {
      problem(
        `${at}.key`,
        'format',
        `must start with a lower-case letter and hold only letters, digits and _ (at most ${FORM_LIMITS.keyLength}), such as foundedOn`,
      );
    } else if (seen.has(key)) {
      problem(`${at}.key`, 'duplicate', `"${key}" is the key of another field: every field needs its own key`);
    } else {
      seen.add(key);
    }
    const type = raw['type'];
    if (typeof type !== 'string' || !(FORM_FIELD_TYPES as readonly string[]).includes(type)) {
      problem(`${at}.type`, 'option', `must be one of ${FORM_FIELD_TYPES.join(', ')}`);
    }
    const fieldType = type as FormFieldType;
    const label = localized(raw['label'], `${at}.label`, FORM_LIMITS.label, true, problems);
    const help =
      raw['help'] === undefined || raw['help'] === null
        ? undefined
        : localized(raw['help'], `${at}.help`, FORM_LIMITS.help, false, problems);
    const required = optionalBoolean(raw['required'], `${at}.required`, problems) ?? false;
    const identifying = optionalBoolean(raw['identifying'], `${at}.identifying`, problems);

    const options = raw['options'];
    let parsedOptions: string[] | undefined;
    if (WITH_OPTIONS.includes(fieldType)) {
      parsedOptions = parseOptions(options, `${at}.options`, problems);
    } else if (options !== undefined && options !== null) {
      problem(`${at}.options`, 'not_applicable', 'apply only to choice and multichoice fields: remove them');
    }

    const min = optionalNumber(raw['min'], `${at}.min`, problems);
    const max = optionalNumber(raw['max'], `${at}.max`, problems);
    if ((min !== undefined || max !== undefined) && !WITH_RANGE.includes(fieldType) && typeof type === 'string') {
      problem(
        `${at}.${min !== undefined ? 'min' : 'max'}`,
        'not_applicable',
        'applies only to number fields (the value) and multichoice fields (the number of picks)',
      );
    }
    if (min !== undefined && max !== undefined && min > max) problem(`${at}.max`, 'min', 'must not be smaller than min');
    if (fieldType === 'multichoice') {
      for (const [name, value] of [
        ['min', min],
        ['max', max],
      ] as const) {
        if (value === undefined) continue;
        if (!Number.isInteger(value) || value < 0) problem(`${at}.${name}`, 'integer', 'is a number of picks: a whole number, 0 or more');
        else if (parsedOptions && value > parsedOptions.length)
          problem(`${at}.${name}`, 'max', `cannot be more than the ${parsedOptions.length} options`, parsedOptions.length);
      }
    }

    const maxLength = optionalNumber(raw['maxLength'], `${at}.maxLength`, problems);
    if (maxLength !== undefined) {
      const ceiling = fieldType === 'longtext' ? FORM_LIMITS.longtextMax : FORM_LIMITS.textMax;
      if (!WITH_LENGTH.includes(fieldType)) problem(`${at}.maxLength`, 'not_applicable', 'applies only to text and longtext fields');
      else if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > ceiling) {
        problem(`${at}.maxLength`, 'max', `must be a whole number from 1 to ${ceiling}`, ceiling);
      }
    }

    const categories = raw['categoryIds'];
    let parsedCategories: string[] | undefined;
    if (categories !== undefined && categories !== null) {
      if (!Array.isArray(categories) || categories.some((c) => typeof c !== 'string')) {
        problem(`${at}.categoryIds`, 'type', 'must be a list of category ids');
      } else {
        parsedCategories = [...new Set(categories as string[])];
        const unknown = categoryIds ? parsedCategories.filter((c) => !categoryIds.includes(c)) : [];
        if (unknown.length > 0) problem(`${at}.categoryIds`, 'unknown', 'names a category this contest does not have');
      }
    }

    if (problems.length > before || !label) return;
    const field: FormField = { key: key as string, label, type: fieldType, required };
    if (help) field.help = help;
    if (parsedOptions) field.options = parsedOptions;
    if (min !== undefined) field.min = min;
    if (max !== undefined) field.max = max;
    if (maxLength !== undefined) field.maxLength = maxLength;
    if (identifying) field.identifying = true;
    if (parsedCategories && parsedCategories.length > 0) field.categoryIds = parsedCategories;
    fields.push(field);
  });
  return { fields: problems.length > 0 ? [] : fields, problems };
}

/** Whether the field is asked of an entry in this category (a draft without one is asked everything). */
export function fieldApplies(field: Pick<FormField, 'categoryIds'>, categoryId: string | null | undefined): boolean {
  return !field.categoryIds || field.categoryIds.length === 0 || !categoryId || field.categoryIds.includes(categoryId);
}

function localized(value: unknown, at: string, maxLength: number, required: boolean, problems: FieldProblem[]): LocalizedText | undefined {
  if (!isRecord(value) || Object.keys(value).some((k) => k !== 'vi' && k !== 'en')) {
    problems.push({ field: at, code: 'type', message: 'must be {vi, en}: the text in Vietnamese and in English' });
    return undefined;
  }
  const text: Partial<LocalizedText> = {};
  for (const language of ['vi', 'en'] as const) {
    const raw = value[language];
    const trimmed = typeof raw === 'string' ? raw.trim() : raw;
    if (trimmed === undefined || trimmed === null || trimmed === '') {
      if (required)
        problems.push({
          field: `${at}.${language}`,
          code: 'required',
          message: `is empty: write it in ${language === 'vi' ? 'Vietnamese' : 'English'}`,
        });
      text[language] = '';
    } else if (typeof trimmed !== 'string' || trimmed.includes('\u0000')) {
      problems.push({ field: `${at}.${language}`, code: 'type', message: 'must be text' });
    } else if (trimmed.length > maxLength) {
      problems.push({
        field: `${at}.${language}`,
        code: 'max_length',
        message: `is longer than ${maxLength} characters`,
        limit: maxLength,
      });
    } else {
      text[language] = trimmed;
    }
  }
  return text.vi !== undefined && text.en !== undefined ? (text as LocalizedText) : undefined;
}

function parseOptions(value: unknown, at: string, problems: FieldProblem[]): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ field: at, code: 'required', message: 'must list at least one option to pick from' });
    return undefined;
  }
  if (value.length > FORM_LIMITS.options) {
    problems.push({ field: at, code: 'max_items', message: `may hold at most ${FORM_LIMITS.options} options`, limit: FORM_LIMITS.options });
    return undefined;
  }
  const options: string[] = [];
  value.forEach((raw, i) => {
    const option = typeof raw === 'string' ? raw.trim() : null;
    if (option === null || option === '' || option.includes('\u0000'))
      problems.push({ field: `${at}.${i}`, code: 'type', message: 'must be a non-empty text' });
    else if (option.length > FORM_LIMITS.option)
      problems.push({
        field: `${at}.${i}`,
        code: 'max_length',
        message: `is longer than ${FORM_LIMITS.option} characters`,
        limit: FORM_LIMITS.option,
      });
    else if (options.includes(option)) problems.push({ field: `${at}.${i}`, code: 'duplicate', message: `"${option}" is listed twice` });
    else options.push(option);
  });
  return options;
}

function optionalBoolean(value: unknown, at: string, problems: FieldProblem[]): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') problems.push({ field: at, code: 'type', message: 'must be true or false' });
  return value === true;
}

function optionalNumber(value: unknown, at: string, problems: FieldProblem[]): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > 1e15) {
    problems.push({ field: at, code: 'type', message: 'must be a number' });
    return undefined;
  }
  return value;
}
