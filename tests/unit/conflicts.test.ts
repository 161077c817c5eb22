import { describe, expect, it } from 'vitest';
import { findConflicts, type ScheduledSession } from '../../src/features/courses/conflicts';

const venueKirjasto = 10;
const venueNuorisotalo = 11;
const venueTeams = 20;
const instructorAino = 1;
const instructorBirgitta = 2;
const instructorCarl = 3;

/** Tuesday 2026-10-06, 17:00–19:30 Helsinki summer time. */
function tuesdayEveningSession(overrides: Partial<ScheduledSession> = {}): ScheduledSession {
  return {
    sessionId: 100,
    courseId: 1,
    courseName: 'Arkeen Voimaa, Kallio',
    localDate: '2026-10-06',
    startsAt: new Date('2026-10-06T14:00:00Z'),
    endsAt: new Date('2026-10-06T16:30:00Z'),
    venueId: venueKirjasto,
    venueIsOnline: false,
    instructorIds: [instructorAino],
    ...overrides,
  };
}

function otherCourseSession(overrides: Partial<ScheduledSession> = {}): ScheduledSession {
  return tuesdayEveningSession({
    sessionId: 200,
    courseId: 2,
    courseName: 'Arkeen Voimaa, Vallila',
    venueId: venueNuorisotalo,
    instructorIds: [instructorBirgitta],
    ...overrides,
  });
}

describe('finding scheduling conflicts', () => {
  it('reports an instructor teaching another course at an overlapping time', () => {
    const conflicts = findConflicts({
      candidates: [tuesdayEveningSession({ instructorIds: [instructorAino, instructorCarl] })],
      existing: [
        otherCourseSession({
          startsAt: new Date('2026-10-06T15:00:00Z'),
          endsAt: new Date('2026-10-06T17:00:00Z'),
          instructorIds: [instructorBirgitta, instructorAino],
        }),
      ],
      blockedPeriods: [],
    });

    expect(conflicts).toEqual([
      {
        kind: 'instructor',
        localDate: '2026-10-06',
        instructorId: instructorAino,
        otherCourseId: 2,
        otherCourseName: 'Arkeen Voimaa, Vallila',
      },
    ]);
  });

  it('reports a physical venue booked by another course at an overlapping time', () => {
    const conflicts = findConflicts({
      candidates: [tuesdayEveningSession()],
      existing: [
        otherCourseSession({
          venueId: venueKirjasto,
          startsAt: new Date('2026-10-06T13:00:00Z'),
          endsAt: new Date('2026-10-06T14:30:00Z'),
        }),
      ],
      blockedPeriods: [],
    });

    expect(conflicts).toEqual([
      {
        kind: 'venue',
        localDate: '2026-10-06',
        venueId: venueKirjasto,
        otherCourseId: 2,
        otherCourseName: 'Arkeen Voimaa, Vallila',
      },
    ]);
  });

  it('reports both the instructor and the venue when another session shares both', () => {
    const conflicts = findConflicts({
      candidates: [tuesdayEveningSession()],
      existing: [otherCourseSession({ venueId: venueKirjasto, instructorIds: [instructorAino] })],
      blockedPeriods: [],
    });

    expect(conflicts.map((conflict) => conflict.kind)).toEqual(['instructor', 'venue']);
  });

  it('does not treat back-to-back sessions as overlapping', () => {
    const conflicts = findConflicts({
      candidates: [tuesdayEveningSession()],
      existing: [
        otherCourseSession({
          venueId: venueKirjasto,
          instructorIds: [instructorAino],
          startsAt: new Date('2026-10-06T16:30:00Z'),
          endsAt: new Date('2026-10-06T18:00:00Z'),
        }),
        otherCourseSession({
          sessionId: 201,
          venueId: venueKirjasto,
          instructorIds: [instructorAino],
          startsAt: new Date('2026-10-06T12:30:00Z'),
          endsAt: new Date('2026-10-06T14:00:00Z'),
        }),
      ],
      blockedPeriods: [],
    });

    expect(conflicts).toEqual([]);
  });

  it('never reports a venue conflict for an online venue', () => {
    const conflicts = findConflicts({
      candidates: [tuesdayEveningSession({ venueId: venueTeams, venueIsOnline: true })],
      existing: [otherCourseSession({ venueId: venueTeams, venueIsOnline: true })],
      blockedPeriods: [],
    });

    expect(conflicts).toEqual([]);
  });

  it('still reports an instructor double-booked between an online and an on-site session', () => {
    const conflicts = findConflicts({
      candidates: [tuesdayEveningSession({ venueId: venueTeams, venueIsOnline: true })],
      existing: [otherCourseSession({ instructorIds: [instructorAino] })],
      blockedPeriods: [],
    });

    expect(conflicts.map((conflict) => conflict.kind)).toEqual(['instructor']);
  });

  it('ignores a session without a venue when looking for venue clashes', () => {
    const conflicts = findConflicts({
      candidates: [tuesdayEveningSession({ venueId: null })],
      existing: [otherCourseSession({ venueId: null })],
      blockedPeriods: [],
    });

    expect(conflicts).toEqual([]);
  });

  it('ignores cancelled sessions on either side', () => {
    const sharedEverything = { venueId: venueKirjasto, instructorIds: [instructorAino] };

    expect(
      findConflicts({
        candidates: [tuesdayEveningSession({ cancelled: true })],
        existing: [otherCourseSession(sharedEverything)],
        blockedPeriods: [],
      }),
    ).toEqual([]);
    expect(
      findConflicts({
        candidates: [tuesdayEveningSession()],
        existing: [otherCourseSession({ ...sharedEverything, cancelled: true })],
        blockedPeriods: [],
      }),
    ).toEqual([]);
  });

  it('ignores the course’s own sessions and the stored copy of the session being saved', () => {
    const conflicts = findConflicts({
      candidates: [tuesdayEveningSession()],
      existing: [
        tuesdayEveningSession({ sessionId: 101 }),
        tuesdayEveningSession({ courseId: 2, courseName: 'Arkeen Voimaa, Vallila' }),
      ],
      blockedPeriods: [],
    });

    expect(conflicts).toEqual([]);
  });

  it('warns about a session on a public holiday', () => {
    const conflicts = findConflicts({
      candidates: [
        tuesdayEveningSession({
          localDate: '2026-12-24',
          startsAt: new Date('2026-12-24T15:00:00Z'),
          endsAt: new Date('2026-12-24T17:30:00Z'),
        }),
      ],
      existing: [],
      blockedPeriods: [],
    });

    expect(conflicts).toEqual([
      {
        kind: 'day-off',
        localDate: '2026-12-24',
        dayOff: { date: '2026-12-24', name: 'jouluaatto', kind: 'holiday' },
      },
    ]);
  });

  it('warns about a session in a blocked period', () => {
    const conflicts = findConflicts({
      candidates: [
        tuesdayEveningSession({
          localDate: '2026-10-13',
          startsAt: new Date('2026-10-13T14:00:00Z'),
          endsAt: new Date('2026-10-13T16:30:00Z'),
        }),
      ],
      existing: [],
      blockedPeriods: [{ name: 'Syysloma', startsOn: '2026-10-12', endsOn: '2026-10-18' }],
    });

    expect(conflicts).toEqual([
      {
        kind: 'day-off',
        localDate: '2026-10-13',
        dayOff: { date: '2026-10-13', name: 'Syysloma', kind: 'blocked' },
      },
    ]);
  });

  it('orders warnings by date, then day off before instructor before venue', () => {
    const autumnBreak = { name: 'Syysloma', startsOn: '2026-10-12', endsOn: '2026-10-18' };
    const secondWeek = {
      localDate: '2026-10-13',
      startsAt: new Date('2026-10-13T14:00:00Z'),
      endsAt: new Date('2026-10-13T16:30:00Z'),
    };

    const conflicts = findConflicts({
      candidates: [
        tuesdayEveningSession({ sessionId: 101, ...secondWeek }),
        tuesdayEveningSession(),
      ],
      existing: [
        otherCourseSession({ ...secondWeek, venueId: venueKirjasto }),
        otherCourseSession({ sessionId: 201, instructorIds: [instructorAino] }),
      ],
      blockedPeriods: [autumnBreak],
    });

    expect(conflicts.map(({ localDate, kind }) => ({ localDate, kind }))).toEqual([
      { localDate: '2026-10-06', kind: 'instructor' },
      { localDate: '2026-10-13', kind: 'day-off' },
      { localDate: '2026-10-13', kind: 'venue' },
    ]);
  });
});
