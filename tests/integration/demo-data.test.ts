import { and, eq, inArray, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  attendance,
  courses,
  dropOutReasons,
  enrollments,
  invitations,
  outbox,
  users,
} from '../../db/schema';
import {
  completionOf,
  hasStarted,
  isDueAt,
  unmarkedGaps,
} from '../../src/features/attendance/attendance-rules';
import {
  loadCourseAttendance,
  markOf,
  type CourseAttendance,
} from '../../src/features/attendance/queries';
import { loadDemoData } from '../../src/features/demo/demo-data';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { freshDatabase } from '../support/test-app';

describe('the demo a new user sees at first start', () => {
  const db = freshDatabase();
  const mail = mailSettingsFrom({
    mailFrom: 'Kurssipolku <no-reply@kurssipolku.example>',
    publicUrl: new URL('http://localhost:3000'),
  });

  const now = new Date('2026-11-23T10:00:00Z');
  beforeAll(() => loadDemoData(db, now, mail));

  const coursesIn = (status: 'completed' | 'running') =>
    db
      .select({ id: courses.id })
      .from(courses)
      .where(eq(courses.status, status))
      .all()
      .map((course) => loadCourseAttendance(db, course.id)!);
  const marked = (course: CourseAttendance, sessionId: number) =>
    course.participants.filter((person) => markOf(course, person.enrollmentId, sessionId) !== null);

  it('fills every running or open course with 8–12 people, some waiting, their mail or letters queued', () => {
    const active = db
      .select({ id: courses.id })
      .from(courses)
      .where(inArray(courses.status, ['running', 'open']))
      .all();
    expect(active.length).toBeGreaterThanOrEqual(3);
    const inState = (courseId: number, state: 'placed' | 'waitlisted') =>
      db
        .select()
        .from(enrollments)
        .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, state)))
        .all();
    for (const course of active) {
      const placed = inState(course.id, 'placed').length;
      expect(placed, `course ${course.id}`).toBeGreaterThanOrEqual(8);
      expect(placed, `course ${course.id}`).toBeLessThanOrEqual(12);
    }
    expect(active.filter((course) => inState(course.id, 'waitlisted').length > 0)).toHaveLength(1);

    const participants = db
      .select()
      .from(applications)
      .where(eq(applications.state, 'placed'))
      .all();
    const withEmail = participants.filter((person) => person.email.endsWith('@example.fi'));
    expect(withEmail.length / participants.length).toBeGreaterThan(0.3);
    expect(withEmail.length / participants.length).toBeLessThan(0.7);
    expect(participants.some((person) => /[äöå]/i.test(person.name))).toBe(true);

    const seated = active.flatMap((course) => inState(course.id, 'placed'));
    const placedIds = seated.map((enrollment) => enrollment.applicationId);
    const participantMail = db
      .select()
      .from(outbox)
      .where(inArray(outbox.applicationId, placedIds))
      .all();
    const participantInvitations = db
      .select()
      .from(invitations)
      .where(inArray(invitations.applicationId, placedIds))
      .all();
    expect(participantInvitations).toHaveLength(seated.length);
    expect(participantMail.length).toBe(
      participantInvitations.filter((invitation) => invitation.email !== '').length,
    );
    // Those without e-mail get a printed letter: an invitation without an address.
    expect(participantInvitations.filter((invitation) => invitation.email === '').length).toBe(
      seated.length - participantMail.length,
    );
  });

  it('has a course that ended: closed, every due person marked at every session, one drop-out', () => {
    const [ended, ...more] = coursesIn('completed');
    expect(more).toEqual([]);
    const held = ended!.sessions.filter((session) => hasStarted(session, now));
    expect(held).toEqual(ended!.sessions.filter((session) => session.status === 'scheduled'));
    const markAt = (enrollmentId: number, sessionId: number) =>
      markOf(ended!, enrollmentId, sessionId);
    expect(unmarkedGaps(ended!.participants, ended!.sessions, markAt, now)).toEqual([]);
    for (const session of held) {
      expect(marked(ended!, session.id)).toEqual(
        ended!.participants.filter((person) => isDueAt(person, session)),
      );
    }

    // Completion is frozen from the marks by the program's threshold.
    for (const person of ended!.participants) {
      const completion = completionOf(
        ended!.sessions
          .filter((session) => isDueAt(person, session))
          .map((session) => ({ session, mark: markAt(person.enrollmentId, session.id) })),
        ended!.completionThreshold,
      );
      expect(person.attendedSessions, person.name).toBe(completion.attended);
      if (person.state !== 'withdrawn') {
        expect(person.state, person.name).toBe(
          completion.completed ? 'completed' : 'not-completed',
        );
      }
    }
    const inState = (state: string) =>
      ended!.participants.filter((person) => person.state === state);
    expect(inState('completed').length).toBeGreaterThan(0);
    expect(inState('not-completed').length).toBeGreaterThan(0);
    expect(inState('placed')).toEqual([]);

    // The drop-out left after a session in the middle: due before it, not at the sessions after.
    const [dropOut, ...otherDropOuts] = inState('withdrawn');
    expect(otherDropOuts).toEqual([]);
    expect(dropOutReasons).toContain(dropOut!.dropOutReason);
    const dueAt = held.filter((session) => isDueAt(dropOut!, session));
    expect(dueAt.length).toBeGreaterThanOrEqual(2);
    expect(dueAt.length).toBeLessThan(held.length);
    expect(dropOut!.withdrawnAt!.getTime()).toBeGreaterThan(dueAt.at(-1)!.endsAt.getTime());

    // Its news went out while it ran: no mail waits and nobody is to be called about it.
    const queued = db
      .select()
      .from(outbox)
      .where(and(eq(outbox.courseId, ended!.courseId), ne(outbox.state, 'sent')))
      .all();
    expect(queued).toEqual([]);
    const callReasons = db
      .selectDistinct({ callReason: applications.callReason })
      .from(applications)
      .where(
        inArray(
          applications.id,
          ended!.participants.map((person) => person.applicationId),
        ),
      )
      .all();
    expect(callReasons).toEqual([{ callReason: 'intake' }]);
  });

  it('marks the running courses for every session started by now and none to come', () => {
    const running = coursesIn('running');
    expect(running.length).toBeGreaterThanOrEqual(2);
    const sessions = running.flatMap((course) =>
      course.sessions.map((session) => ({ course, session })),
    );
    expect(sessions.some(({ session }) => hasStarted(session, now))).toBe(true);
    expect(sessions.some(({ session }) => !hasStarted(session, now))).toBe(true);
    for (const { course, session } of sessions) {
      const due = course.participants.filter((person) => isDueAt(person, session));
      expect(due.length).toBeGreaterThan(0);
      expect(marked(course, session.id), `session ${session.id}`).toEqual(
        hasStarted(session, now) ? due : [],
      );
    }

    // Every mark of the demo names the staff member who made it.
    const markers = db
      .selectDistinct({ markedByName: attendance.markedByName, name: users.name })
      .from(attendance)
      .leftJoin(users, eq(users.id, attendance.markedBy))
      .all();
    expect(markers.length).toBeGreaterThan(0);
    expect(markers.filter((marker) => marker.name !== marker.markedByName)).toEqual([]);
  });
});
