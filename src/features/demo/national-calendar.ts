import { escape, foldLines } from 'ical-generator';
import { buildCourseCalendar, type CalendarCourse, type Person } from '../invites/course-calendar';

/**
 * `buildCourseCalendar` takes about 2 ms, too slow for a hundred thousand invitations. Courses with
 * the same sessions differ only in their UID, title, place, attendee and stamp, so the calendar is
 * built once per schedule with markers in those places, and each message gets a copy with the
 * markers replaced, escaped and folded by ical-generator's own `escape` and `foldLines`. A test
 * compares the copies with `buildCourseCalendar` itself.
 */
const markers = {
  uid: 'zzuidzz@markers.invalid',
  title: 'ZZTITLEZZ',
  location: 'ZZLOCATIONZZ',
  attendeeName: 'ZZATTENDEEZZ',
  attendeeEmail: 'zzattendeezz@markers.invalid',
  stamp: new Date('2000-01-01T00:00:00Z'),
  stampText: '20000101T000000Z',
};

export type CalendarCopy = {
  uid: string;
  title: string;
  location: string;
  attendee: Person;
  stamp: Date;
};

function icalStamp(instant: Date): string {
  return `${instant.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

const markerTexts = [
  markers.uid,
  markers.title,
  markers.location,
  markers.attendeeName,
  markers.attendeeEmail,
  markers.stampText,
];

/** ical-generator folds by measuring every character: only lines over 75 octets are given to it. */
function fold(line: string): string {
  return Buffer.byteLength(line) > 75 ? foldLines(line) : line;
}

export function calendarCopier(organizer: Person) {
  // Per schedule: the lines, those without a marker already folded.
  const templates = new Map<string, { line: string; marked: boolean }[]>();
  return (
    key: string,
    course: Omit<CalendarCourse, 'uid' | 'title' | 'location'>,
    method: 'REQUEST' | 'CANCEL',
    copy: CalendarCopy,
  ): string => {
    // Without a place the builder writes no LOCATION line, so the markers would not line up.
    if (copy.location.trim() === '') throw new Error('A calendar copy needs a place');
    const templateKey = `${method}|${key}`;
    let template = templates.get(templateKey);
    if (template === undefined) {
      template = buildCourseCalendar({
        course: { ...course, uid: markers.uid, title: markers.title, location: markers.location },
        method,
        stamp: markers.stamp,
        organizer,
        attendee: { name: markers.attendeeName, email: markers.attendeeEmail },
      })
        .replace(/\r\n[ \t]/g, '')
        .replace(/\r\n$/, '')
        .split('\r\n')
        .map((line) => {
          const marked = markerTexts.some((marker) => line.includes(marker));
          return { line: marked ? line : fold(line), marked };
        });
      templates.set(templateKey, template);
    }
    const lines = template.map(({ line, marked }) =>
      marked
        ? fold(
            line
              .replace(markers.uid, escape(copy.uid, false))
              .replace(markers.title, escape(copy.title, false))
              .replace(markers.location, escape(copy.location, false))
              .replace(markers.attendeeName, escape(copy.attendee.name, true))
              .replace(markers.attendeeEmail, escape(copy.attendee.email, false))
              .replace(markers.stampText, icalStamp(copy.stamp)),
          )
        : line,
    );
    return `${lines.join('\r\n')}\r\n`;
  };
}
