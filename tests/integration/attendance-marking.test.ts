import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attendance, auditLog, courseSessions, enrollments, sessionLeaders } from '../../db/schema';
import { anInstructor } from '../support/planning-fixtures';
import {
  aRunningCourse,
  aSubstituteIn,
  duringSession,
  storedMark,
} from '../support/attendance-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

const htmx = { 'HX-Request': 'true', 'HX-Target': 'attendance-list' };

describe('marking a session', () => {
  const { app, db, clock } = buildTestApp();
  let course: ReturnType<typeof aRunningCourse>;
  let instructorCookie = '';
  let secondInstructorCookie = '';

  beforeAll(async () => {
    const instructor = await aStaffUser(db, 'instructor');
    const second = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 4, instructorUserIds: [instructor.id, second.id] });
    clock.setTo(duringSession(course.sessions, 2));
    instructorCookie = await signIn(app, instructor);
    secondInstructorCookie = await signIn(app, second);
  });

  const sessionPath = (ordinal: number) =>
    `/sessions/${course.sessions[ordinal - 1]!.id}/attendance`;
  const person = (index: number) => course.people[index]!.enrollmentId;

  it("lists the session's participants with a tel: link and three controls each", async () => {
    const response = await getPage(app, sessionPath(2), instructorCookie);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('.attendee')).toHaveLength(4);
    expect($('.attendee').first().find('a[href^="tel:+358"]')).toHaveLength(1);
    expect(
      $('.attendee')
        .first()
        .find('button[name="mark"]')
        .map((_, button) => $(button).attr('value'))
        .get(),
    ).toEqual(['present', 'excused', 'absent']);
  });

  it('stores the same mark through a plain form and through htmx', async () => {
    const plain = await postForm(
      app,
      `${sessionPath(2)}/${person(0)}`,
      { mark: 'present' },
      { cookie: instructorCookie },
    );
    expect(plain.status).toBe(303);
    expect(plain.headers.get('Location')).toBe(`${sessionPath(2)}#enrollment-${person(0)}`);

    const viaHtmx = await postForm(
      app,
      `${sessionPath(2)}/${person(1)}`,
      { mark: 'present' },
      { cookie: instructorCookie, headers: htmx },
    );
    expect(viaHtmx.status).toBe(200);
    const fragment = await viaHtmx.text();
    expect(fragment).not.toContain('<html');
    const $ = load(fragment);
    expect($('#attendance-list')).toHaveLength(1);
    expect($(`#enrollment-${person(1)} button[aria-pressed="true"]`).attr('value')).toBe('present');
    expect($('#attendance-notice').text()).toContain('Osallistuja 2');

    const sessionId = course.sessions[1]!.id;
    const [first, second] = [
      storedMark(db, sessionId, person(0)),
      storedMark(db, sessionId, person(1)),
    ];
    expect(first).toMatchObject({ mark: 'present', markedByName: expect.stringMatching(/^Testi/) });
    expect(second).toMatchObject({ mark: 'present', markedBy: first!.markedBy });
  });

  it('shows the stored marks after a reload, with who marked', async () => {
    const $ = load(await (await getPage(app, sessionPath(2), instructorCookie)).text());
    expect($(`#enrollment-${person(0)} button[aria-pressed="true"]`).attr('value')).toBe('present');
    expect($(`#enrollment-${person(2)} button[aria-pressed="true"]`)).toHaveLength(0);
    expect($(`#enrollment-${person(0)} .hint`).text()).toMatch(/merkitsi/);
  });

  it('keeps one mark on a double click and audits the change once', async () => {
    const sessionId = course.sessions[1]!.id;
    const before = db.select().from(auditLog).where(eq(auditLog.subjectType, 'attendance')).all();
    for (let click = 0; click < 2; click++) {
      const response = await postForm(
        app,
        `${sessionPath(2)}/${person(2)}`,
        { mark: 'excused' },
        { cookie: instructorCookie },
      );
      expect(response.status).toBe(303);
    }
    const changes = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectType, 'attendance'))
      .all()
      .slice(before.length)
      .filter((entry) => entry.action === 'update');
    expect(changes).toHaveLength(1);
    expect(storedMark(db, sessionId, person(2))?.mark).toBe('excused');
  });

  it('ends with the later mark when two instructors mark the same person at once', async () => {
    const responses = await Promise.all([
      postForm(
        app,
        `${sessionPath(2)}/${person(3)}`,
        { mark: 'absent' },
        { cookie: instructorCookie },
      ),
      postForm(
        app,
        `${sessionPath(2)}/${person(3)}`,
        { mark: 'present' },
        { cookie: secondInstructorCookie },
      ),
    ]);
    expect(responses.map((response) => response.status)).toEqual([303, 303]);
    const rows = db
      .select()
      .from(attendance)
      .where(eq(attendance.enrollmentId, person(3)))
      .all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.mark).toBe('present');
  });

  it('marks the rest present and records the pair as the leaders', async () => {
    const sessionId = course.sessions[0]!.id;
    await postForm(
      app,
      `${sessionPath(1)}/${person(0)}`,
      { mark: 'absent' },
      { cookie: instructorCookie },
    );
    const response = await postForm(
      app,
      `${sessionPath(1)}/rest-present`,
      {},
      { cookie: instructorCookie },
    );
    expect(response.status).toBe(303);
    expect(course.people.map((each) => storedMark(db, sessionId, each.enrollmentId)?.mark)).toEqual(
      ['absent', 'present', 'present', 'present'],
    );
    const leaders = db
      .select()
      .from(sessionLeaders)
      .where(eq(sessionLeaders.sessionId, sessionId))
      .all()
      .map((row) => row.instructorId)
      .sort();
    expect(leaders).toEqual([...course.pair].sort());
  });

  it('records a substitute from the locality as a leader, and refuses anyone else', async () => {
    const substitute = aSubstituteIn(db, course.localityId);
    const sessionId = course.sessions[1]!.id;
    const page = load(await (await getPage(app, sessionPath(2), instructorCookie)).text());
    expect(page(`#leader-${substitute}`)).toHaveLength(1);
    const saved = await postForm(
      app,
      `/sessions/${sessionId}/leaders`,
      { instructorId: String(substitute) },
      { cookie: instructorCookie },
    );
    expect(saved.status).toBe(303);
    expect(
      db.select().from(sessionLeaders).where(eq(sessionLeaders.sessionId, sessionId)).all(),
    ).toEqual([{ sessionId, instructorId: substitute }]);
    const stranger = anInstructor(db);
    const attempts: Record<string, string>[] = [
      { instructorId: String(stranger) },
      {},
      { instructorId: 'x' },
    ];
    for (const fields of attempts) {
      const refused = await postForm(app, `/sessions/${sessionId}/leaders`, fields, {
        cookie: instructorCookie,
      });
      expect(refused.status).toBe(422);
      expect(load(await refused.text())('#leaders-error').text()).not.toBe('');
    }
    expect(
      db.select().from(sessionLeaders).where(eq(sessionLeaders.sessionId, sessionId)).all(),
    ).toEqual([{ sessionId, instructorId: substitute }]);
  });
});

describe('what marking refuses', () => {
  const { app, db, clock } = buildTestApp();
  let course: ReturnType<typeof aRunningCourse>;
  let instructorCookie = '';
  let otherInstructorCookie = '';
  let coordinatorCookie = '';

  beforeAll(async () => {
    const instructor = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 2, instructorUserIds: [instructor.id] });
    clock.setTo(duringSession(course.sessions, 2));
    instructorCookie = await signIn(app, instructor);
    otherInstructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
  });

  const sessionPath = (ordinal: number) =>
    `/sessions/${course.sessions[ordinal - 1]!.id}/attendance`;
  const person = (index: number) => course.people[index]!.enrollmentId;

  it('refuses an instructor who does not lead the course (403), also the page; coordinators see all', async () => {
    expect((await getPage(app, sessionPath(2), otherInstructorCookie)).status).toBe(403);
    const post = await postForm(
      app,
      `${sessionPath(2)}/${person(0)}`,
      { mark: 'present' },
      {
        cookie: otherInstructorCookie,
      },
    );
    expect(post.status).toBe(403);
    expect(storedMark(db, course.sessions[1]!.id, person(0))).toBeUndefined();
    expect((await getPage(app, sessionPath(2), coordinatorCookie)).status).toBe(200);
  });

  it('sends anonymous visitors to sign in and answers 404 for a session that does not exist', async () => {
    const anonymous = await getPage(app, sessionPath(2));
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('Location')).toMatch(/^\/sign-in/);
    expect((await getPage(app, '/sessions/999999/attendance', coordinatorCookie)).status).toBe(404);
    expect((await getPage(app, '/sessions/abc/attendance', coordinatorCookie)).status).toBe(404);
  });

  it('refuses a status other than the three (422, with a message)', async () => {
    for (const mark of ['late', '', 'PRESENT']) {
      const response = await postForm(
        app,
        `${sessionPath(2)}/${person(0)}`,
        { mark },
        {
          cookie: instructorCookie,
        },
      );
      expect(response.status).toBe(422);
      expect(load(await response.text())('#attendance-notice').text()).toContain('läsnä');
    }
    expect(storedMark(db, course.sessions[1]!.id, person(0))).toBeUndefined();
  });

  it('refuses a session that has not started, saying when marking opens', async () => {
    const page = load(await (await getPage(app, sessionPath(3), instructorCookie)).text());
    expect(page('.warning').text()).toContain('avautuu');
    expect(page('button[name="mark"]')).toHaveLength(0);
    const response = await postForm(
      app,
      `${sessionPath(3)}/${person(0)}`,
      { mark: 'present' },
      {
        cookie: instructorCookie,
      },
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('ei ole vielä alkanut');
  });

  it('refuses a person who was not due (a late joiner) and someone not on the course', async () => {
    const late = aRunningCourse(db, { participants: 1 });
    db.update(enrollments)
      .set({ placedAt: course.sessions[1]!.endsAt })
      .where(eq(enrollments.id, person(1)))
      .run();
    const page = load(await (await getPage(app, sessionPath(2), instructorCookie)).text());
    expect(page(`#enrollment-${person(1)}`)).toHaveLength(0);
    const notDue = await postForm(
      app,
      `${sessionPath(2)}/${person(1)}`,
      { mark: 'present' },
      {
        cookie: instructorCookie,
      },
    );
    expect(notDue.status).toBe(422);
    expect(await notDue.text()).toContain('ei ollut mukana');
    const elsewhere = await postForm(
      app,
      `${sessionPath(2)}/${late.people[0]!.enrollmentId}`,
      { mark: 'present' },
      { cookie: instructorCookie },
    );
    expect(elsewhere.status).toBe(404);
  });

  it('refuses a cancelled session', async () => {
    const sessionId = course.sessions[0]!.id;
    db.update(courseSessions)
      .set({ status: 'cancelled' })
      .where(eq(courseSessions.id, sessionId))
      .run();
    const response = await postForm(
      app,
      `${sessionPath(1)}/${person(0)}`,
      { mark: 'present' },
      {
        cookie: instructorCookie,
      },
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('peruttu');
    db.update(courseSessions)
      .set({ status: 'scheduled' })
      .where(eq(courseSessions.id, sessionId))
      .run();
  });
});

describe("an instructor's home page", () => {
  it("puts today's session first with a button to its attendance page, else the next one", async () => {
    const { app, db, clock } = buildTestApp();
    const instructor = await aStaffUser(db, 'instructor');
    const course = aRunningCourse(db, { participants: 1, instructorUserIds: [instructor.id] });
    // The morning of session 2's day: tonight's session is session 2.
    clock.setTo(new Date(course.sessions[1]!.startsAt.getTime() - 8 * 60 * 60_000));
    const cookie = await signIn(app, instructor);
    const $ = load(await (await getPage(app, '/', cookie)).text());
    const card = $('main section').first().find('.tonight');
    expect(card.find('h2').text()).toBe('Tänään: kerta 2');
    expect(card.find('a').attr('href')).toBe(`/sessions/${course.sessions[1]!.id}/attendance`);
    // Session 1 was held and nobody marked it: the home page says so.
    expect($('#sessions-to-mark-title')).toHaveLength(1);
    expect($('.session-links a').attr('href')).toBe(
      `/sessions/${course.sessions[0]!.id}/attendance`,
    );

    clock.setTo(new Date(course.sessions[1]!.endsAt.getTime() + 12 * 60 * 60_000));
    const nextDay = load(await (await getPage(app, '/', await signIn(app, instructor))).text());
    expect(nextDay('.tonight h2').text()).toBe('Seuraava kerta: 3');
  });
});
