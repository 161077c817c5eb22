import type { Language } from '../../i18n/languages';
import type { LocalTime } from '../../lib/helsinki-time';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const dayparts = ['morning', 'afternoon', 'evening'] as const;
export type Daypart = (typeof dayparts)[number];

/**
 * What a waiting person said about the days and times that suit them. An empty list means they
 * named none of that kind (any weekday, or any time of day).
 */
export type TimePreference = { weekdays: Weekday[]; dayparts: Daypart[] };

/** Morning before noon, afternoon until 16:00, evening after: the words people use on the phone. */
export function daypartOf(startTime: LocalTime): Daypart {
  const hour = Number(startTime.slice(0, 2));
  if (hour < 12) return 'morning';
  if (hour < 16) return 'afternoon';
  return 'evening';
}

/** Whole words (any inflection starting so) for each weekday, in every language we speak. */
const weekdayStems: [Weekday, string[]][] = [
  [1, ['maanant', 'monday', 'mondays', 'måndag']],
  [2, ['tiistai', 'tuesday', 'tuesdays', 'tisdag']],
  [3, ['keskiviik', 'wednesday', 'wednesdays', 'onsdag']],
  [4, ['torstai', 'thursday', 'thursdays', 'torsdag']],
  [5, ['perjant', 'friday', 'fridays', 'fredag']],
  [6, ['lauant', 'saturday', 'saturdays', 'lördag']],
  [7, ['sunnunt', 'sunday', 'sundays', 'söndag']],
];

/**
 * Short forms written as whole words. Finnish "to" (torstai) is English "to", so the short forms
 * are read only in the person's own language.
 */
const weekdayAbbreviations: Record<Language, Record<string, Weekday>> = {
  fi: { ma: 1, ti: 2, ke: 3, to: 4, pe: 5, la: 6, su: 7 },
  sv: { mån: 1, tis: 2, ons: 3, tor: 4, tors: 4, fre: 5, lör: 6, sön: 7 },
  en: { mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7 },
};

/** Checked in order: "iltapäivä" must be read before "ilta", "aamupäivä" before "päivä". */
const daypartStems: [string, Daypart[]][] = [
  ['iltapäiv', ['afternoon']],
  ['aamupäiv', ['morning']],
  ['aamu', ['morning']],
  ['ilta', ['evening']],
  ['päiv', ['morning', 'afternoon']],
  ['morning', ['morning']],
  ['forenoon', ['morning']],
  ['afternoon', ['afternoon']],
  ['evening', ['evening']],
  ['daytime', ['morning', 'afternoon']],
  ['förmiddag', ['morning']],
  ['morgon', ['morning']],
  ['eftermiddag', ['afternoon']],
  ['kväll', ['evening']],
  ['dagtid', ['morning', 'afternoon']],
  ['dagar', ['morning', 'afternoon']],
];

/** Words that join two weekdays into a range: "ma–to", "Monday to Thursday", "mån till tors". */
const rangeWords = new Set(['-', '–', '—', 'to', 'till', 'through']);

function weekdayOfWord(word: string, language: Language): Weekday | null {
  const short = weekdayAbbreviations[language][word.replace(/\.$/, '')];
  if (short !== undefined) return short;
  for (const [weekday, stems] of weekdayStems) {
    if (stems.some((stem) => word.startsWith(stem))) return weekday;
  }
  return null;
}

function daypartsOfWord(word: string): Daypart[] {
  for (const [stem, parts] of daypartStems) {
    if (word.startsWith(stem)) return parts;
  }
  return [];
}

function weekdaysFrom(first: Weekday, last: Weekday): Weekday[] {
  const days: Weekday[] = [];
  for (let day = first; ; day = ((day % 7) + 1) as Weekday) {
    days.push(day);
    if (day === last || days.length === 7) return days;
  }
}

/**
 * Reads the interview's free text "suitable days and times" ("tiistai-iltaisin", "ma–to aamupäivä",
 * "Tuesday or Thursday evenings", "tisdagar på kvällen"). Returns null when it names no day and no
 * time of day: such a person counts as served at any time, without a bonus for a fitting one.
 */
export function readSuitableTimes(text: string, language: Language): TimePreference | null {
  const words = text
    .toLocaleLowerCase('fi')
    .replace(/([–—-])/g, ' $1 ')
    .split(/[^\p{L}\p{N}.–—-]+/u)
    .filter((word) => word !== '');
  const weekdays = new Set<Weekday>();
  const parts = new Set<Daypart>();
  let previousDay: Weekday | null = null;
  let rangeOpen = false;
  for (const word of words) {
    const day = weekdayOfWord(word, language);
    if (day !== null) {
      const days: Weekday[] =
        rangeOpen && previousDay !== null ? weekdaysFrom(previousDay, day) : [day];
      days.forEach((each) => weekdays.add(each));
      previousDay = day;
      rangeOpen = false;
      continue;
    }
    if (rangeWords.has(word) && previousDay !== null) {
      rangeOpen = true;
      continue;
    }
    rangeOpen = false;
    daypartsOfWord(word).forEach((part) => parts.add(part));
  }
  if (weekdays.size === 0 && parts.size === 0) return null;
  return {
    weekdays: [...weekdays].sort((a, b) => a - b),
    dayparts: dayparts.filter((part) => parts.has(part)),
  };
}

/** Whether a course on `weekday` starting at `startTime` is at a time the person said suits them. */
export function timeSuits(
  preference: TimePreference | null,
  weekday: Weekday,
  startTime: LocalTime,
): boolean {
  if (preference === null) return false;
  const dayFits = preference.weekdays.length === 0 || preference.weekdays.includes(weekday);
  const partFits =
    preference.dayparts.length === 0 || preference.dayparts.includes(daypartOf(startTime));
  return dayFits && partFits;
}
