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

/** Parses with ical.js and registers the calendar's own VTIMEZONE (no other zone is known). */
export function parseWithOwnTimezone(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const vtimezone = root.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  return root;
}

/**
 * Every occurrence of a calendar's one series (master, RRULE/RDATE, overrides), read with only the
 * calendar's own VTIMEZONE known, as a client would: as wall-clock text
 * ("2026-10-20T09:00:00–16:00 Europe/Helsinki") and as UTC instants.
 */
export function seriesOccurrences(text: string): { local: string; start: string; end: string }[] {
  ICAL.TimezoneService.reset();
  const all = parseWithOwnTimezone(text).getAllSubcomponents('vevent');
  const master = all.find((event) => !event.hasProperty('recurrence-id'));
  if (!master) throw new Error('no master VEVENT');
  const event = new ICAL.Event(master, {
    exceptions: all.filter((vevent) => vevent.hasProperty('recurrence-id')),
  });
  const found: { local: string; start: string; end: string }[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (found.length > 100) throw new Error('runaway recurrence');
    const { startDate, endDate } = event.getOccurrenceDetails(next);
    found.push({
      local: `${startDate.toString()}–${endDate.toString().slice(11, 16)} ${startDate.zone?.tzid}`,
      start: startDate.toJSDate().toISOString(),
      end: endDate.toJSDate().toISOString(),
    });
  }
  return found;
}

export function wallClockOccurrences(text: string): string[] {
  return seriesOccurrences(text).map((occurrence) => occurrence.local);
}
