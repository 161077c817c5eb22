import { and, eq, inArray, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  attendance,
  candidateHistory,
  candidateStates,
  courses,
  dropOutReasons,
  enrollments,
  instructors,
  invitations,
  localities,
  localityNeighbours,
  meetingActionItems,
  meetings,
  outbox,
  trainingCandidates,
  trainingInvitations,
  trainings,
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
import { candidatesToCall } from '../../src/features/candidates/queries';
import { demoSignIns, loadDemoData } from '../../src/features/demo/demo-data';
import { instructorsNeedingAttention } from '../../src/features/instructors/queries';
import { findTraining } from '../../src/features/trainings/queries';
import { instantToWallClock } from '../../src/lib/helsinki-time';
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

  it('marks Seinäjoki and Kurikka with neighbours, each pair both ways round', () => {
    const names = new Map(
      db
        .select()
        .from(localities)
        .all()
        .map((row) => [row.id, row.name]),
    );
    const pairs = db
      .select()
      .from(localityNeighbours)
      .all()
      .map((row) => `${names.get(row.localityId)}–${names.get(row.neighbourId)}`);
    expect(pairs).toContain('Seinäjoki–Lapua');
    expect(pairs).toContain('Lapua–Seinäjoki');
    expect(pairs).toContain('Kurikka–Kauhajoki');
    for (const pair of pairs) expect(pairs).toContain(pair.split('–').reverse().join('–'));
  });

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
      .where(and(eq(outbox.channel, 'email'), inArray(outbox.applicationId, placedIds)))
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

  describe('the instructor training', () => {
    const trainingIn = (status: 'held' | 'open') => {
      const [training, ...more] = db
        .select({ id: trainings.id })
        .from(trainings)
        .where(eq(trainings.status, status))
        .all();
      expect(more).toEqual([]);
      return findTraining(db, training!.id)!;
    };
    const candidates = () => db.select().from(trainingCandidates).all();
    const inState = (state: (typeof candidateStates)[number]) =>
      candidates().filter((candidate) => candidate.state === state);

    it('has a training held in spring 2026 and one open for spring 2027', () => {
      const held = trainingIn('held');
      expect(held.days.map((day) => day.localDate)).toEqual([
        '2026-05-12',
        '2026-05-13',
        '2026-05-20',
      ]);
      expect(held.days.every((day) => day.endsAt < now)).toBe(true);
      expect(held.training.capacity).toBe(12);
      expect(held.venue).not.toBeNull();
      expect(held.trainers).toHaveLength(2);
      expect(held.trainers.filter((trainer) => trainer.email !== '')).toHaveLength(1);

      const spring = trainingIn('open');
      expect(spring.days).toHaveLength(3);
      expect(spring.days.every((day) => day.startsAt > now)).toBe(true);
      expect(spring.days[0]!.localDate.startsWith('2027-0')).toBe(true);
      expect(spring.training.capacity).toBe(10);
    });

    it('has eight candidates in every state, each step in their history dated before now', () => {
      expect(candidates()).toHaveLength(8);
      for (const state of ['nominated', 'phoned', 'enrolled', 'completed', 'dropped'] as const) {
        expect(inState(state).length, state).toBeGreaterThan(0);
      }
      const coordinator = demoSignIns.find((person) => person.role === 'coordinator')!;
      for (const candidate of candidates()) {
        const history = db
          .select()
          .from(candidateHistory)
          .where(eq(candidateHistory.candidateId, candidate.id))
          .orderBy(candidateHistory.at, candidateHistory.id)
          .all();
        expect(history[0]!.step, candidate.name).toBe('nominated');
        expect(history.at(-1)!.step, candidate.name).toBe(
          candidate.instructorId === null ? candidate.state : 'instructor',
        );
        for (const step of history) {
          expect(step.at.getTime(), candidate.name).toBeLessThan(now.getTime());
          expect(step.byName, candidate.name).not.toBe('');
        }
        // After the nomination (a supervisor's, their own, or a phone call) the coordinator acts.
        for (const step of history.slice(1)) {
          expect(step.byName, candidate.name).toBe(coordinator.name);
          expect(step.byUserId, candidate.name).not.toBeNull();
        }
      }
      expect(candidatesToCall(db, now).map((candidate) => candidate.id)).toEqual(
        inState('nominated').map((candidate) => candidate.id),
      );
    });

    it('ends the held training with instructors licensed from its last day, one drop-out', () => {
      const held = trainingIn('held');
      const completed = inState('completed');
      expect(completed.length).toBeGreaterThanOrEqual(2);
      expect(completed.filter((candidate) => candidate.note !== '')).toHaveLength(1);
      for (const candidate of completed) {
        expect(candidate.trainingId).toBe(held.training.id);
        expect(candidate.completedOn).toBe('2026-05-20');
        const instructor = db
          .select()
          .from(instructors)
          .where(eq(instructors.id, candidate.instructorId!))
          .get()!;
        expect(instructor.name).toBe(candidate.name);
        expect(instructor.trainedOn).toBe('2026-05-20');
        expect(instructor.trainingId).toBe(held.training.id);
      }
      const [dropped, ...moreDropped] = inState('dropped');
      expect(moreDropped).toEqual([]);
      expect(dropped!.trainingId).toBe(held.training.id);
      expect(dropped!.note).not.toBe('');

      // Its invitations went out before it was held.
      const waiting = db
        .select()
        .from(outbox)
        .where(and(eq(outbox.trainingId, held.training.id), ne(outbox.state, 'sent')))
        .all();
      expect(waiting).toEqual([]);
    });

    it('has the enrolled candidates of the spring training invited, their mail waiting', () => {
      const spring = trainingIn('open');
      const enrolled = inState('enrolled');
      expect(enrolled.length).toBeGreaterThanOrEqual(2);
      expect(spring.candidates.map((candidate) => candidate.id)).toEqual(
        enrolled.map((candidate) => candidate.id),
      );
      const withEmail = enrolled.filter((candidate) => candidate.email !== '');
      expect(withEmail.length).toBeGreaterThan(0);
      for (const candidate of withEmail) {
        const invitation = db
          .select()
          .from(trainingInvitations)
          .where(eq(trainingInvitations.candidateId, candidate.id))
          .get();
        expect(invitation?.state, candidate.name).toBe('active');
        const mail = db
          .select()
          .from(outbox)
          .where(and(eq(outbox.candidateId, candidate.id), eq(outbox.state, 'queued')))
          .all();
        expect(mail, candidate.name).toHaveLength(1);
      }
    });

    it('asks the coordinator about the new instructor who has no course planned yet', () => {
      const attention = instructorsNeedingAttention(db, instantToWallClock(now).date);
      const newcomers = attention.filter(({ item }) => item.kind === 'no-course-planned');
      const [fromTraining, ...more] = newcomers;
      expect(more).toEqual([]);
      expect(fromTraining!.item).toMatchObject({ trainedOn: '2026-05-20' });
      const trainedThere = inState('completed').map((candidate) => candidate.instructorId);
      expect(trainedThere).toContain(fromTraining!.id);
    });
  });

  it('has a past steering meeting with minutes and an open action item, and the next one a week on', () => {
    const today = instantToWallClock(now).date;
    const [past, next, ...others] = db.select().from(meetings).orderBy(meetings.startsAt).all();
    expect(others).toHaveLength(0);
    expect(past!.localDate < today && next!.localDate > today).toBe(true);
    expect(past!.minutesWrittenAt).not.toBeNull();
    expect(next!.minutesWrittenAt).toBeNull();
    expect([past!.startTime, next!.startTime]).toEqual(['14:00', '14:00']);
    const items = db.select().from(meetingActionItems).all();
    expect(items.map((item) => item.meetingId)).toEqual([past!.id, past!.id]);
    expect(items.filter((item) => item.doneAt === null)).toHaveLength(1);
    const pastMail = db.select().from(outbox).where(eq(outbox.meetingId, past!.id)).all();
    expect(pastMail.length).toBe(4);
    expect(pastMail.every((message) => message.state === 'sent')).toBe(true);
    const nextMail = db.select().from(outbox).where(eq(outbox.meetingId, next!.id)).all();
    expect(nextMail.map((message) => message.calendarMethod)).toEqual([
      'REQUEST',
      'REQUEST',
      'REQUEST',
      'REQUEST',
    ]);
  });
});
