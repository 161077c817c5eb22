import type { Language } from './index';

export const serviceTimeZone = 'Europe/Helsinki';

const locales: Record<Language, string> = { fi: 'fi-FI', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${language}:${JSON.stringify(options)}`;
  let cached = formatters.get(cacheKey);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locales[language], { ...options, timeZone: serviceTimeZone });
    formatters.set(cacheKey, cached);
  }
  return cached;
}

/** "tiistai 6. lokakuuta 2026" / "Tuesday 6 October 2026", always in Helsinki time. */
export function formatLongDate(instant: Date, language: Language): string {
  return formatter(language, { dateStyle: 'full' }).format(instant);
}

/** "6.10.2026 klo 17.00" / "6 Oct 2026, 17:00", always in Helsinki time. */
export function formatDateTime(instant: Date, language: Language): string {
  return formatter(language, { dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}

/** A Helsinki calendar date ('2026-10-06') as "ti 6.10.2026" / "Tue 6 Oct 2026". */
export function formatLocalDate(date: string, language: Language): string {
  const month = language === 'fi' ? 'numeric' : 'short';
  return formatter(language, { weekday: 'short', day: 'numeric', month, year: 'numeric' })
    .format(middayInHelsinki(date))
    .replace(/^(\p{L}+),? /u, '$1 ');
}

/** A Helsinki wall-clock range ("17.00–19.30" / "17:00–19:30"). */
export function formatTimeRange(start: string, end: string, language: Language): string {
  const separator = language === 'fi' ? '.' : ':';
  return `${start.replace(':', separator)}–${end.replace(':', separator)}`;
}

/** Noon never falls in a DST gap, so the calendar date survives the time-zone round trip. */
function middayInHelsinki(date: string): Date {
  return new Date(`${date}T10:00:00Z`);
}
