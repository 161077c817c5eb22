import { DateTime, IANAZone } from 'luxon';

/** Courses are planned in Finnish wall-clock time; instants are derived from it, never the reverse. */
export const helsinkiZone = 'Europe/Helsinki';
/**
 * The zone as luxon's object: given the name, luxon checks it with a new Intl formatter on every
 * call, which was a tenth of the national home page's time.
 */
const helsinki = IANAZone.create(helsinkiZone);

/** A calendar date, 'YYYY-MM-DD', with no time zone attached. */
export type LocalDate = string;

/** A 24-hour wall-clock time, 'HH:MM', with no time zone attached. */
export type LocalTime = string;

const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const localTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isValidLocalDate(s: string): boolean {
  // The pattern rejects forms an ISO parser would accept (e.g. '2026-W41-2'); the round trip
  // rejects days a month does not have ('2026-02-30').
  return localDatePattern.test(s) && toLocalDate(floatingDateTime(s)) === s;
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
 * A zone-free date-time for calendar arithmetic, as a UTC Date: UTC has no DST, so adding a day
 * or minutes moves the wall clock by exactly that much. Plain Date arithmetic rather than luxon:
 * these run for every session and licence on a page, and luxon costs tens of microseconds a call.
 * Out-of-range parts roll over (day 32 is the next month's 1st), which the arithmetic relies on.
 */
function floatingDateTime(date: LocalDate, time: LocalTime = '00:00', extraDays = 0): Date {
  const floating = new Date(0);
  floating.setUTCFullYear(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)) + extraDays,
  );
  floating.setUTCHours(Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  return floating;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

function toLocalDate(floating: Date): LocalDate {
  const year = String(floating.getUTCFullYear()).padStart(4, '0');
  return `${year}-${twoDigits(floating.getUTCMonth() + 1)}-${twoDigits(floating.getUTCDate())}`;
}

function toLocalTime(floating: Date): LocalTime {
  return `${twoDigits(floating.getUTCHours())}:${twoDigits(floating.getUTCMinutes())}`;
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
  return DateTime.fromISO(`${date}T${time}`, { zone: helsinki }).toJSDate();
}

/** What Helsinki clocks show at `instant`, to the minute (seconds are dropped, not rounded). */
export function instantToWallClock(instant: Date): { date: LocalDate; time: LocalTime } {
  const helsinkiTime = DateTime.fromJSDate(instant, { zone: helsinki });
  if (!helsinkiTime.isValid) throw new RangeError('Not a valid instant');
  return { date: helsinkiTime.toFormat('yyyy-MM-dd'), time: helsinkiTime.toFormat('HH:mm') };
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
  assertLocalDate(date);
  assertLocalTime(time);
  const moved = new Date(floatingDateTime(date, time).getTime() + minutes * 60_000);
  return { date: toLocalDate(moved), time: toLocalTime(moved) };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  assertLocalDate(date);
  return toLocalDate(floatingDateTime(date, '00:00', days));
}

/** Whole calendar days from one date to another: negative when `to` comes first. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  assertLocalDate(from);
  assertLocalDate(to);
  return Math.round(
    (floatingDateTime(to).getTime() - floatingDateTime(from).getTime()) / 86_400_000,
  );
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  assertLocalDate(date);
  return floatingDateTime(date).getUTCDay() || 7;
}

/** ISO 8601 week; `year` is the week-numbering year, which differs from the calendar year around New Year. */
export function isoWeekOf(date: LocalDate): { year: number; week: number } {
  assertLocalDate(date);
  // The ISO week is the week of its Thursday; week 1 holds the year's first Thursday.
  const thursday = floatingDateTime(date, '00:00', 4 - weekdayOf(date));
  const year = thursday.getUTCFullYear();
  const firstOfYear = floatingDateTime(`${String(year).padStart(4, '0')}-01-01`);
  const week = Math.floor((thursday.getTime() - firstOfYear.getTime()) / 86_400_000 / 7) + 1;
  return { year, week };
}

/**
 * Calendar months on a date, clamped to the end of a shorter month: 2026-08-31 + 6 months is
 * 2027-02-28, and 2026-05-20 + 12 months is 2027-05-20.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  assertLocalDate(date);
  const monthIndex = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  // Day 0 of the following month is the last day of this one.
  const lastOfMonth = new Date(0);
  lastOfMonth.setUTCFullYear(year, month + 1, 0);
  const moved = new Date(0);
  moved.setUTCFullYear(year, month, Math.min(Number(date.slice(8, 10)), lastOfMonth.getUTCDate()));
  return toLocalDate(moved);
}
