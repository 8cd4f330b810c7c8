import type { TranslationParam, TranslationParams } from './dictionary';
import { formatBytes, formatDateTime, formatNumber } from './format';
import type { UiMessage } from './ui-message';

/**
 * `template` with its `{name}` placeholders filled from `params`, each value written in `locale`
 * (see `LocaleValue`); a nested sentence is said by `render`. A placeholder without a value stays
 * as it is, so a missing value shows instead of vanishing.
 */
export function interpolate(template: string, params: TranslationParams, locale: string, render: (message: UiMessage) => string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : written(value, locale, render);
  });
}

function written(value: TranslationParam, locale: string, render: (message: UiMessage) => string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('number' in value) return formatNumber(value.number, locale);
  if ('date' in value) return formatDateTime(value.date, locale);
  if ('bytes' in value) return formatBytes(value.bytes, locale);
  if ('message' in value) return render(value.message);
  if ('list' in value) return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(value.list.map(render));
  return value.messages.map(render).join(' ');
}
