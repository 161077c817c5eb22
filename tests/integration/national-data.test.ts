import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  courses,
  enrollments,
  localities,
  outbox,
  programs,
  terms,
} from '../../db/schema';
import { createApp } from '../../src/app';
import { openDatabase, type AppDatabase } from '../../src/db';
import { unmarkedGaps } from '../../src/features/attendance/attendance-rules';
import { loadCourseAttendance, markOf } from '../../src/features/attendance/queries';
import { findCourse } from '../../src/features/courses/queries';
import { demoSignIns } from '../../src/features/demo/demo-data';
import { wellbeingCounties } from '../../src/features/demo/national-counties';
import {
  countRows,
  loadNationalData,
  nationalFigures,
} from '../../src/features/demo/national-data';
import { buildCourseCalendar } from '../../src/features/invites/course-calendar';
import { calendarCourseOf, mailSettingsFrom } from '../../src/features/invites/invitations';
import { getPage, manualClock, signIn, temporaryDirectory, testConfig } from '../support/test-app';

const scale = 0.005;
const now = new Date('2026-12-03T09:00:00Z');
const config = testConfig();
const mail = mailSettingsFrom(config);
// Made at the top: a hook registered inside beforeAll would never run, and the file would stay.
const path = join(temporaryDirectory('national'), 'national.sqlite');
let db: AppDatabase;
let counts: ReturnType<typeof countRows>;

beforeAll(async () => {
  db = openDatabase(path);
  counts = await loadNationalData(db, { scale, now, mail });
  return () => db.$client.close();
}, 60_000);

function runScript(env: NodeJS.ProcessEnv, args: string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo-national.ts', ...args], {
    env: { ...process.env, DATABASE_PATH: '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

const nationalCourses = () =>
  db
    .select({ id: courses.id, status: courses.status, localityId: courses.localityId })
    .from(courses)
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .where(sql`${courses.id} > 5`)
    .all();

describe('the national data set at a small scale', () => {
  it('has all 21 counties with their municipalities, twenty terms, and rows in proportion', () => {
    const regions = db.selectDistinct({ region: localities.region }).from(localities).all();
    expect(regions.map((row) => row.region).sort()).toEqual(
      wellbeingCounties.map((county) => county.region).sort(),
    );
    expect(counts.localities).toBe(
      wellbeingCounties.reduce((sum, county) => sum + county.municipalities.length, 0),
    );
    const termNames = db.select({ name: terms.name }).from(terms).all();
    for (let year = 2017; year <= 2026; year += 1) {
      expect(termNames).toContainEqual({ name: `Kevät ${year}` });
      expect(termNames).toContainEqual({ name: `Syksy ${year}` });
    }
    const perTerm = Math.round(nationalFigures.coursesPerTerm * scale);
    const made = nationalCourses().length;
    expect(made).toBe(perTerm * 2 * nationalFigures.years);
    // Per course as at full scale: 15 applications, 7.5 enrolments, 5 messages, 50–60 audit rows.
    expect(counts.applications / made).toBeGreaterThan(12);
    expect(counts.applications / made).toBeLessThan(18);
    expect(counts.enrollments / made).toBeGreaterThan(5.5);
    expect(counts.enrollments / made).toBeLessThan(9.5);
    expect(counts.outbox / made).toBeGreaterThan(3.5);
    expect(counts.auditLog / made).toBeGreaterThan(40);
    expect(counts.attendance).toBeGreaterThan(counts.enrollments * 4);
    // The planner's statistics are gathered, so the home page's queries use the indexes.
    const { tables } = db.$client.prepare('select count(*) as tables from sqlite_stat1').get() as {
      tables: number;
    };
    expect(tables).toBeGreaterThan(10);
  });

  it("puts every enrolment on a course of a term, in the applicant's locality, after they applied", () => {
    const wrong = db
      .select({ id: enrollments.id })
      .from(enrollments)
      .innerJoin(courses, eq(courses.id, enrollments.courseId))
      .innerJoin(applications, eq(applications.id, enrollments.applicationId))
      .leftJoin(terms, eq(terms.id, courses.termId))
      .where(
        and(
          sql`${courses.id} > 5`,
          sql`(${terms.id} is null or ${applications.localityId} != ${courses.localityId}
            or ${enrollments.queuedAt} < ${applications.createdAt})`,
        ),
      )
      .all();
    expect(wrong).toEqual([]);
  });

  it('marks every held session of a closed course for everyone due, and freezes completion by the threshold', () => {
    const closed = nationalCourses().filter((course) => course.status === 'completed');
    expect(closed.length).toBeGreaterThan(50);
    for (const course of closed) {
      const sheet = loadCourseAttendance(db, course.id)!;
      const gaps = unmarkedGaps(
        sheet.participants,
        sheet.sessions,
        (enrollmentId, sessionId) => markOf(sheet, enrollmentId, sessionId),
        now,
      );
      expect(gaps, `course ${course.id}`).toEqual([]);
    }
    const belowThreshold = db
      .select({ id: enrollments.id })
      .from(enrollments)
      .innerJoin(courses, eq(courses.id, enrollments.courseId))
      .innerJoin(programs, eq(programs.id, courses.programId))
      .where(
        sql`(${enrollments.state} = 'completed' and ${enrollments.attendedSessions} < ${programs.completionThreshold})
          or (${enrollments.state} = 'not-completed' and ${enrollments.attendedSessions} >= ${programs.completionThreshold})`,
      )
      .all();
    expect(belowThreshold).toEqual([]);
    const stillPlaced = db
      .select({ id: enrollments.id })
      .from(enrollments)
      .innerJoin(courses, eq(courses.id, enrollments.courseId))
      .where(
        and(eq(courses.status, 'completed'), inArray(enrollments.state, ['placed', 'waitlisted'])),
      )
      .all();
    expect(stillPlaced).toEqual([]);
  });

  it('gives some courses a cancellation and every drop-out a reason from the list', () => {
    expect(nationalCourses().some((course) => course.status === 'cancelled')).toBe(true);
    const dropOuts = db
      .select({ reason: enrollments.dropOutReason })
      .from(enrollments)
      .where(and(eq(enrollments.state, 'withdrawn'), eq(enrollments.withdrawnBy, 'staff')))
      .all();
    expect(dropOuts.length).toBeGreaterThan(0);
    expect(dropOuts.every((row) => row.reason !== '')).toBe(true);
  });

  it("stores each message's calendar exactly as the invitation builder writes it", () => {
    const messages = db
      .select()
      .from(outbox)
      .where(and(isNotNull(outbox.courseId), ne(outbox.calendar, ''), sql`${outbox.courseId} > 5`))
      .limit(40)
      .all();
    expect(messages.length).toBe(40);
    for (const message of messages) {
      const course = findCourse(db, message.courseId!)!;
      const expected = buildCourseCalendar({
        course: calendarCourseOf(course, 'fi'),
        method: message.calendarMethod as 'REQUEST' | 'CANCEL',
        stamp: message.createdAt,
        organizer: mail.organizer,
        attendee: { name: message.recipientName, email: message.recipientEmail },
      });
      expect(message.calendar).toBe(expected);
      expect(message.textBody).toContain(course.locality.name);
      expect(message.htmlBody).toMatch(/^<!DOCTYPE html>/);
    }
  });

  it('lets the demo coordinator sign in and open the home page, a term plan and a national term report', async () => {
    const clock = manualClock(now);
    const app = createApp({ db, config, clock });
    const coordinator = demoSignIns.find((person) => person.role === 'coordinator')!;
    const cookie = await signIn(app, coordinator);
    const term = db.select().from(terms).where(eq(terms.name, 'Kevät 2025')).get()!;
    for (const page of [
      '/',
      `/terms/${term.id}`,
      `/reports/terms/${term.id}`,
      '/reports?terms=1,2',
    ]) {
      const response = await getPage(app, page, cookie);
      expect(response.status, page).toBe(200);
    }
  });

  it('refuses to fill the same database again, and refuses without DATABASE_PATH', async () => {
    await expect(loadNationalData(db, { scale, now, mail })).rejects.toThrow(/already has data/);
    const again = runScript({ DATABASE_PATH: path }, ['--scale', String(scale)]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already has data/);
    const unset = runScript({});
    expect(unset.status).toBe(1);
    expect(unset.stderr).toMatch(/Set DATABASE_PATH/);
    const badScale = runScript({ DATABASE_PATH: path }, ['--scale', 'lots']);
    expect(badScale.status).toBe(1);
    expect(badScale.stderr).toMatch(/--scale must be a number/);
    expect(countRows(db).courses).toBe(counts.courses);
  }, 60_000);
});
