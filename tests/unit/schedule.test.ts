import { describe, expect, it } from 'vitest';
import { dayOffOn, finnishHolidaysBetween } from '../../src/features/courses/holidays';
import { generateSessions, type SessionPlan } from '../../src/features/courses/schedule';

const sixWeekly: SessionPlan = { sessionCount: 6, sessionMinutes: 150, intervalWeeks: 1 };
const autumnBreak = { name: 'Syysloma', startsOn: '2026-10-12', endsOn: '2026-10-18' };

function datesOf(sessions: { localDate: string }[]): string[] {
  return sessions.map((session) => session.localDate);
}

describe('generating weekly sessions', () => {
  it('keeps a Tuesday 17:00–19:30 course at 17:00 local across the October DST change', () => {
    const { sessions, moved } = generateSessions({
      firstDate: '2026-10-06',
      startTime: '17:00',
      plan: sixWeekly,
      blockedPeriods: [],
    });

    expect(moved).toEqual([]);
    expect(
      sessions.map(({ ordinal, localDate, startTime, endTime, startsAt, endsAt }) => ({
        ordinal,
        localDate,
        startTime,
        endTime,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      })),
    ).toEqual([
      {
        ordinal: 1,
        localDate: '2026-10-06',
        startTime: '17:00',
        endTime: '19:30',
        startsAt: '2026-10-06T14:00:00.000Z',
        endsAt: '2026-10-06T16:30:00.000Z',
      },
      {
        ordinal: 2,
        localDate: '2026-10-13',
        startTime: '17:00',
        endTime: '19:30',
        startsAt: '2026-10-13T14:00:00.000Z',
        endsAt: '2026-10-13T16:30:00.000Z',
      },
      {
        ordinal: 3,
        localDate: '2026-10-20',
        startTime: '17:00',
        endTime: '19:30',
        startsAt: '2026-10-20T14:00:00.000Z',
        endsAt: '2026-10-20T16:30:00.000Z',
      },
      {
        ordinal: 4,
        localDate: '2026-10-27',
        startTime: '17:00',
        endTime: '19:30',
        startsAt: '2026-10-27T15:00:00.000Z',
        endsAt: '2026-10-27T17:30:00.000Z',
      },
      {
        ordinal: 5,
        localDate: '2026-11-03',
        startTime: '17:00',
        endTime: '19:30',
        startsAt: '2026-11-03T15:00:00.000Z',
        endsAt: '2026-11-03T17:30:00.000Z',
      },
      {
        ordinal: 6,
        localDate: '2026-11-10',
        startTime: '17:00',
        endTime: '19:30',
        startsAt: '2026-11-10T15:00:00.000Z',
        endsAt: '2026-11-10T17:30:00.000Z',
      },
    ]);
  });

  it('keeps a Thursday course at 17:00 local across the spring DST change', () => {
    const { sessions, moved } = generateSessions({
      firstDate: '2027-03-11',
      startTime: '17:00',
      plan: sixWeekly,
      blockedPeriods: [],
    });

    expect(moved).toEqual([]);
    expect(datesOf(sessions)).toEqual([
      '2027-03-11',
      '2027-03-18',
      '2027-03-25',
      '2027-04-01',
      '2027-04-08',
      '2027-04-15',
    ]);
    expect(sessions.every((s) => s.startTime === '17:00' && s.endTime === '19:30')).toBe(true);
    expect(sessions.map((session) => session.startsAt.toISOString())).toEqual([
      '2027-03-11T15:00:00.000Z',
      '2027-03-18T15:00:00.000Z',
      '2027-03-25T15:00:00.000Z',
      '2027-04-01T14:00:00.000Z',
      '2027-04-08T14:00:00.000Z',
      '2027-04-15T14:00:00.000Z',
    ]);
  });

  it('places fortnightly sessions 14 days apart', () => {
    const { sessions } = generateSessions({
      firstDate: '2026-09-01',
      startTime: '10:00',
      plan: { sessionCount: 4, sessionMinutes: 90, intervalWeeks: 2 },
      blockedPeriods: [],
    });

    expect(datesOf(sessions)).toEqual(['2026-09-01', '2026-09-15', '2026-09-29', '2026-10-13']);
    expect(sessions.map((session) => session.endTime)).toEqual([
      '11:30',
      '11:30',
      '11:30',
      '11:30',
    ]);
  });

  it('lets a late session end after midnight at the right instant', () => {
    const { sessions } = generateSessions({
      firstDate: '2026-10-06',
      startTime: '22:30',
      plan: { sessionCount: 1, sessionMinutes: 150, intervalWeeks: 1 },
      blockedPeriods: [],
    });

    expect(sessions).toEqual([
      {
        ordinal: 1,
        localDate: '2026-10-06',
        startTime: '22:30',
        endTime: '01:00',
        startsAt: new Date('2026-10-06T19:30:00.000Z'),
        endsAt: new Date('2026-10-06T22:00:00.000Z'),
      },
    ]);
  });
});

describe('skipping days off', () => {
  it('moves a Saturday session off pyhäinpäivä and ends the course a week later', () => {
    const { sessions, moved } = generateSessions({
      firstDate: '2026-10-10',
      startTime: '10:00',
      plan: sixWeekly,
      blockedPeriods: [],
    });

    expect(datesOf(sessions)).toEqual([
      '2026-10-10',
      '2026-10-17',
      '2026-10-24',
      '2026-11-07',
      '2026-11-14',
      '2026-11-21',
    ]);
    expect(sessions.map((session) => session.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(moved).toEqual([
      {
        from: '2026-10-31',
        to: '2026-11-07',
        reason: { date: '2026-10-31', name: 'pyhäinpäivä', kind: 'holiday' },
      },
    ]);
  });

  it('moves a Friday session off pitkäperjantai', () => {
    const { sessions, moved } = generateSessions({
      firstDate: '2026-02-27',
      startTime: '17:00',
      plan: sixWeekly,
      blockedPeriods: [],
    });

    expect(datesOf(sessions)).toEqual([
      '2026-02-27',
      '2026-03-06',
      '2026-03-13',
      '2026-03-20',
      '2026-03-27',
      '2026-04-10',
    ]);
    expect(moved).toEqual([
      {
        from: '2026-04-03',
        to: '2026-04-10',
        reason: { date: '2026-04-03', name: 'pitkäperjantai', kind: 'holiday' },
      },
    ]);
  });

  it('reports both Christmas Eve and New Year’s Eve when a Thursday course hits them in a row', () => {
    const { sessions, moved } = generateSessions({
      firstDate: '2026-12-03',
      startTime: '17:00',
      plan: sixWeekly,
      blockedPeriods: [],
    });

    expect(datesOf(sessions)).toEqual([
      '2026-12-03',
      '2026-12-10',
      '2026-12-17',
      '2027-01-07',
      '2027-01-14',
      '2027-01-21',
    ]);
    expect(moved).toEqual([
      {
        from: '2026-12-24',
        to: '2027-01-07',
        reason: { date: '2026-12-24', name: 'jouluaatto', kind: 'holiday' },
      },
      {
        from: '2026-12-31',
        to: '2027-01-07',
        reason: { date: '2026-12-31', name: 'Uudenvuodenaatto', kind: 'holiday' },
      },
    ]);
  });

  it('pushes the session in the autumn break week to the following week', () => {
    const { sessions, moved } = generateSessions({
      firstDate: '2026-10-06',
      startTime: '17:00',
      plan: sixWeekly,
      blockedPeriods: [autumnBreak],
    });

    expect(datesOf(sessions)).toEqual([
      '2026-10-06',
      '2026-10-20',
      '2026-10-27',
      '2026-11-03',
      '2026-11-10',
      '2026-11-17',
    ]);
    expect(moved).toEqual([
      {
        from: '2026-10-13',
        to: '2026-10-20',
        reason: { date: '2026-10-13', name: 'Syysloma', kind: 'blocked' },
      },
    ]);
  });

  it('reports every week of a two-week blocked period, each moved to the first free week', () => {
    const { sessions, moved } = generateSessions({
      firstDate: '2026-10-06',
      startTime: '17:00',
      plan: { sessionCount: 3, sessionMinutes: 150, intervalWeeks: 1 },
      blockedPeriods: [{ name: 'Remontti', startsOn: '2026-10-12', endsOn: '2026-10-25' }],
    });

    expect(datesOf(sessions)).toEqual(['2026-10-06', '2026-10-27', '2026-11-03']);
    expect(moved).toEqual([
      {
        from: '2026-10-13',
        to: '2026-10-27',
        reason: { date: '2026-10-13', name: 'Remontti', kind: 'blocked' },
      },
      {
        from: '2026-10-20',
        to: '2026-10-27',
        reason: { date: '2026-10-20', name: 'Remontti', kind: 'blocked' },
      },
    ]);
  });

  it('moves the very first session when the first date is a day off', () => {
    const { sessions, moved } = generateSessions({
      firstDate: '2026-10-13',
      startTime: '17:00',
      plan: { sessionCount: 2, sessionMinutes: 150, intervalWeeks: 1 },
      blockedPeriods: [autumnBreak],
    });

    expect(sessions.map(({ ordinal, localDate }) => ({ ordinal, localDate }))).toEqual([
      { ordinal: 1, localDate: '2026-10-20' },
      { ordinal: 2, localDate: '2026-10-27' },
    ]);
    expect(moved.map(({ from, to }) => ({ from, to }))).toEqual([
      { from: '2026-10-13', to: '2026-10-20' },
    ]);
  });

  it('gives up with a clear error when days off never end', () => {
    expect(() =>
      generateSessions({
        firstDate: '2026-10-06',
        startTime: '17:00',
        plan: sixWeekly,
        blockedPeriods: [{ name: 'Suljettu', startsOn: '2026-01-01', endsOn: '2030-12-31' }],
      }),
    ).toThrow('Could not fit 6 sessions from 2026-10-06 within 58 candidate dates');
  });
});

describe('rejecting unusable plans', () => {
  it('refuses a plan without sessions, a fractional interval or a day-long session', () => {
    const base = { firstDate: '2026-10-06', startTime: '17:00', blockedPeriods: [] };
    expect(() => generateSessions({ ...base, plan: { ...sixWeekly, sessionCount: 0 } })).toThrow(
      /sessionCount/,
    );
    expect(() => generateSessions({ ...base, plan: { ...sixWeekly, intervalWeeks: 1.5 } })).toThrow(
      /intervalWeeks/,
    );
    expect(() =>
      generateSessions({ ...base, plan: { ...sixWeekly, sessionMinutes: 1440 } }),
    ).toThrow(/sessionMinutes/);
  });

  it('refuses a malformed first date or start time', () => {
    expect(() =>
      generateSessions({
        firstDate: '6.10.2026',
        startTime: '17:00',
        plan: sixWeekly,
        blockedPeriods: [],
      }),
    ).toThrow(/YYYY-MM-DD/);
    expect(() =>
      generateSessions({
        firstDate: '2026-10-06',
        startTime: '17.00',
        plan: sixWeekly,
        blockedPeriods: [],
      }),
    ).toThrow(/HH:MM/);
  });
});

describe('Finnish days off', () => {
  it('lists public holidays and holiday eves but not observances like isänpäivä', () => {
    expect(finnishHolidaysBetween('2026-10-01', '2026-12-31')).toEqual([
      { date: '2026-10-31', name: 'pyhäinpäivä', kind: 'holiday' },
      { date: '2026-12-06', name: 'itsenäisyyspäivä', kind: 'holiday' },
      { date: '2026-12-24', name: 'jouluaatto', kind: 'holiday' },
      { date: '2026-12-25', name: 'joulupäivä', kind: 'holiday' },
      { date: '2026-12-26', name: 'tapaninpäivä', kind: 'holiday' },
      { date: '2026-12-31', name: 'Uudenvuodenaatto', kind: 'holiday' },
    ]);
  });

  it('includes juhannusaatto and spans a year boundary', () => {
    expect(finnishHolidaysBetween('2026-06-19', '2026-06-19')).toEqual([
      { date: '2026-06-19', name: 'juhannusaatto', kind: 'holiday' },
    ]);
    expect(finnishHolidaysBetween('2026-12-31', '2027-01-06')).toEqual([
      { date: '2026-12-31', name: 'Uudenvuodenaatto', kind: 'holiday' },
      { date: '2027-01-01', name: 'uudenvuodenpäivä', kind: 'holiday' },
      { date: '2027-01-06', name: 'loppiainen', kind: 'holiday' },
    ]);
  });

  it('names the holiday before a blocked period covering the same date', () => {
    const christmasBreak = { name: 'Joululoma', startsOn: '2026-12-21', endsOn: '2027-01-06' };
    expect(dayOffOn('2026-12-24', [christmasBreak])).toEqual({
      date: '2026-12-24',
      name: 'jouluaatto',
      kind: 'holiday',
    });
    expect(dayOffOn('2026-12-22', [christmasBreak])).toEqual({
      date: '2026-12-22',
      name: 'Joululoma',
      kind: 'blocked',
    });
  });

  it('counts both ends of a blocked period and nothing outside it', () => {
    expect(dayOffOn('2026-10-12', [autumnBreak])?.name).toBe('Syysloma');
    expect(dayOffOn('2026-10-18', [autumnBreak])?.name).toBe('Syysloma');
    expect(dayOffOn('2026-10-11', [autumnBreak])).toBeNull();
    expect(dayOffOn('2026-10-19', [autumnBreak])).toBeNull();
  });
});
