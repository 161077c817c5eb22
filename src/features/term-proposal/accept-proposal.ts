import { eq } from 'drizzle-orm';
import { venues, type Audience } from '../../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../db';
import type { LocalDate } from '../../lib/helsinki-time';
import { createCourseIn, type CourseCommandContext } from '../courses/course-changes';
import { defaultGoNoGoDate } from '../courses/course-rules';
import { conflictsFor } from '../courses/planning';
import type { Conflict } from '../courses/conflicts';
import type { CandidateSlot } from './plan-rules';

/** A proposed course the coordinator kept, as they left it on the review page. */
export type AcceptedCourse = {
  /** Its place on the review page, so a refusal can point at it. */
  index: number;
  slot: CandidateSlot;
  instructorIds: number[];
  audience: Audience;
  targetService: string;
};

/**
 * Something changed since the review page was checked: another course took a venue or an
 * instructor (e.g. a second accept), or the venue was archived.
 */
export class AcceptConflict extends Error {
  constructor(
    readonly index: number,
    readonly conflicts: Conflict[],
    readonly venueArchived = false,
  ) {
    super(`Proposed course ${index} can no longer be saved as reviewed`);
  }
}

/** The slot's sessions as the course commands save them. */
function sessionsOf(slot: CandidateSlot) {
  return slot.sessions.map((session, index) => ({
    ordinal: index + 1,
    localDate: session.localDate,
    startTime: slot.startTime,
    endTime: session.endTime,
    startsAt: new Date(session.startsAt),
    endsAt: new Date(session.endsAt),
  }));
}

/**
 * Creates the kept courses of a proposal as planned courses of the term, all or none, through the
 * course commands' building block (so invitations to the instructors and the audit entries follow
 * as for any new course). Each is checked against every course saved so far — in the same
 * transaction, so a second accept of the same plan finds the first one's courses and is refused.
 */
export function acceptProposal(
  db: AppDatabase,
  termId: number,
  program: { id: number },
  accepted: readonly AcceptedCourse[],
  context: CourseCommandContext,
): number[] {
  return immediateTransaction(db, (tx) =>
    accepted.map((course) => {
      const venue = tx
        .select({ archivedAt: venues.archivedAt })
        .from(venues)
        .where(eq(venues.id, course.slot.venueId))
        .get();
      if (!venue || venue.archivedAt !== null) throw new AcceptConflict(course.index, [], true);
      const sessions = sessionsOf(course.slot);
      const conflicts = conflictsFor(tx, 0, sessions, {
        venueId: course.slot.venueId,
        venueIsOnline: course.slot.venueOnline,
        instructorIds: course.instructorIds,
      });
      if (conflicts.length > 0) throw new AcceptConflict(course.index, conflicts);
      return createCourseIn(
        tx,
        {
          termId,
          programId: program.id,
          localityId: course.slot.localityId,
          venueId: course.slot.venueId,
          audience: course.audience,
          targetService: course.targetService,
          goNoGoDate: defaultGoNoGoDate(course.slot.firstDate as LocalDate),
          weeklyStartTime: course.slot.startTime,
          instructorIds: course.instructorIds,
        },
        sessions,
        context,
      );
    }),
  );
}
