import Holidays from 'date-holidays';
import { isValidLocalDate, type LocalDate } from '../../lib/helsinki-time';

/** A date on which no course session should be held. */
export type DayOff = { date: LocalDate; name: string; kind: 'holiday' | 'blocked' };

/** A named span of dates without sessions, e.g. the autumn school break; both ends inclusive. */
export type BlockedPeriod = { name: string; startsOn: LocalDate; endsOn: LocalDate };

// 'bank' is how date-holidays classifies the eves (jouluaatto, juhannusaatto) when offices close.
const dayOffHolidayTypes = new Set(['public', 'bank']);

const finnishHolidays = new Holidays('FI');
// getHolidays re-evaluates every rule on each call; a year's days off never change.
const daysOffByYear = new Map<number, DayOff[]>();

function finnishHolidaysOfYear(year: number): DayOff[] {
  let daysOff = daysOffByYear.get(year);
  if (!daysOff) {
    daysOff = finnishHolidays
      .getHolidays(year, 'fi')
      .filter((holiday) => dayOffHolidayTypes.has(holiday.type))
      .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name, kind: 'holiday' }));
    daysOffByYear.set(year, daysOff);
  }
  return daysOff;
}

/** Finnish public holidays and holiday eves from `from` to `to`, both inclusive, in date order. */
export function finnishHolidaysBetween(from: LocalDate, to: LocalDate): DayOff[] {
  if (!isValidLocalDate(from) || !isValidLocalDate(to)) {
    throw new RangeError(`Not a YYYY-MM-DD date range: "${from}".."${to}"`);
  }
  const daysOff: DayOff[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const dayOff of finnishHolidaysOfYear(year)) {
      // 'YYYY-MM-DD' strings sort chronologically; the copy keeps callers out of the cache.
      if (dayOff.date >= from && dayOff.date <= to) daysOff.push({ ...dayOff });
    }
  }
  return daysOff;
}

/** Why `date` is a day off: a Finnish holiday wins over a blocked period; null when it is not. */
export function dayOffOn(date: LocalDate, blockedPeriods: BlockedPeriod[]): DayOff | null {
  const [holiday] = finnishHolidaysBetween(date, date);
  if (holiday) return holiday;
  const blockedPeriod = blockedPeriods.find(
    (period) => period.startsOn <= date && date <= period.endsOn,
  );
  return blockedPeriod ? { date, name: blockedPeriod.name, kind: 'blocked' } : null;
}
