// A training (or a steering meeting, a series of one day) is ONE series with ONE UID (its
// calendarUid), sent in one message per person. Its days are irregular, so the series is written as a master VEVENT on the first day
// plus one RDATE (TZID=Europe/Helsinki, the day's own start time) per further day, not as one
// invitation per day: a removed day then simply disappears from the next REQUEST (a higher
// SEQUENCE replaces the whole series), and CANCEL of the one UID removes every day at once, with
// no per-day UIDs to remember and cancel. RDATE only carries a start; every occurrence lasts as
// long as the master, so a day whose length differs from the first day's also gets an override
// VEVENT (same UID, RECURRENCE-ID = its RDATE) with its own DTSTART and DTEND. All times are
// Helsinki wall-clock with the VTIMEZONE, so 09:00 stays 09:00 across the DST change.
import {
  helsinkiZone,
  wallClockToInstant,
  type LocalDate,
  type LocalTime,
} from '../../lib/helsinki-time';
import {
  finishCalendar,
  newCalendar,
  schedulingParties,
  seriesEventData,
  wallClock,
  type CalendarMethod,
  type CalendarSeries,
  type Person,
} from './course-calendar';

export type CalendarDay = {
  localDate: LocalDate;
  startTime: LocalTime;
  endTime: LocalTime;
};

export type CalendarDays = CalendarSeries & { days: CalendarDay[] };

/** 2026-10-27 + 09:00 → 20261027T090000, the local form that goes with TZID. */
function localDateTimeText(date: LocalDate, time: LocalTime): string {
  return `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
}

function lengthInMinutes(day: CalendarDay): number {
  const start = wallClockToInstant(day.localDate, day.startTime).getTime();
  return (wallClockToInstant(day.localDate, day.endTime).getTime() - start) / 60_000;
}

/** The days in time order; the invitation series (see the comment at the top). */
export function sortedDays(days: readonly CalendarDay[]): CalendarDay[] {
  return [...days].sort(
    (a, b) => a.localDate.localeCompare(b.localDate) || a.startTime.localeCompare(b.startTime),
  );
}

/**
 * iCalendar text for days of one series: REQUEST and CANCEL carry the organizer and the one
 * attendee; CANCEL sends only the master, marked cancelled, which removes the whole series. A series
 * without days gives a calendar with only the VTIMEZONE.
 */
export function buildDaysCalendar(input: {
  series: CalendarDays;
  method: CalendarMethod;
  stamp: Date;
  organizer: Person;
  attendee?: Person;
}): string {
  const { series, method } = input;
  if (method !== 'PUBLISH' && !input.attendee) {
    throw new TypeError(`METHOD:${method} needs an attendee`);
  }
  const calendar = newCalendar(method);
  const [first, ...others] = sortedDays(series.days);
  if (first) {
    const common = {
      ...seriesEventData(series, method, input.stamp),
      ...(method !== 'PUBLISH' && input.attendee
        ? schedulingParties(input.organizer, input.attendee)
        : {}),
    };
    // DTSTART's day is listed too: RFC 5545 counts a duplicate once, and ical.js (like some
    // clients) leaves DTSTART out of a series that has RDATEs but no RRULE.
    const rdates = [first, ...others].map(
      (day) => `RDATE;TZID=${helsinkiZone}:${localDateTimeText(day.localDate, day.startTime)}`,
    );
    calendar.createEvent({
      ...common,
      start: wallClock(first.localDate, first.startTime),
      end: wallClock(first.localDate, first.endTime),
      // A string with line breaks is written as it is (ical-generator has no RDATE option).
      ...(others.length > 0 ? { repeating: `${rdates.join('\r\n')}\r\n` } : {}),
    });
    if (method !== 'CANCEL') {
      for (const day of others) {
        if (lengthInMinutes(day) === lengthInMinutes(first)) continue;
        calendar.createEvent({
          ...common,
          recurrenceId: wallClock(day.localDate, day.startTime),
          start: wallClock(day.localDate, day.startTime),
          end: wallClock(day.localDate, day.endTime),
        });
      }
    }
  }
  return finishCalendar(calendar, first !== undefined);
}
