// Built with ical-generator, not `ics`: `ics` writes only UTC or floating times, but a course meets at
// Helsinki wall-clock time, so every DTSTART carries TZID=Europe/Helsinki plus a VTIMEZONE (from
// timezones-ical-library) and 17:00 stays 17:00 across the DST change in every calendar client.
import ical, {
  type ICalCalendar,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  type ICalAttendeeData,
  type ICalEventData,
  type ICalOrganizer,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import {
  addDays,
  addMinutesToWallClock,
  helsinkiZone,
  wallClockToInstant,
  type LocalDate,
  type LocalTime,
} from '../../lib/helsinki-time';

export type CalendarSession = {
  ordinal: number;
  localDate: string;
  startTime: string;
  endTime: string;
  seriesDate: string;
  status: 'scheduled' | 'cancelled';
};

/** What any series (a course, a training) says about itself in every VEVENT. */
export type CalendarSeries = {
  uid: string;
  /** A cancelled series' published copy marks every event cancelled. */
  cancelled: boolean;
  sequence: number;
  title: string;
  description: string;
  location: string;
};

export type CalendarCourse = CalendarSeries & {
  intervalWeeks: number;
  sessions: CalendarSession[];
};

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export type Person = { name: string; email: string };

/** A session whose end is missing or not after its start is shown as lasting this long. */
export const fallbackDurationMinutes = 150;

const methods: Record<CalendarMethod, ICalCalendarMethod> = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
};

function helsinkiVtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) ? (block[0] ?? null) : null;
}

/** ical-generator formats a luxon DateTime in the event's zone, whatever the process TZ is. */
export function wallClock(date: LocalDate, time: LocalTime): DateTime {
  return DateTime.fromJSDate(wallClockToInstant(date, time), { zone: helsinkiZone });
}

/** Where a session ends on the wall clock; an end not after the start means "unknown". */
function endOf(
  date: LocalDate,
  start: LocalTime,
  end: LocalTime,
): { date: LocalDate; time: LocalTime } {
  return end > start
    ? { date, time: end }
    : addMinutesToWallClock(date, start, fallbackDurationMinutes);
}

/** RFC 5545 TEXT may not contain control characters other than tab (line breaks are escaped). */
export function cleanText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/**
 * CN is a quoted parameter: RFC 5545 has no escape for '"' or line breaks there, and a backslash is
 * not an escape either, so those characters are replaced rather than escaped.
 */
function cleanName(name: string): string {
  return name
    .replace(/"/g, "'")
    .replace(/\\/g, '/')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
}

/** The series time: the most common start/end among sessions still on their series date. */
function seriesTimes(sessions: CalendarSession[]): { start: LocalTime; end: LocalTime } {
  const counts = new Map<string, number>();
  for (const s of sessions) {
    if (s.localDate !== s.seriesDate) continue;
    const key = `${s.startTime}-${s.endTime}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [key, count] of counts) {
    if (best === undefined || count > (counts.get(best) ?? 0)) best = key;
  }
  if (best !== undefined) {
    const [start = '', end = ''] = best.split('-');
    return { start, end };
  }
  const first = sessions[0];
  if (!first) throw new RangeError('No sessions');
  return { start: first.startTime, end: first.endTime };
}

/** Calendar weeks from one date to another; fractional when the weekday differs. */
function weeksBetween(from: LocalDate, to: LocalDate): number {
  const utc = { zone: 'utc' };
  return DateTime.fromISO(to, utc).diff(DateTime.fromISO(from, utc), 'days').days / 7;
}

/**
 * iCalendar text (CRLF line endings, folded at 75 octets) for all sessions of a course: one
 * recurring master VEVENT in Europe/Helsinki time, EXDATEs for series slots without a session or
 * with a cancelled one, and one override VEVENT (RECURRENCE-ID) per moved session.
 *
 * PUBLISH carries no personal data (no ORGANIZER/ATTENDEE). REQUEST and CANCEL carry the organizer
 * and exactly the one given attendee. CANCEL cancels the whole series: only the master is sent,
 * with STATUS:CANCELLED. A session whose end time is not after its start is shown as lasting
 * {@link fallbackDurationMinutes} minutes. Without sessions the calendar holds only the VTIMEZONE.
 */
export function buildCourseCalendar(input: {
  course: CalendarCourse;
  method: CalendarMethod;
  stamp: Date;
  /** Written on REQUEST and CANCEL only: PUBLISH carries no personal data. */
  organizer: Person;
  /** Required for REQUEST and CANCEL: the one and only ATTENDEE. Never written on PUBLISH. */
  attendee?: Person;
}): string {
  const { course, method } = input;
  if (!Number.isInteger(course.intervalWeeks) || course.intervalWeeks < 1) {
    throw new RangeError(`intervalWeeks must be a positive integer, got ${course.intervalWeeks}`);
  }
  const scheduling = method !== 'PUBLISH';
  if (scheduling && !input.attendee) {
    throw new TypeError(`METHOD:${method} needs an attendee`);
  }

  const calendar = newCalendar(method);
  const hasEvents = addCourseEvents(calendar, { ...input, scheduling });
  return finishCalendar(calendar, hasEvents);
}

/**
 * A subscription feed: the sessions of several courses in one PUBLISH calendar, without personal
 * data. Calendar apps poll it, so it always shows the current schedule.
 */
export function buildFeedCalendar(input: {
  name: string;
  courses: CalendarCourse[];
  stamp: Date;
}): string {
  const calendar = newCalendar('PUBLISH');
  calendar.name(cleanText(input.name));
  // REFRESH-INTERVAL and X-PUBLISHED-TTL: calendar apps fetch it again every hour.
  calendar.ttl(60 * 60);
  let hasEvents = false;
  for (const course of input.courses) {
    const added = addCourseEvents(calendar, {
      course,
      method: 'PUBLISH',
      stamp: input.stamp,
      scheduling: false,
    });
    hasEvents = hasEvents || added;
  }
  return finishCalendar(calendar, hasEvents);
}

/** A calendar whose events are written in Europe/Helsinki time, with its VTIMEZONE. */
export function newCalendar(method: CalendarMethod): ICalCalendar {
  const calendar = ical({
    prodId: { company: 'Kurssipolku', product: 'Kurssipolku', language: 'FI' },
    method: methods[method],
  });
  // No calendar-level zone name: with one, ical-generator would write DTSTAMP as local time
  // (and a non-standard TIMEZONE-ID). The generator still emits a VTIMEZONE for every event zone.
  calendar.timezone({ name: null, generator: helsinkiVtimezone });
  return calendar;
}

/** Adds one course's series (master, EXDATEs, overrides); false when the course has no sessions. */
function addCourseEvents(
  calendar: ICalCalendar,
  input: {
    course: CalendarCourse;
    method: CalendarMethod;
    stamp: Date;
    scheduling: boolean;
    organizer?: Person;
    attendee?: Person;
  },
): boolean {
  const { course, method, stamp, scheduling } = input;
  const sessions = [...course.sessions].sort(
    (a, b) => a.seriesDate.localeCompare(b.seriesDate) || a.ordinal - b.ordinal,
  );
  const first = sessions[0];
  const last = sessions[sessions.length - 1];

  if (first && last) {
    const series = seriesTimes(sessions);
    const bySlot = new Map<LocalDate, CalendarSession>();
    for (const s of sessions) {
      if (bySlot.has(s.seriesDate)) throw new RangeError(`Two sessions in slot ${s.seriesDate}`);
      const weeks = weeksBetween(first.seriesDate, s.seriesDate);
      if (weeks % course.intervalWeeks !== 0) {
        throw new RangeError(
          `${s.seriesDate} is not a slot of the series from ${first.seriesDate}`,
        );
      }
      bySlot.set(s.seriesDate, s);
    }
    const count = weeksBetween(first.seriesDate, last.seriesDate) / course.intervalWeeks + 1;

    const excluded: DateTime[] = [];
    for (let k = 0; k < count; k++) {
      const slot = addDays(first.seriesDate, 7 * course.intervalWeeks * k);
      const session = bySlot.get(slot);
      if (!session || session.status === 'cancelled') excluded.push(wallClock(slot, series.start));
    }

    const seriesEnd = endOf(first.seriesDate, series.start, series.end);
    const common = seriesEventData(course, method, stamp);
    if (scheduling && input.attendee && input.organizer) {
      Object.assign(common, schedulingParties(input.organizer, input.attendee));
    }

    calendar.createEvent({
      ...common,
      start: wallClock(first.seriesDate, series.start),
      end: wallClock(seriesEnd.date, seriesEnd.time),
      repeating: {
        freq: ICalEventRepeatingFreq.WEEKLY,
        interval: course.intervalWeeks,
        count,
        // Written as EXDATE;TZID=<event timezone>:… (ical-generator has no separate exclude zone).
        ...(excluded.length > 0 ? { exclude: excluded } : {}),
      },
    });

    if (method !== 'CANCEL') {
      for (const s of sessions) {
        if (s.status !== 'scheduled') continue;
        const end = endOf(s.localDate, s.startTime, s.endTime);
        const slotEnd = endOf(s.seriesDate, series.start, series.end);
        const moved =
          s.localDate !== s.seriesDate ||
          s.startTime !== series.start ||
          end.date !== slotEnd.date ||
          end.time !== slotEnd.time;
        if (!moved) continue;
        calendar.createEvent({
          ...common,
          recurrenceId: wallClock(s.seriesDate, series.start),
          start: wallClock(s.localDate, s.startTime),
          end: wallClock(end.date, end.time),
        });
      }
    }
  }

  return first !== undefined;
}

/** What every VEVENT of a series carries, in Europe/Helsinki time. */
export function seriesEventData(
  series: CalendarSeries,
  method: CalendarMethod,
  stamp: Date,
): Omit<ICalEventData, 'start'> {
  return {
    id: series.uid,
    sequence: series.sequence,
    stamp,
    timezone: helsinkiZone,
    summary: cleanText(series.title),
    description: cleanText(series.description),
    location: series.location.trim() === '' ? null : cleanText(series.location),
    status:
      method === 'CANCEL' || series.cancelled
        ? ICalEventStatus.CANCELLED
        : ICalEventStatus.CONFIRMED,
  };
}

/** REQUEST and CANCEL name the organizer and exactly one attendee, who is not asked to reply. */
export function schedulingParties(
  organizer: Person,
  attendee: Person,
): { organizer: ICalOrganizer; attendees: ICalAttendeeData[] } {
  return {
    organizer: { name: cleanName(organizer.name), email: organizer.email },
    attendees: [
      {
        name: cleanName(attendee.name),
        email: attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: false,
      },
    ],
  };
}

/** The text to send: CRLF after every line, and the VTIMEZONE even when there is no event. */
export function finishCalendar(calendar: ICalCalendar, hasEvents: boolean): string {
  // ical-generator folds by octets (never inside a UTF-8 sequence) but leaves the last line
  // without its CRLF, and emits no VTIMEZONE when there is no event.
  let text = calendar.toString();
  if (!hasEvents) {
    const vtimezone = helsinkiVtimezone(helsinkiZone);
    if (vtimezone) {
      const block = vtimezone.replace(/\r?\n/g, '\r\n').trim();
      text = text.replace(/END:VCALENDAR$/, `${block}\r\nEND:VCALENDAR`);
    }
  }
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
