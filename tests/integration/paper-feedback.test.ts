import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { aRunningCourse, duringSession } from '../support/attendance-fixtures';
import { anAnswer, feedbackRowsOf } from '../support/feedback-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

describe('feedback on paper', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let course: ReturnType<typeof aRunningCourse>;
  let later: ReturnType<typeof aRunningCourse>;
  const cookies = { coordinator: '', instructor: '', otherInstructor: '', reporting: '' };
  const answersOf = (courseId: number) => `/courses/${courseId}/feedback/paper-answers`;

  beforeAll(async () => {
    const instructorUser = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 3, instructorUserIds: [instructorUser.id] });
    later = aRunningCourse(db, { participants: 3, firstDate: '2026-10-27' });
    clock.setTo(duringSession(course.sessions, course.sessions.length));
    cookies.coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
    cookies.instructor = await signIn(app, instructorUser);
    cookies.otherInstructor = await signIn(app, await aStaffUser(db, 'instructor'));
    cookies.reporting = await signIn(app, await aStaffUser(db, 'reporting'));
  });

  it("prints the questionnaire for the course's own instructors and the coordinator", async () => {
    for (const cookie of [cookies.instructor, cookies.coordinator]) {
      const response = await getPage(app, `/courses/${course.courseId}/feedback/paper`, cookie);
      expect(response.status).toBe(200);
      const $ = load(await response.text());
      expect($('.paper-question h2').first().text()).toBe('Kuinka hyödyllinen kurssi oli sinulle?');
      expect($('.paper-question')).toHaveLength(5);
      expect($('.paper-questionnaire input')).toHaveLength(0);
    }
    const path = `/courses/${course.courseId}/feedback/paper`;
    expect((await getPage(app, path, cookies.otherInstructor)).status).toBe(403);
    expect((await getPage(app, path, cookies.reporting)).status).toBe(403);
  });

  it('lets only coordinators type answers in', async () => {
    for (const cookie of [cookies.instructor, cookies.reporting]) {
      expect((await getPage(app, answersOf(course.courseId), cookie)).status).toBe(403);
      expect(
        (await postForm(app, answersOf(course.courseId), anAnswer, { cookie: cookie })).status,
      ).toBe(403);
    }
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(0);
  });

  it('refuses answers before the last session has started', async () => {
    const page = load(
      await (await getPage(app, answersOf(later.courseId), cookies.coordinator)).text(),
    );
    expect(page('#paper-answers-refused').text()).toContain('viimeinen tapaaminen');
    expect(page('#paper-answer')).toHaveLength(0);
    const response = await postForm(app, answersOf(later.courseId), anAnswer, {
      cookie: cookies.coordinator,
    });
    expect(response.status).toBe(409);
    expect(feedbackRowsOf(setup, later.courseId)).toHaveLength(0);
  });

  it('keeps what was typed and names the missing answer', async () => {
    const { usefulness: _, ...withoutScore } = anAnswer;
    const response = await postForm(
      app,
      answersOf(course.courseId),
      { ...withoutScore, toImprove: 'Pidempi tauko' },
      { cookie: cookies.coordinator },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#paper-answer-usefulness-error').text()).toBe('Valitse yksi numero 1–5.');
    expect($('#paper-answer-toImprove').text()).toBe('Pidempi tauko');
    expect($('#paper-answer-everydayTools-5').attr('checked')).toBeDefined();
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(0);
  });

  it('saves as many answers as the course had people, audited without their content', async () => {
    for (let i = 0; i < 3; i++) {
      const response = await postForm(app, answersOf(course.courseId), anAnswer, {
        cookie: cookies.coordinator,
      });
      expect(response.status).toBe(303);
    }
    const refused = await postForm(app, answersOf(course.courseId), anAnswer, {
      cookie: cookies.coordinator,
    });
    expect(refused.status).toBe(409);
    expect(load(await refused.text())('#paper-answers-refused').text()).toContain('yhtä monta');
    const rows = feedbackRowsOf(setup, course.courseId);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ usefulness: 4, everydayTools: 5, recommend: 'yes' });
    const entries = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'course-feedback'), eq(auditLog.action, 'create')))
      .all();
    expect(entries.map((entry) => entry.detail)).toEqual(
      Array(3).fill(`paper answer entered, course ${course.courseId}`),
    );
    expect(JSON.stringify(entries)).not.toContain(anAnswer.bestThing);
  });
});
