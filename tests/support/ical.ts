import ICAL from 'ical.js';

/** Reads a calendar we wrote with ical.js, the way a calendar client would. */
export function readCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    status: String(vevent.getFirstPropertyValue('status') ?? ''),
    summary: String(vevent.getFirstPropertyValue('summary') ?? ''),
    organizer: vevent.getFirstPropertyValue('organizer'),
    attendees: vevent
      .getAllProperties('attendee')
      .map((attendee) => String(attendee.getFirstValue()).replace(/^mailto:/i, 'mailto:')),
    isOverride: vevent.hasProperty('recurrence-id'),
  }));
  return { method: String(calendar.getFirstPropertyValue('method') ?? ''), events, calendar };
}
