import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { markAttendance } from '../../src/features/attendance/attendance-commands';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { aRunningCourse, duringSession } from '../support/attendance-fixtures';
import { sessionsOf } from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  getPage,
  postForm,
  signIn,
  testConfig,
} from '../support/test-app';

/** Past sessions are held: no longer "scheduled", and no longer to be moved or cancelled. */
describe('a session that has started', () => {
  const { app, db, clock } = buildTestApp();
  const cookies = { coordinator: '', instructor: '' };
  let course: ReturnType<typeof aRunningCourse>;

  const sessionRows = async (path: string, cookie: string, table: string) => {
    const $ = load(await (await getPage(app, path, cookie)).text());
    return $(`${table} tbody tr`)
      .map((_, row) => ({
        state: $(row).find('td').eq(3).text(),
        controls: $(row).find('a, button').length,
      }))
      .get();
  };

  beforeAll(async () => {
    const instructor = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 3, instructorUserIds: [instructor.id] });
    // Session 1 marked: two present, one absent. Session 2 has just started, not marked yet.
    markAttendance(
      db,
      {
        courseId: course.courseId,
        marks: (['present', 'present', 'absent'] as const).map((mark, index) => ({
          sessionId: course.sessions[0]!.id,
          enrollmentId: course.people[index]!.enrollmentId,
          mark,
        })),
      },
      {
        actor: { id: null, name: 'Testi', role: 'coordinator' },
        mail: { ...mailSettingsFrom(testConfig()), now: duringSession(course.sessions, 1) },
      },
    );
    clock.setTo(duringSession(course.sessions, 2));
    cookies.coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
    cookies.instructor = await signIn(app, instructor);
  });

  it('shows past sessions as held, with attendance once marked, and without move or cancel', async () => {
    const rows = await sessionRows(
      `/courses/${course.courseId}`,
      cookies.coordinator,
      '#session-table',
    );
    expect(rows.slice(0, 3)).toEqual([
      { state: 'pidetty, 2/3 läsnä', controls: 0 },
      { state: 'pidetty', controls: 0 },
      { state: 'sovittu', controls: 2 },
    ]);
  });

  it('shows them as held on the instructor’s home page too', async () => {
    const rows = await sessionRows('/', cookies.instructor, '.own-course table');
    expect(rows.map((row) => row.state).slice(0, 3)).toEqual([
      'pidetty, 2/3 läsnä',
      'pidetty',
      'sovittu',
    ]);
  });

  it('refuses to move or cancel a session that has started, and changes nothing', async () => {
    const [first, second] = course.sessions;
    const base = `/courses/${course.courseId}/sessions`;
    const cancelled = await postForm(
      app,
      `${base}/${first!.id}/cancellation`,
      {},
      {
        cookie: cookies.coordinator,
      },
    );
    expect(cancelled.status).toBe(422);
    expect(load(await cancelled.text())('#session-started .flash-error').text()).toBe(
      'Kerta 1 alkoi 6.10.2026 klo 17.00. Pidettyä kertaa ei voi siirtää eikä perua.',
    );

    const moved = await postForm(
      app,
      `${base}/${second!.id}/rescheduling`,
      { localDate: '2026-12-01', startTime: '17:00', endTime: '19:30', acceptWarnings: 'on' },
      { cookie: cookies.coordinator },
    );
    expect(moved.status).toBe(422);
    expect(
      (await getPage(app, `${base}/${second!.id}/rescheduling`, cookies.coordinator)).status,
    ).toBe(422);

    expect(sessionsOf(db, course.courseId).slice(0, 2)).toEqual(course.sessions.slice(0, 2));
  });

  it('still moves a session that is yet to come', async () => {
    const third = course.sessions[2]!;
    const moved = await postForm(
      app,
      `/courses/${course.courseId}/sessions/${third.id}/rescheduling`,
      { localDate: '2026-10-21', startTime: '17:00', endTime: '19:30', acceptWarnings: 'on' },
      { cookie: cookies.coordinator },
    );
    expect(moved.status).toBe(303);
  });
});
