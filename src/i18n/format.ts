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
