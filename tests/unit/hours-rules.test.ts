import { describe, expect, it } from 'vitest';
import {
  defaultTerm,
  instructorHours,
  type HoursInput,
  type HoursSession,
} from '../../src/features/instructors/hours-rules';
import { formatDuration } from '../../src/i18n/format';
import { addDays, wallClockToInstant } from '../../src/lib/helsinki-time';

const me = 1;
const partner = 2;
const substitute = 3;
const autumn = { startsOn: '2026-08-01', endsOn: '2026-12-31' };

/** A 17:00–19:30 Helsinki session led by the pair (me and partner) unless told. */
function session(localDate: string, overrides: Partial<HoursSession> = {}): HoursSession {
  return {
    localDate,
    startsAt: wallClockToInstant(localDate, '17:00'),
    endsAt: wallClockToInstant(localDate, '19:30'),
    status: 'scheduled',
    courseStatus: 'running',
    preparationMinutes: 60,
    recordedLeaderIds: [],
    pairIds: [me, partner],
    ...overrides,
  };
}

/** Tuesdays from 6 Oct 2026: the clocks go back on Sunday 25 Oct, between sessions 3 and 4. */
const sixTuesdays = Array.from({ length: 6 }, (_, index) =>
  session(addDays('2026-10-06', 7 * index)),
);

function hours(overrides: Partial<HoursInput> = {}) {
  return instructorHours({
    instructorId: me,
    term: autumn,
    sessions: sixTuesdays,
    trainingDays: [],
    calls: [],
    now: wallClockToInstant('2026-09-01', '09:00'),
    callMinutes: 15,
    ...overrides,
  });
}

describe('an instructor’s hours in a term', () => {
  it('plans each session led as its length plus the preparation allowance', () => {
    const result = hours();
    expect(result.planned).toBe(6 * 210);
    expect(result.done).toBe(0);
    expect(result.breakdown.sessions.planned).toEqual({ count: 6, minutes: 6 * 150 });
    expect(result.breakdown.preparation.planned).toEqual({ count: 6, minutes: 6 * 60 });
  });

  it('counts a session done once it has ended; planned still holds the whole term', () => {
    const duringThird = wallClockToInstant('2026-10-20', '18:00');
    expect(hours({ now: duringThird })).toMatchObject({ planned: 6 * 210, done: 2 * 210 });
    const afterThird = wallClockToInstant('2026-10-20', '19:30');
    expect(hours({ now: afterThird }).done).toBe(3 * 210);
  });

  it('counts a 17:00–19:30 session as 150 minutes on both sides of the change of clocks', () => {
    const dstWeek = [session('2026-10-20'), session('2026-10-27')];
    expect(dstWeek[0]!.endsAt.getTime() - dstWeek[0]!.startsAt.getTime()).toBe(150 * 60_000);
    const result = hours({ sessions: dstWeek, now: wallClockToInstant('2026-11-01', '12:00') });
    expect(result.breakdown.sessions.done).toEqual({ count: 2, minutes: 300 });
  });

  it('counts a day across the change of clocks at its real length', () => {
    // 25 Oct 2026: 04:00 summer time becomes 03:00 winter time, so 00:00–06:00 lasts 7 hours.
    const night = {
      localDate: '2026-10-25',
      startsAt: wallClockToInstant('2026-10-25', '00:00'),
      endsAt: wallClockToInstant('2026-10-25', '06:00'),
    };
    const result = hours({ sessions: [], trainingDays: [night] });
    expect(result.breakdown.training.planned).toEqual({ count: 1, minutes: 7 * 60 });
  });

  it('counts nothing for a cancelled session or a cancelled course', () => {
    const sessions = sixTuesdays.map((each, index) =>
      index === 1 ? { ...each, status: 'cancelled' as const } : each,
    );
    expect(hours({ sessions }).planned).toBe(5 * 210);
    const cancelledCourse = sixTuesdays.map((each) => ({
      ...each,
      courseStatus: 'cancelled' as const,
    }));
    expect(hours({ sessions: cancelledCourse }).planned).toBe(0);
  });

  it('gives a session to whoever was recorded as leading it, not to the pair member who did not', () => {
    const sessions = sixTuesdays.map((each, index) =>
      index === 2 ? { ...each, recordedLeaderIds: [partner, substitute] } : each,
    );
    expect(hours({ sessions }).planned).toBe(5 * 210);
    expect(hours({ sessions, instructorId: partner }).planned).toBe(6 * 210);
    expect(hours({ sessions, instructorId: substitute }).planned).toBe(210);
  });

  it('uses the program’s own preparation allowance', () => {
    const sessions = [session('2026-10-06', { preparationMinutes: 0 })];
    expect(hours({ sessions }).planned).toBe(150);
  });

  it('counts only what falls within the term', () => {
    const sessions = [session('2026-07-31'), session('2026-08-01'), session('2027-01-01')];
    expect(hours({ sessions }).breakdown.sessions.planned.count).toBe(1);
  });

  it('adds the training days attended and the calls made', () => {
    const trainingDays = ['2026-09-10', '2026-09-11'].map((localDate) => ({
      localDate,
      startsAt: wallClockToInstant(localDate, '09:00'),
      endsAt: wallClockToInstant(localDate, '15:00'),
    }));
    const calls = [
      { at: wallClockToInstant('2026-08-20', '10:00') },
      { at: wallClockToInstant('2026-08-21', '10:00') },
      // The evening of 31 Jul in Helsinki is in summer term, not this one.
      { at: wallClockToInstant('2026-07-31', '23:30') },
    ];
    const now = wallClockToInstant('2026-09-10', '16:00');
    const result = hours({ sessions: [], trainingDays, calls, now, callMinutes: 20 });
    expect(result.breakdown.training).toEqual({
      planned: { count: 2, minutes: 720 },
      done: { count: 1, minutes: 360 },
    });
    expect(result.breakdown.calls.done).toEqual({ count: 2, minutes: 40 });
    expect(result).toMatchObject({ planned: 760, done: 400 });
  });
});

describe('the term the hours open on', () => {
  const spring = { id: 1, startsOn: '2026-01-01', endsOn: '2026-05-31' };
  const autumnTerm = { id: 2, startsOn: '2026-08-01', endsOn: '2026-12-31' };
  const terms = [autumnTerm, spring];

  it('is the one containing today', () => {
    expect(defaultTerm(terms, '2026-03-10')?.id).toBe(1);
    expect(defaultTerm(terms, '2026-12-31')?.id).toBe(2);
  });

  it('is the latest when none contains today, and none without terms', () => {
    expect(defaultTerm(terms, '2026-07-01')?.id).toBe(2);
    expect(defaultTerm([], '2026-07-01')).toBeUndefined();
  });
});

describe('a length of time as people read it', () => {
  it.each([
    [750, '12 h 30 min'],
    [720, '12 h'],
    [45, '45 min'],
    [0, '0 min'],
  ])('%i minutes is "%s"', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});
