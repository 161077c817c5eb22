import { and, eq } from 'drizzle-orm';
import { applications, enrollments } from '../../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../db';
import { translatorFor } from '../../i18n';
import { courseTitle, formatLocalDate, formatTimeRange } from '../../i18n/format';
import { findCourse, type CourseWithSchedule } from '../courses/queries';
import { enqueueComposedMail, type MailContext } from '../invites/invitations';

/** Why "I'll miss one session" was refused: the session has begun, or is not one of theirs. */
export class MissedSessionRefused extends Error {
  constructor(readonly reason: 'started' | 'not-theirs') {
    super(`Missed session refused: ${reason}`);
  }
}

/** The sessions a placed person can still say they will miss: not cancelled, not yet started. */
export function upcomingSessionsOf(course: CourseWithSchedule, now: Date) {
  return course.sessions.filter(
    (session) => session.status !== 'cancelled' && session.startsAt > now,
  );
}

/**
 * A placed participant will miss one session but keeps the place: each instructor of the course
 * with an e-mail address gets one plain message. Nothing is stored in attendance (marking opens
 * when the session starts); the message is the record. Throws MissedSessionRefused.
 */
export function reportMissedSession(
  db: AppDatabase,
  input: { applicationId: number; enrollmentId: number; sessionId: number },
  mail: MailContext,
): void {
  immediateTransaction(db, (tx) => {
    const enrollment = tx
      .select()
      .from(enrollments)
      .where(
        and(
          eq(enrollments.id, input.enrollmentId),
          eq(enrollments.applicationId, input.applicationId),
        ),
      )
      .get();
    const course = enrollment?.state === 'placed' ? findCourse(tx, enrollment.courseId) : undefined;
    const session = course?.sessions.find(
      (candidate) => candidate.id === input.sessionId && candidate.status !== 'cancelled',
    );
    if (!course || !session) throw new MissedSessionRefused('not-theirs');
    if (session.startsAt <= mail.now) throw new MissedSessionRefused('started');
    const person = tx
      .select({ name: applications.name })
      .from(applications)
      .where(eq(applications.id, input.applicationId))
      .get();
    for (const instructor of course.instructors) {
      if (!instructor.email) continue;
      // Each instructor reads it in their own language (Finnish without an account).
      const language = instructor.language;
      const t = translatorFor(language);
      const title = courseTitle(
        { program: course.program, localityName: course.locality.name },
        language,
      );
      const date = formatLocalDate(session.localDate, language);
      const time = formatTimeRange(session.startTime, session.endTime, language);
      enqueueComposedMail(
        tx,
        { name: instructor.name, email: instructor.email, language },
        {
          subject: t('participant.missedMail.subject', { date, course: title }),
          sections: [
            {
              lines: [
                t('invite.greeting', { name: instructor.name }),
                t('participant.missedMail.body', {
                  name: person?.name ?? '',
                  course: title,
                  number: session.ordinal,
                  date,
                  time,
                }),
              ],
            },
            { lines: [t('invite.signature')] },
          ],
        },
        null,
        // About this person: erased with their data.
        { courseId: course.course.id, applicationId: input.applicationId },
        mail,
      );
    }
  });
}
