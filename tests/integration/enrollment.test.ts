import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, courses, enrollments, instructors, outbox } from '../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../src/db';
import { fillFreeSeats } from '../../src/features/enrollment/seats';
import { organizerFrom } from '../../src/features/invites/invitations';
import { programDefaults } from '../../src/features/programs/program-input';
import {
  aLocality,
  anAutumnTerm,
  anInstructor,
  aVenue,
  courseRow,
  sessionsOf,
  aProgramOfSize,
  aWaitingApplicant,
  enrollmentOf,
} from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

function applicationRow(db: AppDatabase, applicationId: number) {
  return db.select().from(applications).where(eq(applications.id, applicationId)).get()!;
}

describe('enrollment by staff: roster, waitlist, decisions', () => {
  const { app, db, clock, config } = buildTestApp();
  const mail = () => ({
    organizer: organizerFrom(config.mailFrom),
    publicUrl: config.publicUrl,
    now: clock(),
  });
  let cookie = '';
  const ids = { term: 0, locality: 0, venue: 0 };

  /** A course open for enrolment, planned through the course form like a coordinator does. */
  const anOpenCourse = async (
    options: {
      programId?: number;
      firstDate?: string;
      goNoGoDate?: string;
      instructorIds?: number[];
      open?: boolean;
    } = {},
  ) => {
    const response = await postForm(
      app,
      '/courses',
      {
        termId: ids.term,
        programId: options.programId ?? aProgramOfSize(db, { maxParticipants: 2 }),
        localityId: ids.locality,
        venueId: ids.venue,
        audience: 'open',
        firstDate: options.firstDate ?? '2026-10-06',
        startTime: '17:00',
        goNoGoDate: options.goNoGoDate ?? '',
        instructor1: options.instructorIds?.[0] ?? '',
        instructor2: options.instructorIds?.[1] ?? '',
        acceptWarnings: 'on',
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    const courseId = Number(response.headers.get('Location')!.split('/').pop());
    if (options.open !== false) {
      const opened = await postForm(
        app,
        `/courses/${courseId}/status`,
        { status: 'open' },
        { cookie },
      );
      expect(opened.status).toBe(303);
    }
    return courseId;
  };

  const place = async (applicationId: number, courseId: number) => {
    const response = await postForm(app, '/enrollments', { applicationId, courseId }, { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/courses/${courseId}/roster`);
    return enrollmentOf(db, applicationId, courseId);
  };

  beforeAll(async () => {
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    ids.term = anAutumnTerm(db);
    ids.locality = aLocality(db);
    ids.venue = aVenue(db, ids.locality);
  });

  it('places people until the course is full, then queues them, and shows the roster with seats and positions', async () => {
    const courseId = await anOpenCourse();
    const [aino, bertta, cecilia] = [
      aWaitingApplicant(db, ids.locality, { name: 'Aino Aaltonen' }),
      aWaitingApplicant(db, ids.locality, { name: 'Bertta Bäck', email: '' }),
      aWaitingApplicant(db, ids.locality, { name: 'Cecilia Cedergren' }),
    ];
    expect((await place(aino!, courseId)).state).toBe('placed');
    expect((await place(bertta!, courseId)).state).toBe('placed');
    expect((await place(cecilia!, courseId)).state).toBe('waitlisted');
    expect(applicationRow(db, aino!).state).toBe('placed');
    // The placed person without e-mail is told by phone.
    expect(applicationRow(db, bertta!).callReason).toBe('tell-placed');

    const response = await getPage(app, `/courses/${courseId}/roster`, cookie);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('#roster-seats').text()).toBe('Paikkoja täytetty 2/2');
    const rows = $('#roster tbody tr');
    expect(rows.map((_, row) => $(row).find('th').text()).get()).toEqual([
      'Aino Aaltonen',
      'Bertta Bäck',
      'Cecilia Cedergren',
    ]);
    expect(rows.eq(0).find('a[href^="tel:+35840"]').length).toBe(1);
    expect(rows.eq(1).text()).toContain('ei sähköpostia');
    expect(rows.eq(2).find('td').eq(2).text()).toContain('jonossa (1.)');
    expect(rows.eq(2).find(`form[action$="/move-up"]`).length).toBe(1);
    expect(rows.eq(0).find(`form[action$="/move-up"]`).length).toBe(0);

    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'course'), eq(auditLog.action, 'read')))
      .all();
    expect(audit.at(-1)).toMatchObject({ subjectId: courseId, detail: 'roster' });
  });

  it('refuses to place the same person twice and says why', async () => {
    const courseId = await anOpenCourse();
    const person = aWaitingApplicant(db, ids.locality);
    await place(person, courseId);
    const again = await postForm(
      app,
      '/enrollments',
      { applicationId: person, courseId },
      { cookie },
    );
    expect(again.status).toBe(303);
    const $ = load(
      await (await getPage(app, `/courses/${courseId}/roster`, cookiesFrom(again, cookie))).text(),
    );
    expect($('.flash-error').text()).toBe('Henkilö on jo tällä kurssilla.');
    expect(
      db.select().from(enrollments).where(eq(enrollments.courseId, courseId)).all(),
    ).toHaveLength(1);
  });

  it('a staff withdrawal needs a reason, frees the seat and gives it to the first in the queue only', async () => {
    const courseId = await anOpenCourse();
    const people = [1, 2, 3, 4].map(() => aWaitingApplicant(db, ids.locality));
    for (const person of people) await place(person, courseId);
    const first = enrollmentOf(db, people[0]!, courseId);

    const missing = await postForm(
      app,
      `/enrollments/${first.id}/withdrawal`,
      { reason: ' ' },
      { cookie },
    );
    expect(missing.status).toBe(422);
    const $ = load(await missing.text());
    expect($(`#withdraw-${first.id}-reason-error`).text()).toBe('Tämä tieto puuttuu.');
    expect(enrollmentOf(db, people[0]!, courseId).state).toBe('placed');

    const response = await postForm(
      app,
      `/enrollments/${first.id}/withdrawal`,
      { reason: 'Muutti toiselle paikkakunnalle' },
      { cookie },
    );
    expect(response.status).toBe(303);
    const withdrawn = enrollmentOf(db, people[0]!, courseId);
    expect(withdrawn).toMatchObject({
      state: 'withdrawn',
      withdrawnBy: 'staff',
      withdrawnReason: 'Muutti toiselle paikkakunnalle',
    });
    expect(enrollmentOf(db, people[2]!, courseId).state).toBe('placed');
    expect(enrollmentOf(db, people[3]!, courseId).state).toBe('waitlisted');

    const roster = load(await (await getPage(app, `/courses/${courseId}/roster`, cookie)).text());
    expect(roster(`#enrollment-${first.id}`).text()).toContain(
      'Syy: Muutti toiselle paikkakunnalle',
    );
  });

  it('moving someone up on the waitlist changes who gets the next free seat', async () => {
    const courseId = await anOpenCourse({ programId: aProgramOfSize(db, { maxParticipants: 1 }) });
    const [placed, early, late] = [1, 2, 3].map(() => aWaitingApplicant(db, ids.locality));
    for (const person of [placed!, early!, late!]) await place(person, courseId);
    const lateEnrollment = enrollmentOf(db, late!, courseId);

    const noReason = await postForm(
      app,
      `/enrollments/${lateEnrollment.id}/move-up`,
      {},
      { cookie },
    );
    expect(noReason.status).toBe(422);

    const movedUp = await postForm(
      app,
      `/enrollments/${lateEnrollment.id}/move-up`,
      { reason: 'Lähetteen tehnyt työntekijä pyysi kiirettä' },
      { cookie },
    );
    expect(movedUp.status).toBe(303);
    await postForm(
      app,
      `/enrollments/${enrollmentOf(db, placed!, courseId).id}/withdrawal`,
      { reason: 'Sairastui' },
      { cookie },
    );
    expect(enrollmentOf(db, late!, courseId).state).toBe('placed');
    expect(enrollmentOf(db, early!, courseId).state).toBe('waitlisted');
  });

  it('a raised maximum promotes from the waitlist', async () => {
    const programId = aProgramOfSize(db, { maxParticipants: 1, minParticipants: 1 });
    const courseId = await anOpenCourse({ programId });
    const people = [1, 2, 3].map(() => aWaitingApplicant(db, ids.locality));
    for (const person of people) await place(person, courseId);
    expect(enrollmentOf(db, people[1]!, courseId).state).toBe('waitlisted');

    const response = await postForm(
      app,
      `/programs/${programId}`,
      {
        ...programDefaults,
        nameFi: 'Arkeen Voimaa (isompi)',
        nameEn: 'Arkeen Voimaa (bigger)',
        minParticipants: 1,
        maxParticipants: 2,
        hasInfoSession: '',
        online: '',
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    expect(enrollmentOf(db, people[1]!, courseId).state).toBe('placed');
    expect(enrollmentOf(db, people[2]!, courseId).state).toBe('waitlisted');
    // Nothing more to fill.
    expect(immediateTransaction(db, (tx) => fillFreeSeats(tx, courseId, mail()))).toEqual([]);
  });

  it('places from the demand list through the roster page form, and re-renders it when nobody was chosen', async () => {
    const courseId = await anOpenCourse();
    const person = aWaitingApplicant(db, ids.locality, { name: 'Doris Demandlist' });
    const $ = load(await (await getPage(app, `/courses/${courseId}/roster`, cookie)).text());
    expect($(`#applicationId option[value="${person}"]`).text()).toBe('Doris Demandlist');

    const empty = await postForm(app, '/enrollments', { applicationId: '', courseId }, { cookie });
    expect(empty.status).toBe(422);
    expect(load(await empty.text())('#applicationId-error').text()).toBe('Tämä tieto puuttuu.');
  });

  describe('cancelling a course', () => {
    let courseId = 0;
    const people = { mailPlaced: 0, phonePlaced: 0, mailWaiting: 0, phoneWaiting: 0 };

    beforeAll(async () => {
      courseId = await anOpenCourse({ goNoGoDate: '2026-09-01', firstDate: '2026-09-15' });
      people.mailPlaced = aWaitingApplicant(db, ids.locality, { name: 'Eino Sähköposti' });
      people.phonePlaced = aWaitingApplicant(db, ids.locality, {
        name: 'Frans Puhelin',
        email: '',
      });
      people.mailWaiting = aWaitingApplicant(db, ids.locality, { name: 'Greta Jono' });
      people.phoneWaiting = aWaitingApplicant(db, ids.locality, { name: 'Hilma Jono', email: '' });
      for (const person of Object.values(people)) await place(person, courseId);
      // Phone news about the placement was already told.
      db.update(applications)
        .set({ callReason: 'intake' })
        .where(eq(applications.id, people.phonePlaced))
        .run();
    });

    it('tells everyone and puts them back on the demand list', async () => {
      const response = await postForm(
        app,
        `/courses/${courseId}/go-decision`,
        { decision: 'cancel', reason: 'Liian vähän osallistujia' },
        { cookie },
      );
      expect(response.status).toBe(303);
      expect(courseRow(db, courseId)).toMatchObject({
        status: 'cancelled',
        cancellationReason: 'Liian vähän osallistujia',
      });
      const cancellations = db
        .select()
        .from(outbox)
        .where(and(eq(outbox.courseId, courseId), eq(outbox.calendarMethod, 'CANCEL')))
        .all();
      const einosMessage = cancellations.find(
        (message) => message.recipientName === 'Eino Sähköposti',
      );
      expect(einosMessage?.calendar).toContain('METHOD:CANCEL');
      expect(cancellations.some((message) => message.recipientName === 'Frans Puhelin')).toBe(
        false,
      );
      const gretasMessage = db
        .select()
        .from(outbox)
        .where(and(eq(outbox.courseId, courseId), eq(outbox.recipientName, 'Greta Jono')))
        .get();
      expect(gretasMessage?.calendarMethod).toBe('');
      expect(gretasMessage?.textBody).toContain('Liian vähän osallistujia');
      expect(applicationRow(db, people.phonePlaced).callReason).toBe('tell-cancelled');
      expect(applicationRow(db, people.phoneWaiting).callReason).toBe('tell-cancelled');
      for (const person of Object.values(people)) {
        expect(applicationRow(db, person).state).toBe('waiting');
        expect(enrollmentOf(db, person, courseId).state).toBe('cancelled');
      }
    });

    it('promotes nobody into the cancelled course', async () => {
      expect(immediateTransaction(db, (tx) => fillFreeSeats(tx, courseId, mail()))).toEqual([]);
      const newcomer = aWaitingApplicant(db, ids.locality);
      const response = await postForm(
        app,
        '/enrollments',
        { applicationId: newcomer, courseId },
        { cookie },
      );
      expect(response.status).toBe(303);
      const $ = load(
        await (
          await getPage(app, `/courses/${courseId}/roster`, cookiesFrom(response, cookie))
        ).text(),
      );
      expect($('.flash-error').text()).toBe('Kurssille ei voi enää sijoittaa.');
      expect(
        db
          .select()
          .from(enrollments)
          .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, 'placed')))
          .all(),
      ).toEqual([]);
    });
  });

  describe('the roster for instructors', () => {
    let ledCourse = 0;
    let otherCourse = 0;
    let instructorCookie = '';

    beforeAll(async () => {
      const account = await aStaffUser(db, 'instructor');
      const instructorId = anInstructor(db);
      db.update(instructors)
        .set({ userId: account.id })
        .where(eq(instructors.id, instructorId))
        .run();
      ledCourse = await anOpenCourse({ instructorIds: [instructorId], firstDate: '2026-11-03' });
      otherCourse = await anOpenCourse({ firstDate: '2026-11-04' });
      await place(aWaitingApplicant(db, ids.locality, { name: 'Irma Ilmoittautunut' }), ledCourse);
      instructorCookie = await signIn(app, account);
    });

    it('shows an instructor the roster of a course they lead, without staff actions', async () => {
      const response = await getPage(app, `/courses/${ledCourse}/roster`, instructorCookie);
      expect(response.status).toBe(200);
      const $ = load(await response.text());
      expect($('#roster tbody th').text()).toBe('Irma Ilmoittautunut');
      expect($('#roster form').length).toBe(0);
      expect($('#applicationId').length).toBe(0);
    });

    it("refuses an instructor the roster of someone else's course, and anyone not signed in", async () => {
      expect((await getPage(app, `/courses/${otherCourse}/roster`, instructorCookie)).status).toBe(
        403,
      );
      const anonymous = await getPage(app, `/courses/${ledCourse}/roster`);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('Location')).toContain('/sign-in');
    });

    it('refuses instructors the staff actions', async () => {
      const enrollment = db
        .select()
        .from(enrollments)
        .where(eq(enrollments.courseId, ledCourse))
        .get()!;
      const response = await postForm(
        app,
        `/enrollments/${enrollment.id}/withdrawal`,
        { reason: 'Yritys' },
        { cookie: instructorCookie },
      );
      expect(response.status).toBe(403);
      expect((await getPage(app, '/decisions', instructorCookie)).status).toBe(403);
    });
  });

  describe('go/no-go decisions', () => {
    const due = { confirm: 0, postpone: 0, cancel: 0 };
    let notYetDue = 0;
    let fullEnough = 0;

    beforeAll(async () => {
      const program = aProgramOfSize(db, { minParticipants: 2, maxParticipants: 4 });
      due.confirm = await anOpenCourse({
        programId: program,
        firstDate: '2026-09-08',
        goNoGoDate: '2026-09-01',
      });
      due.postpone = await anOpenCourse({
        programId: program,
        firstDate: '2026-09-09',
        goNoGoDate: '2026-08-31',
        open: false,
      });
      due.cancel = await anOpenCourse({
        programId: program,
        firstDate: '2026-09-16',
        goNoGoDate: '2026-09-01',
      });
      notYetDue = await anOpenCourse({
        programId: program,
        firstDate: '2026-09-10',
        goNoGoDate: '2026-09-02',
      });
      fullEnough = await anOpenCourse({
        programId: program,
        firstDate: '2026-09-11',
        goNoGoDate: '2026-09-01',
      });
      await place(aWaitingApplicant(db, ids.locality), due.confirm);
      await place(aWaitingApplicant(db, ids.locality), fullEnough);
      await place(aWaitingApplicant(db, ids.locality), fullEnough);
    });

    it('lists the courses past their decision date that are short of the minimum', async () => {
      const $ = load(await (await getPage(app, '/decisions', cookie)).text());
      expect($(`#decision-${due.confirm}`).text()).toContain(
        'Paikan saaneita 1, vähintään tarvitaan 2',
      );
      expect($(`#decision-${due.postpone}`).length).toBe(1);
      expect($(`#decision-${notYetDue}`).length).toBe(0);
      expect($(`#decision-${fullEnough}`).length).toBe(0);
      expect($(`#decision-${due.confirm} form`).length).toBe(3);
    });

    it('confirms a course anyway', async () => {
      const response = await postForm(
        app,
        `/courses/${due.confirm}/go-decision`,
        { decision: 'confirm' },
        { cookie },
      );
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe('/decisions');
      expect(courseRow(db, due.confirm)?.status).toBe('confirmed');
      const $ = load(await (await getPage(app, '/decisions', cookie)).text());
      expect($(`#decision-${due.confirm}`).length).toBe(0);
      // A decided course takes no second decision.
      const again = await postForm(
        app,
        `/courses/${due.confirm}/go-decision`,
        { decision: 'confirm' },
        { cookie },
      );
      expect(again.status).toBe(404);
    });

    it('postpones a course by whole weeks, keeping the times, and checks the number of weeks', async () => {
      const before = sessionsOf(db, due.postpone);
      const tooMany = await postForm(
        app,
        `/courses/${due.postpone}/go-decision`,
        { decision: 'postpone', weeks: '13' },
        { cookie },
      );
      expect(tooMany.status).toBe(422);
      const $ = load(await tooMany.text());
      expect($(`#postpone-${due.postpone}-weeks-error`).text()).toBe('Anna luku väliltä 1–12.');
      expect($(`#postpone-${due.postpone}-weeks`).attr('value')).toBe('13');

      const response = await postForm(
        app,
        `/courses/${due.postpone}/go-decision`,
        { decision: 'postpone', weeks: '2' },
        { cookie },
      );
      expect(response.status).toBe(303);
      const after = sessionsOf(db, due.postpone);
      expect(after[0]!.localDate).toBe('2026-09-23');
      expect(after.map((session) => session.startTime)).toEqual(
        before.map((session) => session.startTime),
      );
      const course = db.select().from(courses).where(eq(courses.id, due.postpone)).get()!;
      expect(course.goNoGoDate).toBe('2026-09-14');
      expect(course.scheduleSequence).toBeGreaterThan(0);
    });

    it('cancels a course only with a reason', async () => {
      const missing = await postForm(
        app,
        `/courses/${due.cancel}/go-decision`,
        { decision: 'cancel', reason: '' },
        { cookie },
      );
      expect(missing.status).toBe(422);
      expect(load(await missing.text())(`#cancel-${due.cancel}-reason-error`).text()).toBe(
        'Tämä tieto puuttuu.',
      );
      expect(courseRow(db, due.cancel)?.status).toBe('open');

      const response = await postForm(
        app,
        `/courses/${due.cancel}/go-decision`,
        { decision: 'cancel', reason: 'Liian vähän hakijoita' },
        { cookie },
      );
      expect(response.status).toBe(303);
      expect(courseRow(db, due.cancel)).toMatchObject({
        status: 'cancelled',
        cancellationReason: 'Liian vähän hakijoita',
      });
      const $ = load(await (await getPage(app, '/decisions', cookie)).text());
      expect($(`#decision-${due.cancel}`).length).toBe(0);
    });

    it('refuses an unknown decision', async () => {
      const response = await postForm(
        app,
        `/courses/${notYetDue}/go-decision`,
        { decision: 'maybe' },
        { cookie },
      );
      expect(response.status).toBe(422);
    });
  });
});
