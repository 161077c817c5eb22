import { describe, expect, it } from 'vitest';
import type { AttendanceMark } from '../../db/schema';
import {
  canStillComplete,
  closingRefusal,
  completionOf,
  countsFor,
  isDueAt,
  markingRefusal,
  missedTwoInARow,
  offersFreedSeats,
  sessionsLeftToAttend,
  summaryOf,
  unmarkedGaps,
  type AttendanceSession,
  type Participation,
} from '../../src/features/attendance/attendance-rules';

/** Weekly sessions at 17:00–19:30 UTC+2 from 2026-10-06 (ordinal 0 is an info session). */
function weekly(ordinals: number[]): AttendanceSession[] {
  return ordinals.map((ordinal, index) => {
    const startsAt = new Date(Date.UTC(2026, 9, 6 + index * 7, 15, 0));
    return {
      id: 100 + index,
      ordinal,
      status: 'scheduled',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 150 * 60_000),
    };
  });
}

const sixSessions = weekly([1, 2, 3, 4, 5, 6]);
const session = (ordinal: number) => sixSessions[ordinal - 1]!;
const beforeCourse = new Date(Date.UTC(2026, 9, 1));
const placedFromStart: Participation = {
  state: 'placed',
  placedAt: beforeCourse,
  withdrawnAt: null,
};

function marked(marks: (AttendanceMark | null)[], sessions = sixSessions) {
  return marks.map((mark, index) => ({ session: sessions[index]!, mark }));
}

describe('completion', () => {
  it('completes with 4 of 6 attended and not with 3', () => {
    const four = marked(['present', 'present', 'absent', 'present', 'absent', 'present']);
    const three = marked(['present', 'present', 'absent', 'present', 'absent', 'absent']);
    expect(completionOf(four, 4)).toEqual({ attended: 4, completed: true });
    expect(completionOf(three, 4)).toEqual({ attended: 3, completed: false });
  });

  it('does not count an excused absence as attended', () => {
    const marks = marked(['present', 'present', 'excused', 'present', 'excused', 'absent']);
    expect(completionOf(marks, 4)).toEqual({ attended: 3, completed: false });
  });

  it('does not count the info session (session zero)', () => {
    const withInfo = weekly([0, 1, 2, 3, 4, 5, 6]);
    const marks = marked(
      ['present', 'present', 'present', 'present', 'absent', 'absent', 'absent'],
      withInfo,
    );
    expect(completionOf(marks, 4)).toEqual({ attended: 3, completed: false });
  });

  it('follows the program threshold', () => {
    const marks = marked(['present', 'present', 'present', null, null, null]);
    expect(completionOf(marks, 3).completed).toBe(true);
    expect(completionOf(marks, 5).completed).toBe(false);
  });
});

describe('who is due at which session', () => {
  it('expects someone placed before the course at every session', () => {
    expect(sixSessions.every((each) => isDueAt(placedFromStart, each))).toBe(true);
  });

  it('does not expect a late joiner at the sessions that ended before they were placed', () => {
    const lateJoiner: Participation = {
      state: 'placed',
      placedAt: new Date(session(2).endsAt.getTime() + 60_000),
      withdrawnAt: null,
    };
    expect(sixSessions.map((each) => isDueAt(lateJoiner, each))).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('expects someone placed during a session at that session', () => {
    const walkIn: Participation = {
      state: 'placed',
      placedAt: new Date(session(1).startsAt.getTime() + 10 * 60_000),
      withdrawnAt: null,
    };
    expect(isDueAt(walkIn, session(1))).toBe(true);
  });

  it('does not expect someone withdrawn at the sessions after they left', () => {
    const leaver: Participation = {
      state: 'withdrawn',
      placedAt: beforeCourse,
      withdrawnAt: new Date(session(3).endsAt.getTime() + 60_000),
    };
    expect(sixSessions.map((each) => isDueAt(leaver, each))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('expects nobody on the waitlist, nobody of a cancelled enrolment and nobody at a cancelled session', () => {
    const waitlisted: Participation = { state: 'waitlisted', placedAt: null, withdrawnAt: null };
    const cancelled: Participation = { ...placedFromStart, state: 'cancelled' };
    expect(isDueAt(waitlisted, session(1))).toBe(false);
    expect(isDueAt(cancelled, session(1))).toBe(false);
    expect(isDueAt(placedFromStart, { ...session(1), status: 'cancelled' })).toBe(false);
  });
});

describe('two missed in a row', () => {
  it('flags two absences at the end', () => {
    expect(missedTwoInARow(['present', 'absent', 'absent'])).toBe(true);
  });

  it('does not flag a single absence, nor a gap the person came back from', () => {
    expect(missedTwoInARow(['present', 'absent'])).toBe(false);
    expect(missedTwoInARow(['absent', 'absent', 'present'])).toBe(false);
    expect(missedTwoInARow(['absent', 'present', 'absent'])).toBe(false);
  });

  it('does not count an excused absence, and skips sessions not marked yet', () => {
    expect(missedTwoInARow(['absent', 'excused'])).toBe(false);
    expect(missedTwoInARow(['absent', null, 'absent', null])).toBe(true);
  });
});

describe('no joining after session N', () => {
  const during = (ordinal: number) => new Date(session(ordinal).startsAt.getTime() + 60_000);

  it('offers a freed seat while at most N sessions have been held (default N = 2)', () => {
    expect(offersFreedSeats(sixSessions, 2, beforeCourse)).toBe(true);
    expect(offersFreedSeats(sixSessions, 2, during(2))).toBe(true);
    expect(offersFreedSeats(sixSessions, 2, during(3))).toBe(false);
  });

  it('follows the program setting, and a cancelled session is not held', () => {
    expect(offersFreedSeats(sixSessions, 3, during(3))).toBe(true);
    const secondCancelled = sixSessions.map((each) =>
      each.ordinal === 2 ? { ...each, status: 'cancelled' as const } : each,
    );
    expect(offersFreedSeats(secondCancelled, 2, during(3))).toBe(true);
  });
});

describe('when a session may be marked', () => {
  const base = {
    courseStatus: 'running' as const,
    session: session(2),
    participation: placedFromStart,
    mark: null,
    role: 'instructor' as const,
  };

  it('opens at the start of the session', () => {
    expect(markingRefusal({ ...base, now: new Date(session(2).startsAt.getTime() - 1) })).toBe(
      'not-started',
    );
    expect(markingRefusal({ ...base, now: session(2).startsAt })).toBeNull();
  });

  it('stays open after the session until the course is closed, then only for planning staff', () => {
    const later = session(6).endsAt;
    expect(markingRefusal({ ...base, now: later })).toBeNull();
    expect(markingRefusal({ ...base, courseStatus: 'completed', now: later })).toBe('closed');
    expect(
      markingRefusal({ ...base, courseStatus: 'completed', role: 'coordinator', now: later }),
    ).toBeNull();
  });

  it('refuses a cancelled session or course and a person not due', () => {
    const now = session(6).endsAt;
    expect(markingRefusal({ ...base, courseStatus: 'cancelled', now })).toBe('course-cancelled');
    expect(markingRefusal({ ...base, session: { ...session(2), status: 'cancelled' }, now })).toBe(
      'session-cancelled',
    );
    const lateJoiner = { ...placedFromStart, placedAt: session(3).endsAt };
    expect(markingRefusal({ ...base, participation: lateJoiner, now })).toBe('not-due');
  });
});

describe('someone who left and was placed again', () => {
  const secondStint: Participation = {
    state: 'placed',
    placedAt: session(4).startsAt,
    withdrawnAt: null,
  };

  it('keeps the marks of the first stint on their record and counts them for completion', () => {
    const marks = new Map<number, AttendanceMark>([
      [100, 'present'],
      [101, 'present'],
      [102, 'present'],
      [103, 'present'],
    ]);
    const summary = summaryOf(secondStint, sixSessions, (id) => marks.get(id) ?? null);
    expect(summary).toMatchObject({ attended: 4, due: 2 });
    expect(countsFor(secondStint, session(1), 'present')).toBe(true);
    expect(countsFor(secondStint, session(1), null)).toBe(false);
  });

  it("lets an earlier stint's mark be corrected, but not a session they were away from", () => {
    const base = {
      courseStatus: 'running' as const,
      session: session(1),
      participation: secondStint,
      role: 'coordinator' as const,
      now: session(6).endsAt,
    };
    expect(markingRefusal({ ...base, mark: 'absent' })).toBeNull();
    expect(markingRefusal({ ...base, mark: null })).toBe('not-due');
  });
});

describe('closing a course', () => {
  it('is refused before the last session has ended and for a course not running', () => {
    expect(closingRefusal({ status: 'running', sessions: sixSessions }, session(6).startsAt)).toBe(
      'not-ended',
    );
    expect(
      closingRefusal({ status: 'running', sessions: sixSessions }, session(6).endsAt),
    ).toBeNull();
    expect(closingRefusal({ status: 'cancelled', sessions: sixSessions }, session(6).endsAt)).toBe(
      'not-running',
    );
    expect(closingRefusal({ status: 'completed', sessions: sixSessions }, session(6).endsAt)).toBe(
      'not-running',
    );
  });

  it('lists each held session a due person has no mark for', () => {
    const marks = new Map<string, AttendanceMark>([
      ['1:100', 'present'],
      ['1:101', 'present'],
      ['2:100', 'absent'],
    ]);
    const lateJoiner = {
      enrollmentId: 2,
      state: 'placed' as const,
      placedAt: session(1).endsAt,
      withdrawnAt: null,
    };
    const gaps = unmarkedGaps(
      [{ enrollmentId: 1, ...placedFromStart }, lateJoiner],
      sixSessions,
      (enrollmentId, sessionId) => marks.get(`${enrollmentId}:${sessionId}`) ?? null,
      new Date(session(2).endsAt.getTime()),
    );
    expect(gaps).toEqual([{ enrollmentId: 2, sessionId: 101 }]);
  });
});

describe("a person's summary", () => {
  it('counts marks over the sessions they were due at, the rest as due', () => {
    const marks = new Map<number, AttendanceMark>([
      [100, 'present'],
      [101, 'excused'],
      [102, 'absent'],
      [103, 'absent'],
    ]);
    expect(summaryOf(placedFromStart, sixSessions, (id) => marks.get(id) ?? null)).toEqual({
      attended: 1,
      excused: 1,
      absent: 2,
      due: 2,
      callThem: true,
    });
  });
});

describe('sessionsLeftToAttend', () => {
  it('counts every counted session before the course starts, not the info session', () => {
    expect(sessionsLeftToAttend(weekly([0, 1, 2, 3, 4, 5, 6]), beforeCourse)).toBe(6);
  });

  it('still counts a session under way, and drops it once it has ended', () => {
    const third = session(3);
    expect(sessionsLeftToAttend(sixSessions, new Date(third.startsAt.getTime() + 60_000))).toBe(4);
    expect(sessionsLeftToAttend(sixSessions, third.endsAt)).toBe(3);
  });

  it('leaves out cancelled sessions', () => {
    const withCancelled = sixSessions.map((one) =>
      one.ordinal === 5 ? { ...one, status: 'cancelled' as const } : one,
    );
    expect(sessionsLeftToAttend(withCancelled, beforeCourse)).toBe(5);
  });

  it('is one on the day of the last session before it ends, zero after', () => {
    const last = session(6);
    expect(sessionsLeftToAttend(sixSessions, new Date(last.startsAt.getTime() - 3_600_000))).toBe(
      1,
    );
    expect(sessionsLeftToAttend(sixSessions, last.endsAt)).toBe(0);
  });
});

describe('canStillComplete', () => {
  it('is fine when exactly the threshold is left', () => {
    expect(canStillComplete(4, 4)).toBe(true);
  });

  it('is impossible with one session fewer than the threshold', () => {
    expect(canStillComplete(3, 4)).toBe(false);
  });

  it('counts what someone placed again attended before', () => {
    expect(canStillComplete(3, 4, 1)).toBe(true);
    expect(canStillComplete(2, 4, 1)).toBe(false);
  });

  it('is fine with more left than needed, and impossible with none left', () => {
    expect(canStillComplete(6, 4)).toBe(true);
    expect(canStillComplete(0, 1)).toBe(false);
  });
});
