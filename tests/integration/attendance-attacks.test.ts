import { join } from 'node:path';
import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  attendance,
  auditLog,
  courses,
  enrollments,
  outbox,
  programs,
  sessionLeaders,
  type AttendanceMark,
} from '../../db/schema';
import { openDatabase } from '../../src/db';
import { markAttendance } from '../../src/features/attendance/attendance-commands';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import {
  aRunningCourse,
  aSubstituteIn,
  duringSession,
  storedMark,
} from '../support/attendance-fixtures';
import { startServer, type RunningServer } from '../support/browser';
import {
  aWaitingApplicant,
  anInstructor,
  courseRow,
  enrollmentOf,
} from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
  temporaryDirectory,
  testConfig,
  testOrigin,
} from '../support/test-app';
import { failOnUnexpectedErrors } from '../support/unexpected-errors';

/**
 * Attacks on the attendance feature as an outsider would make them: every role against every
 * route, ids of other courses, requests at once, odd input and the edges of time. Each attack is
 * a regression test; the ones that found a defect (since fixed) say so.
 */

failOnUnexpectedErrors();

type Setup = ReturnType<typeof buildTestApp>;
type App = Setup['app'];
type Db = Setup['db'];
type Course = ReturnType<typeof aRunningCourse>;

const htmx = { 'HX-Request': 'true', 'HX-Target': 'attendance-list' };

/** A raw form post, for bodies URLSearchParams cannot make (duplicated fields, huge forms). */
function postRaw(
  app: App,
  path: string,
  body: string,
  cookie: string,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: testOrigin,
      Cookie: cookie,
      ...headers,
    },
    body,
  });
}

/** Everything an attendance route could write (audit reads excluded: they are not a change). */
function writableState(db: Db) {
  return JSON.stringify({
    attendance: db.select().from(attendance).all(),
    leaders: db.select().from(sessionLeaders).all(),
    enrollments: db.select().from(enrollments).all(),
    applications: db.select().from(applications).all(),
    courses: db.select({ id: courses.id, status: courses.status }).from(courses).all(),
    outbox: db.select({ id: outbox.id }).from(outbox).all(),
    audit: db
      .select()
      .from(auditLog)
      .all()
      .filter((entry) => entry.action !== 'read'),
  });
}

function auditCount(db: Db) {
  return db.select().from(auditLog).all().length;
}

/** Marks straight through the command, as planning staff would have through the pages. */
function markAll(
  db: Db,
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

function enrollmentRow(db: Db, enrollmentId: number) {
  return db.select().from(enrollments).where(eq(enrollments.id, enrollmentId)).get()!;
}

type RouteCall = { method: 'GET' | 'POST'; path: string; fields?: Record<string, string> };

/** Every attendance route, aimed at one course (session 2, its first person). */
function everyRoute(course: Course): RouteCall[] {
  const sessionId = course.sessions[1]!.id;
  const enrollmentId = course.people[0]!.enrollmentId;
  return [
    { method: 'GET', path: `/sessions/${sessionId}/attendance` },
    {
      method: 'POST',
      path: `/sessions/${sessionId}/attendance/${enrollmentId}`,
      fields: { mark: 'present' },
    },
    {
      method: 'POST',
      path: `/sessions/${sessionId}/attendance/${enrollmentId}`,
      fields: { mark: 'bogus' },
    },
    { method: 'POST', path: `/sessions/${sessionId}/attendance/rest-present`, fields: {} },
    {
      method: 'POST',
      path: `/sessions/${sessionId}/leaders`,
      fields: { instructorId: String(course.pair[0]) },
    },
    { method: 'GET', path: `/courses/${course.courseId}/attendance` },
    { method: 'GET', path: `/courses/${course.courseId}/attendance/grid` },
    {
      method: 'POST',
      path: `/courses/${course.courseId}/attendance/grid`,
      fields: { [`mark-${enrollmentId}-${sessionId}`]: 'absent' },
    },
    { method: 'GET', path: `/courses/${course.courseId}/attendance/print` },
    { method: 'POST', path: `/courses/${course.courseId}/closing`, fields: {} },
    {
      method: 'POST',
      path: `/courses/${course.courseId}/drop-outs`,
      fields: { enrollmentId: String(enrollmentId), reason: 'health', note: 'x' },
    },
    {
      method: 'POST',
      path: `/courses/${course.courseId}/drop-outs`,
      fields: { enrollmentId: String(enrollmentId), reason: 'bogus' },
    },
    {
      method: 'POST',
      path: `/enrollments/${course.people[1]!.enrollmentId}/missed-sessions-call`,
      fields: {},
    },
  ];
}

function call(
  app: App,
  route: RouteCall,
  cookie: string,
  options: { origin?: string | null; headers?: Record<string, string> } = {},
) {
  return route.method === 'GET'
    ? getPage(app, route.path, cookie, options.headers)
    : postForm(app, route.path, route.fields ?? {}, { cookie, ...options });
}

describe('who may use each attendance route', () => {
  const { app, db, clock } = buildTestApp();
  let courseA: Course;
  let courseB: Course;
  let courseC: Course;
  let instructorA = '';
  let instructorB = '';
  let coordinator = '';
  let admin = '';

  beforeAll(async () => {
    const a = await aStaffUser(db, 'instructor');
    const b = await aStaffUser(db, 'instructor');
    courseA = aRunningCourse(db, { participants: 4, instructorUserIds: [a.id] });
    courseB = aRunningCourse(db, { participants: 4, instructorUserIds: [b.id] });
    courseC = aRunningCourse(db, { participants: 4 });
    clock.setTo(duringSession(courseA.sessions, 2));
    instructorA = await signIn(app, a);
    instructorB = await signIn(app, b);
    coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
    admin = await signIn(app, await aStaffUser(db, 'admin'));
  });

  it('refuses an instructor of another course (403) on every route, plain and htmx, writing nothing', async () => {
    const before = writableState(db);
    const audits = auditCount(db);
    for (const route of everyRoute(courseA)) {
      const plain = await call(app, route, instructorB);
      expect(plain.status, `${route.method} ${route.path}`).toBe(403);
      const viaHtmx = await call(app, route, instructorB, { headers: htmx });
      expect(viaHtmx.status, `htmx ${route.method} ${route.path}`).toBe(403);
    }
    expect(writableState(db)).toBe(before);
    // Not even a read is audited for a refused visitor.
    expect(auditCount(db)).toBe(audits);
  });

  it('sends anonymous visitors to sign in on every route (401 + HX-Redirect for htmx), writing nothing', async () => {
    const before = writableState(db);
    for (const route of everyRoute(courseA)) {
      const response = await call(app, route, '');
      expect(response.status, `${route.method} ${route.path}`).toBe(303);
      expect(response.headers.get('Location')).toMatch(/^\/sign-in/);
      const viaHtmx = await call(app, route, '', { headers: htmx });
      expect(viaHtmx.status).toBe(401);
      expect(viaHtmx.headers.get('HX-Redirect')).toMatch(/^\/sign-in/);
    }
    expect(writableState(db)).toBe(before);
  });

  it('refuses a cross-site post on every route, also for a coordinator, writing nothing', async () => {
    const before = writableState(db);
    for (const route of everyRoute(courseA).filter((each) => each.method === 'POST')) {
      const foreign = await call(app, route, coordinator, { origin: 'https://evil.example' });
      expect(foreign.status, route.path).toBe(403);
      const lookalike = await call(app, route, coordinator, {
        origin: 'http://localhost.evil.example',
      });
      expect(lookalike.status, route.path).toBe(403);
      const nullOrigin = await call(app, route, coordinator, { origin: 'null' });
      expect(nullOrigin.status, route.path).toBe(403);
      const crossSiteFetch = await call(app, route, coordinator, {
        origin: null,
        headers: { 'Sec-Fetch-Site': 'cross-site' },
      });
      expect(crossSiteFetch.status, route.path).toBe(403);
    }
    expect(writableState(db)).toBe(before);
  });

  it('refuses closing to the instructors of the course themselves (planning staff only)', async () => {
    const before = writableState(db);
    const response = await postForm(
      app,
      `/courses/${courseA.courseId}/closing`,
      {},
      { cookie: instructorA },
    );
    expect(response.status).toBe(403);
    expect(writableState(db)).toBe(before);
  });

  for (const role of ['coordinator', 'admin', 'instructorA'] as const) {
    it(`lets ${role} use every route of a course (closing: 422 before the end, 403 for an instructor)`, async () => {
      const cookie = { coordinator, admin, instructorA }[role];
      const course = { coordinator: courseB, admin: courseC, instructorA: courseA }[role];
      for (const route of everyRoute(course)) {
        const response = await call(app, route, cookie);
        const expected =
          route.method === 'GET'
            ? 200
            : route.path.endsWith('/closing')
              ? role === 'instructorA'
                ? 403
                : 422
              : route.fields?.mark === 'bogus' || route.fields?.reason === 'bogus'
                ? 422
                : 303;
        expect(response.status, `${role} ${route.method} ${route.path}`).toBe(expected);
      }
      const enrollmentId = course.people[0]!.enrollmentId;
      expect(storedMark(db, course.sessions[1]!.id, enrollmentId)?.mark).toBe('absent');
      expect(enrollmentRow(db, enrollmentId).state).toBe('withdrawn');
    });
  }
});

describe('ids of another course (IDOR)', () => {
  const { app, db, clock } = buildTestApp();
  let courseA: Course;
  let courseB: Course;
  let instructorA = '';
  let coordinator = '';

  beforeAll(async () => {
    const a = await aStaffUser(db, 'instructor');
    const b = await aStaffUser(db, 'instructor');
    courseA = aRunningCourse(db, { participants: 3, instructorUserIds: [a.id] });
    courseB = aRunningCourse(db, { participants: 3, instructorUserIds: [b.id] });
    clock.setTo(duringSession(courseA.sessions, 2));
    instructorA = await signIn(app, a);
    coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
  });

  const sessionA = () => courseA.sessions[1]!.id;
  const sessionB = () => courseB.sessions[1]!.id;
  const personA = () => courseA.people[0]!.enrollmentId;
  const personB = () => courseB.people[0]!.enrollmentId;

  it("refuses marking course B's person through course A's session (404), for instructor and coordinator", async () => {
    const before = writableState(db);
    for (const cookie of [instructorA, coordinator]) {
      const plain = await postForm(
        app,
        `/sessions/${sessionA()}/attendance/${personB()}`,
        { mark: 'present' },
        { cookie },
      );
      expect(plain.status).toBe(404);
      const viaHtmx = await postForm(
        app,
        `/sessions/${sessionA()}/attendance/${personB()}`,
        { mark: 'present' },
        { cookie, headers: htmx },
      );
      expect(viaHtmx.status).toBe(404);
    }
    // And course A's person through course B's session: instructor A does not lead B.
    const reverse = await postForm(
      app,
      `/sessions/${sessionB()}/attendance/${personA()}`,
      { mark: 'present' },
      { cookie: instructorA },
    );
    expect(reverse.status).toBe(403);
    const reverseAsCoordinator = await postForm(
      app,
      `/sessions/${sessionB()}/attendance/${personA()}`,
      { mark: 'present' },
      { cookie: coordinator },
    );
    expect(reverseAsCoordinator.status).toBe(404);
    expect(writableState(db)).toBe(before);
  });

  it("refuses a grid post of course A that names course B's person or session (422, nothing saved)", async () => {
    const before = writableState(db);
    for (const field of [
      `mark-${personB()}-${sessionA()}`,
      `mark-${personA()}-${sessionB()}`,
      `mark-${personB()}-${sessionB()}`,
    ]) {
      const response = await postForm(
        app,
        `/courses/${courseA.courseId}/attendance/grid`,
        { [`mark-${personA()}-${sessionA()}`]: 'present', [field]: 'present' },
        { cookie: instructorA },
      );
      expect(response.status, field).toBe(422);
    }
    expect(writableState(db)).toBe(before);
  });

  it("refuses dropping out course B's person through course A's drop-outs (422), for instructor and coordinator", async () => {
    const before = writableState(db);
    for (const cookie of [instructorA, coordinator]) {
      const response = await postForm(
        app,
        `/courses/${courseA.courseId}/drop-outs`,
        { enrollmentId: String(personB()), reason: 'health', note: 'IDOR' },
        { cookie },
      );
      expect(response.status).toBe(422);
    }
    expect(enrollmentRow(db, personB()).state).toBe('placed');
    expect(writableState(db)).toBe(before);
  });

  it("refuses instructor A a missed-sessions call for course B's person (403)", async () => {
    const before = writableState(db);
    const response = await postForm(
      app,
      `/enrollments/${personB()}/missed-sessions-call`,
      {},
      { cookie: instructorA },
    );
    expect(response.status).toBe(403);
    expect(writableState(db)).toBe(before);
  });

  it('refuses a missed-sessions call for a waitlisted or withdrawn enrolment (404, call queue untouched)', async () => {
    const withdrawnId = courseA.people[2]!.enrollmentId;
    const dropped = await postForm(
      app,
      `/courses/${courseA.courseId}/drop-outs`,
      { enrollmentId: String(withdrawnId), reason: 'moved' },
      { cookie: coordinator },
    );
    expect(dropped.status).toBe(303);
    // A waitlisted person of course A (made by hand after the drop-out, so no freed seat promotes them).
    const waiting = aWaitingApplicant(db, courseA.localityId);
    const waitlistedId = db
      .insert(enrollments)
      .values({
        courseId: courseA.courseId,
        applicationId: waiting,
        state: 'waitlisted',
        queuedAt: clock(),
        createdAt: clock(),
        updatedAt: clock(),
      })
      .returning({ id: enrollments.id })
      .get().id;
    const before = writableState(db);
    for (const enrollmentId of [waitlistedId, withdrawnId, 999_999]) {
      for (const cookie of [instructorA, coordinator]) {
        const response = await postForm(
          app,
          `/enrollments/${enrollmentId}/missed-sessions-call`,
          {},
          { cookie },
        );
        expect(response.status, `enrolment ${enrollmentId}`).toBe(404);
      }
    }
    expect(writableState(db)).toBe(before);
  });

  it("refuses leaders who are course B's pair or instructors of no locality of course A (422)", async () => {
    const before = writableState(db);
    const stranger = anInstructor(db);
    const before2 = writableState(db);
    for (const ids of [
      [courseB.pair[0]!],
      [courseA.pair[0]!, courseB.pair[1]!],
      [stranger],
      [999_999],
    ]) {
      const body = ids.map((id) => `instructorId=${id}`).join('&');
      const response = await postRaw(app, `/sessions/${sessionA()}/leaders`, body, instructorA);
      expect(response.status, ids.join(',')).toBe(422);
    }
    expect(writableState(db)).toBe(before2);
    expect(before).not.toBe(before2); // only the stranger instructor was added
  });

  it("refuses leaders for course B's session through instructor A (403), and a substitute of B's locality on A (422)", async () => {
    const substituteOfB = aSubstituteIn(db, courseB.localityId);
    const before = writableState(db);
    const foreign = await postForm(
      app,
      `/sessions/${sessionB()}/leaders`,
      { instructorId: String(courseA.pair[0]) },
      { cookie: instructorA },
    );
    expect(foreign.status).toBe(403);
    const wrongLocality = await postForm(
      app,
      `/sessions/${sessionA()}/leaders`,
      { instructorId: String(substituteOfB) },
      { cookie: coordinator },
    );
    expect(wrongLocality.status).toBe(422);
    expect(writableState(db)).toBe(before);
  });
});

describe('many requests at once', () => {
  const { app, db, clock } = buildTestApp();
  let course: Course;
  let instructor = '';

  beforeAll(async () => {
    const user = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 6, instructorUserIds: [user.id] });
    clock.setTo(duringSession(course.sessions, 2));
    instructor = await signIn(app, user);
  });

  const updatesOf = (from: number) =>
    db
      .select()
      .from(auditLog)
      .all()
      .slice(from)
      .filter((entry) => entry.action === 'update' && entry.subjectType === 'attendance');

  it('stores one row and one audited change for 100 identical marks at once (plain and htmx)', async () => {
    const sessionId = course.sessions[1]!.id;
    const enrollmentId = course.people[0]!.enrollmentId;
    const from = auditCount(db);
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        postForm(
          app,
          `/sessions/${sessionId}/attendance/${enrollmentId}`,
          { mark: 'present' },
          { cookie: instructor, headers: index % 2 === 0 ? htmx : {} },
        ),
      ),
    );
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([200, 303]));
    const rows = db
      .select()
      .from(attendance)
      .where(and(eq(attendance.sessionId, sessionId), eq(attendance.enrollmentId, enrollmentId)))
      .all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.mark).toBe('present');
    expect(updatesOf(from)).toHaveLength(1);
    // The pair was recorded as leaders once.
    expect(
      db.select().from(sessionLeaders).where(eq(sessionLeaders.sessionId, sessionId)).all(),
    ).toHaveLength(2);
  });

  it('marks each person once for 100 "rest present" at once', async () => {
    const sessionId = course.sessions[0]!.id;
    const from = auditCount(db);
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        postForm(app, `/sessions/${sessionId}/attendance/rest-present`, {}, { cookie: instructor }),
      ),
    );
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([303]));
    const rows = db.select().from(attendance).where(eq(attendance.sessionId, sessionId)).all();
    expect(rows).toHaveLength(course.people.length);
    expect(rows.every((row) => row.mark === 'present')).toBe(true);
    expect(updatesOf(from)).toHaveLength(course.people.length);
  });

  it('closes a course once when two coordinators close it at the same moment (303 + 422)', async () => {
    const setup = buildTestApp();
    const closing = aRunningCourse(setup.db, { participants: 3 });
    setup.clock.setTo(new Date(closing.sessions[5]!.endsAt.getTime() + 60_000));
    markAll(
      setup.db,
      closing,
      {
        0: ['present', 'present', 'present', 'present', 'absent', 'absent'],
        1: ['present', 'absent', 'absent', 'absent', 'absent', 'absent'],
        2: ['present', 'present', 'present', 'present', 'present', 'present'],
      },
      setup.clock(),
    );
    const first = await signIn(setup.app, await aStaffUser(setup.db, 'coordinator'));
    const second = await signIn(setup.app, await aStaffUser(setup.db, 'coordinator'));
    const responses = await Promise.all(
      [first, second].map((cookie) =>
        postForm(setup.app, `/courses/${closing.courseId}/closing`, {}, { cookie }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([303, 422]);
    expect(courseRow(setup.db, closing.courseId)!.status).toBe('completed');
    expect(
      closing.people.map((person) => {
        const row = enrollmentRow(setup.db, person.enrollmentId);
        return [row.state, row.attendedSessions];
      }),
    ).toEqual([
      ['completed', 4],
      ['not-completed', 1],
      ['completed', 6],
    ]);
    const closings = setup.db
      .select()
      .from(auditLog)
      .all()
      .filter((entry) => entry.subjectType === 'course' && entry.detail.startsWith('closed'));
    expect(closings).toHaveLength(1);
  });
});

describe('odd input', () => {
  const { app, db, clock } = buildTestApp();
  let course: Course;
  let instructor = '';
  let coordinator = '';

  beforeAll(async () => {
    const user = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 4, instructorUserIds: [user.id] });
    clock.setTo(duringSession(course.sessions, 2));
    instructor = await signIn(app, user);
    coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
  });

  const sessionId = () => course.sessions[1]!.id;
  const person = (index: number) => course.people[index]!.enrollmentId;

  it('refuses a 10,000-character drop-out note (422) and drops nobody out', async () => {
    const before = writableState(db);
    const response = await postForm(
      app,
      `/courses/${course.courseId}/drop-outs`,
      { enrollmentId: String(person(0)), reason: 'other', note: 'x'.repeat(10_000) },
      { cookie: instructor },
    );
    expect(response.status).toBe(422);
    expect(writableState(db)).toBe(before);
  });

  it('keeps control characters out of a drop-out note and shows unicode as text', async () => {
    const note = 'Muutti\u0000 \u0007pois\u202e ‮ Åland 👩‍👧 <script>alert(1)</script>';
    const response = await postForm(
      app,
      `/courses/${course.courseId}/drop-outs`,
      { enrollmentId: String(person(3)), reason: 'moved', note },
      { cookie: instructor },
    );
    expect(response.status).toBe(303);
    const stored = enrollmentRow(db, person(3));
    expect(stored.state).toBe('withdrawn');
    // eslint-disable-next-line no-control-regex
    expect(stored.withdrawnReason).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(stored.withdrawnReason).toContain('Åland 👩‍👧');
    const page = await (
      await getPage(app, `/courses/${course.courseId}/attendance`, coordinator)
    ).text();
    expect(page).not.toContain('<script>alert(1)</script>');
  });

  it('shows a participant with a hostile unicode name escaped on every attendance page and notice', async () => {
    const name = '<img src=x onerror=alert(1)> Ääkkönen‮ 👩‍👩‍👧 "quoted" \'single\'';
    db.update(applications)
      .set({ name })
      .where(eq(applications.id, course.people[1]!.applicationId))
      .run();
    for (const path of [
      `/sessions/${sessionId()}/attendance`,
      `/courses/${course.courseId}/attendance`,
      `/courses/${course.courseId}/attendance/grid`,
      `/courses/${course.courseId}/attendance/print`,
    ]) {
      const response = await getPage(app, path, coordinator);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html, path).not.toContain('<img src=x');
      expect(load(html)('main').text(), path).toContain('Ääkkönen');
    }
    const saved = await postForm(
      app,
      `/sessions/${sessionId()}/attendance/${person(1)}`,
      { mark: 'excused' },
      { cookie: instructor, headers: htmx },
    );
    expect(saved.status).toBe(200);
    const fragment = await saved.text();
    expect(fragment).not.toContain('<img src=x');
    expect(load(fragment)('#attendance-notice').text()).toContain('Ääkkönen');
  });

  it('answers 404 (never 500) for ids that are not positive whole numbers, writing nothing', async () => {
    const before = writableState(db);
    const odd = ['-1', '0', '9999999999999999999', '1.5', 'abc', '%00', ''];
    for (const id of odd) {
      for (const path of [
        `/sessions/${id}/attendance`,
        `/courses/${id}/attendance`,
        `/courses/${id}/attendance/grid`,
        `/courses/${id}/attendance/print`,
      ]) {
        const response = await getPage(app, path, coordinator);
        expect([404], `GET ${path}`).toContain(response.status);
      }
      for (const path of [
        `/sessions/${id}/attendance/${person(0)}`,
        `/sessions/${sessionId()}/attendance/${id}`,
        `/sessions/${id}/attendance/rest-present`,
        `/sessions/${id}/leaders`,
        `/courses/${id}/closing`,
        `/courses/${id}/drop-outs`,
        `/courses/${id}/attendance/grid`,
        `/enrollments/${id}/missed-sessions-call`,
      ]) {
        const response = await postForm(app, path, { mark: 'present' }, { cookie: coordinator });
        // An empty id can make a different route match (e.g. /sessions//attendance); never 2xx/5xx.
        expect(response.status, `POST ${path}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `POST ${path}`).toBeLessThan(500);
      }
    }
    expect(writableState(db)).toBe(before);
  });

  it('does not take "1e3", "0x10" or " 16" in a path as the record of that number', async () => {
    // Found as a defect: idParam() read ids with Number(), so /0x<id>, /<id>e0, /%20<id> and the
    // like opened the record <id>. Only plain digits name a record now.
    const id = sessionId();
    const aliases = [
      `0x${id.toString(16)}`,
      `${id}e0`,
      `${id}.0`,
      `%20${id}`,
      `${id}%0A`,
      `+${id}`,
      `0${id}`,
    ];
    const statuses = [];
    for (const alias of aliases) {
      statuses.push([
        alias,
        (await getPage(app, `/sessions/${alias}/attendance`, coordinator)).status,
      ]);
    }
    expect(statuses).toEqual(aliases.map((alias) => [alias, 404]));
  });

  it('refuses ids like 1e3, -1, 0x10 and 9999999999999999999 in the drop-out form (422)', async () => {
    const before = writableState(db);
    for (const enrollmentId of [
      '1e3',
      '-1',
      '0x10',
      '9999999999999999999',
      `${person(0)}.0`,
      ' ',
      `0x${person(0).toString(16)}`,
    ]) {
      const response = await postForm(
        app,
        `/courses/${course.courseId}/drop-outs`,
        { enrollmentId, reason: 'health' },
        { cookie: coordinator },
      );
      expect(response.status, enrollmentId).toBe(422);
    }
    expect(writableState(db)).toBe(before);
  });

  it('refuses duplicated mark and drop-out fields (422) and ignores extra fields', async () => {
    const before = writableState(db);
    const duplicated = await postRaw(
      app,
      `/sessions/${sessionId()}/attendance/${person(0)}`,
      'mark=present&mark=absent',
      instructor,
    );
    expect(duplicated.status).toBe(422);
    const duplicatedDropOut = await postRaw(
      app,
      `/courses/${course.courseId}/drop-outs`,
      `enrollmentId=${person(0)}&enrollmentId=${person(2)}&reason=health`,
      instructor,
    );
    expect(duplicatedDropOut.status).toBe(422);
    const duplicatedGrid = await postRaw(
      app,
      `/courses/${course.courseId}/attendance/grid`,
      `mark-${person(0)}-${sessionId()}=present&mark-${person(0)}-${sessionId()}=absent`,
      instructor,
    );
    expect(duplicatedGrid.status).toBe(422);
    expect(writableState(db)).toBe(before);

    const extra = await postRaw(
      app,
      `/sessions/${sessionId()}/attendance/${person(0)}`,
      `mark=present&enrollmentId=${person(2)}&sessionId=${course.sessions[0]!.id}&markedBy=1&role=admin`,
      instructor,
    );
    expect(extra.status).toBe(303);
    expect(storedMark(db, sessionId(), person(0))?.mark).toBe('present');
    expect(storedMark(db, sessionId(), person(2))).toBeUndefined();
    expect(storedMark(db, course.sessions[0]!.id, person(2))).toBeUndefined();
  });

  it('refuses a grid post of 5,000 fields (within the body limit) without saving any of it', async () => {
    const before = writableState(db);
    const valid = `mark-${person(2)}-${sessionId()}=absent`;
    const unknown = Array.from({ length: 4_999 }, (_, index) => `m${index}=p`).join('&');
    const body = `${valid}&${unknown}`;
    expect(body.length).toBeLessThan(64 * 1024);
    const response = await postRaw(
      app,
      `/courses/${course.courseId}/attendance/grid`,
      body,
      instructor,
    );
    expect(response.status).toBe(422);
    expect(writableState(db)).toBe(before);

    // 5,000 fields that all name real boxes of the course (repeated): refused as well.
    const boxes = course.people.flatMap((each) =>
      course.sessions.slice(0, 2).map((session) => `mark-${each.enrollmentId}-${session.id}=`),
    );
    const repeated = Array.from({ length: 5_000 }, (_, index) => boxes[index % boxes.length]).join(
      '&',
    );
    expect(repeated.length).toBeLessThan(64 * 1024);
    const again = await postRaw(
      app,
      `/courses/${course.courseId}/attendance/grid`,
      repeated,
      instructor,
    );
    expect(again.status).toBe(422);
    expect(writableState(db)).toBe(before);
  });

  it('refuses a grid post mixing good boxes with a refused one, saving none (422)', async () => {
    const before = writableState(db);
    const fields: Record<string, string> = {
      [`mark-${person(0)}-${course.sessions[0]!.id}`]: 'present',
      [`mark-${person(2)}-${course.sessions[0]!.id}`]: 'absent',
      // Session 3 has not started.
      [`mark-${person(2)}-${course.sessions[2]!.id}`]: 'present',
    };
    const response = await postForm(app, `/courses/${course.courseId}/attendance/grid`, fields, {
      cookie: instructor,
    });
    expect(response.status).toBe(422);
    expect(writableState(db)).toBe(before);
  });

  it('refuses leaders given as odd numbers (422) without touching the recorded ones', async () => {
    const before = writableState(db);
    for (const body of [
      'instructorId=1e3',
      'instructorId=-1',
      'instructorId=0x10',
      'instructorId=9999999999999999999',
      `instructorId=${course.pair[0]}.5`,
      'instructorId=',
    ]) {
      const response = await postRaw(app, `/sessions/${sessionId()}/leaders`, body, instructor);
      expect(response.status, body).toBe(422);
    }
    expect(writableState(db)).toBe(before);
  });

  it('refuses a multipart mark with a file instead of text (422, no 500)', async () => {
    const form = new FormData();
    form.append('mark', new Blob(['present'], { type: 'text/plain' }), 'mark.txt');
    const response = await app.request(`/sessions/${sessionId()}/attendance/${person(0)}`, {
      method: 'POST',
      headers: { Origin: testOrigin, Cookie: instructor },
      body: form,
    });
    expect(response.status).toBe(422);
    const leaders = new FormData();
    leaders.append('instructorId', new Blob([String(course.pair[0])]), 'id.txt');
    const leadersResponse = await app.request(`/sessions/${sessionId()}/leaders`, {
      method: 'POST',
      headers: { Origin: testOrigin, Cookie: instructor },
      body: leaders,
    });
    expect(leadersResponse.status).toBe(422);
    const grid = new FormData();
    grid.append(`mark-${person(0)}-${sessionId()}`, new Blob(['absent']), 'x.txt');
    const gridResponse = await app.request(`/courses/${course.courseId}/attendance/grid`, {
      method: 'POST',
      headers: { Origin: testOrigin, Cookie: instructor },
      body: grid,
    });
    expect(gridResponse.status).toBe(422);
  });
});

describe('the edges of time', () => {
  it('opens marking at the exact start instant and not one millisecond before', async () => {
    const { app, db, clock } = buildTestApp();
    const user = await aStaffUser(db, 'instructor');
    const course = aRunningCourse(db, { participants: 2, instructorUserIds: [user.id] });
    const session = course.sessions[1]!;
    const path = `/sessions/${session.id}/attendance/${course.people[0]!.enrollmentId}`;
    clock.setTo(new Date(session.startsAt.getTime() - 1));
    const cookie = await signIn(app, user);
    const early = await postForm(app, path, { mark: 'present' }, { cookie });
    expect(early.status).toBe(422);
    const earlyRest = await postForm(
      app,
      `/sessions/${session.id}/attendance/rest-present`,
      {},
      { cookie },
    );
    expect(earlyRest.status).toBe(422);
    expect(storedMark(db, session.id, course.people[0]!.enrollmentId)).toBeUndefined();
    clock.setTo(session.startsAt);
    const onTime = await postForm(app, path, { mark: 'present' }, { cookie });
    expect(onTime.status).toBe(303);
    expect(storedMark(db, session.id, course.people[0]!.enrollmentId)?.mark).toBe('present');
  });

  it('follows a moved session: marking opens at its new time, not at the old one', async () => {
    const { app, db, clock } = buildTestApp();
    const user = await aStaffUser(db, 'instructor');
    const coordinatorUser = await aStaffUser(db, 'coordinator');
    const course = aRunningCourse(db, { participants: 2, instructorUserIds: [user.id] });
    clock.setTo(duringSession(course.sessions, 2));
    const coordinator = await signIn(app, coordinatorUser);
    const third = course.sessions[2]!;
    const fourth = course.sessions[3]!;
    // Session 3 (Tue 20 Oct) earlier to Thu 15 Oct; session 4 (Tue 27 Oct) later to Fri 30 Oct.
    for (const [session, localDate] of [
      [third, '2026-10-15'],
      [fourth, '2026-10-30'],
    ] as const) {
      const moved = await postForm(
        app,
        `/courses/${course.courseId}/sessions/${session.id}/rescheduling`,
        { localDate, startTime: '12:00', endTime: '14:30', acceptWarnings: 'on' },
        { cookie: coordinator },
      );
      expect(moved.status, localDate).toBe(303);
    }
    const enrollmentId = course.people[0]!.enrollmentId;
    const markAt = async (sessionId: number, at: Date) => {
      clock.setTo(at);
      const cookie = await signIn(app, user);
      return (
        await postForm(
          app,
          `/sessions/${sessionId}/attendance/${enrollmentId}`,
          { mark: 'present' },
          { cookie },
        )
      ).status;
    };
    // 12:00 Helsinki in October (EEST, +03:00) is 09:00Z.
    expect(await markAt(third.id, new Date('2026-10-15T08:59:59.999Z'))).toBe(422);
    expect(await markAt(third.id, new Date('2026-10-15T09:00:00.000Z'))).toBe(303);
    expect(await markAt(fourth.id, duringSession(course.sessions, 4))).toBe(422);
    expect(await markAt(fourth.id, new Date('2026-10-30T08:59:59.999Z'))).toBe(422);
    // 30 Oct is still summer time (the clocks go back on 25 Oct 2026): EET, +02:00 → 10:00Z.
    expect(await markAt(fourth.id, new Date('2026-10-30T10:00:00.000Z'))).toBe(303);
  });

  it('closes a course at the exact end instant of its last session, not one millisecond before', async () => {
    const { app, db, clock } = buildTestApp();
    const course = aRunningCourse(db, { participants: 2 });
    const end = course.sessions[5]!.endsAt;
    markAll(
      db,
      course,
      {
        0: ['present', 'present', 'present', 'present', 'present', 'present'],
        1: ['present', 'present', 'present', 'absent', 'absent', 'absent'],
      },
      course.sessions[5]!.startsAt,
    );
    clock.setTo(new Date(end.getTime() - 1));
    const cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const early = await postForm(app, `/courses/${course.courseId}/closing`, {}, { cookie });
    expect(early.status).toBe(422);
    expect(courseRow(db, course.courseId)!.status).toBe('running');
    clock.setTo(end);
    const onTime = await postForm(app, `/courses/${course.courseId}/closing`, {}, { cookie });
    expect(onTime.status).toBe(303);
    expect(courseRow(db, course.courseId)!.status).toBe('completed');
    expect(course.people.map((each) => enrollmentRow(db, each.enrollmentId).state)).toEqual([
      'completed',
      'not-completed',
    ]);
  });
});

describe('seats changing while the course runs', () => {
  it('counts the sessions of both stints of someone dropped out and then placed again', async () => {
    // Found as a defect: placing a withdrawn person again starts a new stint (placedAt = now), and
    // the marks of the first stint stopped counting. A mark now keeps its session on the record.
    const { app, db, clock } = buildTestApp();
    const course = aRunningCourse(db, { participants: 2 });
    const person = course.people[0]!;
    const mark = async (ordinal: number, enrollmentId: number) => {
      clock.setTo(duringSession(course.sessions, ordinal));
      const fresh = await signIn(app, await aStaffUser(db, 'coordinator'));
      const response = await postForm(
        app,
        `/sessions/${course.sessions[ordinal - 1]!.id}/attendance/rest-present`,
        {},
        { cookie: fresh },
      );
      expect(response.status, `session ${ordinal} of ${enrollmentId}`).toBe(303);
      return fresh;
    };
    await mark(1, person.enrollmentId);
    await mark(2, person.enrollmentId);
    const during3 = await mark(3, person.enrollmentId);
    // Stops coming during session 3 (after being marked present there)…
    const dropped = await postForm(
      app,
      `/courses/${course.courseId}/drop-outs`,
      { enrollmentId: String(person.enrollmentId), reason: 'health' },
      { cookie: during3 },
    );
    expect(dropped.status).toBe(303);
    // …and comes back: placed again before session 4.
    clock.setTo(new Date(course.sessions[3]!.startsAt.getTime() - 60 * 60_000));
    const coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
    const placed = await postForm(
      app,
      '/enrollments',
      { applicationId: person.applicationId, courseId: course.courseId },
      { cookie: coordinator },
    );
    expect(placed.status).toBe(303);
    expect(enrollmentOf(db, person.applicationId, course.courseId).state).toBe('placed');
    await mark(4, person.enrollmentId);
    await mark(5, person.enrollmentId);
    const during6 = await mark(6, person.enrollmentId);
    // The marks of the first stint are still stored…
    expect(
      course.sessions.map((session) => storedMark(db, session.id, person.enrollmentId)?.mark),
    ).toEqual(['present', 'present', 'present', 'present', 'present', 'present']);
    // …and the first session's sheet still lists the person who was there.
    const sheet = load(
      await (await getPage(app, `/sessions/${course.sessions[0]!.id}/attendance`, during6)).text(),
    );
    clock.setTo(new Date(course.sessions[5]!.endsAt.getTime() + 60_000));
    const closer = await signIn(app, await aStaffUser(db, 'coordinator'));
    const closed = await postForm(
      app,
      `/courses/${course.courseId}/closing`,
      {},
      { cookie: closer },
    );
    expect(closed.status).toBe(303);
    const row = enrollmentRow(db, person.enrollmentId);
    expect({
      listedAtSession1: sheet(`#enrollment-${person.enrollmentId}`).length,
      state: row.state,
      attendedSessions: row.attendedSessions,
    }).toEqual({ listedAtSession1: 1, state: 'completed', attendedSessions: 6 });
  });

  it('places a waitlisted person when someone drops out during session 2 (no joining after 2), and not during 3', async () => {
    const { app, db, clock } = buildTestApp();
    const course = aRunningCourse(db, { participants: 3, seats: 3 });
    const programId = courseRow(db, course.courseId)!.programId;
    db.update(programs).set({ lastJoiningSession: 2 }).where(eq(programs.id, programId)).run();
    clock.setTo(new Date(course.sessions[0]!.startsAt.getTime() - 86_400_000));
    const early = await signIn(app, await aStaffUser(db, 'coordinator'));
    const first = aWaitingApplicant(db, course.localityId, { name: 'Jonossa Ensimmäinen' });
    const second = aWaitingApplicant(db, course.localityId, { name: 'Jonossa Toinen' });
    for (const applicationId of [first, second]) {
      const response = await postForm(
        app,
        '/enrollments',
        { applicationId, courseId: course.courseId },
        { cookie: early },
      );
      expect(response.status).toBe(303);
      expect(enrollmentOf(db, applicationId, course.courseId).state).toBe('waitlisted');
    }
    // During session 2 (two held, two allowed) the first on the waitlist gets the seat.
    clock.setTo(duringSession(course.sessions, 2));
    const during2 = await signIn(app, await aStaffUser(db, 'coordinator'));
    const dropped = await postForm(
      app,
      `/courses/${course.courseId}/drop-outs`,
      { enrollmentId: String(course.people[0]!.enrollmentId), reason: 'work-or-studies' },
      { cookie: during2 },
    );
    expect(dropped.status).toBe(303);
    const joiner = enrollmentOf(db, first, course.courseId);
    expect(joiner).toMatchObject({ state: 'placed', placedAt: clock() });
    expect(enrollmentOf(db, second, course.courseId).state).toBe('waitlisted');
    // The late joiner is due at session 2 (they had a seat before it ended), not at session 1.
    const notDue = await postForm(
      app,
      `/sessions/${course.sessions[0]!.id}/attendance/${joiner.id}`,
      { mark: 'present' },
      { cookie: during2 },
    );
    expect(notDue.status).toBe(422);
    const due = await postForm(
      app,
      `/sessions/${course.sessions[1]!.id}/attendance/${joiner.id}`,
      { mark: 'present' },
      { cookie: during2 },
    );
    expect(due.status).toBe(303);
    // During session 3 (three held) a freed seat is no longer offered.
    clock.setTo(duringSession(course.sessions, 3));
    const during3 = await signIn(app, await aStaffUser(db, 'coordinator'));
    const droppedAgain = await postForm(
      app,
      `/courses/${course.courseId}/drop-outs`,
      { enrollmentId: String(course.people[1]!.enrollmentId), reason: 'moved' },
      { cookie: during3 },
    );
    expect(droppedAgain.status).toBe(303);
    expect(enrollmentOf(db, second, course.courseId).state).toBe('waitlisted');
    // Everyone due is marked; closing sends the one still waiting back to the demand list.
    clock.setTo(new Date(course.sessions[5]!.endsAt.getTime() + 60_000));
    const closer = await signIn(app, await aStaffUser(db, 'coordinator'));
    for (const session of course.sessions) {
      const response = await postForm(
        app,
        `/sessions/${session.id}/attendance/rest-present`,
        {},
        { cookie: closer },
      );
      expect(response.status).toBe(303);
    }
    const closed = await postForm(
      app,
      `/courses/${course.courseId}/closing`,
      {},
      { cookie: closer },
    );
    expect(closed.status).toBe(303);
    expect(enrollmentRow(db, joiner.id)).toMatchObject({ state: 'completed', attendedSessions: 5 });
    expect(enrollmentOf(db, second, course.courseId).state).toBe('cancelled');
    expect(db.select().from(applications).where(eq(applications.id, second)).get()!.state).toBe(
      'waiting',
    );
    expect(
      [course.people[0]!, course.people[1]!].map((each) => [
        enrollmentRow(db, each.enrollmentId).state,
        enrollmentRow(db, each.enrollmentId).attendedSessions,
      ]),
    ).toEqual([
      ['withdrawn', 2],
      ['withdrawn', 3],
    ]);
  });
});

describe('two real server processes marking and closing at once', () => {
  const directory = temporaryDirectory('attendance-attacks');
  const servers: { server: RunningServer; cookie: string }[] = [];
  let db: Db;
  let course: Course;
  let ended: Course;

  beforeAll(async () => {
    db = openDatabase(join(directory, 'e2e.sqlite'));
    const coordinator = await aStaffUser(db, 'coordinator');
    course = aRunningCourse(db, { participants: 6 });
    // A course whose sessions all ended before the servers' clock, every box marked.
    ended = aRunningCourse(db, { participants: 3, firstDate: '2026-08-25' });
    markAll(
      db,
      ended,
      Object.fromEntries(ended.people.map((_, index) => [index, Array(6).fill('present')])),
      new Date('2026-10-01T12:00:00Z'),
    );
    // Session 2 is Tue 13 Oct 2026 17:00-19:30 Helsinki: the servers' clock is 10 minutes in.
    const environment = { SEED_DEMO_DATA: 'false', START_TIME: '2026-10-13T17:10:00+03:00' };
    for (const server of await Promise.all([
      startServer(directory, environment),
      startServer(directory, environment),
    ])) {
      const signedIn = await fetch(`${server.baseUrl}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.baseUrl },
        body: new URLSearchParams({ email: coordinator.email, password: coordinator.password }),
      });
      expect(signedIn.status).toBe(303);
      servers.push({ server, cookie: cookiesFrom(signedIn) });
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map(({ server }) => server.stop()));
    db?.$client.close();
  });

  const post = (index: number, path: string, fields: Record<string, string>) => {
    const { server, cookie } = servers[index % 2]!;
    return fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: server.baseUrl,
        Cookie: cookie,
      },
      body: new URLSearchParams(fields),
    });
  };

  it('keeps one mark and one audited change for 100 identical marks over two processes', async () => {
    const sessionId = course.sessions[1]!.id;
    const enrollmentId = course.people[0]!.enrollmentId;
    const from = auditCount(db);
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        post(index, `/sessions/${sessionId}/attendance/${enrollmentId}`, { mark: 'present' }),
      ),
    );
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([303]));
    expect(
      db
        .select()
        .from(attendance)
        .where(and(eq(attendance.sessionId, sessionId), eq(attendance.enrollmentId, enrollmentId)))
        .all(),
    ).toHaveLength(1);
    const updates = db
      .select()
      .from(auditLog)
      .all()
      .slice(from)
      .filter((entry) => entry.action === 'update' && entry.subjectType === 'attendance');
    expect(updates).toHaveLength(1);
  }, 60_000);

  it('marks each person once for 100 "rest present" over two processes', async () => {
    const sessionId = course.sessions[0]!.id;
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        post(index, `/sessions/${sessionId}/attendance/rest-present`, {}),
      ),
    );
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([303]));
    expect(
      db.select().from(attendance).where(eq(attendance.sessionId, sessionId)).all(),
    ).toHaveLength(course.people.length);
  }, 60_000);

  it('closes once when both processes close the same course at once (one 303, one 422)', async () => {
    const responses = await Promise.all(
      [0, 1].map((index) => post(index, `/courses/${ended.courseId}/closing`, {})),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([303, 422]);
    expect(courseRow(db, ended.courseId)!.status).toBe('completed');
    expect(ended.people.map((each) => enrollmentRow(db, each.enrollmentId).state)).toEqual([
      'completed',
      'completed',
      'completed',
    ]);
  }, 60_000);

  it('logged no "Unexpected error" in either server process', () => {
    for (const { server } of servers) expect(server.output()).not.toContain('Unexpected error');
  });
});
