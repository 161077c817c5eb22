import type { Language, Translate } from './index';
import type { RetentionPeriods } from '../features/retention/retention-settings';

export const serviceTimeZone = 'Europe/Helsinki';

const locales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** The Intl locale of a language as spoken in Finland (English as in Britain). */
export function localeOf(language: Language): string {
  return locales[language];
}

/** Finnish and Finland-Swedish write dates with numbers (6.10.2026) and times with a dot (17.00). */
const writesNumericDates = (language: Language) => language !== 'en';

const styles = {
  longDate: () => ({ dateStyle: 'full' }),
  dateTime: () => ({ dateStyle: 'medium', timeStyle: 'short' }),
  shortDate: (language: Language) => ({
    weekday: 'short',
    day: 'numeric',
    month: writesNumericDates(language) ? 'numeric' : 'short',
    year: 'numeric',
  }),
  date: (language: Language) => ({
    day: 'numeric',
    month: writesNumericDates(language) ? 'numeric' : 'short',
    year: 'numeric',
  }),
  weekday: () => ({ weekday: 'long' }),
  dayAndMonth: (language: Language) => ({
    day: 'numeric',
    month: writesNumericDates(language) ? 'numeric' : 'short',
  }),
} satisfies Record<string, (language: Language) => Intl.DateTimeFormatOptions>;

/** Building an Intl formatter is costly, so each language and style gets one, made on first use. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, style: keyof typeof styles): Intl.DateTimeFormat {
  const cacheKey = `${language}:${style}`;
  let cached = formatters.get(cacheKey);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locales[language], {
      ...styles[style](language),
      timeZone: serviceTimeZone,
    });
    formatters.set(cacheKey, cached);
  }
  return cached;
}

/** "tiistai 6. lokakuuta 2026" / "Tuesday, 6 October 2026", always in Helsinki time. */
export function formatLongDate(instant: Date, language: Language): string {
  return formatter(language, 'longDate').format(instant);
}

/** "6.10.2026 klo 17.00" / "6 Oct 2026, 17:00", always in Helsinki time. */
export function formatDateTime(instant: Date, language: Language): string {
  return formatter(language, 'dateTime').format(instant);
}

/** A Helsinki calendar date ('2026-10-06') as "ti 6.10.2026" / "Tue 6 Oct 2026". */
export function formatLocalDate(date: string, language: Language): string {
  return formatter(language, 'shortDate')
    .format(middayInHelsinki(date))
    .replace(/^(\p{L}+),? /u, '$1 ');
}

/** An ISO weekday (1 = Monday) by name: "tiistai" / "tisdag" / "Tuesday". */
export function formatWeekday(weekday: number, language: Language): string {
  // 2024-01-01 was a Monday.
  return formatter(language, 'weekday').format(middayInHelsinki(`2024-01-0${weekday}`));
}

/** A Helsinki calendar date without the weekday: "20.5.2026" / "20 May 2026". */
export function formatDate(date: string, language: Language): string {
  return formatter(language, 'date').format(middayInHelsinki(date));
}

/** A Helsinki calendar date in a narrow column: "6.10." / "6 Oct". */
export function formatDayAndMonth(date: string, language: Language): string {
  return formatter(language, 'dayAndMonth').format(middayInHelsinki(date));
}

/** A Helsinki wall-clock range ("17.00–19.30" / "17:00–19:30"). */
export function formatTimeRange(start: string, end: string, language: Language): string {
  const separator = writesNumericDates(language) ? '.' : ':';
  return `${start.replace(':', separator)}–${end.replace(':', separator)}`;
}

/** Noon never falls in a DST gap, so the calendar date survives the time-zone round trip. */
function middayInHelsinki(date: string): Date {
  return new Date(`${date}T10:00:00Z`);
}

export type ProgramNames = { nameFi: string; nameSv: string; nameEn: string };

/** The names a list row carries (`programNameColumns`) as the names `programName` reads. */
export function programNamesOf(row: {
  programNameFi: string;
  programNameSv: string;
  programNameEn: string;
}): ProgramNames {
  return { nameFi: row.programNameFi, nameSv: row.programNameSv, nameEn: row.programNameEn };
}

/**
 * A program's name in the reader's language: English when asked for, Swedish when one is written
 * (otherwise the Finnish name, as Arkeen Voimaa is also the brand in Swedish materials), else Finnish.
 */
export function programName(program: ProgramNames, language: Language): string {
  if (language === 'en') return program.nameEn;
  if (language === 'sv') return program.nameSv.trim() || program.nameFi;
  return program.nameFi;
}

/** "Arkeen Voimaa · Lapua": what coordinators call a course. */
export function courseTitle(
  course: { program: ProgramNames; localityName: string },
  language: Language,
): string {
  return `${programName(course.program, language)} · ${course.localityName}`;
}

/** A venue as one line: its name and street address. */
export function venueText(venue: { name: string; streetAddress: string } | null): string {
  if (!venue) return '';
  return [venue.name, venue.streetAddress].filter(Boolean).join(', ');
}

/** A postal address as its printed lines: street, then postcode and post office; none when empty. */
export function postalAddressLines(address: {
  postalStreet: string;
  postalCode: string;
  postOffice: string;
}): string[] {
  const town = [address.postalCode, address.postOffice.toUpperCase()].filter(Boolean).join(' ');
  return [address.postalStreet, town].filter(Boolean);
}

/** A postal address on one line, e.g. on the person's page. */
export function postalAddressText(address: Parameters<typeof postalAddressLines>[0]): string {
  return postalAddressLines(address).join(', ');
}

/** A length of time as "12 h 30 min" ("12 h", "45 min"); both languages write it the same way. */
export function formatDuration(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

export type PeriodUnit = 'months' | 'days' | 'years';

/** Each language tells "one" from "other" (1 kuukausi, 12 kuukautta; 1 månad, 12 månader). */
const pluralRules: Record<Language, Intl.PluralRules> = {
  fi: new Intl.PluralRules('fi-FI'),
  sv: new Intl.PluralRules('sv-FI'),
  en: new Intl.PluralRules('en-GB'),
};

/** "12 kuukautta" / "1 month": a count of months, days or years in the reader's language. */
export function formatPeriod(
  count: number,
  unit: PeriodUnit,
  t: Translate,
  language: Language,
): string {
  const form = pluralRules[language].select(count) === 'one' ? 'one' : 'other';
  return t(`privacyNotice.period.${unit}.${form}`, { count });
}

/** Every retention period as the privacy notices say it, from the settings in force. */
export function retentionPeriodTexts(
  periods: RetentionPeriods,
  t: Translate,
  language: Language,
): Record<keyof RetentionPeriods, string> {
  return {
    participantMonths: formatPeriod(periods.participantMonths, 'months', t, language),
    closedApplicationMonths: formatPeriod(periods.closedApplicationMonths, 'months', t, language),
    sentMailDays: formatPeriod(periods.sentMailDays, 'days', t, language),
    candidateMonths: formatPeriod(periods.candidateMonths, 'months', t, language),
    auditYears: formatPeriod(periods.auditYears, 'years', t, language),
  };
}
