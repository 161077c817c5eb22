import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  courseFeedback,
  courseInstructors,
  courses,
  enrollments,
  interviews,
  programs,
  trainingCandidates,
  type EnrollmentState,
} from '../../db/schema';
import { formatDuration } from '../../src/i18n/format';
import { parseCsv } from '../support/csv';
import { aReportPerson, type ReportPerson } from '../support/report-fixtures';
import {
  aLocality,
  aProgramOfSize,
  anAutumnTerm,
  anOpenCourse,
  aSpringTerm,
  anInstructor,
  aWaitingApplicant,
  sessionsOf,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, signIn } from '../support/test-app';

const evilTitle = '=HYPERLINK("http://evil","x")';
const at = new Date('2026-09-01T09:00:00Z');

describe('the term report', () => {
  const { app, db, clock } = buildTestApp();
  let termId = 0;
  let springId = 0;
  let courseA = 0;
  let courseB = 0;
  const names: string[] = [];
  const cookies = { coordinator: '', reporting: '', instructor: '' };

  /** A person on a course, saved straight into the database as the figures need them. */
  const aPerson = (courseId: number, localityId: number, person: ReportPerson) => {
    const name = `Salainen Henkilö ${names.length + 1}`;
    names.push(aReportPerson(db, { courseId, localityId, at, name }, person));
  };

  beforeAll(async () => {
    termId = anAutumnTerm(db);
    springId = aSpringTerm(db);
    const north = aLocality(db, 'Pohjoinen');
    const south = aLocality(db, 'Eteläinen');
    const programA = aProgramOfSize(db, { minParticipants: 1, maxParticipants: 14 });
    const programB = aProgramOfSize(db, { minParticipants: 1, maxParticipants: 10 });
    db.update(programs).set({ nameFi: 'Arki A' }).where(eq(programs.id, programA)).run();
    db.update(programs).set({ nameFi: evilTitle }).where(eq(programs.id, programB)).run();
    courseA = anOpenCourse(db, { termId, localityId: north, programId: programA });
    courseB = anOpenCourse(db, { termId, localityId: south, programId: programB });
    db.update(courses).set({ audience: 'targeted' }).where(eq(courses.id, courseB)).run();
    // Course A: 5 referred who completed, 1 phoned in who dropped out (health), 1 phoned in on
    // the waitlist who was never reached.
    for (let i = 0; i < 5; i++) {
      aPerson(courseA, north, {
        source: 'referral',
        reached: true,
        state: 'completed',
        everPlaced: true,
        present: true,
      });
    }
    aPerson(courseA, north, {
      source: 'phone',
      reached: true,
      state: 'withdrawn',
      everPlaced: true,
      present: true,
      dropOut: 'health',
    });
    aPerson(courseA, north, {
      source: 'phone',
      reached: false,
      state: 'waitlisted',
      everPlaced: false,
      present: false,
    });
    // Course B: 3 who applied themselves: one completed, one moved away after the first
    // session, one never came and did not complete.
    aPerson(courseB, south, {
      source: 'public',
      reached: true,
      state: 'completed',
      everPlaced: true,
      present: true,
    });
    aPerson(courseB, south, {
      source: 'public',
      reached: true,
      state: 'withdrawn',
      everPlaced: true,
      present: true,
      dropOut: 'moved',
    });
    aPerson(courseB, south, {
      source: 'public',
      reached: true,
      state: 'not-completed',
      everPlaced: true,
      present: false,
    });
    // Feedback: 3 answers on A and 2 on B; each course alone would hide them, the term has 5.
    for (const [courseId, usefulness] of [
      [courseA, 5],
      [courseA, 4],
      [courseA, 4],
      [courseB, 3],
      [courseB, 4],
    ] as const) {
      db.insert(courseFeedback)
        .values({
          courseId,
          usefulness,
          everydayTools: 4,
          recommend: 'yes',
          bestThing: 'Salainen vapaa vastaus',
        })
        .run();
    }
    // Instructors: 3 on A, the first of them and 2 others on B; 5 different people.
    const pairs = [anInstructor(db), anInstructor(db), anInstructor(db)];
    const others = [anInstructor(db), anInstructor(db)];
    for (const instructorId of pairs) {
      db.insert(courseInstructors).values({ courseId: courseA, instructorId }).run();
    }
    for (const instructorId of [pairs[0]!, ...others]) {
      db.insert(courseInstructors).values({ courseId: courseB, instructorId }).run();
    }
    clock.setTo(new Date('2026-12-01T10:00:00Z'));
    for (const role of ['coordinator', 'reporting', 'instructor'] as const) {
      cookies[role] = await signIn(app, await aStaffUser(db, role));
    }
  });

  const tableOf = async (path: string, id: string, cookie = cookies.coordinator) => {
    const response = await getPage(app, path, cookie);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    const header = $(`#${id} thead th`)
      .map((_, cell) => $(cell).text())
      .get();
    const rows = $(`#${id} tbody tr`)
      .map((_, row) => [
        $(row)
          .find('th, td')
          .map((__, cell) => $(cell).text())
          .get(),
      ])
      .get() as string[][];
    return rows.map((row) => Object.fromEntries(header.map((label, index) => [label, row[index]])));
  };

  it('counts each course and the total by hand-counted numbers, hiding 1–4 as "< 5"', async () => {
    const [b, a, total] = await tableOf(`/reports/terms/${termId}`, 'report-courses');
    expect(a).toMatchObject({
      Kurssi: `Arki A (${courseA})`,
      Paikkakunta: 'Pohjoinen',
      Kohderyhmä: 'avoin',
      'Hakemukset: itse': '0',
      'Hakemukset: palvelun ohjaamat': '5',
      'Hakemukset: puhelimitse': '< 5',
      'Hakemukset yhteensä': '7',
      Tavoitettu: '6',
      'Ei tavoitettu': '< 5',
      'Saaneet paikan': '6',
      'Aloittaneet (läsnä ainakin kerran)': '6',
      Suorittaneet: '5',
      'Suoritusaste %': '83',
      'Keskeyttäneet: terveys': '< 5',
      'Keskeyttäneet: muutti': '0',
      'Täytetyt paikat': '5',
      Paikkoja: '14',
    });
    expect(b).toMatchObject({
      Kurssi: `${evilTitle} (${courseB})`,
      Kohderyhmä: 'kohdennettu',
      'Hakemukset: itse': '< 5',
      'Hakemukset yhteensä': '< 5',
      'Aloittaneet (läsnä ainakin kerran)': '< 5',
      'Suoritusaste %': '< 5',
      'Keskeyttäneet: muutti': '< 5',
      Paikkoja: '10',
    });
    // The total is counted from real numbers: 3 + 0 self, 10 applications, 8 started, 6 completed.
    expect(total).toMatchObject({
      Kurssi: 'Yhteensä',
      'Hakemukset: itse': '< 5',
      'Hakemukset: palvelun ohjaamat': '5',
      'Hakemukset yhteensä': '10',
      Tavoitettu: '9',
      'Ei tavoitettu': '< 5',
      'Saaneet paikan': '9',
      'Aloittaneet (läsnä ainakin kerran)': '8',
      Suorittaneet: '6',
      'Suoritusaste %': '75',
      'Keskeyttäneet: terveys': '< 5',
      'Keskeyttäneet: muutti': '< 5',
      'Keskeyttäneet: muu': '0',
      'Täytetyt paikat': '6',
      Paikkoja: '24',
    });
  });

  it('totals by locality and by audience', async () => {
    const localities = await tableOf(`/reports/terms/${termId}`, 'report-localities');
    expect(localities.map((row) => [row.Paikkakunta, row['Hakemukset yhteensä']])).toEqual([
      ['Eteläinen', '< 5'],
      ['Pohjoinen', '7'],
      ['Yhteensä', '10'],
    ]);
    const audiences = await tableOf(`/reports/terms/${termId}`, 'report-audiences');
    expect(audiences.map((row) => [row.Kohderyhmä, row.Suorittaneet])).toEqual([
      ['kohdennettu', '< 5'],
      ['avoin', '5'],
      ['Yhteensä', '6'],
    ]);
  });

  it("summarises the whole term's feedback scores and never shows the free texts", async () => {
    const response = await getPage(app, `/reports/terms/${termId}`, cookies.reporting);
    const html = await response.text();
    const $ = load(html);
    expect($('#report-feedback #feedback-count').text()).toBe('Vastauksia: 5');
    // (5 + 4 + 4 + 3 + 4) / 5 = 4.0
    expect($('#feedback-usefulness caption').text()).toContain('Keskiarvo 4,0 / 5');
    expect(html).not.toContain('Salainen vapaa vastaus');
  });

  it('counts each instructor of the term once', async () => {
    const [autumn] = await tableOf(`/reports/terms/${termId}`, 'report-instructors');
    expect(autumn).toMatchObject({ 'Ohjaajia kauden kursseilla': '5' });
    const [spring] = await tableOf(`/reports/terms/${springId}`, 'report-instructors');
    expect(spring).toMatchObject({
      'Ohjaajia kauden kursseilla': '0',
      'Koulutettu uusia ohjaajia': '0',
    });
  });

  it('puts two terms side by side with a total for the year', async () => {
    const rows = await tableOf(`/reports?terms=${termId},${springId}`, 'report-by-term');
    expect(rows.map((row) => row['Hakemukset yhteensä'])).toEqual(['10', '0', '10']);
    expect(rows).toHaveLength(3);
    // Each term's courses in a table of their own, the autumn's with its total.
    const autumnCourses = await tableOf(
      `/reports?terms=${termId},${springId}`,
      `report-courses-${termId}`,
    );
    expect(autumnCourses.map((row) => row['Hakemukset yhteensä'])).toEqual(['< 5', '7', '10']);
    const springCourses = await tableOf(
      `/reports?terms=${termId},${springId}`,
      `report-courses-${springId}`,
    );
    expect(springCourses.map((row) => row.Kurssi)).toEqual(['Yhteensä']);
  });

  it('gives the per-course table and total as CSV for Excel, audited without content', async () => {
    const response = await getPage(app, `/reports/terms/${termId}.csv`, cookies.reporting);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/csv');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(bytes.toString('utf8'));
    expect(csv.byteOrderMark).toBe(true);
    const [header, b, a, total] = csv.rows;
    expect(header!.slice(0, 4)).toEqual([
      'Kurssi',
      'Paikkakunta',
      'Kohderyhmä',
      'Hakemukset: itse',
    ]);
    expect(header).toHaveLength(3 + 10 + 6 + 3);
    expect(a![header!.indexOf('Hakemukset: puhelimitse')]).toBe('< 5');
    expect(a![header!.indexOf('Suoritusaste %')]).toBe('83');
    expect(b![0]).toBe(`'${evilTitle} (${courseB})`);
    expect(total![header!.indexOf('Hakemukset yhteensä')]).toBe('10');
    expect(csv.rows).toHaveLength(4);
    const entry = db.select().from(auditLog).where(eq(auditLog.subjectType, 'term-report')).get();
    expect(entry).toMatchObject({ action: 'export', subjectId: termId, detail: 'term report CSV' });
  });

  it('shows the reporting role the figures and never a name', async () => {
    for (const path of [
      `/reports/terms/${termId}`,
      `/reports/terms/${termId}.csv`,
      '/reports',
      '/',
    ]) {
      const response = await getPage(app, path, cookies.reporting);
      expect(response.status, path).toBe(200);
      const text = await response.text();
      for (const name of names) expect(text, path).not.toContain(name);
      expect(text).not.toContain('@example.fi');
    }
  });

  it('refuses the reporting role every page about people or planning', async () => {
    for (const path of [
      '/people',
      '/calls',
      `/courses/${courseA}`,
      `/courses/${courseA}/attendance`,
      `/courses/${courseA}/attendance.csv`,
      `/courses/${courseA}/feedback`,
      '/terms',
      '/decisions',
      '/instructors',
      '/candidates',
      '/applications/new',
      '/outbox',
      '/calendar-feed',
      '/admin/users',
      '/admin/audit',
    ]) {
      expect((await getPage(app, path, cookies.reporting)).status, path).toBe(403);
    }
  });

  it('refuses the reports to an instructor', async () => {
    for (const path of ['/reports', `/reports/terms/${termId}`, `/reports/terms/${termId}.csv`]) {
      expect((await getPage(app, path, cookies.instructor)).status, path).toBe(403);
    }
  });

  it('answers 404 for an unknown term and a message for a bad choice of terms', async () => {
    expect((await getPage(app, '/reports/terms/99999', cookies.reporting)).status).toBe(404);
    expect((await getPage(app, '/reports/terms/99999.csv', cookies.reporting)).status).toBe(404);
    for (const query of ['terms=abc', 'terms=1,,x', 'terms=99999', 'terms=']) {
      const response = await getPage(app, `/reports?${query}`, cookies.reporting);
      expect(response.status, query).toBe(400);
      expect(load(await response.text())('#reports-error').text()).toContain('ei kelpaa');
    }
  });
});

describe("the term report's waiting list at the start and its instructors", () => {
  const { app, db, clock } = buildTestApp();
  const day = 24 * 60 * 60 * 1000;
  let termId = 0;
  let courseId = 0;
  let cookie = '';
  let pair: number[] = [];

  const anEnrolment = (
    localityId: number,
    values: { state: EnrollmentState; queuedAt: Date; placedAt?: Date; withdrawnAt?: Date },
  ) =>
    db
      .insert(enrollments)
      .values({
        courseId,
        applicationId: aWaitingApplicant(db, localityId),
        ...values,
        createdAt: values.queuedAt,
        updatedAt: values.queuedAt,
      })
      .run();

  const aTrainedCandidate = (values: { state: 'completed' | 'dropped'; completedOn: string }) =>
    db
      .insert(trainingCandidates)
      .values({
        source: 'supervisor',
        name: 'Uusi Ohjaaja',
        phone: '+358401234567',
        kind: 'professional',
        consentAt: at,
        ...values,
        createdAt: at,
        updatedAt: at,
      })
      .run();

  beforeAll(async () => {
    termId = anAutumnTerm(db);
    const localityId = aLocality(db);
    courseId = anOpenCourse(db, { termId, localityId, seats: 14 });
    const first = sessionsOf(db, courseId)[0]!.startsAt.getTime();
    const before = new Date(first - day);
    // Waiting when the first session began: six never placed and one who joined a week late.
    for (let i = 0; i < 6; i++) anEnrolment(localityId, { state: 'waitlisted', queuedAt: before });
    anEnrolment(localityId, {
      state: 'placed',
      queuedAt: before,
      placedAt: new Date(first + 7 * day),
    });
    // Not waiting then: placed an hour before, left the day before, queued only after the start.
    anEnrolment(localityId, {
      state: 'placed',
      queuedAt: before,
      placedAt: new Date(first - 3600_000),
    });
    anEnrolment(localityId, {
      state: 'withdrawn',
      queuedAt: new Date(first - 2 * day),
      withdrawnAt: before,
    });
    anEnrolment(localityId, { state: 'waitlisted', queuedAt: new Date(first + day) });
    // Five interviewed on the phone without a call attempt recorded as reached: reached all the same.
    for (const { applicationId } of db.select().from(enrollments).limit(5).all()) {
      db.insert(interviews)
        .values({ applicationId, at: before, canAttendAll: 'yes', outcome: 'wait' })
        .run();
    }
    pair = [anInstructor(db), anInstructor(db)];
    for (const instructorId of pair) {
      db.insert(courseInstructors).values({ courseId, instructorId }).run();
    }
    for (let i = 0; i < 5; i++)
      aTrainedCandidate({ state: 'completed', completedOn: '2026-09-15' });
    aTrainedCandidate({ state: 'completed', completedOn: '2027-02-01' });
    aTrainedCandidate({ state: 'dropped', completedOn: '2026-09-15' });
    clock.setTo(new Date('2026-10-20T12:00:00Z'));
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
  });

  const rowsOf = async (id: string) => {
    const $ = load(await (await getPage(app, `/reports/terms/${termId}`, cookie)).text());
    const header = $(`#${id} thead th`)
      .map((_, cell) => $(cell).text())
      .get();
    return $(`#${id} tbody tr`)
      .map((_, row) => [
        Object.fromEntries(
          $(row)
            .find('th, td')
            .map((__, cell) => $(cell).text())
            .get()
            .map((text, index) => [header[index], text]),
        ),
      ])
      .get() as Record<string, string>[];
  };

  it('counts who was on the waiting list when the first session began', async () => {
    const [course, total] = await rowsOf('report-courses');
    expect(course!['Jonossa kurssin alkaessa']).toBe('7');
    expect(total!['Jonossa kurssin alkaessa']).toBe('7');
    expect(course!.Tavoitettu).toBe('5');
    expect(course!['Ei tavoitettu']).toBe('5');
  });

  it('counts new instructors trained in the term and sums the pair’s hours', async () => {
    const preparation = db
      .select({ minutes: programs.preparationMinutes })
      .from(programs)
      .innerJoin(courses, eq(courses.programId, programs.id))
      .where(eq(courses.id, courseId))
      .get()!.minutes;
    const now = clock().getTime();
    const minutesOf = (sessions: ReturnType<typeof sessionsOf>) =>
      sessions.reduce(
        (sum, session) =>
          sum + (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000 + preparation,
        0,
      );
    const sessions = sessionsOf(db, courseId);
    const planned = pair.length * minutesOf(sessions);
    const done = pair.length * minutesOf(sessions.filter((s) => s.endsAt.getTime() <= now));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(planned);
    const [instructors] = await rowsOf('report-instructors');
    expect(instructors).toEqual({
      Kausi: expect.stringContaining('Syksy 2026'),
      'Koulutettu uusia ohjaajia': '5',
      'Ohjaajia kauden kursseilla': '< 5',
      'Ohjaajien ArVo-tunnit yhteensä (suunniteltu)': formatDuration(planned),
      'Ohjaajien ArVo-tunnit yhteensä (toteutunut)': formatDuration(done),
    });
  });
});
