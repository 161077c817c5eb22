import { load } from 'cheerio';
import { and, eq, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, courses, enrollments, outbox } from '../../db/schema';
import { giveFeedback, type FeedbackAnswers } from '../../src/features/feedback/feedback-commands';
import {
  issuePersonalLink,
  personalLinkPlaceholder,
} from '../../src/features/outbox/personal-links';
import { aRunningCourse, duringSession, everySessionMarked } from '../support/attendance-fixtures';
import { anAnswer, feedbackRowsOf } from '../support/feedback-fixtures';
import { enrollmentOf } from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';
import { expectPrivacyNoticeLink } from '../support/privacy-notice';

type Setup = ReturnType<typeof buildTestApp>;
type Course = ReturnType<typeof aRunningCourse>;

function auditCount({ db }: Setup) {
  return db
    .select({ count: sql<number>`count(*)` })
    .from(auditLog)
    .get()!.count;
}

/** Personal links for everyone on the course, as the mail worker makes them. */
function linksFor({ db, clock }: Setup, course: Course) {
  return course.people.map((person) =>
    issuePersonalLink(db, person.applicationId, course.courseId, clock()),
  );
}

function setEnrollment(
  { db }: Setup,
  enrollmentId: number,
  values: Partial<typeof enrollments.$inferInsert>,
) {
  db.update(enrollments).set(values).where(eq(enrollments.id, enrollmentId)).run();
}

describe('a participant giving feedback from the personal link', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let course: Course;
  let later: Course;
  let tokens: string[] = [];
  let laterTokens: string[] = [];

  beforeAll(() => {
    course = aRunningCourse(db, { participants: 8 });
    later = aRunningCourse(db, { participants: 1, firstDate: '2026-10-27' });
    clock.setTo(duringSession(course.sessions, 6));
    tokens = linksFor(setup, course);
    laterTokens = linksFor(setup, later);
    // Person 6 withdrew before the course began; person 7 dropped out during it.
    setEnrollment(setup, course.people[6]!.enrollmentId, { state: 'withdrawn' });
    setEnrollment(setup, course.people[7]!.enrollmentId, {
      state: 'withdrawn',
      dropOutReason: 'health',
    });
  });

  const formOn = async (token: string) =>
    load(await (await getPage(app, `/p/${token}`)).text())('.participant-feedback form');

  it('offers the questionnaire from the start of the last session, not before', async () => {
    expect(await formOn(laterTokens[0]!)).toHaveLength(0);
    const form = await formOn(tokens[0]!);
    expect(form).toHaveLength(1);
    expect(form.find('fieldset legend').first().text()).toBe(
      'Kuinka hyödyllinen kurssi oli sinulle?',
    );
    expect(form.find('input[name="usefulness"]')).toHaveLength(5);
    expect(form.find(`label[for="${form.attr('id')}-usefulness-1"]`).text()).toBe(
      '1 – ei lainkaan hyödyllinen',
    );
    expect(form.find('textarea[name="bestThing"]').attr('maxlength')).toBe('1000');
    const refused = await postForm(
      app,
      `/p/${laterTokens[0]}/feedback/${later.people[0]!.enrollmentId}`,
      anAnswer,
    );
    expect(refused.status).toBe(404);
    expect(feedbackRowsOf(setup, later.courseId)).toHaveLength(0);
  });

  it('offers it to a drop-out but not to someone who withdrew before the course', async () => {
    expect(await formOn(tokens[7]!)).toHaveLength(1);
    expect(await formOn(tokens[6]!)).toHaveLength(0);
    const refused = await postForm(
      app,
      `/p/${tokens[6]}/feedback/${course.people[6]!.enrollmentId}`,
      anAnswer,
    );
    expect(refused.status).toBe(404);
  });

  it('asks in English someone who speaks English', async () => {
    db.update(applications)
      .set({ language: 'en' })
      .where(eq(applications.id, course.people[5]!.applicationId))
      .run();
    const $ = load(await (await getPage(app, `/p/${tokens[5]}`)).text());
    expect($('.participant-feedback h3').text()).toBe('Tell us what you think');
    expect($('.participant-feedback legend').last().text()).toBe(
      'Would you recommend the course to others?',
    );
  });

  it("does not take an answer for another person's enrolment", async () => {
    const response = await postForm(
      app,
      `/p/${tokens[0]}/feedback/${course.people[1]!.enrollmentId}`,
      anAnswer,
    );
    expect(response.status).toBe(404);
    expect(enrollmentOf(db, course.people[1]!.applicationId, course.courseId).feedbackGiven).toBe(
      false,
    );
  });

  it('stores the answer with the course only, and nothing that leads back to the person', async () => {
    const person = course.people[0]!;
    const before = enrollmentOf(db, person.applicationId, course.courseId);
    const audited = auditCount(setup);
    const response = await postForm(app, `/p/${tokens[0]}/feedback/${person.enrollmentId}`, {
      ...anAnswer,
      toImprove: 'Pidempi kahvitauko',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/p/${tokens[0]}`);

    const columns = db.all<{ name: string }>(sql`pragma table_info(course_feedback)`);
    expect(columns.map((column) => column.name).sort()).toEqual(
      [
        'best_thing',
        'course_id',
        'everyday_tools',
        'free_text_hidden',
        'free_text_emptied',
        'id',
        'recommend',
        'to_improve',
        'usefulness',
      ].sort(),
    );
    const rows = feedbackRowsOf(setup, course.courseId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      courseId: course.courseId,
      usefulness: 4,
      everydayTools: 5,
      bestThing: 'Keskustelut muiden kanssa',
      toImprove: 'Pidempi kahvitauko',
      recommend: 'yes',
      freeTextHidden: false,
    });
    const after = enrollmentOf(db, person.applicationId, course.courseId);
    expect(after.feedbackGiven).toBe(true);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(auditCount(setup)).toBe(audited);

    const page = load(await (await getPage(app, `/p/${tokens[0]}`, cookiesFrom(response))).text());
    expect(page('#flash').text()).toBe('Kiitos vastauksistasi!');
    expect(page('.participant-feedback form')).toHaveLength(0);
    expect(page('.participant-feedback-note').text()).toBe('Olet jo vastannut, kiitos.');
  });

  it('refuses a second answer from the same link politely, saving nothing', async () => {
    const person = course.people[1]!;
    const path = `/p/${tokens[1]}/feedback/${person.enrollmentId}`;
    expect((await postForm(app, path, anAnswer)).status).toBe(303);
    const count = feedbackRowsOf(setup, course.courseId).length;
    const again = await postForm(app, path, { ...anAnswer, usefulness: '1' });
    expect(again.status).toBe(303);
    const page = load(await (await getPage(app, `/p/${tokens[1]}`, cookiesFrom(again))).text());
    expect(page('#flash').text()).toBe('Olet jo vastannut, kiitos.');
    // Even an invalid second answer gets the same polite word, not the form's messages.
    const invalidAgain = await postForm(app, path, { usefulness: 'x' });
    expect(invalidAgain.status).toBe(303);
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(count);
  });

  it('keeps exactly one answer when the same link sends a hundred at once', async () => {
    const person = course.people[2]!;
    const count = feedbackRowsOf(setup, course.courseId).length;
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        postForm(app, `/p/${tokens[2]}/feedback/${person.enrollmentId}`, {
          ...anAnswer,
          usefulness: String((index % 5) + 1),
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(303));
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(count + 1);
  });

  it('re-renders an invalid answer with messages at the questions and the text kept', async () => {
    const person = course.people[3]!;
    const response = await postForm(app, `/p/${tokens[3]}/feedback/${person.enrollmentId}`, {
      usefulness: '7',
      bestThing: 'Ohjaajat kuuntelivat',
      toImprove: 'x'.repeat(1001),
    });
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    const prefix = `#feedback-${person.enrollmentId}`;
    expect($(`${prefix}-usefulness-error`).text()).toBe('Valitse yksi numero 1–5.');
    expect($(`${prefix}-everydayTools-error`).text()).toBe('Valitse yksi numero 1–5.');
    expect($(`${prefix}-recommend-error`).text()).toBe('Valitse yksi vaihtoehto.');
    expect($(`${prefix}-toImprove-error`).text()).not.toBe('');
    expect($(`${prefix}-bestThing`).text()).toBe('Ohjaajat kuuntelivat');
    expect($('.error-summary')).toHaveLength(1);
    expect(enrollmentOf(db, person.applicationId, course.courseId).feedbackGiven).toBe(false);

    const kept = await postForm(app, `/p/${tokens[3]}/feedback/${person.enrollmentId}`, {
      usefulness: '2',
      everydayTools: '3',
    });
    expect(kept.status).toBe(422);
    const page = load(await kept.text());
    expect(page(`${prefix}-usefulness-2`).attr('checked')).toBeDefined();
    expect(page(`${prefix}-everydayTools-3`).attr('checked')).toBeDefined();
    expect(page(`${prefix}-usefulness-error`)).toHaveLength(0);
  });

  it('shows an expired link as closed, and takes no answer through it', async () => {
    const person = course.people[4]!;
    clock.setTo(new Date('2026-12-31T12:00:00Z'));
    const page = await getPage(app, `/p/${tokens[4]}`);
    expect(page.status).toBe(410);
    expect(load(await page.text())('#feedback-closed').text()).toBe(
      'Palautteen antaminen on päättynyt.',
    );
    const count = feedbackRowsOf(setup, course.courseId).length;
    const response = await postForm(
      app,
      `/p/${tokens[4]}/feedback/${person.enrollmentId}`,
      anAnswer,
    );
    expect(response.status).toBe(410);
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(count);
    clock.setTo(duringSession(course.sessions, 6));
  });
});

describe("a course's feedback results", () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let course: Course;
  let other: Course;
  let coordinatorCookie = '';
  let instructorCookie = '';
  let otherInstructorCookie = '';

  const answer = (overrides: Partial<FeedbackAnswers> = {}): FeedbackAnswers => ({
    usefulness: 5,
    everydayTools: 4,
    bestThing: '',
    toImprove: '',
    recommend: 'yes',
    ...overrides,
  });

  const answerAs = (index: number, answers: FeedbackAnswers) =>
    giveFeedback(db, {
      enrollmentId: course.people[index]!.enrollmentId,
      courseId: course.courseId,
      answers,
    });

  beforeAll(async () => {
    const instructor = await aStaffUser(db, 'instructor');
    const otherInstructor = await aStaffUser(db, 'instructor');
    const coordinator = await aStaffUser(db, 'coordinator');
    course = aRunningCourse(db, { participants: 6, instructorUserIds: [instructor.id] });
    other = aRunningCourse(db, { participants: 1, instructorUserIds: [otherInstructor.id] });
    clock.setTo(duringSession(course.sessions, 6));
    coordinatorCookie = await signIn(app, coordinator);
    instructorCookie = await signIn(app, instructor);
    otherInstructorCookie = await signIn(app, otherInstructor);
    for (const index of [0, 1, 2, 3]) {
      answerAs(index, answer({ bestThing: index === 0 ? 'Maija-ohjaaja Kotkasta oli paras' : '' }));
    }
  });

  it('shows only "< 5 answers" to the coordinator while there are four, and audits the read', async () => {
    const response = await getPage(app, `/courses/${course.courseId}/feedback`, coordinatorCookie);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('#feedback-too-few').text()).toContain('< 5 vastausta');
    expect($('#feedback-summary')).toHaveLength(0);
    const read = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'course-feedback'), eq(auditLog.action, 'read')))
      .all()
      .at(-1)!;
    expect(read).toMatchObject({ subjectId: course.courseId, detail: '' });
  });

  it('refuses an instructor before the course is closed, and one of another course always', async () => {
    expect(
      (await getPage(app, `/courses/${course.courseId}/feedback`, instructorCookie)).status,
    ).toBe(403);
    db.update(courses).set({ status: 'completed' }).where(eq(courses.id, course.courseId)).run();
    expect(
      (await getPage(app, `/courses/${course.courseId}/feedback`, otherInstructorCookie)).status,
    ).toBe(403);
    expect(
      (await getPage(app, `/courses/${other.courseId}/feedback`, instructorCookie)).status,
    ).toBe(403);
  });

  it('shows figures from five answers, "< 5" in small buckets, free texts to the coordinator only', async () => {
    answerAs(4, answer({ usefulness: 2, recommend: 'cant-say', toImprove: 'Enemmän liikuntaa' }));
    db.update(courses).set({ status: 'completed' }).where(eq(courses.id, course.courseId)).run();

    const coordinatorPage = load(
      await (await getPage(app, `/courses/${course.courseId}/feedback`, coordinatorCookie)).text(),
    );
    expect(coordinatorPage('#feedback-count').text()).toBe('Vastauksia: 5');
    expect(coordinatorPage('#feedback-usefulness caption').text()).toContain('Keskiarvo 4,4 / 5');
    expect(
      coordinatorPage('#feedback-usefulness tbody td')
        .map((_, cell) => coordinatorPage(cell).text())
        .get(),
    ).toEqual(['0', '< 5', '0', '0', '< 5']);
    expect(
      coordinatorPage('#feedback-everyday-tools tbody td')
        .map((_, cell) => coordinatorPage(cell).text())
        .get(),
    ).toEqual(['0', '0', '0', '5', '0']);
    expect(coordinatorPage('#feedback-recommend [data-answer="yes"]').text()).toBe('Kyllä: < 5');
    expect(coordinatorPage('#feedback-texts li')).toHaveLength(2);
    expect(coordinatorPage('#feedback-texts').text()).toContain('Enemmän liikuntaa');

    const instructorResponse = await getPage(
      app,
      `/courses/${course.courseId}/feedback`,
      instructorCookie,
    );
    expect(instructorResponse.status).toBe(200);
    const instructorPage = load(await instructorResponse.text());
    expect(instructorPage('#feedback-count').text()).toBe('Vastauksia: 5');
    expect(instructorPage('#feedback-texts')).toHaveLength(0);
    expect(instructorPage.text()).not.toContain('Maija-ohjaaja');
    expect(instructorPage.text()).not.toContain('Enemmän liikuntaa');
  });

  it('hides a free text that identifies someone, audited with the ids only', async () => {
    const identifying = feedbackRowsOf(setup, course.courseId).find((row) =>
      row.bestThing.startsWith('Maija'),
    )!;
    const path = `/courses/${course.courseId}/feedback/${identifying.id}/text-hiding`;
    expect((await postForm(app, path, {}, { cookie: instructorCookie })).status).toBe(403);
    const response = await postForm(app, path, {}, { cookie: coordinatorCookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/courses/${course.courseId}/feedback`);
    const $ = load(
      await (
        await getPage(
          app,
          `/courses/${course.courseId}/feedback`,
          cookiesFrom(response, coordinatorCookie),
        )
      ).text(),
    );
    expect($('#flash').text()).toBe('Vastaus on piilotettu.');
    expect($('#feedback-texts li')).toHaveLength(1);
    expect($.text()).not.toContain('Maija-ohjaaja');
    // The scores of the hidden answer still count.
    expect($('#feedback-count').text()).toBe('Vastauksia: 5');
    const entry = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'course-feedback'), eq(auditLog.action, 'update')))
      .get()!;
    expect(entry).toMatchObject({
      subjectId: identifying.id,
      detail: `feedback text hidden, course ${course.courseId}`,
    });
    const otherCourse = await postForm(
      app,
      `/courses/${other.courseId}/feedback/${identifying.id}/text-hiding`,
      {},
      { cookie: coordinatorCookie },
    );
    expect(otherCourse.status).toBe(404);
  });
});

describe('the thank-you at closing', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;

  /** Closes the course as the coordinator; the thank-you letters it queued. */
  const closedWithThanks = async (
    course: Course,
    coordinator: { email: string; password: string },
  ) => {
    const cookie = await signIn(app, coordinator);
    const closed = await postForm(app, `/courses/${course.courseId}/closing`, {}, { cookie });
    expect(closed.status).toBe(303);
    return db
      .select()
      .from(outbox)
      .where(and(eq(outbox.courseId, course.courseId), like(outbox.subject, 'Kiitos%')))
      .all();
  };

  it('invites everyone on the course to the end with an e-mail, through the outbox, with the personal link', async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    const course = aRunningCourse(db, { participants: 4 });
    // Person 2 has no e-mail; person 3 withdrew before the course began.
    db.update(applications)
      .set({ email: '' })
      .where(eq(applications.id, course.people[2]!.applicationId))
      .run();
    setEnrollment(setup, course.people[3]!.enrollmentId, {
      state: 'withdrawn',
      withdrawnAt: new Date('2026-10-01T09:00:00Z'),
    });
    clock.setTo(new Date('2026-11-11T09:00:00Z'));
    everySessionMarked(
      db,
      course,
      clock(),
      (index) => (index === 1 ? 'absent' : 'present'),
      course.people.slice(0, 3),
    );
    const thanks = await closedWithThanks(course, coordinator);
    expect(thanks.map((message) => message.applicationId).sort()).toEqual(
      [course.people[0]!.applicationId, course.people[1]!.applicationId].sort(),
    );
    for (const message of thanks) {
      expect(message.textBody).toContain(
        'Jos et ole vielä vastannut, kerro mielipiteesi kurssista omalla sivullasi',
      );
      expect(message.textBody).toContain(`/p/${personalLinkPlaceholder}`);
      expect(message.calendar).toBe('');
      expectPrivacyNoticeLink(message);
    }
  });

  it('thanks everyone alike, so the outgoing mail does not tell who has answered', async () => {
    const course = aRunningCourse(db, { participants: 3 });
    clock.setTo(new Date('2026-11-11T09:00:00Z'));
    everySessionMarked(db, course, clock());
    // One answers before the course is closed.
    giveFeedback(db, {
      enrollmentId: course.people[1]!.enrollmentId,
      courseId: course.courseId,
      answers: { usefulness: 2, everydayTools: 2, bestThing: '', toImprove: 'x', recommend: 'no' },
    });
    const thanks = await closedWithThanks(course, await aStaffUser(db, 'coordinator'));
    // Found by the follow-up attacks (fixed): whoever had answered got no thank-you.
    expect(thanks.map((message) => message.applicationId).sort()).toEqual(
      course.people.map((person) => person.applicationId).sort(),
    );
    const bodies = thanks.map((message) => message.textBody.replace(/Osallistuja \d/, 'NAME'));
    expect(new Set(bodies).size).toBe(1);
  });
});
