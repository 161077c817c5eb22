import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  applications,
  courseSessions,
  courses,
  enrollments,
  type CourseStatus,
} from '../../../db/schema';
import { immediateTransaction, type AppDatabase, type Transaction } from '../../db';
import { addDays, wallClockToInstant, type LocalDate } from '../../lib/helsinki-time';
import { recordAudit, type Actor } from '../audit/audit-log';
import { venueText } from '../../i18n/format';
import {
  notifyCourseInvitees,
  queueCourseNotice,
  type CourseChange,
  type MailContext,
} from '../invites/invitations';
import { activeEnrollmentStates } from '../enrollment/seat-rules';
import { backToDemandList } from '../enrollment/seats';
import { awaitingDecision, canBeCancelled, canChangeStatus } from './course-rules';
import {
  cancelCourse,
  cancelSession,
  createCourseWithSessions,
  findCourse,
  rescheduleSession,
  updateCourseDetails,
  type CourseDetails,
  type NewCourse,
} from './queries';
import type { GeneratedSession } from './schedule';

/**
 * The course's commands: each opens the one immediate transaction of its change and does the
 * write, the invitees' messages (the outbox) and the audit entry inside it. Routes only parse the
 * input, call one of these and redirect.
 */
export type CourseCommandContext = { actor: Actor; mail: MailContext };

function audit(tx: Transaction, context: CourseCommandContext, courseId: number, detail: string) {
  recordAudit(
    tx,
    { actor: context.actor, action: 'update', subjectType: 'course', subjectId: courseId, detail },
    context.mail.now,
  );
}

function notify(
  tx: Transaction,
  courseId: number,
  change: CourseChange,
  context: CourseCommandContext,
) {
  notifyCourseInvitees(tx, courseId, change, context.mail);
}

/** Saves a new course with its sessions in the caller's transaction: invitations and audit too. */
export function createCourseIn(
  tx: Transaction,
  course: NewCourse,
  sessions: GeneratedSession[],
  context: CourseCommandContext,
): number {
  const id = createCourseWithSessions(tx, course, sessions, {
    now: context.mail.now,
    calendarHost: context.mail.publicUrl.hostname,
  });
  notify(tx, id, { kind: 'planned' }, context);
  recordAudit(
    tx,
    { actor: context.actor, action: 'create', subjectType: 'course', subjectId: id },
    context.mail.now,
  );
  return id;
}

export function createCourse(
  db: AppDatabase,
  course: NewCourse,
  sessions: GeneratedSession[],
  context: CourseCommandContext,
): number {
  return immediateTransaction(db, (tx) => createCourseIn(tx, course, sessions, context));
}

/** A new venue is spelled out to everyone; a new instructor pair gets or loses the series. */
export function changeCourseDetails(
  db: AppDatabase,
  courseId: number,
  details: CourseDetails,
  context: CourseCommandContext,
): void {
  immediateTransaction(db, (tx) => {
    const before = findCourse(tx, courseId);
    if (!before) return;
    updateCourseDetails(tx, courseId, details, context.mail.now);
    const venueChanged = details.venueId !== before.course.venueId;
    const newVenue = venueChanged ? (findCourse(tx, courseId)?.venue ?? null) : null;
    notify(
      tx,
      courseId,
      venueChanged
        ? { kind: 'changed', notes: [{ kind: 'venue-changed', venue: venueText(newVenue) || '–' }] }
        : { kind: 'planned' },
      context,
    );
    audit(tx, context, courseId, 'details');
  });
}

export type SessionMove = {
  courseId: number;
  sessionId: number;
  localDate: LocalDate;
  startTime: string;
  endTime: string;
};

export function moveSession(db: AppDatabase, move: SessionMove, context: CourseCommandContext) {
  immediateTransaction(db, (tx) => {
    const session = findCourse(tx, move.courseId)?.sessions.find(
      (candidate) => candidate.id === move.sessionId,
    );
    if (!session) return;
    rescheduleSession(
      tx,
      {
        id: move.sessionId,
        courseId: move.courseId,
        localDate: move.localDate,
        startTime: move.startTime,
        endTime: move.endTime,
        startsAt: wallClockToInstant(move.localDate, move.startTime),
        endsAt: wallClockToInstant(move.localDate, move.endTime),
      },
      context.mail.now,
    );
    notify(
      tx,
      move.courseId,
      {
        kind: 'changed',
        notes: [{ kind: 'session-moved', ordinal: session.ordinal, from: session, to: move }],
      },
      context,
    );
    audit(tx, context, move.courseId, `session ${session.ordinal} moved`);
  });
}

export function cancelCourseSession(
  db: AppDatabase,
  target: { courseId: number; sessionId: number },
  context: CourseCommandContext,
) {
  immediateTransaction(db, (tx) => {
    const session = findCourse(tx, target.courseId)?.sessions.find(
      (candidate) => candidate.id === target.sessionId,
    );
    if (!session) return;
    cancelSession(tx, target.courseId, target.sessionId, context.mail.now);
    notify(
      tx,
      target.courseId,
      {
        kind: 'changed',
        notes: [
          { kind: 'session-cancelled', ordinal: session.ordinal, localDate: session.localDate },
        ],
      },
      context,
    );
    audit(tx, context, target.courseId, `session ${session.ordinal} cancelled`);
  });
}

/** Checked again inside the transaction, so two coordinators cannot take a course two ways. */
export function changeCourseStatus(
  db: AppDatabase,
  courseId: number,
  status: CourseStatus,
  context: CourseCommandContext,
): boolean {
  return setStatusIf(db, courseId, status, context, (from) => canChangeStatus(from, status));
}

/** The go/no-go decision: a course still waiting to start goes ahead although short of its minimum. */
export function confirmCourseAnyway(
  db: AppDatabase,
  courseId: number,
  context: CourseCommandContext,
): boolean {
  return setStatusIf(db, courseId, 'confirmed', context, (from) => awaitingDecision.includes(from));
}

export { awaitingDecision };

function setStatusIf(
  db: AppDatabase,
  courseId: number,
  status: CourseStatus,
  context: CourseCommandContext,
  allowedFrom: (from: CourseStatus) => boolean,
): boolean {
  return immediateTransaction(db, (tx) => {
    const course = tx.select().from(courses).where(eq(courses.id, courseId)).get();
    if (!course || !allowedFrom(course.status)) return false;
    tx.update(courses)
      .set({ status, updatedAt: context.mail.now })
      .where(eq(courses.id, courseId))
      .run();
    audit(tx, context, courseId, `status ${status}`);
    return true;
  });
}

/** Every session moves the same number of weeks; wall-clock times stay; everyone gets the update. */
export function postponeCourse(
  db: AppDatabase,
  input: { courseId: number; weeks: number },
  context: CourseCommandContext,
): boolean {
  return immediateTransaction(db, (tx) => {
    const course = tx.select().from(courses).where(eq(courses.id, input.courseId)).get();
    if (!course || !canBeCancelled(course.status)) return false;
    const days = input.weeks * 7;
    const sessions = tx
      .select()
      .from(courseSessions)
      .where(eq(courseSessions.courseId, input.courseId))
      .all();
    for (const session of sessions) {
      const localDate = addDays(session.localDate, days);
      tx.update(courseSessions)
        .set({
          localDate,
          seriesDate: addDays(session.seriesDate, days),
          startsAt: wallClockToInstant(localDate, session.startTime),
          endsAt: wallClockToInstant(localDate, session.endTime),
        })
        .where(eq(courseSessions.id, session.id))
        .run();
    }
    tx.update(courses)
      .set({
        goNoGoDate: addDays(course.goNoGoDate, days),
        scheduleSequence: sql`${courses.scheduleSequence} + 1`,
        updatedAt: context.mail.now,
      })
      .where(eq(courses.id, input.courseId))
      .run();
    notify(tx, input.courseId, { kind: 'changed', notes: [{ kind: 'details-changed' }] }, context);
    audit(tx, context, input.courseId, `postponed ${input.weeks} weeks`);
    return true;
  });
}

/**
 * Everyone placed or waiting is told (a cancellation e-mail, or a call) and goes back to the
 * locality's demand list, in one transaction with the cancellation.
 */
export function cancelCourseAndTellEveryone(
  db: AppDatabase,
  input: { courseId: number; reason: string },
  context: CourseCommandContext,
): boolean {
  const now = context.mail.now;
  return immediateTransaction(db, (tx) => {
    const course = tx.select().from(courses).where(eq(courses.id, input.courseId)).get();
    if (!course || !canBeCancelled(course.status)) return false;
    cancelCourse(tx, input.courseId, input.reason, now);
    notify(tx, input.courseId, { kind: 'cancelled', reason: input.reason }, context);
    audit(tx, context, input.courseId, 'cancelled');
    const affected = tx
      .select({
        id: enrollments.id,
        applicationId: enrollments.applicationId,
        state: enrollments.state,
      })
      .from(enrollments)
      .where(
        and(
          eq(enrollments.courseId, input.courseId),
          inArray(enrollments.state, activeEnrollmentStates),
        ),
      )
      .all();
    backToDemandList(tx, affected, course.localityId, now);
    const waitlisted = affected.filter((row) => row.state === 'waitlisted');
    tellWaitlistedOfCancellation(tx, input, waitlisted, context.mail);
    return true;
  });
}

/** Waitlisted people never held the calendar series: a plain message, or a call without e-mail. */
function tellWaitlistedOfCancellation(
  tx: Transaction,
  input: { courseId: number; reason: string },
  waitlisted: { applicationId: number }[],
  mail: MailContext,
) {
  const now = mail.now;
  if (waitlisted.length === 0) return;
  const cancelled = findCourse(tx, input.courseId)!;
  for (const row of waitlisted) {
    const person = tx
      .select()
      .from(applications)
      .where(eq(applications.id, row.applicationId))
      .get();
    if (!person?.email) continue;
    queueCourseNotice(tx, cancelled, { ...person, applicationId: person.id }, input.reason, mail);
  }
  tx.update(applications)
    .set({ callReason: 'tell-cancelled', callDueAt: now })
    .where(
      and(
        inArray(
          applications.id,
          waitlisted.map((row) => row.applicationId),
        ),
        eq(applications.email, ''),
      ),
    )
    .run();
}
