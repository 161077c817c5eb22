import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, courses, enrollments, interviews } from '../../db/schema';
import { aRunningCourse, duringSession } from '../support/attendance-fixtures';
import { aWaitingApplicant, enrollmentOf } from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

const cannotComplete =
  'Kurssilla on jäljellä vain 2 kertaa, mutta suorittaminen vaatii 4. Jos sijoitat henkilön silti, vahvista se.';

/** A six-session course (threshold 4 by default), with the clock set before signing in. */
async function aCourseAt(when: number | ((sessions: { startsAt: Date }[]) => Date)) {
  const setup = buildTestApp();
  const course = aRunningCourse(setup.db, { participants: 2 });
  setup.clock.setTo(
    typeof when === 'number' ? duringSession(course.sessions, when) : when(course.sessions),
  );
  const cookie = await signIn(setup.app, await aStaffUser(setup.db, 'coordinator'));
  return { ...setup, course, cookie };
}

/** The roster's placement form, as the coordinator posts it. */
function placeFromRoster(
  setup: Awaited<ReturnType<typeof aCourseAt>>,
  applicationId: number,
  extra: Record<string, string> = {},
) {
  return postForm(
    setup.app,
    '/enrollments',
    { applicationId, courseId: setup.course.courseId, ...extra },
    { cookie: setup.cookie },
  );
}

function enrollmentsOf(setup: Awaited<ReturnType<typeof aCourseAt>>, id: number) {
  return setup.db.select().from(enrollments).where(eq(enrollments.applicationId, id)).all();
}

describe('placing on the roster when completion is out of reach', () => {
  it('refuses with the sessions left and a confirm box, and places once confirmed', async () => {
    const setup = await aCourseAt(5);
    const { db, course } = setup;
    const person = aWaitingApplicant(db, course.localityId);
    const refused = await placeFromRoster(setup, person);
    expect(refused.status).toBe(422);
    const $ = load(await refused.text());
    expect($('#confirmCannotComplete-error').text()).toBe(cannotComplete);
    expect($('input#confirmCannotComplete[type=checkbox]')).toHaveLength(1);
    expect($(`#applicationId option[value="${person}"]`).attr('selected')).toBeDefined();
    expect(enrollmentsOf(setup, person)).toEqual([]);

    const confirmed = await placeFromRoster(setup, person, { confirmCannotComplete: 'on' });
    expect(confirmed.status).toBe(303);
    expect(enrollmentOf(db, person, course.courseId).state).toBe('placed');
  });

  it('refuses on the day of the last session, with one session left', async () => {
    const setup = await aCourseAt(
      (sessions) => new Date(sessions[5]!.startsAt.getTime() - 3_600_000),
    );
    const { db, course } = setup;
    const person = aWaitingApplicant(db, course.localityId);
    const refused = await placeFromRoster(setup, person);
    expect(refused.status).toBe(422);
    expect(load(await refused.text())('#confirmCannotComplete-error').text()).toContain(
      'jäljellä vain 1 kertaa',
    );
  });

  it('places with exactly the threshold left and tells the sessions left in the flash', async () => {
    const setup = await aCourseAt(3);
    const { app, db, course, cookie } = setup;
    const person = aWaitingApplicant(db, course.localityId);
    const placed = await placeFromRoster(setup, person);
    expect(placed.status).toBe(303);
    expect(enrollmentOf(db, person, course.courseId).state).toBe('placed');
    const page = load(
      await (
        await getPage(app, `/courses/${course.courseId}/roster`, cookiesFrom(placed, cookie))
      ).text(),
    );
    expect(page('.flash-success').text()).toBe(
      'Henkilö sai paikan kurssille. Kurssilla on jäljellä 4/6 kertaa. Kurssin suorittaminen vaatii 4 kertaa.',
    );
  });
});

describe("the interview's place outcome when completion is out of reach", () => {
  const answers = { canAttendAll: 'yes', suitableTimes: '', otherNeeds: '', notes: '' };

  async function anInterviewAt(session: number) {
    const setup = await aCourseAt(session);
    // Still open for placements in the interview's list of courses.
    setup.db
      .update(courses)
      .set({ status: 'confirmed' })
      .where(eq(courses.id, setup.course.courseId))
      .run();
    const person = aWaitingApplicant(setup.db, setup.course.localityId);
    setup.db
      .update(applications)
      .set({ state: 'to-call', consentAt: new Date('2026-08-20T09:00:00Z') })
      .where(eq(applications.id, person))
      .run();
    return { ...setup, person };
  }

  it('comes back 422 with the message and the confirm box, saving nothing, then places once confirmed', async () => {
    const setup = await anInterviewAt(5);
    const { app, db, course, cookie, person } = setup;
    const fields = { ...answers, outcome: 'place', courseId: String(course.courseId) };
    const refused = await postForm(app, `/applications/${person}/interview`, fields, { cookie });
    expect(refused.status).toBe(422);
    const $ = load(await refused.text());
    expect($('#confirmCannotComplete-error').text()).toBe(cannotComplete);
    expect($('#interview-form input#confirmCannotComplete[type=checkbox]')).toHaveLength(1);
    expect($('#courseId option:selected').attr('value')).toBe(String(course.courseId));
    expect(enrollmentsOf(setup, person)).toEqual([]);
    expect(db.select().from(interviews).where(eq(interviews.applicationId, person)).all()).toEqual(
      [],
    );

    const confirmed = await postForm(
      app,
      `/applications/${person}/interview`,
      { ...fields, confirmCannotComplete: 'on' },
      { cookie },
    );
    expect(confirmed.status).toBe(303);
    expect(enrollmentOf(db, person, course.courseId).state).toBe('placed');
  });

  it('places with the threshold still reachable and tells the sessions left', async () => {
    const { app, db, course, cookie, person } = await anInterviewAt(2);
    const placed = await postForm(
      app,
      `/applications/${person}/interview`,
      { ...answers, outcome: 'place', courseId: String(course.courseId) },
      { cookie },
    );
    expect(placed.status).toBe(303);
    expect(enrollmentOf(db, person, course.courseId).state).toBe('placed');
    const page = load(await (await getPage(app, '/calls', cookiesFrom(placed, cookie))).text());
    expect(page('.flash-success').text()).toContain('Kurssilla on jäljellä 5/6 kertaa');
  });
});
