import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attendance, auditLog, courses, enrollments } from '../../db/schema';
import { aRunningCourse, duringSession, storedMark } from '../support/attendance-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

describe('the attendance grid and the printed roster', () => {
  const { app, db, clock } = buildTestApp();
  let course: ReturnType<typeof aRunningCourse>;
  let instructor: Awaited<ReturnType<typeof aStaffUser>>;
  let instructorCookie = '';
  let otherInstructorCookie = '';
  let coordinatorCookie = '';

  beforeAll(async () => {
    instructor = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 4, instructorUserIds: [instructor.id] });
    // The fourth person got their seat after session 2 ended: not due at sessions 1 and 2.
    db.update(enrollments)
      .set({ placedAt: course.sessions[1]!.endsAt })
      .where(eq(enrollments.id, course.people[3]!.enrollmentId))
      .run();
    clock.setTo(duringSession(course.sessions, 3));
    instructorCookie = await signIn(app, instructor);
    otherInstructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
  });

  const gridPath = () => `/courses/${course.courseId}/attendance/grid`;
  const printPath = () => `/courses/${course.courseId}/attendance/print`;
  const person = (index: number) => course.people[index]!.enrollmentId;
  const session = (ordinal: number) => course.sessions[ordinal - 1]!.id;
  const field = (index: number, ordinal: number) => `mark-${person(index)}-${session(ordinal)}`;
  const postGrid = (fields: Record<string, string>, cookie = instructorCookie) =>
    postForm(app, gridPath(), fields, { cookie });
  const marksOfCourse = () =>
    db
      .select()
      .from(attendance)
      .all()
      .filter((row) => course.people.some((each) => each.enrollmentId === row.enrollmentId));

  it('shows a select per box the person is due at, row by row, with an accessible name', async () => {
    const response = await getPage(app, gridPath(), instructorCookie);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('.table-scroll[role="region"][tabindex="0"]').attr('aria-labelledby')).toBe(
      'attendance-grid-caption',
    );
    // Sessions 1..3 have started; the late joiner is due only at session 3.
    const names = $('#attendance-grid select')
      .map((_, select) => $(select).attr('name'))
      .get();
    expect(names).toEqual([
      field(0, 1),
      field(0, 2),
      field(0, 3),
      field(1, 1),
      field(1, 2),
      field(1, 3),
      field(2, 1),
      field(2, 2),
      field(2, 3),
      field(3, 3),
    ]);
    expect($(`#${field(0, 2)}`).attr('aria-label')).toBe('Osallistuja 1, kerta 2');
    expect(
      $(`#${field(0, 1)} option`)
        .map((_, option) => $(option).text())
        .get(),
    ).toEqual(['–', 'Läsnä', 'Estynyt', 'Poissa']);
    expect($(`#${field(0, 4)}-cell`).text()).toBe('tulossa');
    expect($(`#${field(3, 1)}-cell`).text()).toContain('–');
  });

  it('saves several boxes in one plain (htmx-free) post and returns to the course', async () => {
    const response = await postGrid({
      [field(0, 1)]: 'present',
      [field(1, 1)]: 'absent',
      [field(2, 1)]: '',
      [field(0, 2)]: 'excused',
      [field(3, 3)]: 'present',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/courses/${course.courseId}/attendance`);
    expect(response.headers.getSetCookie().join()).toContain('attendance.grid.saved');
    expect(marksOfCourse()).toHaveLength(4);
    expect(storedMark(db, session(1), person(0))).toMatchObject({
      mark: 'present',
      markedBy: instructor.id,
    });
    expect(storedMark(db, session(1), person(1))).toMatchObject({
      mark: 'absent',
      markedBy: instructor.id,
    });
    expect(storedMark(db, session(1), person(2))).toBeUndefined();
    expect(storedMark(db, session(2), person(0))?.mark).toBe('excused');
    expect(storedMark(db, session(3), person(3))?.mark).toBe('present');

    const $ = load(await (await getPage(app, gridPath(), instructorCookie)).text());
    expect($(`#${field(0, 1)} option[selected]`).attr('value')).toBe('present');
    expect($(`#${field(2, 1)} option[selected]`)).toHaveLength(0);
  });

  it('saves nothing when one box is refused, and shows the typed choices again (422)', async () => {
    const before = marksOfCourse();
    const notDue = await postGrid({ [field(2, 2)]: 'absent', [field(3, 1)]: 'present' });
    expect(notDue.status).toBe(422);
    const $ = load(await notDue.text());
    expect($(`#${field(2, 2)} option[selected]`).attr('value')).toBe('absent');
    expect($(`#${field(3, 1)}-cell .field-error`).text()).toContain('ei ollut mukana');
    expect($('.error-summary').text()).toContain('Osallistuja 4, kerta 1');
    expect($('.error-summary a').attr('href')).toBe(`#${field(3, 1)}-cell`);

    const notStarted = await postGrid({ [field(2, 2)]: 'absent', [field(0, 4)]: 'present' });
    expect(notStarted.status).toBe(422);
    expect(load(await notStarted.text())(`#${field(0, 4)}-cell .field-error`).text()).toContain(
      'ei ole vielä alkanut',
    );
    expect(marksOfCourse()).toEqual(before);
  });

  it('refuses a value other than the three, and a field the course does not have (422)', async () => {
    const before = marksOfCourse();
    const elsewhere = aRunningCourse(db, { participants: 1 });
    const attempts: Record<string, string>[] = [
      { [field(2, 2)]: 'absent', [field(2, 3)]: 'late' },
      { [field(2, 2)]: 'absent', [field(2, 3)]: 'PRESENT' },
      { [field(2, 2)]: 'absent', surprise: 'present' },
      {
        [field(2, 2)]: 'absent',
        [`mark-${elsewhere.people[0]!.enrollmentId}-${session(1)}`]: 'present',
      },
      { [field(2, 2)]: 'absent', [`mark-${person(0)}-${elsewhere.sessions[0]!.id}`]: 'present' },
    ];
    for (const fields of attempts) {
      const response = await postGrid(fields);
      expect(response.status).toBe(422);
      expect(load(await response.text())('.error-summary li').text()).not.toBe('');
    }
    const badValue = await postGrid({ [field(2, 3)]: 'late' });
    expect(load(await badValue.text())(`#${field(2, 3)}-cell .field-error`).text()).toContain(
      'Valitse läsnä',
    );
    expect(marksOfCourse()).toEqual(before);
  });

  it('prints one row per participant with a box per session, crossed where not due', async () => {
    const response = await getPage(app, printPath(), instructorCookie);
    expect(response.status).toBe(200);
    const html = await response.text();
    const $ = load(html);
    expect(
      $('#roster-sheet tbody th')
        .map((_, cell) => $(cell).text())
        .get(),
    ).toEqual(['Osallistuja 1', 'Osallistuja 2', 'Osallistuja 3', 'Osallistuja 4']);
    expect($('#roster-sheet thead th')).toHaveLength(1 + course.sessions.length);
    expect($('#roster-sheet thead th').eq(1).text()).toContain('Kerta 1');
    expect($('#roster-sheet thead th').eq(1).text()).toContain('6.10.');
    $('#roster-sheet tbody tr').each((_, row) => {
      expect($(row).find('td.roster-box')).toHaveLength(course.sessions.length);
    });
    const late = $(`#enrollment-${person(3)} td`);
    expect(late.map((_, box) => $(box).hasClass('roster-box-not-due')).get()).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect($(`#enrollment-${person(0)} td.roster-box-not-due`)).toHaveLength(0);
    expect($('.roster-legend').text()).toContain('L = läsnä, E = estynyt, P = poissa');
    expect($('.no-print').text()).toContain('Ctrl+P');
    // Names only on paper: no phone numbers.
    expect(html).not.toContain('tel:');
    expect(html).not.toContain('+358');
    const audited = db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.subjectType, 'course'),
          eq(auditLog.subjectId, course.courseId),
          eq(auditLog.detail, 'printed roster'),
        ),
      )
      .all();
    expect(audited).toHaveLength(1);
  });

  it('refuses an instructor of another course (403) and sends anonymous visitors to sign in', async () => {
    expect((await getPage(app, gridPath(), otherInstructorCookie)).status).toBe(403);
    expect((await getPage(app, printPath(), otherInstructorCookie)).status).toBe(403);
    const post = await postGrid({ [field(2, 2)]: 'absent' }, otherInstructorCookie);
    expect(post.status).toBe(403);
    expect(storedMark(db, session(2), person(2))).toBeUndefined();
    for (const path of [gridPath(), printPath()]) {
      const anonymous = await getPage(app, path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('Location')).toMatch(/^\/sign-in/);
    }
    const anonymousPost = await postGrid({ [field(2, 2)]: 'absent' }, '');
    expect(anonymousPost.status).toBe(303);
    expect(anonymousPost.headers.get('Location')).toMatch(/^\/sign-in/);
    expect(storedMark(db, session(2), person(2))).toBeUndefined();
    expect((await getPage(app, printPath(), coordinatorCookie)).status).toBe(200);
    expect((await getPage(app, '/courses/999999/attendance/grid', coordinatorCookie)).status).toBe(
      404,
    );
  });

  it("after closing, shows an instructor's grid read-only and lets a coordinator correct", async () => {
    db.update(courses).set({ status: 'completed' }).where(eq(courses.id, course.courseId)).run();
    const instructorView = load(await (await getPage(app, gridPath(), instructorCookie)).text());
    expect(instructorView('#attendance-grid select')).toHaveLength(0);
    expect(instructorView('.warning').text()).toContain('päätetty');
    expect(instructorView(`#${field(0, 1)}-cell`).text()).toBe('Läsnä');
    const refused = await postGrid({ [field(0, 1)]: 'absent' });
    expect(refused.status).toBe(422);
    expect(storedMark(db, session(1), person(0))?.mark).toBe('present');

    const coordinatorView = load(await (await getPage(app, gridPath(), coordinatorCookie)).text());
    expect(coordinatorView('#attendance-grid select').length).toBeGreaterThan(0);
    const corrected = await postGrid({ [field(0, 1)]: 'absent' }, coordinatorCookie);
    expect(corrected.status).toBe(303);
    expect(storedMark(db, session(1), person(0))?.mark).toBe('absent');
    const correction = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, person(0)))
      .all()
      .at(-1);
    expect(correction?.detail).toContain('present -> absent after closing');
  });
});
