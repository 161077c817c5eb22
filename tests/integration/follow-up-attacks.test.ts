import { load } from 'cheerio';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, courses, enrollments, outbox } from '../../db/schema';
import { maxRequestBodyBytes } from '../../src/app';
import { giveFeedback } from '../../src/features/feedback/feedback-commands';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import { createTerm } from '../../src/features/terms/queries';
import { aRunningCourse, aWaitlisted, duringSession } from '../support/attendance-fixtures';
import {
  aStaffUser,
  buildTestApp,
  getPage,
  postForm,
  signIn,
  testOrigin,
} from '../support/test-app';
import { parseCsv } from '../support/csv';
import { aWaitingApplicant } from '../support/planning-fixtures';
import { anAnswer, feedbackRowsOf } from '../support/feedback-fixtures';
import { failOnUnexpectedErrors } from '../support/unexpected-errors';

/**
 * Attacks on participant feedback, the attendance CSV and the home page's summary, as an outsider
 * would make them: by every role and anonymously, with odd and oversized input, many requests at
 * once and cross-site posts. Each is a regression test; those that found a defect say so.
 */

failOnUnexpectedErrors();

type Setup = ReturnType<typeof buildTestApp>;
type Course = ReturnType<typeof aRunningCourse>;

const enrollmentRow = ({ db }: Setup, id: number) =>
  db.select().from(enrollments).where(eq(enrollments.id, id)).get()!;

const rowCount = ({ db }: Setup, table: typeof auditLog | typeof outbox) =>
  db
    .select({ count: sql<number>`count(*)` })
    .from(table)
    .get()!.count;

describe('attacks on participant feedback', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let course: Course;
  let other: Course;
  let tokens: string[] = [];
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    const own = await aStaffUser(db, 'instructor');
    const stranger = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 8, instructorUserIds: [own.id] });
    other = aRunningCourse(db, { participants: 2, instructorUserIds: [stranger.id] });
    clock.setTo(duringSession(course.sessions, 6));
    tokens = course.people.map((person) =>
      issuePersonalLink(db, person.applicationId, course.courseId, clock()),
    );
    cookies.coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
    cookies.admin = await signIn(app, await aStaffUser(db, 'admin'));
    cookies.ownInstructor = await signIn(app, own);
    cookies.otherInstructor = await signIn(app, stranger);
  });

  it('sends anonymous visitors of the results, hiding and CSV to sign in', async () => {
    for (const path of [
      `/courses/${course.courseId}/feedback`,
      `/courses/${course.courseId}/attendance.csv`,
    ]) {
      const response = await getPage(app, path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('Location')).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    const hiding = await postForm(app, `/courses/${course.courseId}/feedback/1/text-hiding`, {});
    expect(hiding.status).toBe(303);
    expect(hiding.headers.get('Location')).toMatch(/^\/sign-in/);
  });

  it("refuses an answer through one person's link for any enrolment not theirs and open", async () => {
    const person = course.people[0]!;
    // The same person waitlisted on another course; someone else on this course and on another.
    const waitlisted = aWaitlisted(db, other.courseId, person.applicationId, clock());
    const refused = [course.people[1]!.enrollmentId, other.people[0]!.enrollmentId, waitlisted];
    for (const enrollmentId of [...refused, 999_999]) {
      const response = await postForm(app, `/p/${tokens[0]}/feedback/${enrollmentId}`, anAnswer);
      expect(response.status, String(enrollmentId)).toBe(404);
    }
    for (const enrollmentId of ['1e3', `0${person.enrollmentId}`, '-1']) {
      const response = await postForm(app, `/p/${tokens[0]}/feedback/${enrollmentId}`, anAnswer);
      expect(response.status, enrollmentId).toBe(404);
    }
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(0);
    expect(feedbackRowsOf(setup, other.courseId)).toHaveLength(0);
    for (const enrollmentId of refused) {
      expect(enrollmentRow(setup, enrollmentId).feedbackGiven).toBe(false);
    }
    // A link that is not one answers 404 too.
    const forged = await postForm(
      app,
      `/p/${'A'.repeat(tokens[0]!.length)}/feedback/${person.enrollmentId}`,
      anAnswer,
    );
    expect([404, 410]).toContain(forged.status);
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(0);
  });

  it('answers odd ids and GETs of the POST-only addresses with 404, never 500', async () => {
    const person = course.people[0]!;
    for (const path of [
      `/p/${tokens[0]}/feedback/${person.enrollmentId}`,
      `/courses/${course.courseId}/feedback/1/text-hiding`,
      '/courses/1abc/feedback',
      '/courses/999999/feedback',
      `/courses/0${course.courseId}/feedback`,
      '/courses/1e3/attendance.csv',
      '/courses/999999/attendance.csv',
    ]) {
      const response = await getPage(app, path, cookies.coordinator);
      expect(response.status, path).toBe(404);
    }
    for (const id of ['1abc', '0', '999999', '-1']) {
      const response = await postForm(
        app,
        `/courses/${course.courseId}/feedback/${id}/text-hiding`,
        {},
        { cookie: cookies.coordinator },
      );
      expect(response.status, id).toBe(404);
    }
  });

  it('answers odd input with 4xx and field messages, never 500, storing nothing', async () => {
    const person = course.people[3]!;
    const path = `/p/${tokens[3]}/feedback/${person.enrollmentId}`;
    const odd: Record<string, string>[] = [
      { ...anAnswer, usefulness: '0' },
      { ...anAnswer, usefulness: '6' },
      { ...anAnswer, everydayTools: '3.5' },
      { ...anAnswer, usefulness: '٣' },
      { ...anAnswer, recommend: 'maybe' },
      { ...anAnswer, bestThing: 'x'.repeat(10_000) },
      { ...anAnswer, toImprove: `${'y'.repeat(999)}\u0000\u0000` + 'z'.repeat(10) },
      {},
    ];
    for (const fields of odd) {
      const response = await postForm(app, path, fields);
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(422);
      expect(load(await response.text())('.field-error, [id$="-error"]').length).toBeGreaterThan(0);
    }
    // The same field twice arrives as a list: refused as a choice, not a crash.
    const repeated = await app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: testOrigin },
      body: 'usefulness=4&usefulness=1&everydayTools=5&recommend=yes&recommend=no&bestThing=a&bestThing=b',
    });
    expect(repeated.status).toBe(422);
    // A file where a text belongs, in a multipart body.
    const multipart = new FormData();
    for (const [name, value] of Object.entries(anAnswer)) multipart.set(name, value);
    multipart.set('bestThing', new Blob(['<b>x</b>'], { type: 'text/html' }), 'x.html');
    const withFile = await app.request(path, {
      method: 'POST',
      headers: { Origin: testOrigin },
      body: multipart,
    });
    expect(withFile.status).toBe(422);
    const json = await app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: testOrigin },
      body: JSON.stringify(anAnswer),
    });
    expect(json.status).toBe(415);
    const huge = await app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: testOrigin },
      body: `${new URLSearchParams(anAnswer)}&bestThing=${'x'.repeat(maxRequestBodyBytes + 1)}`,
    });
    expect(huge.status).toBe(413);
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(0);
    expect(enrollmentRow(setup, person.enrollmentId).feedbackGiven).toBe(false);

    // A score with a space is not one of the choices.
    expect((await postForm(app, path, { ...anAnswer, usefulness: ' 3' })).status).toBe(422);
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(0);

    // NUL bytes in a text are removed, not stored.
    const nul = course.people[7]!;
    const cleaned = await postForm(app, `/p/${tokens[7]}/feedback/${nul.enrollmentId}`, {
      ...anAnswer,
      bestThing: 'Hyv\u0000ät\u0000 tuokiot',
    });
    expect(cleaned.status).toBe(303);
    expect(feedbackRowsOf(setup, course.courseId).map((row) => row.bestThing)).toEqual([
      'Hyvät tuokiot',
    ]);
  });

  it('refuses cross-site posts of an answer and of a hiding', async () => {
    const person = course.people[4]!;
    const answer = await postForm(
      app,
      `/p/${tokens[4]}/feedback/${person.enrollmentId}`,
      anAnswer,
      { origin: 'https://evil.example' },
    );
    expect(answer.status).toBe(403);
    const noOrigin = await app.request(`/p/${tokens[4]}/feedback/${person.enrollmentId}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Sec-Fetch-Site': 'cross-site',
      },
      body: new URLSearchParams(anAnswer),
    });
    expect(noOrigin.status).toBe(403);
    expect(enrollmentRow(setup, person.enrollmentId).feedbackGiven).toBe(false);

    giveFeedback(db, {
      enrollmentId: course.people[5]!.enrollmentId,
      courseId: course.courseId,
      answers: {
        usefulness: 3,
        everydayTools: 3,
        bestThing: 'Hyvä',
        toImprove: '',
        recommend: 'no',
      },
    });
    const row = feedbackRowsOf(setup, course.courseId).at(-1)!;
    const hiding = await postForm(
      app,
      `/courses/${course.courseId}/feedback/${row.id}/text-hiding`,
      {},
      { cookie: cookies.coordinator, origin: 'https://evil.example' },
    );
    expect(hiding.status).toBe(403);
    expect(feedbackRowsOf(setup, course.courseId).at(-1)!.freeTextHidden).toBe(false);
  });

  it('leaves no row that ties the answer to the person or the moment', async () => {
    const person = course.people[6]!;
    const before = enrollmentRow(setup, person.enrollmentId);
    const audits = rowCount(setup, auditLog);
    const mails = rowCount(setup, outbox);
    clock.setTo(new Date(clock().getTime() + 60_000));
    const response = await postForm(app, `/p/${tokens[6]}/feedback/${person.enrollmentId}`, {
      ...anAnswer,
      bestThing: 'Tunnistettava vastaus',
    });
    expect(response.status).toBe(303);
    const after = enrollmentRow(setup, person.enrollmentId);
    expect(after.feedbackGiven).toBe(true);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(rowCount(setup, auditLog)).toBe(audits);
    expect(rowCount(setup, outbox)).toBe(mails);
    const columns = db.all<{ name: string; type: string }>(sql`pragma table_info(course_feedback)`);
    for (const column of columns) {
      expect(column.name).not.toMatch(/enrol|applica|person|user|name|email|token|_at$|time|date/);
    }
  });

  it('lets only the own instructor of a closed course see the figures, never the texts or hiding', async () => {
    const results = `/courses/${course.courseId}/feedback`;
    expect((await getPage(app, results, cookies.ownInstructor)).status).toBe(403);
    db.update(courses).set({ status: 'completed' }).where(eq(courses.id, course.courseId)).run();
    const own = await getPage(app, results, cookies.ownInstructor);
    expect(own.status).toBe(200);
    expect(await own.text()).not.toContain('Hyvä');
    expect((await getPage(app, results, cookies.otherInstructor)).status).toBe(403);
    expect(
      (await getPage(app, `/courses/${other.courseId}/feedback`, cookies.ownInstructor)).status,
    ).toBe(403);
    for (const role of ['coordinator', 'admin']) {
      expect((await getPage(app, results, cookies[role])).status).toBe(200);
    }
    const row = feedbackRowsOf(setup, course.courseId).find(
      (answer) => answer.bestThing === 'Hyvä',
    )!;
    for (const role of ['ownInstructor', 'otherInstructor']) {
      const response = await postForm(
        app,
        `/courses/${course.courseId}/feedback/${row.id}/text-hiding`,
        {},
        { cookie: cookies[role] },
      );
      expect(response.status, role).toBe(403);
    }
    // Another course's answer cannot be hidden through this course's address.
    const wrongCourse = await postForm(
      app,
      `/courses/${other.courseId}/feedback/${row.id}/text-hiding`,
      {},
      { cookie: cookies.coordinator },
    );
    expect(wrongCourse.status).toBe(404);
    expect(
      feedbackRowsOf(setup, course.courseId).find((a) => a.id === row.id)!.freeTextHidden,
    ).toBe(false);
    // The CSV of another instructor's course is never theirs.
    expect(
      (await getPage(app, `/courses/${other.courseId}/attendance.csv`, cookies.ownInstructor))
        .status,
    ).toBe(403);
  });

  it('hides one text once when a hundred hidings arrive at once, audited once', async () => {
    const row = feedbackRowsOf(setup, course.courseId).find(
      (answer) => answer.bestThing === 'Hyvä',
    )!;
    const audited = () =>
      db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.subjectType, 'course-feedback'),
            eq(auditLog.action, 'update'),
            eq(auditLog.subjectId, row.id),
          ),
        )
        .all();
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        postForm(
          app,
          `/courses/${course.courseId}/feedback/${row.id}/text-hiding`,
          {},
          { cookie: cookies.admin },
        ),
      ),
    );
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([303]));
    expect(
      feedbackRowsOf(setup, course.courseId).find((a) => a.id === row.id)!.freeTextHidden,
    ).toBe(true);
    // Found (fixed): every repeat was audited as another hiding, 100 rows for one change.
    expect(audited()).toHaveLength(1);
  });
  it('shows markup in a free text as text to the coordinator', async () => {
    const markup = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    giveFeedback(db, {
      enrollmentId: course.people[2]!.enrollmentId,
      courseId: course.courseId,
      answers: {
        usefulness: 5,
        everydayTools: 5,
        bestThing: markup,
        toImprove: '',
        recommend: 'yes',
      },
    });
    const html = await (
      await getPage(app, `/courses/${course.courseId}/feedback`, cookies.coordinator)
    ).text();
    const $ = load(html);
    expect($('#feedback-texts').text()).toContain(markup);
    expect($('#feedback-texts img, #feedback-texts script')).toHaveLength(0);
  });
});

describe('attacks on the attendance CSV', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let course: Course;
  let coordinator = '';

  beforeAll(async () => {
    course = aRunningCourse(db, { participants: 6 });
    clock.setTo(duringSession(course.sessions, 2));
    coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
  });

  const rename = (index: number, values: Partial<typeof applications.$inferInsert>) =>
    db
      .update(applications)
      .set(values)
      .where(eq(applications.id, course.people[index]!.applicationId))
      .run();

  it('writes no cell that Excel would read as a formula, and keeps the columns', async () => {
    const payloads = ['=1+1', '+SUM(A1)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];
    payloads.forEach((name, index) => rename(index, { name }));
    rename(0, { email: '=HYPERLINK("http://evil.example")@x.example' });
    rename(1, { name: 'Virtanen; Matti\r\n=1+1;"x"' });
    const waiting = aWaitingApplicant(db, course.localityId, { name: 'Jonossa Oleva' });
    aWaitlisted(db, course.courseId, waiting, clock());
    const response = await getPage(app, `/courses/${course.courseId}/attendance.csv`, coordinator);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="kurssi-${course.courseId}-osallistujat.csv"`,
    );
    const text = await response.text();
    expect(text).not.toContain('Jonossa Oleva');
    const cells = parseCsv(text).rows;
    const width = cells[0]!.length;
    expect(cells).toHaveLength(7);
    for (const row of cells) expect(row).toHaveLength(width);
    for (const row of cells.slice(1)) {
      for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(cells.map((row) => row[0])).toContain('Virtanen; Matti\r\n=1+1;"x"');
    const exported = db.select().from(auditLog).where(eq(auditLog.action, 'export')).all().at(-1)!;
    expect(exported.subjectId).toBe(course.courseId);
    expect(JSON.stringify(exported)).not.toMatch(/Virtanen|SUM|Osallistuja/);
  });
});

describe("attacks on the home page's summary", () => {
  const { app, db, clock } = buildTestApp();

  it('shows markup in a term name as text to coordinators and admins, and nothing to instructors', async () => {
    clock.setTo(new Date('2026-10-20T09:00:00Z'));
    const name = '<script>alert(1)</script><img src=x onerror=alert(2)> {from} {to}';
    const termId = createTerm(
      db,
      {
        name,
        startsOn: '2026-08-01',
        endsOn: '2026-12-31',
        targetCoursesMin: 1,
        targetCoursesMax: 2,
        targetInstructorsMin: 1,
        targetInstructorsMax: 2,
      },
      new Date(),
    )!;
    for (const role of ['coordinator', 'admin'] as const) {
      const html = await (
        await getPage(app, '/', await signIn(app, await aStaffUser(db, role)))
      ).text();
      const $ = load(html);
      expect($('#glance-term').attr('href')).toBe(`/terms/${termId}`);
      // Shown as typed: its braces are not filled in with the term's dates.
      expect($('#glance-term').text()).toBe(`Kausi ${name} (1.8.2026–31.12.2026)`);
      expect($('#at-a-glance script, #at-a-glance img')).toHaveLength(0);
      expect(html).not.toContain('<script>alert(1)');
    }
    const instructorHome = load(
      await (await getPage(app, '/', await signIn(app, await aStaffUser(db, 'instructor')))).text(),
    );
    expect(instructorHome('#at-a-glance')).toHaveLength(0);
    expect(instructorHome.text()).not.toContain('alert(1)');
  });
});
