import type { LocalDate } from '../../lib/helsinki-time';
import { dayOffOn, type BlockedPeriod, type DayOff } from './holidays';

export type ScheduledSession = {
  sessionId?: number;
  courseId: number;
  courseName: string;
  localDate: LocalDate;
  startsAt: Date;
  endsAt: Date;
  venueId: number | null;
  venueIsOnline: boolean;
  instructorIds: number[];
  cancelled?: boolean;
};

export type Conflict =
  | {
      kind: 'instructor';
      localDate: LocalDate;
      instructorId: number;
      otherCourseId: number;
      otherCourseName: string;
    }
  | {
      kind: 'venue';
      localDate: LocalDate;
      venueId: number;
      otherCourseId: number;
      otherCourseName: string;
    }
  | { kind: 'day-off'; localDate: LocalDate; dayOff: DayOff };

const kindOrder: Record<Conflict['kind'], number> = { 'day-off': 0, instructor: 1, venue: 2 };

/** Half-open intervals, so a session may start the minute the previous one ends. */
function overlaps(a: ScheduledSession, b: ScheduledSession): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

function isSameSession(candidate: ScheduledSession, other: ScheduledSession): boolean {
  return candidate.sessionId !== undefined && candidate.sessionId === other.sessionId;
}

type AtVenue = ScheduledSession & { venueId: number };

function sharesPhysicalVenue(a: ScheduledSession, b: ScheduledSession): a is AtVenue {
  return a.venueId !== null && a.venueId === b.venueId && !a.venueIsOnline && !b.venueIsOnline;
}

/**
 * Clashes of the sessions being saved with other courses' sessions and with days off.
 * These are warnings: the caller decides whether to save anyway.
 * Ordered by date, then day-off before instructor before venue; ties keep input order.
 */
export function findConflicts(input: {
  candidates: ScheduledSession[];
  existing: ScheduledSession[];
  blockedPeriods: BlockedPeriod[];
}): Conflict[] {
  const conflicts: Conflict[] = [];

  for (const candidate of input.candidates) {
    if (candidate.cancelled) continue;
    const { localDate } = candidate;

    const dayOff = dayOffOn(localDate, input.blockedPeriods);
    if (dayOff) conflicts.push({ kind: 'day-off', localDate, dayOff });

    const candidateInstructorIds = new Set(candidate.instructorIds);
    for (const other of input.existing) {
      if (other.cancelled || other.courseId === candidate.courseId) continue;
      if (isSameSession(candidate, other) || !overlaps(candidate, other)) continue;
      const otherCourse = { otherCourseId: other.courseId, otherCourseName: other.courseName };

      for (const instructorId of new Set(other.instructorIds)) {
        if (candidateInstructorIds.has(instructorId)) {
          conflicts.push({ kind: 'instructor', localDate, instructorId, ...otherCourse });
        }
      }
      if (sharesPhysicalVenue(candidate, other)) {
        conflicts.push({ kind: 'venue', localDate, venueId: candidate.venueId, ...otherCourse });
      }
    }
  }

  return conflicts.sort(
    (a, b) => a.localDate.localeCompare(b.localDate) || kindOrder[a.kind] - kindOrder[b.kind],
  );
}
