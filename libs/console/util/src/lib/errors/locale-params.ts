import type { ErrorParams } from '@laurel/contracts';
import type { TranslationKey, TranslationParam } from '../i18n/dictionary';

/**
 * A refusal's `params` (or a field problem's) as its sentence writes them in the reader's
 * language, by the names the API gives them (`ErrorParams`): a number as a quantity ("7,5" in
 * Vietnamese), a name ending in `At` as a date and time (in the reader's zone, as every date
 * the console shows), a name ending in `Bytes` as a file size. Every refusal and field sentence
 * takes the API's values through here; `interpolate` writes them when the sentence is shown.
 */
export function localeParams(params: ErrorParams): Record<string, TranslationParam> {
  const written: Record<string, TranslationParam> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') written[name] = name.endsWith('Bytes') ? { bytes: value } : { number: value };
    else if (name.endsWith('At')) written[name] = { date: value };
    else written[name] = value;
  }
  return written;
}

/** A code's sentence that names a value, used when the refusal has that value: `[param, key]`, the first that applies wins. */
export type Variants = readonly (readonly [param: string, key: TranslationKey])[];

/** The sentence of a code: its variant for a value the refusal names, else its general one. */
export function sentenceFor(
  key: TranslationKey,
  variants: Variants | undefined,
  params: Readonly<Record<string, unknown>>,
): TranslationKey {
  return variants?.find(([param]) => params[param] !== undefined)?.[1] ?? key;
}
