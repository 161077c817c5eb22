import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildCourseCalendar,
  type CalendarCourse,
  type CalendarMethod,
  type CalendarSession,
} from '../../src/features/invites/course-calendar';
import { parseWithOwnTimezone } from '../support/ical';

type Component = InstanceType<typeof ICAL.Component>;

const organizer = { name: 'Koordinaattori Kaisa', email: 'kaisa@hyvinvointialue.example' };
const attendee = { name: 'Virtanen, Matti', email: 'matti.virtanen@example.fi' };
const stamp = new Date('2026-09-01T08:30:00Z');

function session(
  ordinal: number,
  seriesDate: string,
  changes: Partial<Omit<CalendarSession, 'ordinal' | 'seriesDate'>> = {},
): CalendarSession {
  return {
    ordinal,
    seriesDate,
    localDate: seriesDate,
    startTime: '17:00',
    endTime: '19:30',
    status: 'scheduled',
    ...changes,
  };
}

/** Tuesdays from 6 Oct 2026; the 13 Oct slot is skipped and the 3 Nov session moved to Thursday. */
function autumnCourse(overrides: Partial<CalendarCourse> = {}): CalendarCourse {
  return {
    uid: 'course-12@kurssipolku.example',
    cancelled: false,
    sequence: 4,
    title: 'Arkeen Voimaa · Lapua',
    description: 'Kuusi tapaamista.\nTervetuloa!',
    location: 'Lapuan kirjasto, Kauppakatu 1, 62100 Lapua',
    intervalWeeks: 1,
    sessions: [
      session(1, '2026-10-06'),
      session(2, '2026-10-20'),
      session(3, '2026-10-27'),
      session(4, '2026-11-03', { localDate: '2026-11-05', startTime: '18:00', endTime: '20:30' }),
      session(5, '2026-11-10'),
      session(6, '2026-11-17'),
    ],
    ...overrides,
  };
}

function build(course: CalendarCourse, method: CalendarMethod = 'PUBLISH'): string {
  return buildCourseCalendar({
    course,
    method,
    stamp,
    organizer,
    ...(method === 'PUBLISH' ? {} : { attendee }),
  });
}

const parse = parseWithOwnTimezone;

function vevents(root: Component): { master: Component; overrides: Component[] } {
  const all = root.getAllSubcomponents('vevent');
  const master = all.find((event) => !event.hasProperty('recurrence-id'));
  if (!master) throw new Error('no master VEVENT');
  return { master, overrides: all.filter((event) => event.hasProperty('recurrence-id')) };
}

/** Every occurrence of the series as UTC instants, in time order. */
function occurrences(text: string): { start: string; end: string }[] {
  const { master, overrides } = vevents(parse(text));
  const event = new ICAL.Event(master, { exceptions: overrides });
  const iterator = event.iterator();
  const found: { start: string; end: string }[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (found.length > 100) throw new Error('runaway recurrence');
    const details = event.getOccurrenceDetails(next);
    found.push({
      start: details.startDate.toJSDate().toISOString(),
      end: details.endDate.toJSDate().toISOString(),
    });
  }
  return found.sort((a, b) => a.start.localeCompare(b.start));
}

function unfoldedLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

/** The unfolded content lines inside VEVENT components. */
function veventLines(text: string): string[] {
  const lines: string[] = [];
  let inside = false;
  for (const line of unfoldedLines(text)) {
    if (line === 'BEGIN:VEVENT') inside = true;
    else if (line === 'END:VEVENT') inside = false;
    else if (inside) lines.push(line);
  }
  return lines;
}

function exdates(master: Component): string[] {
  return master
    .getAllProperties('exdate')
    .flatMap((property) => property.getValues())
    .map((time: InstanceType<typeof ICAL.Time>) => `${time.toString()} ${time.zone?.tzid}`);
}

beforeEach(() => {
  ICAL.TimezoneService.reset();
});

describe('course calendar recurrence', () => {
  it('expands an autumn course to exactly its sessions, across the October DST change', () => {
    expect(occurrences(build(autumnCourse()))).toEqual([
      { start: '2026-10-06T14:00:00.000Z', end: '2026-10-06T16:30:00.000Z' },
      { start: '2026-10-20T14:00:00.000Z', end: '2026-10-20T16:30:00.000Z' },
      { start: '2026-10-27T15:00:00.000Z', end: '2026-10-27T17:30:00.000Z' },
      { start: '2026-11-05T16:00:00.000Z', end: '2026-11-05T18:30:00.000Z' },
      { start: '2026-11-10T15:00:00.000Z', end: '2026-11-10T17:30:00.000Z' },
      { start: '2026-11-17T15:00:00.000Z', end: '2026-11-17T17:30:00.000Z' },
    ]);
  });

  it('writes a weekly rule over all seven slots, excludes the skipped slot and overrides the moved one', () => {
    const text = build(autumnCourse());
    const { master, overrides } = vevents(parse(text));

    const rule = master.getFirstPropertyValue('rrule') as InstanceType<typeof ICAL.Recur>;
    expect([rule.freq, rule.interval, rule.count]).toEqual(['WEEKLY', 1, 7]);
    expect(exdates(master)).toEqual(['2026-10-13T17:00:00 Europe/Helsinki']);

    expect(overrides).toHaveLength(1);
    const moved = overrides[0]!;
    expect(String(moved.getFirstPropertyValue('recurrence-id'))).toBe('2026-11-03T17:00:00');
    expect(veventLines(text)).toContain('RECURRENCE-ID;TZID=Europe/Helsinki:20261103T170000');
    expect(veventLines(text)).toContain('DTSTART;TZID=Europe/Helsinki:20261105T180000');
    expect(veventLines(text)).toContain('DTEND;TZID=Europe/Helsinki:20261105T203000');
  });

  it('keeps a spring course at 17:00 Helsinki time across the March DST change', () => {
    const course = autumnCourse({
      sessions: [
        session(1, '2027-03-11'),
        session(2, '2027-03-18'),
        session(3, '2027-03-25'),
        session(4, '2027-04-01'),
        session(5, '2027-04-08'),
        session(6, '2027-04-15'),
      ],
    });
    expect(occurrences(build(course)).map((o) => o.start)).toEqual([
      '2027-03-11T15:00:00.000Z',
      '2027-03-18T15:00:00.000Z',
      '2027-03-25T15:00:00.000Z',
      '2027-04-01T14:00:00.000Z',
      '2027-04-08T14:00:00.000Z',
      '2027-04-15T14:00:00.000Z',
    ]);
  });

  it('turns a cancelled session into an EXDATE and leaves it out of the occurrences', () => {
    const base = autumnCourse();
    const course = autumnCourse({
      sessions: base.sessions.map((s) =>
        s.seriesDate === '2026-10-20' ? { ...s, status: 'cancelled' as const } : s,
      ),
    });
    const text = build(course);

    expect(exdates(vevents(parse(text)).master)).toEqual([
      '2026-10-13T17:00:00 Europe/Helsinki',
      '2026-10-20T17:00:00 Europe/Helsinki',
    ]);
    expect(occurrences(text).map((o) => o.start)).toEqual([
      '2026-10-06T14:00:00.000Z',
      '2026-10-27T15:00:00.000Z',
      '2026-11-05T16:00:00.000Z',
      '2026-11-10T15:00:00.000Z',
      '2026-11-17T15:00:00.000Z',
    ]);
  });

  it('repeats a fortnightly course every other week', () => {
    const course = autumnCourse({
      intervalWeeks: 2,
      sessions: [session(1, '2026-10-06'), session(2, '2026-10-20'), session(3, '2026-11-17')],
    });
    const text = build(course);
    const rule = vevents(parse(text)).master.getFirstPropertyValue('rrule') as InstanceType<
      typeof ICAL.Recur
    >;

    expect([rule.interval, rule.count]).toEqual([2, 4]);
    expect(occurrences(text).map((o) => o.start)).toEqual([
      '2026-10-06T14:00:00.000Z',
      '2026-10-20T14:00:00.000Z',
      '2026-11-17T15:00:00.000Z',
    ]);
  });

  it('overrides a session that keeps its date but changes its time', () => {
    const course = autumnCourse({
      sessions: [
        session(1, '2026-10-06'),
        session(2, '2026-10-13', { startTime: '16:00', endTime: '18:30' }),
        session(3, '2026-10-20'),
      ],
    });
    expect(occurrences(build(course)).map((o) => o.start)).toEqual([
      '2026-10-06T14:00:00.000Z',
      '2026-10-13T13:00:00.000Z',
      '2026-10-20T14:00:00.000Z',
    ]);
  });

  it('gives a session whose end is not after its start a length of 150 minutes', () => {
    const course = autumnCourse({
      sessions: [session(1, '2026-10-06', { endTime: '17:00' }), session(2, '2026-10-13')],
    });
    expect(occurrences(build(course))).toEqual([
      { start: '2026-10-06T14:00:00.000Z', end: '2026-10-06T16:30:00.000Z' },
      { start: '2026-10-13T14:00:00.000Z', end: '2026-10-13T16:30:00.000Z' },
    ]);
  });
});

describe('course calendar scheduling fields', () => {
  it('uses the course uid and sequence on the master and on every override', () => {
    const all = parse(build(autumnCourse(), 'REQUEST')).getAllSubcomponents('vevent');

    expect(all).toHaveLength(2);
    for (const event of all) {
      expect(event.getFirstPropertyValue('uid')).toBe('course-12@kurssipolku.example');
      expect(event.getFirstPropertyValue('sequence')).toBe(4);
      expect(event.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-09-01T08:30:00Z');
    }
  });

  it('writes the requested METHOD on the calendar', () => {
    for (const method of ['PUBLISH', 'REQUEST', 'CANCEL'] as const) {
      expect(parse(build(autumnCourse(), method)).getFirstPropertyValue('method')).toBe(method);
    }
  });

  it('addresses a REQUEST to exactly the one attendee, from the organizer', () => {
    const root = parse(build(autumnCourse(), 'REQUEST'));

    for (const event of root.getAllSubcomponents('vevent')) {
      const attendees = event.getAllProperties('attendee');
      expect(attendees).toHaveLength(1);
      const only = attendees[0]!;
      expect(String(only.getFirstValue()).toLowerCase()).toBe('mailto:matti.virtanen@example.fi');
      expect(only.getParameter('cn')).toBe('Virtanen, Matti');
      expect(only.getParameter('role')).toBe('REQ-PARTICIPANT');
      expect(only.getParameter('partstat')).toBe('NEEDS-ACTION');
      expect(only.getParameter('rsvp')).toBe('FALSE');

      const organizers = event.getAllProperties('organizer');
      expect(organizers).toHaveLength(1);
      expect(String(organizers[0]!.getFirstValue()).toLowerCase()).toBe(
        'mailto:kaisa@hyvinvointialue.example',
      );
      expect(organizers[0]!.getParameter('cn')).toBe('Koordinaattori Kaisa');
      expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    }
  });

  it('puts no ORGANIZER, ATTENDEE or e-mail address in a PUBLISH calendar', () => {
    const text = build(autumnCourse(), 'PUBLISH');

    expect(veventLines(text).filter((l) => /^(ORGANIZER|ATTENDEE)[;:]/.test(l))).toEqual([]);
    expect(text).not.toContain('kaisa@hyvinvointialue.example');
    expect(text).not.toContain('matti.virtanen@example.fi');
    expect(text).not.toContain('Koordinaattori');
  });

  it('cancels the whole series with METHOD:CANCEL and a cancelled master', () => {
    const root = parse(build(autumnCourse({ sequence: 5 }), 'CANCEL'));
    const all = root.getAllSubcomponents('vevent');

    expect(root.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(all).toHaveLength(1);
    const master = all[0]!;
    expect(master.hasProperty('recurrence-id')).toBe(false);
    expect(master.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(master.getFirstPropertyValue('uid')).toBe('course-12@kurssipolku.example');
    expect(master.getFirstPropertyValue('sequence')).toBe(5);
    expect(master.getAllProperties('attendee')).toHaveLength(1);
  });

  it('refuses a REQUEST or CANCEL without an attendee', () => {
    const course = autumnCourse();
    for (const method of ['REQUEST', 'CANCEL'] as const) {
      expect(() => buildCourseCalendar({ course, method, stamp, organizer })).toThrow(/attendee/);
    }
  });
});

describe('course calendar time zone', () => {
  it('carries a Europe/Helsinki VTIMEZONE with standard and daylight parts', () => {
    const vtimezones = parse(build(autumnCourse())).getAllSubcomponents('vtimezone');

    expect(vtimezones).toHaveLength(1);
    const zone = vtimezones[0]!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Helsinki');
    expect(zone.getAllSubcomponents('standard')).toHaveLength(1);
    expect(zone.getAllSubcomponents('daylight')).toHaveLength(1);
  });

  it('writes every event date-time as Helsinki wall-clock time with a TZID', () => {
    const text = build(autumnCourse(), 'REQUEST');
    const dated = veventLines(text).filter((l) =>
      /^(DTSTART|DTEND|RECURRENCE-ID|EXDATE)[;:]/.test(l),
    );

    expect(dated).toEqual([
      'DTSTART;TZID=Europe/Helsinki:20261006T170000',
      'DTEND;TZID=Europe/Helsinki:20261006T193000',
      'EXDATE;TZID=Europe/Helsinki:20261013T170000',
      'DTSTART;TZID=Europe/Helsinki:20261105T180000',
      'DTEND;TZID=Europe/Helsinki:20261105T203000',
      'RECURRENCE-ID;TZID=Europe/Helsinki:20261103T170000',
    ]);
    expect(veventLines(text)).toContain('DTSTAMP:20260901T083000Z');
  });
});

describe('course calendar text encoding', () => {
  it('escapes ; , \\ and line breaks so ical.js reads the same strings back', () => {
    const course = autumnCourse({
      title: 'Ryhmä; A, B \\ C',
      description: 'Ensimmäinen rivi\nToinen rivi; pilkku, kenoviiva \\',
      location: 'Sali 2; Kauppakatu 1, Lapua',
    });
    const text = build(course);
    const { master } = vevents(parse(text));

    expect(veventLines(text)).toContain('SUMMARY:Ryhmä\\; A\\, B \\\\ C');
    expect(master.getFirstPropertyValue('summary')).toBe('Ryhmä; A, B \\ C');
    expect(master.getFirstPropertyValue('description')).toBe(
      'Ensimmäinen rivi\nToinen rivi; pilkku, kenoviiva \\',
    );
    expect(master.getFirstPropertyValue('location')).toBe('Sali 2; Kauppakatu 1, Lapua');
  });

  it('folds at 75 octets with CRLF and never inside a UTF-8 character', () => {
    const description =
      'Kävelemme yhdessä pääkaupunkiseudun ulkopuolella; säästä riippumatta, äänekkäästi. 🌲\n'.repeat(
        12,
      ) + 'ä'.repeat(200);
    const text = build(autumnCourse({ description }), 'REQUEST');
    const bytes = Buffer.from(text, 'utf8');

    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const physicalLines: Buffer[] = [];
    let from = 0;
    for (let at = bytes.indexOf('\r\n', from); at !== -1; at = bytes.indexOf('\r\n', from)) {
      physicalLines.push(bytes.subarray(from, at));
      from = at + 2;
    }
    expect(from).toBe(bytes.length);
    expect(physicalLines.some((line) => line[0] === 0x20)).toBe(true);
    for (const line of physicalLines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(new TextDecoder('utf-8').decode(line)).not.toContain('\uFFFD');
    }

    expect(vevents(parse(text)).master.getFirstPropertyValue('description')).toBe(description);
  });

  it('breaks a line of two-byte letters after 74 octets', () => {
    const text = build(autumnCourse({ description: 'ä'.repeat(40) }));
    const lines = text.split('\r\n');
    const at = lines.findIndex((l) => l.startsWith('DESCRIPTION:'));

    // 'DESCRIPTION:' is 12 octets, so 31 × 'ä' (62 octets) fit; the 9 left continue the line.
    expect(lines[at]).toBe(`DESCRIPTION:${'ä'.repeat(31)}`);
    expect(lines[at + 1]).toBe(` ${'ä'.repeat(9)}`);
  });
});

describe('course calendar edge cases', () => {
  it('gives a course without sessions a valid calendar with no VEVENT', () => {
    const text = build(autumnCourse({ sessions: [] }));
    const root = parse(text);

    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(root.getAllSubcomponents('vevent')).toEqual([]);
    expect(root.getAllSubcomponents('vtimezone')).toHaveLength(1);
  });

  it('writes no LOCATION for a course without a venue', () => {
    const text = build(autumnCourse({ location: '' }));

    expect(veventLines(text).filter((l) => /^LOCATION[;:]/.test(l))).toEqual([]);
    expect(vevents(parse(text)).master.hasProperty('location')).toBe(false);
  });
});
