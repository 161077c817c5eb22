import type { CourseStatus, EnrollmentState } from '../../../db/schema';

/** The states in which a person holds a seat or waits for one (for SQL: `inArray(state, …)`). */
export const activeEnrollmentStates = [
  'placed',
  'waitlisted',
] as const satisfies readonly EnrollmentState[];

/** Whether the person still holds (or waits for) a seat: they may withdraw, be moved, be told. */
export function isActiveEnrollment(
  state: EnrollmentState,
): state is (typeof activeEnrollmentStates)[number] {
  return (activeEnrollmentStates as readonly EnrollmentState[]).includes(state);
}

export type WaitlistEntry = { enrollmentId: number; queuedAt: Date };

/** First come, first served (moving someone up gives them an earlier place): who fills the free seats. */
export function whoGetsFreedSeats(waitlist: readonly WaitlistEntry[], freeSeats: number): number[] {
  if (freeSeats <= 0) return [];
  return [...waitlist]
    .sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.enrollmentId - b.enrollmentId)
    .slice(0, freeSeats)
    .map((entry) => entry.enrollmentId);
}

/** Nobody is placed into a course that is cancelled, completed, or has started its last session. */
export function acceptsPlacements(
  course: { status: CourseStatus; lastSessionStartsAt: Date | null },
  now: Date,
): boolean {
  if (course.status === 'cancelled' || course.status === 'completed') return false;
  return course.lastSessionStartsAt === null || course.lastSessionStartsAt > now;
}

/** The place a moved-up person gets: just before the current first of the waitlist. */
export function frontOfWaitlist(waitlist: readonly WaitlistEntry[], now: Date): Date {
  const first = Math.min(...waitlist.map((entry) => entry.queuedAt.getTime()), now.getTime());
  return new Date(first - 1);
}
