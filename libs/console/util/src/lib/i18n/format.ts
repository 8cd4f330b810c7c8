/** Date and time in the visitor's own time zone (the browser's), written the locale's way. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "GMT+7 · Asia/Ho_Chi_Minh": the zone times are shown in, for a note beside them. */
export function timeZoneLabel(locale: string, at = new Date()): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = new Intl.DateTimeFormat(locale, { timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  return offset && zone ? `${offset} · ${zone}` : (offset ?? zone ?? '');
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "in 3 days", "2 hours ago": the distance from `now`, in the largest unit that fits. */
export function formatRelative(target: Date, now: Date, locale: string): string {
  const diff = target.getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const size = Math.abs(diff);
  if (size >= DAY) return format.format(Math.round(diff / DAY), 'day');
  if (size >= HOUR) return format.format(Math.round(diff / HOUR), 'hour');
  return format.format(Math.round(diff / MINUTE), 'minute');
}

/** A quantity in a sentence, the locale's way: "7,5" and "1.234" in Vietnamese, "7.5" and "1,234" in English. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}

/** A score or total the way the jury reads it: two decimals unless asked, the locale's way ("7,25" in Vietnamese); "—" for none. */
export function formatScore(value: number | null | undefined, locale: string, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** "+3.20" / "−1.05": a signed difference such as a judge's leniency, two decimals. */
export function formatSigned(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value);
}

/**
 * A file size, the same on every page: "44 B", "12.3 kB", "1.2 MB", in the locale's own digits
 * (binary multiples, as the upload limit is counted).
 */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A prize amount in its currency ("50.000.000 ₫" in Vietnamese), or null when the prize has none. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined, locale: string): string | null {
  if (amount === null || amount === undefined) return null;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency ?? 'VND',
      maximumFractionDigits: currency === 'VND' || !currency ? 0 : 2,
    }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency ?? ''}`.trim();
  }
}

/** A whole amount as it is typed, grouped in the locale's way: "50.000.000" (vi), "50,000,000" (en); "" for none. */
export function formatGroupedInteger(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true }).format(value);
}

/**
 * What a grouped amount field holds: its digits as a number, whatever separators were typed or
 * pasted ("50.000.000", "50,000,000", "50 000 000" are all 50000000); null when there is none.
 */
export function readGroupedInteger(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
}

/** Where the caret goes in `formatted` so that it stays after the same number of digits as in `typed` before `caret`. */
export function caretAfterDigits(typed: string, caret: number, formatted: string): number {
  const digitsBefore = typed.slice(0, caret).replace(/\D/g, '').length;
  if (digitsBefore === 0) return 0;
  let seen = 0;
  for (const [i, char] of formatted.split('').entries()) {
    if (/\d/.test(char) && ++seen === digitsBefore) return i + 1;
  }
  return formatted.length;
}
