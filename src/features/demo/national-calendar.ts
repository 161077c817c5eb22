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

export function calendarCopier(organizer: Person) {
  const templates = new Map<string, string>();
  return (
    key: string,
    course: Omit<CalendarCourse, 'uid' | 'title' | 'location'>,
    method: 'REQUEST' | 'CANCEL',
    copy: CalendarCopy,
  ): string => {
    const templateKey = `${method}|${key}`;
    let template = templates.get(templateKey);
    if (template === undefined) {
      template = buildCourseCalendar({
        course: { ...course, uid: markers.uid, title: markers.title, location: markers.location },
        method,
        stamp: markers.stamp,
        organizer,
        attendee: { name: markers.attendeeName, email: markers.attendeeEmail },
      }).replace(/\r\n[ \t]/g, '');
      templates.set(templateKey, template);
    }
    const filled = template
      .replaceAll(markers.uid, escape(copy.uid, false))
      .replaceAll(markers.title, escape(copy.title, false))
      .replaceAll(markers.location, escape(copy.location, false))
      .replaceAll(markers.attendeeName, escape(copy.attendee.name, true))
      .replaceAll(markers.attendeeEmail, escape(copy.attendee.email, false))
      .replaceAll(markers.stampText, icalStamp(copy.stamp));
    return foldLines(filled.replace(/\r\n$/, '')) + '\r\n';
  };
}
