import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDaysCalendar, type CalendarDays } from '../../src/features/invites/day-calendar';
import type { CalendarMethod } from '../../src/features/invites/course-calendar';
import { parseWithOwnTimezone, seriesOccurrences } from '../support/ical';

const organizer = { name: 'Koordinaattori Kaisa', email: 'kaisa@hyvinvointialue.example' };
const attendee = { name: 'Kandidaatti Kalle', email: 'kalle@example.fi' };
const stamp = new Date('2026-09-01T08:30:00Z');

/** Three days, not consecutive, of different lengths, on both sides of the October DST change. */
function autumnTraining(overrides: Partial<CalendarDays> = {}): CalendarDays {
  return {
    uid: 'training-3@kurssipolku.example',
    sequence: 2,
    cancelled: false,
    title: 'Ohjaajakoulutus syksy 2026',
    description: 'Kolme koulutuspäivää.',
    location: 'Seinäjoen koulutustila, Koulukatu 5',
    days: [
      { localDate: '2026-10-27', startTime: '09:00', endTime: '16:00' },
      { localDate: '2026-10-20', startTime: '09:00', endTime: '16:00' },
      { localDate: '2026-11-05', startTime: '12:00', endTime: '15:30' },
    ],
    ...overrides,
  };
}

function build(training: CalendarDays, method: CalendarMethod = 'REQUEST'): string {
  return buildDaysCalendar({
    series: training,
    method,
    stamp,
    organizer,
    ...(method === 'PUBLISH' ? {} : { attendee }),
  });
}

const parse = parseWithOwnTimezone;

beforeEach(() => {
  ICAL.TimezoneService.reset();
});

describe('training calendar', () => {
  it('holds every day at its Helsinki wall-clock time, across the DST change, in time order', () => {
    expect(seriesOccurrences(build(autumnTraining()))).toEqual([
      {
        local: '2026-10-20T09:00:00–16:00 Europe/Helsinki',
        start: '2026-10-20T06:00:00.000Z',
        end: '2026-10-20T13:00:00.000Z',
      },
      {
        local: '2026-10-27T09:00:00–16:00 Europe/Helsinki',
        start: '2026-10-27T07:00:00.000Z',
        end: '2026-10-27T14:00:00.000Z',
      },
      {
        local: '2026-11-05T12:00:00–15:30 Europe/Helsinki',
        start: '2026-11-05T10:00:00.000Z',
        end: '2026-11-05T13:30:00.000Z',
      },
    ]);
  });

  it('is one UID: a master with RDATEs and an override only for the day of another length', () => {
    const events = parse(build(autumnTraining())).getAllSubcomponents('vevent');
    expect(new Set(events.map((event) => event.getFirstPropertyValue('uid')))).toEqual(
      new Set(['training-3@kurssipolku.example']),
    );
    expect(events.map((event) => event.getFirstPropertyValue('sequence'))).toEqual([2, 2]);
    const master = events.find((event) => !event.hasProperty('recurrence-id'))!;
    const rdates = master
      .getAllProperties('rdate')
      .map((property) => `${String(property.getFirstValue())} ${property.getParameter('tzid')}`);
    expect(rdates).toEqual([
      '2026-10-20T09:00:00 Europe/Helsinki',
      '2026-10-27T09:00:00 Europe/Helsinki',
      '2026-11-05T12:00:00 Europe/Helsinki',
    ]);
    const override = events.find((event) => event.hasProperty('recurrence-id'))!;
    expect(override.getFirstPropertyValue('recurrence-id')!.toString()).toBe('2026-11-05T12:00:00');
  });

  it('writes one plain event for a one-day training', () => {
    const text = build(
      autumnTraining({ days: [{ localDate: '2026-12-01', startTime: '08:30', endTime: '12:00' }] }),
    );
    expect(text).not.toContain('RDATE');
    expect(seriesOccurrences(text).map((o) => o.local)).toEqual([
      '2026-12-01T08:30:00–12:00 Europe/Helsinki',
    ]);
  });

  it('cancels the whole series with the master only, marked cancelled, to the one attendee', () => {
    const root = parse(build(autumnTraining(), 'CANCEL'));
    expect(root.getFirstPropertyValue('method')).toBe('CANCEL');
    const events = root.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(
      events[0]!
        .getAllProperties('attendee')
        .map((property) => String(property.getFirstValue()).toLowerCase()),
    ).toEqual(['mailto:kalle@example.fi']);
  });

  it('refuses a REQUEST without an attendee', () => {
    expect(() =>
      buildDaysCalendar({ series: autumnTraining(), method: 'REQUEST', stamp, organizer }),
    ).toThrow(TypeError);
  });
});
