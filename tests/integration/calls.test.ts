import { load } from 'cheerio';
import { systemActor } from '../../src/features/audit/audit-log';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  auditLog,
  callAttempts,
  enrollments,
  interviews,
  type ApplicationState,
} from '../../db/schema';
import { saveInstructor } from '../../src/features/instructors/queries';
import { wallClockToInstant } from '../../src/lib/helsinki-time';
import { aLocality, anArvoProgram, anAutumnTerm, anInstructor } from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
  testConfig,
} from '../support/test-app';

describe('the call queue and the phone interview', () => {
  const { app, db, clock } = buildTestApp();
  const cookies = { coordinator: '', instructor: '' };
  const staff: Record<keyof typeof cookies, { email: string; password: string }[]> = {
    coordinator: [],
    instructor: [],
  };
  /** Moves the clock; a jump past the session length needs signing in again. */
  const advanceHours = async (hours: number) => {
    clock.advanceMinutes(hours * 60);
    for (const role of ['coordinator', 'instructor'] as const) {
      cookies[role] = await signIn(app, staff[role][0]!);
    }
  };
  const ids = { coordinator: 0, instructor: 0, otherInstructor: 0, locality: 0, course: 0 };
  let people = 0;

  /** An application waiting for its intake call, due `dueInMinutes` from now. */
  const anApplication = (
    overrides: Partial<typeof applications.$inferInsert> & { dueInMinutes?: number } = {},
  ) => {
    people += 1;
    const { dueInMinutes = 0, ...values } = overrides;
    const now = clock();
    return db
      .insert(applications)
      .values({
        source: 'public',
        name: `Hakija ${people}`,
        phone: '+358401234567',
        email: `hakija${people}@example.fi`,
        state: 'to-call',
        callReason: 'intake',
        callDueAt: new Date(now.getTime() + dueInMinutes * 60_000),
        consentAt: now,
        createdAt: now,
        updatedAt: now,
        ...values,
      })
      .returning({ id: applications.id })
      .get().id;
  };

  const applicationRow = (id: number) =>
    db.select().from(applications).where(eq(applications.id, id)).get()!;
  const interviewsOf = (id: number) =>
    db.select().from(interviews).where(eq(interviews.applicationId, id)).all();

  const recordCall = (id: number, fields: Record<string, string>, cookie = cookies.coordinator) =>
    postForm(app, `/applications/${id}/call-attempts`, fields, { cookie });

  const queue = async (cookie = cookies.coordinator) =>
    load(await (await getPage(app, '/calls', cookie)).text());

  const interview = (id: number, fields: Record<string, string>, cookie = cookies.coordinator) =>
    postForm(app, `/applications/${id}/interview`, fields, { cookie });

  /** A course planned and opened for enrolment by the coordinator, in the test locality. */
  const anOpenCourse = async (firstDate: string, instructor1 = '') => {
    const planned = await postForm(
      app,
      '/courses',
      {
        termId: String(anAutumnTerm(db)),
        programId: String(anArvoProgram(db)),
        localityId: String(ids.locality),
        audience: 'open',
        firstDate,
        startTime: '17:00',
        instructor1,
        instructor2: '',
        acceptWarnings: 'on',
      },
      { cookie: cookies.coordinator },
    );
    expect(planned.status).toBe(303);
    const courseId = Number(planned.headers.get('Location')!.split('/').pop());
    const opened = await postForm(
      app,
      `/courses/${courseId}/status`,
      { status: 'open' },
      { cookie: cookies.coordinator },
    );
    expect(opened.status).toBe(303);
    return courseId;
  };

  beforeAll(async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    ids.coordinator = coordinator.id;
    cookies.coordinator = await signIn(app, coordinator);
    const instructorUser = await aStaffUser(db, 'instructor');
    staff.coordinator.push(coordinator);
    staff.instructor.push(instructorUser);
    cookies.instructor = await signIn(app, instructorUser);
    const linked = saveInstructor(
      db,
      null,
      {
        name: 'Olli Ohjaaja',
        kind: 'professional',
        email: '',
        phone: '',
        employerUnit: '',
        userId: instructorUser.id,
        localityIds: [],
      },
      systemActor,
      new Date(),
    );
    if (!linked.ok) throw new Error('instructor not created');
    ids.instructor = linked.id;
    ids.otherInstructor = anInstructor(db);
    ids.locality = aLocality(db, 'Lapua');

    ids.course = await anOpenCourse('2026-10-06');
  });

  describe('the queue', () => {
    it('lists the people to call by due time, with their number as a tel: link', async () => {
      const later = anApplication({ name: 'Myöhempi Maija', dueInMinutes: 120 });
      const first = anApplication({
        name: 'Aiempi Aarne',
        dueInMinutes: -30,
        source: 'referral',
        phone: '+358501112222',
      });
      const told = anApplication({
        name: 'Kerrottava Kaisa',
        dueInMinutes: 60,
        state: 'placed',
        callReason: 'tell-placed',
      });
      anApplication({ name: 'Suljettu Sulo', state: 'closed', closeReason: 'declined' });
      anApplication({ name: 'Odottava Oona', state: 'waiting' });

      const $ = await queue();
      const names = $('#call-queue tbody tr th')
        .map((_, cell) => $(cell).text())
        .get();
      expect(names.indexOf('Aiempi Aarne')).toBeLessThan(names.indexOf('Kerrottava Kaisa'));
      expect(names.indexOf('Kerrottava Kaisa')).toBeLessThan(names.indexOf('Myöhempi Maija'));
      expect(names).not.toContain('Suljettu Sulo');
      expect(names).not.toContain('Odottava Oona');

      const firstRow = $(`#call-${first}`);
      expect(firstRow.find('a[href="tel:+358501112222"]').text()).toBe('050 1112222');
      expect(firstRow.text()).toContain('lähete');
      expect(firstRow.text()).toContain('haastattelu');
      expect(firstRow.text()).toContain('ei vielä');
      expect($(`#call-${told}`).text()).toContain('kerro: sai paikan');
      expect($(`#call-${later}`).text()).toContain('1.9.2026 klo 14.00');
    });

    it('shows who referred a person, with their contact as a link, on the row and the interview', async () => {
      let address = 0;
      const refer = async (phone: string, referrer: Record<string, string>) => {
        const response = await postForm(
          app,
          '/referrals',
          {
            ...referrer,
            name: `Ohjattu ${phone}`,
            phone,
            email: '',
            localityId: String(ids.locality),
            otherMunicipality: '',
            preferredCourseId: '',
            goodTimesToCall: '',
            clientConsent: 'on',
            website: '',
          },
          { address: `198.51.100.${(address += 1)}` },
        );
        expect(response.status).toBe(303);
        return db
          .select({ id: applications.id })
          .from(applications)
          .where(eq(applications.phone, `+358${phone.slice(1).replaceAll(' ', '')}`))
          .get()!.id;
      };
      const byPhone = await refer('040 777 0001', {
        referrerName: 'Sanna Sosiaalityöntekijä',
        referrerUnit: 'Aikuissosiaalityö, Lapua',
        referrerContact: '06 123 4567',
      });
      const byEmail = await refer('040 777 0002', {
        referrerName: 'Tero Terveydenhoitaja',
        referrerUnit: '',
        referrerContact: 'Tero@Example.fi',
      });
      const walkIn = anApplication({ name: 'Itse Hakenut' });

      const $ = await queue();
      const phoned = $(`#call-${byPhone}`);
      expect(phoned.find('.referrer').text()).toBe(
        'Sanna Sosiaalityöntekijä, Aikuissosiaalityö, Lapua, 06 1234567',
      );
      expect(phoned.text()).toContain('Ohjaava työntekijä: Sanna Sosiaalityöntekijä');
      expect(phoned.find('.referrer a').attr('href')).toBe('tel:+35861234567');
      const mailed = $(`#call-${byEmail}`).find('.referrer');
      expect(mailed.text()).toBe('Tero Terveydenhoitaja, tero@example.fi');
      expect(mailed.find('a').attr('href')).toBe('mailto:tero@example.fi');
      expect($(`#call-${walkIn}`).find('.referrer')).toHaveLength(0);
      expect($(`#call-${walkIn}`).text()).not.toContain('Ohjaava työntekijä');

      const page = load(
        await (
          await getPage(app, `/applications/${byPhone}/interview`, cookies.coordinator)
        ).text(),
      );
      const details = page('#interview-page dl');
      expect(details.find('dt').last().text()).toBe('Ohjaava työntekijä');
      expect(details.find('dd .referrer').text()).toBe(
        'Sanna Sosiaalityöntekijä, Aikuissosiaalityö, Lapua, 06 1234567',
      );
      expect(details.find('dd .referrer a').attr('href')).toBe('tel:+35861234567');
      const plain = load(
        await (await getPage(app, `/applications/${walkIn}/interview`, cookies.coordinator)).text(),
      );
      expect(plain('#interview-page dl').text()).not.toContain('Ohjaava työntekijä');
    });

    it('records each read of the queue in the audit log', async () => {
      await queue();
      const reads = db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'read'), eq(auditLog.detail, 'call-queue')))
        .all();
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.at(-1)!.actorUserId).toBe(ids.coordinator);
    });
  });

  describe('recording a call', () => {
    it('goes straight to the interview when the person is reached', async () => {
      const id = anApplication();
      const response = await recordCall(id, { outcome: 'reached' });
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe(`/applications/${id}/interview`);
      const attempts = db
        .select()
        .from(callAttempts)
        .where(eq(callAttempts.applicationId, id))
        .all();
      expect(attempts).toMatchObject([{ outcome: 'reached', byUserId: ids.coordinator }]);
    });

    it('takes someone who was told their news off the queue', async () => {
      const id = anApplication({ state: 'placed', callReason: 'tell-cancelled' });
      const response = await recordCall(id, { outcome: 'reached' });
      expect(response.headers.get('Location')).toBe('/calls');
      expect(applicationRow(id).callReason).toBe('intake');
      expect((await queue())(`#call-${id}`)).toHaveLength(0);
    });

    it('moves the call to the next day after no answer, and proposes closing after three on two days', async () => {
      const id = anApplication();
      const start = clock();
      expect((await recordCall(id, { outcome: 'no-answer' })).status).toBe(303);
      expect(applicationRow(id).callDueAt).toEqual(new Date(start.getTime() + 24 * 3_600_000));

      clock.advanceMinutes(60);
      await recordCall(id, { outcome: 'no-answer' });
      let row = (await queue())(`#call-${id}`);
      expect(row.text()).toContain('2, viimeksi: ei vastannut');
      expect(row.find(`form[action="/applications/${id}/closure"]`)).toHaveLength(0);

      await advanceHours(24);
      await recordCall(id, { outcome: 'no-answer' });
      const $ = await queue();
      row = $(`#call-${id}`);
      const closing = row.find(`form[action="/applications/${id}/closure"]`);
      expect(closing).toHaveLength(1);
      expect(closing.find('input[name=reason]').val()).toBe('unreachable');
      expect(row.text()).toContain('kirjeen');

      const closed = await postForm(
        app,
        `/applications/${id}/closure`,
        { reason: 'unreachable', note: '' },
        { cookie: cookies.coordinator },
      );
      expect(closed.status).toBe(303);
      expect(applicationRow(id)).toMatchObject({ state: 'closed', closeReason: 'unreachable' });
      expect((await queue())(`#call-${id}`)).toHaveLength(0);
    });

    it('keeps a wrong number due now, with a warning to find the right one', async () => {
      const id = anApplication({ dueInMinutes: -10 });
      await recordCall(id, { outcome: 'wrong-number' });
      expect(applicationRow(id).callDueAt).toEqual(clock());
      expect((await queue())(`#call-${id} .warning`).text()).toContain('Numero on väärä');
    });

    it('sets the time the person asked to be called back, in Helsinki time', async () => {
      const id = anApplication();
      const response = await recordCall(id, {
        outcome: 'call-back',
        callBackAt: '2026-09-20T14:30',
      });
      expect(response.status).toBe(303);
      expect(applicationRow(id).callDueAt).toEqual(wallClockToInstant('2026-09-20', '14:30'));
      const attempt = db
        .select()
        .from(callAttempts)
        .where(eq(callAttempts.applicationId, id))
        .get();
      expect(attempt?.callBackAt).toEqual(wallClockToInstant('2026-09-20', '14:30'));
    });

    it('refuses a call-back without a time, with the message on that row', async () => {
      const id = anApplication();
      const before = applicationRow(id).callDueAt;
      const response = await recordCall(id, { outcome: 'call-back', callBackAt: '' });
      expect(response.status).toBe(422);
      const $ = load(await response.text());
      expect($(`#callBackAt-${id}-error`).text()).toContain('Anna uusi soittoaika');
      expect(
        db.select().from(callAttempts).where(eq(callAttempts.applicationId, id)).all(),
      ).toEqual([]);
      expect(applicationRow(id).callDueAt).toEqual(before);
    });
  });

  describe('the interview', () => {
    const answers = {
      canAttendAll: 'yes',
      suitableTimes: 'arki-illat',
      otherNeeds: '',
      notes: 'Kiinnostunut.',
    };
    const savedState = (id: number): { state: ApplicationState } => applicationRow(id);

    it('shows the applicant with a tel: link and records the read', async () => {
      const id = anApplication({ name: 'Haastateltava Heikki' });
      const response = await getPage(app, `/applications/${id}/interview`, cookies.coordinator);
      expect(response.status).toBe(200);
      const $ = load(await response.text());
      expect($('h1').text()).toBe('Puhelinhaastattelu: Haastateltava Heikki');
      expect($('a[href="tel:+358401234567"]').text()).toBe('040 1234567');
      expect($('#notes-hint').text()).toContain('terveystietoja');
      const read = db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'read')))
        .get();
      expect(read).toMatchObject({ subjectType: 'application', actorUserId: ids.coordinator });
    });

    it('places the person on a course', async () => {
      const id = anApplication();
      const response = await interview(id, {
        ...answers,
        needs: 'transport',
        outcome: 'place',
        courseId: String(ids.course),
      });
      expect(response.status).toBe(303);
      expect(savedState(id).state).toBe('placed');
      const next = load(
        await (
          await getPage(
            app,
            response.headers.get('Location')!,
            cookiesFrom(response, cookies.coordinator),
          )
        ).text(),
      );
      expect(next('#flash').text()).toBe('Haastattelu tallennettu. Hakija sai paikan kurssille.');
      const enrollment = db
        .select()
        .from(enrollments)
        .where(eq(enrollments.applicationId, id))
        .get();
      expect(enrollment).toMatchObject({ courseId: ids.course, state: 'placed' });
      expect(interviewsOf(id)).toMatchObject([
        { outcome: 'place', canAttendAll: 'yes', needs: 'transport', byUserId: ids.coordinator },
      ]);
      const created = db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'create')))
        .get();
      expect(created?.subjectType).toBe('application');
    });

    it('puts the person on a locality’s demand list to wait', async () => {
      const id = anApplication();
      const response = await interview(id, {
        ...answers,
        outcome: 'wait',
        localityId: String(ids.locality),
      });
      expect(response.status).toBe(303);
      expect(applicationRow(id)).toMatchObject({ state: 'waiting', localityId: ids.locality });
      expect(interviewsOf(id)).toHaveLength(1);
    });

    it.each(['not-suitable', 'declined'] as const)(
      'closes the application as %s with the reason',
      async (outcome) => {
        const id = anApplication();
        const response = await interview(id, { ...answers, outcome, reason: 'Ei sovi nyt' });
        expect(response.status).toBe(303);
        expect(applicationRow(id)).toMatchObject({
          state: 'closed',
          closeReason: outcome,
          closeNote: 'Ei sovi nyt',
        });
        expect(interviewsOf(id)).toMatchObject([{ outcome, outcomeReason: 'Ei sovi nyt' }]);
      },
    );

    it('records verbal consent when none was given with the application', async () => {
      const id = anApplication({ consentAt: null });
      const response = await interview(id, {
        ...answers,
        consentConfirmed: 'on',
        outcome: 'wait',
        localityId: String(ids.locality),
      });
      expect(response.status).toBe(303);
      expect(applicationRow(id)).toMatchObject({
        consentAt: clock(),
        consentRecordedBy: ids.coordinator,
      });
    });

    it('refuses bad input with messages at the fields, keeps what was typed and saves nothing', async () => {
      const id = anApplication({ consentAt: null });
      const cases: [Record<string, string>, string, string][] = [
        [{ ...answers, consentConfirmed: 'on' }, 'outcome', 'Valitse, mitä sovittiin.'],
        [
          { ...answers, consentConfirmed: 'on', outcome: 'place' },
          'courseId',
          'Valitse kurssi, jolle hakija sijoitetaan.',
        ],
        [
          { ...answers, outcome: 'wait', localityId: String(ids.locality) },
          'consentConfirmed',
          'Hakijan lupa puuttuu',
        ],
        [
          {
            ...answers,
            consentConfirmed: 'on',
            notes: 'x'.repeat(2000),
            outcome: 'declined',
            reason: 'r',
          },
          'notes',
          'enintään 1000 merkkiä',
        ],
      ];
      for (const [fields, field, message] of cases) {
        const response = await interview(id, fields);
        expect(response.status, field).toBe(422);
        const $ = load(await response.text());
        expect($(`#${field}-error`).text(), field).toContain(message);
        expect($('#suitableTimes').val(), field).toBe('arki-illat');
      }
      // The consent box and the notes come back as they were.
      const response = await interview(id, {
        ...answers,
        consentConfirmed: 'on',
        needs: 'hearing',
        notes: 'y'.repeat(2000),
      });
      const $ = load(await response.text());
      expect($('#consentConfirmed').attr('checked')).toBeDefined();
      expect($('#needs-hearing').attr('checked')).toBeDefined();
      expect($('#notes').text()).toHaveLength(2000);
      expect(interviewsOf(id)).toEqual([]);
      expect(applicationRow(id)).toMatchObject({ state: 'to-call', consentAt: null });
    });

    it('keeps several ticked needs when the form comes back', async () => {
      const id = anApplication();
      const body = new URLSearchParams([
        ['canAttendAll', 'yes'],
        ['needs', 'step-free'],
        ['needs', 'interpreter'],
      ]);
      const response = await app.request(`/applications/${id}/interview`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: 'http://localhost',
          Cookie: cookies.coordinator,
        },
        body,
      });
      expect(response.status).toBe(422);
      const $ = load(await response.text());
      expect($('#needs-step-free').attr('checked')).toBeDefined();
      expect($('#needs-interpreter').attr('checked')).toBeDefined();
      expect($('#needs-hearing').attr('checked')).toBeUndefined();
    });
  });

  describe('an instructor', () => {
    it('sees only the calls assigned to them, and may record those', async () => {
      const mine = anApplication({ name: 'Oma Onni' });
      const theirs = anApplication({ name: 'Toisen Tuula' });
      const assigned = await postForm(
        app,
        `/applications/${mine}/assignment`,
        { instructorId: String(ids.instructor) },
        { cookie: cookies.coordinator },
      );
      expect(assigned.status).toBe(303);
      await postForm(
        app,
        `/applications/${theirs}/assignment`,
        { instructorId: String(ids.otherInstructor) },
        { cookie: cookies.coordinator },
      );

      const $ = await queue(cookies.instructor);
      expect(
        $('#call-queue tbody tr th')
          .map((_, cell) => $(cell).text())
          .get(),
      ).toEqual(['Oma Onni']);
      expect($(`form[action="/applications/${mine}/assignment"]`)).toHaveLength(0);

      expect((await recordCall(mine, { outcome: 'no-answer' }, cookies.instructor)).status).toBe(
        303,
      );
      expect(
        (await getPage(app, `/applications/${mine}/interview`, cookies.instructor)).status,
      ).toBe(200);
    });

    it('places an assigned applicant only on a course they lead', async () => {
      const ownCourse = await anOpenCourse('2026-10-08', String(ids.instructor));
      const id = anApplication({ name: 'Sijoitettava Sini', assignedInstructorId: ids.instructor });
      const courseChoices = async (cookie: string) => {
        const page = load(
          await (await getPage(app, `/applications/${id}/interview`, cookie)).text(),
        );
        return page('#courseId option[value!=""]')
          .map((_, option) => Number(page(option).attr('value')))
          .get();
      };
      expect(await courseChoices(cookies.instructor)).toEqual([ownCourse]);
      expect(await courseChoices(cookies.coordinator)).toEqual(
        expect.arrayContaining([ids.course, ownCourse]),
      );

      const fields = { canAttendAll: 'yes', notes: 'Sopii', outcome: 'place' };
      const refused = await interview(
        id,
        { ...fields, courseId: String(ids.course) },
        cookies.instructor,
      );
      expect(refused.status).toBe(422);
      const $ = load(await refused.text());
      expect($('#courseId-error').text()).toContain('vain kurssille, jota itse ohjaat');
      expect($('#notes').text()).toBe('Sopii');
      expect(db.select().from(enrollments).where(eq(enrollments.applicationId, id)).all()).toEqual(
        [],
      );
      expect(interviewsOf(id)).toEqual([]);
      expect(applicationRow(id).state).toBe('to-call');

      const placed = await interview(
        id,
        { ...fields, courseId: String(ownCourse) },
        cookies.instructor,
      );
      expect(placed.status).toBe(303);
      expect(
        db.select().from(enrollments).where(eq(enrollments.applicationId, id)).get(),
      ).toMatchObject({ courseId: ownCourse, state: 'placed' });
    });

    it('is refused another application’s interview and calls', async () => {
      const other = anApplication();
      expect(
        (await getPage(app, `/applications/${other}/interview`, cookies.instructor)).status,
      ).toBe(403);
      expect(
        (
          await interview(
            other,
            { canAttendAll: 'yes', outcome: 'declined', reason: 'x' },
            cookies.instructor,
          )
        ).status,
      ).toBe(403);
      expect((await recordCall(other, { outcome: 'reached' }, cookies.instructor)).status).toBe(
        403,
      );
      expect(
        db.select().from(callAttempts).where(eq(callAttempts.applicationId, other)).all(),
      ).toEqual([]);
      expect(
        (
          await postForm(
            app,
            `/applications/${other}/closure`,
            { reason: 'declined' },
            { cookie: cookies.instructor },
          )
        ).status,
      ).toBe(403);
    });
  });

  it('refuses an unknown instructor as the caller', async () => {
    const id = anApplication();
    const response = await postForm(
      app,
      `/applications/${id}/assignment`,
      { instructorId: '99999' },
      { cookie: cookies.coordinator },
    );
    expect(response.status).toBe(422);
    expect(load(await response.text())(`#instructorId-${id}-error`).text()).not.toBe('');
    expect(applicationRow(id).assignedInstructorId).toBeNull();
  });
});

describe('the unreachable rule is a setting', () => {
  it('proposes closing after the configured number of unanswered calls', async () => {
    const { app, db, clock } = buildTestApp({
      config: testConfig({ UNREACHABLE_AFTER_CALLS: '1', UNREACHABLE_ON_DAYS: '1' }),
    });
    const cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const now = clock();
    const { id } = db
      .insert(applications)
      .values({
        source: 'public',
        name: 'Kerran Soitettu',
        phone: '+358401239999',
        state: 'to-call',
        callReason: 'intake',
        callDueAt: now,
        consentAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: applications.id })
      .get();
    await postForm(app, `/applications/${id}/call-attempts`, { outcome: 'no-answer' }, { cookie });
    const $ = load(await (await getPage(app, '/calls', cookie)).text());
    expect($(`#call-${id} form[action="/applications/${id}/closure"]`)).toHaveLength(1);
  });
});
