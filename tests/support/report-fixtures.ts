import { eq } from 'drizzle-orm';
import {
  applicationSources,
  applications,
  attendance,
  callAttempts,
  enrollments,
  type DropOutReason,
  type EnrollmentState,
} from '../../db/schema';
import type { AppDatabase } from '../../src/db';
import { aWaitingApplicant, sessionsOf } from './planning-fixtures';

/** One person as the term report counts them: how they applied and how far they got. */
export type ReportPerson = {
  source: (typeof applicationSources)[number];
  reached: boolean;
  state: EnrollmentState;
  everPlaced: boolean;
  present: boolean;
  dropOut?: DropOutReason;
};

/**
 * A named person on a course, saved straight into the database as the report's figures need
 * them (a call attempt or two, the enrolment, one attendance mark); returns the name.
 */
export function aReportPerson(
  db: AppDatabase,
  where: { courseId: number; localityId: number; at: Date; name: string },
  person: ReportPerson,
): string {
  const { courseId, at, name } = where;
  const applicationId = aWaitingApplicant(db, where.localityId, { name });
  db.update(applications)
    .set({ source: person.source })
    .where(eq(applications.id, applicationId))
    .run();
  db.insert(callAttempts).values({ applicationId, at, outcome: 'no-answer' }).run();
  if (person.reached)
    db.insert(callAttempts).values({ applicationId, at, outcome: 'reached' }).run();
  const enrollmentId = db
    .insert(enrollments)
    .values({
      courseId,
      applicationId,
      state: person.state,
      queuedAt: at,
      placedAt: person.everPlaced ? at : null,
      dropOutReason: person.dropOut ?? '',
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: enrollments.id })
    .get().id;
  if (person.present) {
    db.insert(attendance)
      .values({
        sessionId: sessionsOf(db, courseId)[0]!.id,
        enrollmentId,
        mark: 'present',
        markedByName: 'Testi',
        markedAt: at,
      })
      .run();
  }
  return name;
}
