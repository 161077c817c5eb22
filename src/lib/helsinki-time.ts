import { DateTime } from 'luxon';

/** Courses are planned in Finnish wall-clock time; instants are derived from it, never the reverse. */
export const helsinkiZone = 'Europe/Helsinki';

/** A calendar date, 'YYYY-MM-DD', with no time zone attached. */
export type LocalDate = string;

/** A 24-hour wall-clock time, 'HH:MM', with no time zone attached. */
export type LocalTime = string;

const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const localTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isValidLocalDate(s: string): boolean {
  // The pattern rejects forms luxon would accept (e.g. '2026-W41-2'); luxon rejects '2026-02-30'.
  return localDatePattern.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid;
}

export function isValidLocalTime(s: string): boolean {
  return localTimePattern.test(s);
}

function assertLocalDate(date: string): void {
  if (!isValidLocalDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: "${date}"`);
}

function assertLocalTime(time: string): void {
  if (!isValidLocalTime(time)) throw new RangeError(`Not an HH:MM time: "${time}"`);
}

/**
 * A zone-free date-time for calendar arithmetic: UTC has no DST, so adding a day or minutes
 * here moves the wall clock by exactly that much.
 */
function floatingDateTime(date: LocalDate, time: LocalTime = '00:00'): DateTime {
  assertLocalDate(date);
  assertLocalTime(time);
  return DateTime.fromISO(`${date}T${time}`, { zone: 'utc' });
}

function toLocalDate(dateTime: DateTime): LocalDate {
  return dateTime.toFormat('yyyy-MM-dd');
}

function toLocalTime(dateTime: DateTime): LocalTime {
  return dateTime.toFormat('HH:mm');
}

/**
 * The instant at which Helsinki clocks show `time` on `date`.
 *
 * DST edge cases follow luxon's defaults:
 * - a time that does not exist (the spring-forward gap, 03:00–03:59 on the last Sunday of March)
 *   is shifted forward by the gap, so 03:30 becomes 04:30 summer time;
 * - a time that occurs twice (03:00–03:59 on the last Sunday of October) resolves to the second
 *   occurrence, in winter time.
 */
export function wallClockToInstant(date: LocalDate, time: LocalTime): Date {
  assertLocalDate(date);
  assertLocalTime(time);
  return DateTime.fromISO(`${date}T${time}`, { zone: helsinkiZone }).toJSDate();
}

/** What Helsinki clocks show at `instant`, to the minute (seconds are dropped, not rounded). */
export function instantToWallClock(instant: Date): { date: LocalDate; time: LocalTime } {
  const helsinkiTime = DateTime.fromJSDate(instant, { zone: helsinkiZone });
  if (!helsinkiTime.isValid) throw new RangeError('Not a valid instant');
  return { date: toLocalDate(helsinkiTime), time: toLocalTime(helsinkiTime) };
}

/**
 * Moves the wall clock by `minutes`, ignoring DST: 17:00 + 150 minutes is 19:30 on every date,
 * even on the night the clocks change.
 */
export function addMinutesToWallClock(
  date: LocalDate,
  time: LocalTime,
  minutes: number,
): { date: LocalDate; time: LocalTime } {
  const moved = floatingDateTime(date, time).plus({ minutes });
  return { date: toLocalDate(moved), time: toLocalTime(moved) };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return toLocalDate(floatingDateTime(date).plus({ days }));
}

/** Whole calendar days from one date to another: negative when `to` comes first. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(floatingDateTime(to).diff(floatingDateTime(from), 'days').days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  return floatingDateTime(date).weekday;
}

/** ISO 8601 week; `year` is the week-numbering year, which differs from the calendar year around New Year. */
export function isoWeekOf(date: LocalDate): { year: number; week: number } {
  const dateTime = floatingDateTime(date);
  return { year: dateTime.weekYear, week: dateTime.weekNumber };
}

/**
 * Calendar months on a date, clamped to the end of a shorter month: 2026-08-31 + 6 months is
 * 2027-02-28, and 2026-05-20 + 12 months is 2027-05-20.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return toLocalDate(floatingDateTime(date).plus({ months }));
}
