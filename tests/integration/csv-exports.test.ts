import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, courseSessions, type AttendanceMark } from '../../db/schema';
import {
  closeCourse,
  markAttendance,
  recordDropOut,
} from '../../src/features/attendance/attendance-commands';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { aRunningCourse, duringSession, storedMark } from '../support/attendance-fixtures';
import { parseCsv } from '../support/csv';
import { aStaffUser, buildTestApp, getPage, signIn, testConfig } from '../support/test-app';

const evilName = '=HYPERLINK("http://evil","x")';
const finnishMarks: Record<AttendanceMark, string> = {
  present: 'Läsnä',
  excused: 'Estynyt',
  absent: 'Poissa',
};

/** '2026-10-06' as a Finn writes it: 6.10.2026. */
const finnishDate = (localDate: string) => {
  const [year, month, day] = localDate.split('-').map(Number);
  return `${day}.${month}.${year}`;
};

describe("a course's roster with attendance as CSV for Excel", () => {
  const { app, db, clock } = buildTestApp();
  let course: ReturnType<typeof aRunningCourse>;
  let instructorCookie = '';
  let coordinatorCookie = '';
  let strangerCookie = '';
  const path = () => `/courses/${course.courseId}/attendance.csv`;
  const actor = { id: null, name: 'Testi', role: 'coordinator' as const };

  beforeAll(async () => {
    const instructor = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 3, instructorUserIds: [instructor.id] });
    const [first, evil, leaver] = course.people;
    db.update(applications)
      .set({ name: evilName })
      .where(eq(applications.id, evil!.applicationId))
      .run();
    // The last session is cancelled: it has no attendance and no column.
    db.update(courseSessions)
      .set({ status: 'cancelled' })
      .where(eq(courseSessions.id, course.sessions[5]!.id))
      .run();
    clock.setTo(duringSession(course.sessions, 3));
    const context = { actor, mail: { ...mailSettingsFrom(testConfig()), now: clock() } };
    const marks: [number, number, AttendanceMark][] = [
      [0, first!.enrollmentId, 'present'],
      [1, first!.enrollmentId, 'present'],
      [2, first!.enrollmentId, 'present'],
      [0, evil!.enrollmentId, 'present'],
      [1, evil!.enrollmentId, 'absent'],
      [0, leaver!.enrollmentId, 'excused'],
      [1, leaver!.enrollmentId, 'present'],
    ];
    markAttendance(
      db,
      {
        courseId: course.courseId,
        marks: marks.map(([index, enrollmentId, mark]) => ({
          sessionId: course.sessions[index]!.id,
          enrollmentId,
          mark,
        })),
      },
      context,
    );
    recordDropOut(db, { enrollmentId: leaver!.enrollmentId, reason: 'health', note: '' }, context);
    instructorCookie = await signIn(app, instructor);
    coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    strangerCookie = await signIn(app, await aStaffUser(db, 'instructor'));
  });

  const exportRows = () => db.select().from(auditLog).where(eq(auditLog.action, 'export')).all();

  it('is a UTF-8 file with a BOM and ; separators, with the stored attendance in words', async () => {
    const response = await getPage(app, path(), instructorCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="kurssi-${course.courseId}-osallistujat.csv"`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const { byteOrderMark, rows } = parseCsv(text);
    expect(byteOrderMark).toBe(true);
    const scheduled = course.sessions.slice(0, 5);
    const [header, ...people] = rows;
    expect(header).toEqual([
      'Nimi',
      'Puhelin',
      'Sähköposti',
      'Tila',
      'Keskeytyksen syy',
      ...scheduled.map((session) => `Kerta ${session.ordinal} ${finnishDate(session.localDate)}`),
      'Läsnä kertoja',
      'Suoritti kurssin',
    ]);
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${header!.join(';')}`);
    expect(people).toHaveLength(3);
    for (const row of people) expect(row).toHaveLength(header!.length);

    const stored = course.people.map(({ applicationId }) =>
      db.select().from(applications).where(eq(applications.id, applicationId)).get()!,
    );
    const rowOf = (index: number) => people.find((row) => row[2] === stored[index]!.email)!;
    const dueAt = [5, 5, 3]; // the leaver dropped out during session 3
    course.people.forEach((person, index) => {
      const row = rowOf(index);
      expect(row[1]!.replace(/\s/g, '')).toBe(`0${stored[index]!.phone.slice(4)}`);
      const cells = scheduled.map((session, sessionIndex) => {
        const mark = storedMark(db, session.id, person.enrollmentId)?.mark;
        if (mark) return finnishMarks[mark];
        return sessionIndex < dueAt[index]! ? 'Ei merkitty' : 'ei mukana';
      });
      expect(row.slice(5, 10)).toEqual(cells);
      expect(row[10]).toBe(String(cells.filter((cell) => cell === 'Läsnä').length));
    });
    expect(rowOf(0).slice(0, 5)).toEqual([
      'Osallistuja 1',
      rowOf(0)[1],
      stored[0]!.email,
      'paikka',
      '',
    ]);
    expect(rowOf(2).slice(3, 5)).toEqual(['perunut', 'terveys']);
    expect([rowOf(0)[11], rowOf(1)[11], rowOf(2)[11]]).toEqual(['', '', 'ei']);
  });

  it('neutralises a name that Excel would run as a formula', async () => {
    const text = await (await getPage(app, path(), coordinatorCookie)).text();
    const { rows } = parseCsv(text);
    expect(rows.map((row) => row[0])).toContain(`'${evilName}`);
    expect(rows.some((row) => row.some((cell) => /^[=+\-@\t\r]/.test(cell)))).toBe(false);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });

  it('audits every export by course, with no names or content', async () => {
    const before = exportRows().length;
    await getPage(app, path(), coordinatorCookie);
    const rows = exportRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      subjectType: 'course',
      subjectId: course.courseId,
      detail: 'roster with attendance CSV',
    });
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toMatch(/Osallistuja|HYPERLINK|@example|\+358/);
    }
  });

  it('refuses an instructor of another course with 403 and no file or audit entry', async () => {
    const before = exportRows().length;
    const response = await getPage(app, path(), strangerCookie);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).not.toMatch(/text\/csv/);
    expect(await response.text()).not.toContain('Osallistuja');
    expect(exportRows()).toHaveLength(before);
  });

  it('sends an anonymous visitor to sign in', async () => {
    const response = await getPage(app, path());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/sign-in/);
  });

  it('answers 404 for an unknown course and for an id that is not digits', async () => {
    expect((await getPage(app, '/courses/999999/attendance.csv', coordinatorCookie)).status).toBe(
      404,
    );
    expect(
      (await getPage(app, `/courses/${course.courseId}x/attendance.csv`, coordinatorCookie)).status,
    ).toBe(404);
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'export'), eq(auditLog.subjectId, 999999)))
        .all(),
    ).toHaveLength(0);
  });

  it('is linked from the course attendance page and the roster', async () => {
    for (const page of ['attendance', 'roster']) {
      const $ = load(
        await (await getPage(app, `/courses/${course.courseId}/${page}`, coordinatorCookie)).text(),
      );
      expect($(`a[href="${path()}"]`).text().trim()).toBe('Lataa CSV (Excel)');
    }
  });

  it('speaks English to a user who chose English', async () => {
    const response = await getPage(app, path(), `${coordinatorCookie}; kp_lang=en`);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="course-${course.courseId}-participants.csv"`,
    );
    const [header, ...people] = parseCsv(await response.text()).rows;
    expect(header!.slice(0, 5)).toEqual([
      'Name',
      'Phone',
      'E-mail',
      'State',
      'Reason for dropping out',
    ]);
    expect(people.flat()).toContain('withdrawn');
  });
});

describe('the CSV of a closed course', () => {
  const { app, db, clock } = buildTestApp();

  it('says who completed, as closing froze it, with the sessions attended', async () => {
    const course = aRunningCourse(db, { participants: 2 });
    const [completer, short] = course.people;
    const marksOf: Record<number, AttendanceMark[]> = {
      [completer!.enrollmentId]: ['present', 'present', 'absent', 'present', 'excused', 'present'],
      [short!.enrollmentId]: ['present', 'absent', 'present', 'excused', 'present', 'absent'],
    };
    const last = course.sessions.at(-1)!;
    clock.setTo(new Date(last.endsAt.getTime() + 60_000));
    const context = {
      actor: { id: null, name: 'Testi', role: 'coordinator' as const },
      mail: { ...mailSettingsFrom(testConfig()), now: clock() },
    };
    markAttendance(
      db,
      {
        courseId: course.courseId,
        marks: Object.entries(marksOf).flatMap(([enrollmentId, marks]) =>
          marks.map((mark, index) => ({
            sessionId: course.sessions[index]!.id,
            enrollmentId: Number(enrollmentId),
            mark,
          })),
        ),
      },
      context,
    );
    closeCourse(db, { courseId: course.courseId }, context);
    const cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const response = await getPage(app, `/courses/${course.courseId}/attendance.csv`, cookie);
    const [header, ...rows] = parseCsv(await response.text()).rows;
    const byState = Object.fromEntries(rows.map((row) => [row[3], row.slice(-2)]));
    expect(header!.slice(-2)).toEqual(['Läsnä kertoja', 'Suoritti kurssin']);
    expect(byState).toEqual({ 'käynyt kurssin': ['4', 'kyllä'], 'ei suorittanut': ['3', 'ei'] });
  });
});
