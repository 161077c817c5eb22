import { load } from 'cheerio';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  auditLog,
  enrollments,
  outbox,
  programs,
  type AttendanceMark,
} from '../../db/schema';
import { markAttendance } from '../../src/features/attendance/attendance-commands';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import {
  aRunningCourse,
  aWaitlisted,
  duringSession,
  storedMark,
} from '../support/attendance-fixtures';
import { aWaitingApplicant, courseRow, enrollmentOf } from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  getPage,
  postForm,
  signIn,
  testConfig,
} from '../support/test-app';

type Setup = ReturnType<typeof buildTestApp>;
type Course = ReturnType<typeof aRunningCourse>;

/** Marks straight through the command, as an instructor would have through the session pages. */
function markAll(
  { db }: Setup,
  course: Course,
  marks: Record<number, (AttendanceMark | null)[]>,
  now: Date,
) {
  const list = Object.entries(marks).flatMap(([index, row]) =>
    row.flatMap((mark, sessionIndex) =>
      mark === null
        ? []
        : [
            {
              sessionId: course.sessions[sessionIndex]!.id,
              enrollmentId: course.people[Number(index)]!.enrollmentId,
              mark,
            },
          ],
    ),
  );
  markAttendance(
    db,
    { courseId: course.courseId, marks: list },
    {
      actor: { id: null, name: 'Testi', role: 'coordinator' },
      mail: { ...mailSettingsFrom(testConfig()), now },
    },
  );
}

describe("a course's attendance, follow-up and drop-outs", () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let course: Course;
  let instructorCookie = '';
  let coordinatorCookie = '';
  let strangerCookie = '';

  beforeAll(async () => {
    const instructor = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 4, instructorUserIds: [instructor.id] });
    clock.setTo(duringSession(course.sessions, 3));
    markAll(
      setup,
      course,
      {
        0: ['present', 'present', 'present'],
        1: ['present', 'absent', 'absent'],
        2: ['absent', 'excused', 'present'],
        3: ['present', 'present', null],
      },
      clock(),
    );
    instructorCookie = await signIn(app, instructor);
    coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    strangerCookie = await signIn(app, await aStaffUser(db, 'instructor'));
  });

  const row = ($: ReturnType<typeof load>, index: number) =>
    $(`#summary-${course.people[index]!.enrollmentId} td`)
      .map((_, cell) => $(cell).text())
      .get();

  it('shows attended / excused / absent / due per participant and flags two misses in a row', async () => {
    const response = await getPage(app, `/courses/${course.courseId}/attendance`, instructorCookie);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect(row($, 0).slice(0, 4)).toEqual(['3', '0', '0', '3']);
    expect(row($, 1).slice(0, 4)).toEqual(['1', '0', '2', '3']);
    expect(row($, 2).slice(0, 4)).toEqual(['1', '1', '1', '3']);
    expect(row($, 3).slice(0, 4)).toEqual(['2', '0', '0', '4']);
    expect($('.call-them')).toHaveLength(1);
    expect($(`#summary-${course.people[1]!.enrollmentId} .call-them`)).toHaveLength(1);
  });

  it('shows the same summary on the course page for planning staff', async () => {
    const $ = load(
      await (await getPage(app, `/courses/${course.courseId}`, coordinatorCookie)).text(),
    );
    expect(row($, 1).slice(0, 4)).toEqual(['1', '0', '2', '3']);
  });

  it('refuses an instructor of another course (403) on the page and its actions', async () => {
    const enrollmentId = course.people[1]!.enrollmentId;
    expect(
      (await getPage(app, `/courses/${course.courseId}/attendance`, strangerCookie)).status,
    ).toBe(403);
    expect(
      (
        await postForm(
          app,
          `/enrollments/${enrollmentId}/missed-sessions-call`,
          {},
          { cookie: strangerCookie },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await postForm(
          app,
          `/courses/${course.courseId}/drop-outs`,
          { enrollmentId, reason: 'health' },
          { cookie: strangerCookie },
        )
      ).status,
    ).toBe(403);
    expect(
      (await postForm(app, `/courses/${course.courseId}/closing`, {}, { cookie: instructorCookie }))
        .status,
    ).toBe(403);
  });

  it('puts the person on the call queue with the reason "missed sessions", once', async () => {
    const person = course.people[1]!;
    const added = await postForm(
      app,
      `/enrollments/${person.enrollmentId}/missed-sessions-call`,
      {},
      {
        cookie: instructorCookie,
      },
    );
    expect(added.status).toBe(303);
    const application = db
      .select()
      .from(applications)
      .where(eq(applications.id, person.applicationId))
      .get()!;
    expect(application).toMatchObject({ callReason: 'missed-sessions', state: 'placed' });
    expect(application.assignedInstructorId).toBe(course.pair[0]);
    const again = await postForm(
      app,
      `/enrollments/${person.enrollmentId}/missed-sessions-call`,
      {},
      {
        cookie: instructorCookie,
      },
    );
    expect(again.status).toBe(303);
    const queue = load(await (await getPage(app, '/calls', instructorCookie)).text());
    expect(queue('main').text()).toContain('poissa kahdesti peräkkäin');

    const reached = await postForm(
      app,
      `/applications/${person.applicationId}/call-attempts`,
      { outcome: 'reached' },
      {
        cookie: instructorCookie,
      },
    );
    expect(reached.status).toBe(303);
    // A follow-up call is not an intake call: reaching them takes them off the queue, no interview.
    expect(reached.headers.get('Location')).not.toContain('interview');
    expect(
      db.select().from(applications).where(eq(applications.id, person.applicationId)).get()!
        .callReason,
    ).toBe('intake');
  });

  it('re-renders the drop-out form with messages and keeps what was typed', async () => {
    const response = await postForm(
      app,
      `/courses/${course.courseId}/drop-outs`,
      {
        enrollmentId: String(course.people[2]!.enrollmentId),
        reason: 'bored',
        note: 'Kirjoitettu',
      },
      { cookie: instructorCookie },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#reason-error').text()).not.toBe('');
    expect($('#note').attr('value')).toBe('Kirjoitettu');
    expect($(`#enrollmentId option[selected]`).attr('value')).toBe(
      String(course.people[2]!.enrollmentId),
    );
    expect(enrollmentOf(db, course.people[2]!.applicationId, course.courseId).state).toBe('placed');
  });

  it('records a drop-out: withdrawn from the rest, calendar cancelled, seat not offered after session 3', async () => {
    const waiting = aWaitingApplicant(db, course.localityId, { name: 'Jonossa Oleva' });
    const waitlisted = aWaitlisted(db, course.courseId, waiting, clock());
    const person = course.people[2]!;
    const response = await postForm(
      app,
      `/courses/${course.courseId}/drop-outs`,
      { enrollmentId: String(person.enrollmentId), reason: 'health', note: 'Selkä kipeytyi' },
      { cookie: instructorCookie },
    );
    expect(response.status).toBe(303);
    expect(enrollmentOf(db, person.applicationId, course.courseId)).toMatchObject({
      state: 'withdrawn',
      dropOutReason: 'health',
      withdrawnReason: 'Selkä kipeytyi',
      withdrawnBy: 'staff',
      withdrawnAt: clock(),
    });
    const cancellation = db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.applicationId, person.applicationId), eq(outbox.calendarMethod, 'CANCEL')),
      )
      .all();
    expect(cancellation).toHaveLength(1);
    // Session 3 has started, past "no joining after session 2": the waitlist keeps waiting.
    expect(db.select().from(enrollments).where(eq(enrollments.id, waitlisted)).get()!.state).toBe(
      'waitlisted',
    );
    // Not listed for the sessions after they left, still for the ones before.
    const later = load(
      await (
        await getPage(app, `/sessions/${course.sessions[3]!.id}/attendance`, instructorCookie)
      ).text(),
    );
    expect(later(`#enrollment-${person.enrollmentId}`)).toHaveLength(0);
    const earlier = load(
      await (
        await getPage(app, `/sessions/${course.sessions[2]!.id}/attendance`, instructorCookie)
      ).text(),
    );
    expect(earlier(`#enrollment-${person.enrollmentId}`)).toHaveLength(1);
  });

  it('refuses a second drop-out of the same person with a message', async () => {
    const response = await postForm(
      app,
      `/courses/${course.courseId}/drop-outs`,
      { enrollmentId: String(course.people[2]!.enrollmentId), reason: 'health' },
      { cookie: coordinatorCookie },
    );
    expect(response.status).toBe(422);
    expect(load(await response.text())('#enrollmentId-error').text()).not.toBe('');
  });
});

describe('a freed seat before "no joining after session N"', () => {
  it('goes to the waitlist while at most N sessions have been held, as the program says', async () => {
    const setup = buildTestApp();
    const { app, db, clock } = setup;
    const course = aRunningCourse(db, { participants: 2, seats: 2 });
    const programId = courseRow(db, course.courseId)!.programId;
    db.update(programs).set({ lastJoiningSession: 3 }).where(eq(programs.id, programId)).run();
    clock.setTo(duringSession(course.sessions, 3));
    const cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const waiting = aWaitingApplicant(db, course.localityId);
    const placed = await postForm(
      app,
      '/enrollments',
      { applicationId: waiting, courseId: course.courseId },
      { cookie },
    );
    expect(placed.status).toBe(303);
    expect(enrollmentOf(db, waiting, course.courseId).state).toBe('waitlisted');
    const response = await postForm(
      app,
      `/courses/${course.courseId}/drop-outs`,
      { enrollmentId: String(course.people[0]!.enrollmentId), reason: 'moved' },
      { cookie },
    );
    expect(response.status).toBe(303);
    const promoted = enrollmentOf(db, waiting, course.courseId);
    expect(promoted.state).toBe('placed');
    expect(promoted.placedAt).toEqual(clock());
    // A late joiner is due from the session running now, not at the ones before.
    const earlier = load(
      await (await getPage(app, `/sessions/${course.sessions[1]!.id}/attendance`, cookie)).text(),
    );
    expect(earlier(`#enrollment-${promoted.id}`)).toHaveLength(0);
    const now = load(
      await (await getPage(app, `/sessions/${course.sessions[2]!.id}/attendance`, cookie)).text(),
    );
    expect(now(`#enrollment-${promoted.id}`)).toHaveLength(1);
  });
});

describe('closing a course', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let course: Course;
  let coordinatorCookie = '';
  let instructorCookie = '';

  beforeAll(async () => {
    const instructor = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 3, instructorUserIds: [instructor.id] });
    clock.setTo(new Date(course.sessions[5]!.endsAt.getTime() + 60_000));
    markAll(
      setup,
      course,
      {
        0: ['present', 'present', 'present', 'present', 'absent', 'absent'],
        1: ['present', 'present', 'present', 'excused', 'absent', 'absent'],
        2: ['present', 'present', 'present', 'present', 'present', null],
      },
      clock(),
    );
    coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructorCookie = await signIn(app, instructor);
  });

  it('is refused before the last session has ended', async () => {
    const early = aRunningCourse(db, { participants: 1 });
    const before = clock();
    clock.setTo(duringSession(early.sessions, 6));
    const response = await postForm(
      app,
      `/courses/${early.courseId}/closing`,
      {},
      { cookie: coordinatorCookie },
    );
    clock.setTo(before);
    expect(response.status).toBe(422);
    expect(load(await response.text())('#closing-problem').text()).toContain(
      'kun viimeinen kerta on pidetty',
    );
    expect(courseRow(db, early.courseId)!.status).toBe('running');
  });

  it('is refused while a due participant is unmarked, listing them with links', async () => {
    const response = await postForm(
      app,
      `/courses/${course.courseId}/closing`,
      {},
      { cookie: coordinatorCookie },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    const gaps = $('#closing-problem li a');
    expect(gaps).toHaveLength(1);
    expect(gaps.text()).toBe('Osallistuja 3, kerta 6');
    expect(gaps.attr('href')).toBe(
      `/sessions/${course.sessions[5]!.id}/attendance#enrollment-${course.people[2]!.enrollmentId}`,
    );
    expect(courseRow(db, course.courseId)!.status).toBe('running');
    expect(enrollmentOf(db, course.people[0]!.applicationId, course.courseId).state).toBe('placed');
  });

  it('freezes completion by the threshold (excused not counted) and completes the course', async () => {
    const filled = await postForm(
      app,
      `/sessions/${course.sessions[5]!.id}/attendance/${course.people[2]!.enrollmentId}`,
      { mark: 'absent' },
      { cookie: instructorCookie },
    );
    expect(filled.status).toBe(303);
    const closed = await postForm(
      app,
      `/courses/${course.courseId}/closing`,
      {},
      { cookie: coordinatorCookie },
    );
    expect(closed.status).toBe(303);
    expect(courseRow(db, course.courseId)!.status).toBe('completed');
    const states = course.people.map((person) => {
      const enrollment = enrollmentOf(db, person.applicationId, course.courseId);
      return [enrollment.state, enrollment.attendedSessions];
    });
    expect(states).toEqual([
      ['completed', 4],
      ['not-completed', 3],
      ['completed', 5],
    ]);
    const $ = load(
      await (await getPage(app, `/courses/${course.courseId}/attendance`, instructorCookie)).text(),
    );
    expect($('#completers').text()).toBe('Suorittaneet: 2');
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'course'), eq(auditLog.subjectId, course.courseId)))
        .all()
        .filter((entry) => entry.action !== 'read')
        .at(-1)!.detail,
    ).toBe('closed: 2 completed, 1 not completed');
  });

  it('lets only a coordinator change a mark after closing, audited with the old and new value', async () => {
    const sessionPath = `/sessions/${course.sessions[4]!.id}/attendance/${course.people[1]!.enrollmentId}`;
    const byInstructor = await postForm(
      app,
      sessionPath,
      { mark: 'present' },
      { cookie: instructorCookie },
    );
    expect(byInstructor.status).toBe(422);
    expect(await byInstructor.text()).toContain('Korjauksen tekee koordinaattori');
    expect(storedMark(db, course.sessions[4]!.id, course.people[1]!.enrollmentId)?.mark).toBe(
      'absent',
    );

    const byCoordinator = await postForm(
      app,
      sessionPath,
      { mark: 'present' },
      { cookie: coordinatorCookie },
    );
    expect(byCoordinator.status).toBe(303);
    const entry = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'attendance'), eq(auditLog.action, 'update')))
      .orderBy(asc(auditLog.id))
      .all()
      .at(-1)!;
    expect(entry.detail).toBe(`session ${course.sessions[4]!.id}: absent -> present after closing`);
    // The correction reaches the frozen result: now 4 attended.
    expect(enrollmentOf(db, course.people[1]!.applicationId, course.courseId)).toMatchObject({
      state: 'completed',
      attendedSessions: 4,
    });
  });

  it('cannot be closed twice', async () => {
    const again = await postForm(
      app,
      `/courses/${course.courseId}/closing`,
      {},
      { cookie: coordinatorCookie },
    );
    expect(again.status).toBe(422);
  });
});
