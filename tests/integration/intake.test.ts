import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  auditLog,
  deletionRequests,
  outbox,
  publicSubmissions,
  unconfirmedSubmissions,
} from '../../db/schema';
import { demandByLocality, findApplication } from '../../src/features/intake/queries';
import { aLocality, anArvoProgram, anAutumnTerm, aVenue } from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

describe('intake: applying, referring and phoning in', () => {
  const { app, db, clock } = buildTestApp();
  let coordinator = { id: 0, cookie: '' };
  const ids = {
    term: 0,
    lapua: 0,
    kurikka: 0,
    openLapua: 0,
    openKurikka: 0,
    planned: 0,
    cancelled: 0,
  };

  let addressCounter = 0;
  /** Each test posts from its own address, so the rate limit only shows where it is tested. */
  const anAddress = () => `198.51.100.${(addressCounter += 1)}`;
  let phoneCounter = 0;
  const aPhone = () => `040 555 ${String((phoneCounter += 1)).padStart(4, '0')}`;

  const planCourse = async (localityId: number, firstDate: string, venueId = '') => {
    const response = await postForm(
      app,
      '/courses',
      {
        termId: String(ids.term),
        programId: String(anArvoProgram(db)),
        localityId: String(localityId),
        venueId,
        audience: 'open',
        firstDate,
        startTime: '17:00',
        instructor1: '',
        instructor2: '',
        acceptWarnings: 'on',
      },
      { cookie: coordinator.cookie },
    );
    expect(response.status).toBe(303);
    return Number(response.headers.get('Location')!.split('/').pop());
  };
  const openForEnrolment = async (courseId: number) => {
    const response = await postForm(
      app,
      `/courses/${courseId}/status`,
      { status: 'open' },
      { cookie: coordinator.cookie },
    );
    expect(response.status).toBe(303);
  };

  const anApplicationForm = (overrides: Record<string, string> = {}) => ({
    name: 'Aino Esimerkki',
    phone: aPhone(),
    email: '',
    localityId: String(ids.lapua),
    otherMunicipality: '',
    preferredCourseId: String(ids.openLapua),
    goodTimesToCall: 'arkisin aamupäivisin',
    consent: 'on',
    website: '',
    ...overrides,
  });
  const applicationsWithPhone = (phone: string) =>
    db.select().from(applications).where(eq(applications.phone, phone)).all();
  const applicationCount = () => db.select().from(applications).all().length;
  const unconfirmedFor = (applicationId: number) =>
    db
      .select()
      .from(unconfirmedSubmissions)
      .where(eq(unconfirmedSubmissions.applicationId, applicationId))
      .all();

  beforeAll(async () => {
    const user = await aStaffUser(db, 'coordinator');
    coordinator = { id: user.id, cookie: await signIn(app, user) };
    ids.term = anAutumnTerm(db);
    ids.lapua = aLocality(db, 'Lapua');
    ids.kurikka = aLocality(db, 'Kurikka');
    ids.openLapua = await planCourse(ids.lapua, '2026-10-06', String(aVenue(db, ids.lapua)));
    ids.openKurikka = await planCourse(ids.kurikka, '2026-11-04');
    ids.planned = await planCourse(ids.kurikka, '2026-11-05');
    ids.cancelled = await planCourse(ids.lapua, '2026-11-03');
    await openForEnrolment(ids.openLapua);
    await openForEnrolment(ids.openKurikka);
    await openForEnrolment(ids.cancelled);
    const cancelled = await postForm(
      app,
      `/courses/${ids.cancelled}/cancellation`,
      { reason: 'Liian vähän hakijoita' },
      { cookie: coordinator.cookie },
    );
    expect(cancelled.status).toBe(303);
  });

  it('lists only the courses open for enrolment, by locality, to anyone without signing in', async () => {
    const response = await getPage(app, '/apply');
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect(
      $('#open-courses caption')
        .map((_, caption) => $(caption).text())
        .get(),
    ).toEqual(['Kurikka', 'Lapua']);
    const listed = $('#open-courses tr[data-course-id]')
      .map((_, row) => Number($(row).attr('data-course-id')))
      .get();
    expect(listed.sort()).toEqual([ids.openLapua, ids.openKurikka].sort());
    const lapuaRow = $(`#open-courses tr[data-course-id=${ids.openLapua}]`).text();
    expect(lapuaRow).toContain('ti 6.10.2026 – ti 10.11.2026');
    expect(lapuaRow).toContain('tiistaisin 17.00–19.30');
    expect(lapuaRow).toContain('Tila');
    expect($('#preferredCourseId option').first().text()).toBe('Mikä tahansa kurssi lähelläni');
    expect($('#preferredCourseId option[value]').length).toBe(3);
    expect($(`#preferredCourseId option[value=${ids.planned}]`)).toHaveLength(0);
    expect($('#website').attr('tabindex')).toBe('-1');
    expect($('.privacy-notice').text()).toContain('12 kuukautta kurssin päättymisen jälkeen');
  });

  it('answers in English when the language cookie says so', async () => {
    const $ = load(await (await getPage(app, '/apply', 'kp_lang=en')).text());
    expect($('h1').text()).toBe('Apply for an Arkeen Voimaa course');
    expect($(`#open-courses tr[data-course-id=${ids.openLapua}]`).text()).toContain(
      'Tuesdays 17:00–19:30',
    );
    const thanks = load(await (await getPage(app, '/apply/thanks', 'kp_lang=en')).text());
    expect(thanks('h1').text()).toBe('Thank you for your application');
    expect(thanks('main').text()).toContain('will phone you');
  });

  it('stores an application with the phone in E.164, the consent time and a place on the call list', async () => {
    const response = await postForm(
      app,
      '/apply',
      anApplicationForm({ phone: '040 123 4567', email: 'Aino@Example.fi' }),
      { address: anAddress() },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/apply/thanks');
    const [stored] = applicationsWithPhone('+358401234567');
    expect(stored).toMatchObject({
      source: 'public',
      name: 'Aino Esimerkki',
      email: 'aino@example.fi',
      municipality: 'Lapua',
      localityId: ids.lapua,
      preferredCourseId: ids.openLapua,
      goodTimesToCall: 'arkisin aamupäivisin',
      state: 'to-call',
      callReason: 'intake',
      consentRecordedBy: null,
      language: 'fi',
    });
    expect(stored!.consentAt).toEqual(clock());
    expect(stored!.callDueAt).toEqual(clock());
    expect(findApplication(db, stored!.id)?.phone).toBe('+358401234567');

    const thanks = load(await (await getPage(app, '/apply/thanks')).text());
    expect(thanks('h1').text()).toBe('Kiitos hakemuksestasi');
    expect(thanks('main').text()).toContain('soittaa sinulle');
  });

  it('keeps "any course near me" as no course, and a municipality outside the list as text', async () => {
    const form = anApplicationForm({
      localityId: 'other',
      otherMunicipality: 'Vaasa',
      preferredCourseId: '',
    });
    expect((await postForm(app, '/apply', form, { address: anAddress() })).status).toBe(303);
    expect(applicationsWithPhone(`+35840555${form.phone.slice(-4)}`)[0]).toMatchObject({
      preferredCourseId: null,
      localityId: null,
      municipality: 'Vaasa',
    });
  });

  it('makes one application of the same form posted twice', async () => {
    const form = anApplicationForm({ phone: '050 765 4321', email: 'aino.k@example.fi' });
    const address = anAddress();
    const first = await postForm(app, '/apply', form, { address });
    clock.advanceMinutes(1);
    const second = await postForm(
      app,
      '/apply',
      { ...form, phone: '+358 50 765 4321', email: 'Aino.K@Example.fi' },
      { address },
    );
    expect([first.status, second.status]).toEqual([303, 303]);
    const stored = applicationsWithPhone('+358507654321');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.email).toBe('aino.k@example.fi');
    expect(unconfirmedFor(stored[0]!.id)).toEqual([]);
  });

  it('stores typed text without control characters or bidirectional overrides', async () => {
    const form = anApplicationForm({
      name: 'Aino\u0000 \u202eikkremisE\u202c',
      goodTimesToCall: 'aamuisin\r\nei perjantaisin\u0007',
    });
    const response = await postForm(app, '/apply', form, { address: anAddress() });
    expect(response.status).toBe(303);
    const [stored] = applicationsWithPhone(`+35840555${form.phone.slice(-4)}`);
    expect(stored).toMatchObject({
      name: 'Aino ikkremisE',
      goodTimesToCall: 'aamuisin\nei perjantaisin',
    });

    const refused = await postForm(
      app,
      '/apply',
      { ...form, phone: 'abc' },
      { address: anAddress() },
    );
    expect(refused.status).toBe(422);
    expect(load(await refused.text())('#name').val()).toBe('Aino ikkremisE');
  });

  it('keeps a second application for another course apart', async () => {
    const form = anApplicationForm();
    await postForm(app, '/apply', form, { address: anAddress() });
    await postForm(
      app,
      '/apply',
      { ...form, preferredCourseId: String(ids.openKurikka) },
      { address: anAddress() },
    );
    expect(applicationsWithPhone(`+35840555${form.phone.slice(-4)}`)).toHaveLength(2);
  });

  it.each([
    ['a missing phone', { phone: '' }, 'phone', 'Tämä tieto puuttuu.'],
    ['a phone that is not one', { phone: 'abc' }, 'phone', 'puhelinnumero'],
    ['an e-mail that is not one', { email: 'aino(at)example' }, 'email', 'nimi@esimerkki.fi'],
    ['no consent', { consent: '' }, 'consent', 'Ilman lupaa hakemusta ei voi lähettää'],
    ['an unknown course', { preferredCourseId: '999' }, 'preferredCourseId', 'ei voi hakea'],
    ['a course not open', { preferredCourseId: 'planned' }, 'preferredCourseId', 'ei voi hakea'],
    ['a cancelled course', { preferredCourseId: 'cancelled' }, 'preferredCourseId', 'ei voi hakea'],
    ['no municipality', { localityId: '' }, 'localityId', 'Valitse kotikunta'],
    ['"other" without a name', { localityId: 'other' }, 'otherMunicipality', 'puuttuu'],
    ['a name too long', { name: 'x'.repeat(201) }, 'name', 'enintään 200'],
  ] as const)(
    'refuses %s with a message at the field, keeps what was typed and stores nothing',
    async (_, change, field, message) => {
      const course = { planned: String(ids.planned), cancelled: String(ids.cancelled) };
      const overrides: Record<string, string> = { ...change };
      if (overrides.preferredCourseId === 'planned') overrides.preferredCourseId = course.planned;
      if (overrides.preferredCourseId === 'cancelled')
        overrides.preferredCourseId = course.cancelled;
      const form = anApplicationForm({
        ...overrides,
        consent: overrides.consent ?? 'on',
        name: overrides.name ?? 'Testi Kirjoitettu',
      });
      if (overrides.consent === '') delete (form as Record<string, string>).consent;
      const before = applicationCount();
      const submissionsBefore = db.select().from(publicSubmissions).all().length;

      const response = await postForm(app, '/apply', form, { address: anAddress() });
      expect(response.status).toBe(422);
      const $ = load(await response.text());
      expect($(`#${field}-error`).text()).toContain(message);
      expect($('#name').val()).toBe(form.name);
      expect($('#goodTimesToCall').text()).toBe('arkisin aamupäivisin');
      if (field !== 'consent') expect($('#consent').is('[checked]')).toBe(true);
      expect(applicationCount()).toBe(before);
      expect(db.select().from(publicSubmissions).all().length).toBe(submissionsBefore);
    },
  );

  it('gives the same messages in English', async () => {
    const form = anApplicationForm({ phone: 'abc' });
    delete (form as Record<string, string>).consent;
    const response = await postForm(app, '/apply', form, {
      address: anAddress(),
      cookie: 'kp_lang=en',
    });
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#consent-error').text()).toBe(
      'The application cannot be sent without consent to store your details.',
    );
    expect($('#phone-error').text()).not.toBe('');
  });

  it('pretends to thank a robot that filled the hidden field, and keeps nothing', async () => {
    const before = applicationCount();
    const response = await postForm(
      app,
      '/apply',
      anApplicationForm({ website: 'http://spam.example' }),
      { address: anAddress() },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/apply/thanks');
    expect(applicationCount()).toBe(before);
  });

  it('refuses the sixth submission from one address within ten minutes, but not from another', async () => {
    const address = '192.0.2.5';
    for (let i = 0; i < 5; i += 1) {
      const response = await postForm(app, '/apply', anApplicationForm(), { address });
      expect(response.status).toBe(303);
      clock.advanceMinutes(1);
    }
    const before = applicationCount();
    const sixth = anApplicationForm({ name: 'Kuudes Hakija' });
    const refused = await postForm(app, '/apply', sixth, { address });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe(String(5 * 60));
    const $ = load(await refused.text());
    expect($('.error-summary').text()).toContain('liian monta lomaketta');
    expect($('#name').val()).toBe('Kuudes Hakija');
    expect($('#phone').val()).toBe(sixth.phone);
    expect(applicationCount()).toBe(before);

    const elsewhere = await postForm(app, '/apply', anApplicationForm(), {
      address: '192.0.2.6',
    });
    expect(elsewhere.status).toBe(303);

    clock.advanceMinutes(5);
    expect((await postForm(app, '/apply', sixth, { address })).status).toBe(303);
  });

  describe('a referral from a professional', () => {
    const aReferral = (overrides: Record<string, string> = {}) => {
      const { consent: _consent, ...client } = anApplicationForm();
      return {
        referrerName: 'Sanna Sosiaalityöntekijä',
        referrerUnit: 'Aikuissosiaalityö, Lapua',
        referrerContact: '06 123 4567',
        ...client,
        clientConsent: 'on',
        ...overrides,
      };
    };

    it('shows the form to anyone', async () => {
      const response = await getPage(app, '/referrals');
      expect(response.status).toBe(200);
      const $ = load(await response.text());
      expect($('#referrerContact')).toHaveLength(1);
      expect($('#clientConsent')).toHaveLength(1);
      // "Ohjaaja" is a course instructor; the one referring is the referring worker.
      expect($('#referral-form legend').first().text()).toBe('Ohjaavan työntekijän tiedot');
    });

    it('stores the referrer with the client, consent at now', async () => {
      const form = aReferral({ referrerContact: 'Sanna@Example.fi' });
      const response = await postForm(app, '/referrals', form, { address: anAddress() });
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe('/referrals/thanks');
      const [stored] = applicationsWithPhone(`+35840555${form.phone.slice(-4)}`);
      expect(stored).toMatchObject({
        source: 'referral',
        referrerName: 'Sanna Sosiaalityöntekijä',
        referrerUnit: 'Aikuissosiaalityö, Lapua',
        referrerContact: 'sanna@example.fi',
        state: 'to-call',
      });
      expect(stored!.consentAt).toEqual(clock());
      const thanks = load(await (await getPage(app, '/referrals/thanks')).text());
      expect(thanks('main').text()).toContain('soittaa asiakkaallesi');
    });

    it('requires the box saying the client agreed, and a way to reach the referrer', async () => {
      const form = aReferral({ referrerContact: 'ei tiedossa' });
      delete (form as Record<string, string>).clientConsent;
      const before = applicationCount();
      const response = await postForm(app, '/referrals', form, { address: anAddress() });
      expect(response.status).toBe(422);
      const $ = load(await response.text());
      expect($('#clientConsent-error').text()).toContain('asiakas on antanut luvan');
      expect($('#referrerContact-error').text()).toContain('puhelinnumero tai sähköposti');
      expect($('#referrerName').val()).toBe('Sanna Sosiaalityöntekijä');
      expect(applicationCount()).toBe(before);
    });

    it('ignores a robot here too', async () => {
      const before = applicationCount();
      const response = await postForm(app, '/referrals', aReferral({ website: 'x' }), {
        address: anAddress(),
      });
      expect(response.headers.get('Location')).toBe('/referrals/thanks');
      expect(applicationCount()).toBe(before);
    });
  });

  describe('an application the coordinator takes by phone', () => {
    it('records who heard the consent, and writes the audit log', async () => {
      const form = anApplicationForm();
      const response = await postForm(app, '/applications/new', form, {
        cookie: coordinator.cookie,
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe('/applications/new');
      const [stored] = applicationsWithPhone(`+35840555${form.phone.slice(-4)}`);
      expect(stored).toMatchObject({
        source: 'phone',
        consentRecordedBy: coordinator.id,
        state: 'to-call',
      });
      expect(stored!.consentAt).toEqual(clock());
      const audit = db.select().from(auditLog).where(eq(auditLog.subjectId, stored!.id)).all();
      expect(audit.filter((entry) => entry.subjectType === 'application')).toMatchObject([
        { action: 'create', actorUserId: coordinator.id },
      ]);
    });

    it('requires the consent box', async () => {
      const form = anApplicationForm();
      delete (form as Record<string, string>).consent;
      const response = await postForm(app, '/applications/new', form, {
        cookie: coordinator.cookie,
      });
      expect(response.status).toBe(422);
      expect(load(await response.text())('#consent-error').text()).toContain(
        'Kysy henkilöltä lupa',
      );
    });

    it('is not for instructors, nor for anyone signed out', async () => {
      const instructor = await signIn(app, await aStaffUser(db, 'instructor'));
      expect((await getPage(app, '/applications/new', instructor)).status).toBe(403);
      expect(
        (await postForm(app, '/applications/new', anApplicationForm(), { cookie: instructor }))
          .status,
      ).toBe(403);
      expect((await getPage(app, '/applications/new')).status).toBe(303);
    });
  });

  describe('a public form for an application that already exists', () => {
    /** A person who applied without an e-mail, as the coordinator finds them on the queue. */
    const aPhoneOnlyApplication = async (form = anApplicationForm()) => {
      expect((await postForm(app, '/apply', form, { address: anAddress() })).status).toBe(303);
      const [stored] = applicationsWithPhone(`+35840555${form.phone.slice(-4)}`);
      expect(stored!.email).toBe('');
      return { id: stored!.id, form };
    };
    const attacker = 'hyokkaaja@example.net';
    const reviewButtons = ($: ReturnType<typeof load>, submissionId: number) => ({
      takeOver: $(`form[action="/unconfirmed-submissions/${submissionId}/acceptance"]`),
      dismiss: $(`form[action="/unconfirmed-submissions/${submissionId}/dismissal"]`),
    });

    it('never attaches an e-mail sent by someone who knows the phone number, and shows it to the coordinator instead', async () => {
      const { id, form } = await aPhoneOnlyApplication();
      clock.advanceMinutes(5);

      const takeover = await postForm(
        app,
        '/apply',
        { ...form, name: 'Joku Muu', email: attacker, goodTimesToCall: 'milloin vain' },
        { address: '203.0.113.66' },
      );
      expect(takeover.status).toBe(303);
      expect(applicationsWithPhone(`+35840555${form.phone.slice(-4)}`)).toHaveLength(1);
      expect(findApplication(db, id)).toMatchObject({
        name: 'Aino Esimerkki',
        email: '',
        goodTimesToCall: 'arkisin aamupäivisin',
      });
      expect(unconfirmedFor(id)).toMatchObject([
        { source: 'public', email: attacker, name: 'Joku Muu', reviewedAt: null },
      ]);

      const queue = load(await (await getPage(app, '/calls', coordinator.cookie)).text());
      const offered = queue('#unconfirmed-submissions');
      expect(offered.text()).toContain('Aino Esimerkki');
      expect(offered.find('tr[data-field="email"]').text()).toContain(attacker);
      expect(offered.find('tr[data-field="name"]').text()).toContain('Joku Muu');
      expect(offered.find('tr[data-field="phone"]')).toHaveLength(0);
      const interview = load(
        await (await getPage(app, `/applications/${id}/interview`, coordinator.cookie)).text(),
      );
      expect(interview('#unconfirmed-submissions tr[data-field="email"]').text()).toContain(
        attacker,
      );

      // The next change that writes to the person (here: a place on the course) reaches no one else.
      const placed = await postForm(
        app,
        `/applications/${id}/interview`,
        { canAttendAll: 'yes', outcome: 'place', courseId: String(ids.openLapua) },
        { cookie: coordinator.cookie },
      );
      expect(placed.status).toBe(303);
      expect(findApplication(db, id)!.state).toBe('placed');
      expect(JSON.stringify(db.select().from(outbox).all())).not.toContain(attacker);
    });

    it('holds back an e-mail sent with a known phone number for another course too', async () => {
      const { form } = await aPhoneOnlyApplication();
      const phone = `+35840555${form.phone.slice(-4)}`;
      const otherCourse = await postForm(
        app,
        '/apply',
        { ...form, email: attacker, preferredCourseId: String(ids.openKurikka) },
        { address: '203.0.113.67' },
      );
      expect(otherCourse.status).toBe(303);
      const [, second] = applicationsWithPhone(phone).sort((a, b) => a.id - b.id);
      // A new application for the other course, but without the address until it is confirmed.
      expect(second).toMatchObject({ preferredCourseId: ids.openKurikka, email: '' });
      expect(unconfirmedFor(second!.id)).toMatchObject([{ email: attacker, reviewedAt: null }]);
      const placed = await postForm(
        app,
        `/applications/${second!.id}/interview`,
        { canAttendAll: 'yes', outcome: 'place', courseId: String(ids.openKurikka) },
        { cookie: coordinator.cookie },
      );
      expect(placed.status).toBe(303);
      expect(JSON.stringify(db.select().from(outbox).all())).not.toContain(attacker);
    });

    it('keeps one note of the same offer sent twice, and none of a form that offers nothing new', async () => {
      const { id, form } = await aPhoneOnlyApplication();
      await postForm(app, '/apply', form, { address: anAddress() });
      expect(unconfirmedFor(id)).toEqual([]);

      const offer = { ...form, email: 'uusi@example.fi' };
      await postForm(app, '/apply', offer, { address: anAddress() });
      clock.advanceMinutes(1);
      await postForm(
        app,
        '/apply',
        { ...offer, email: 'UUSI@example.fi' },
        { address: anAddress() },
      );
      expect(unconfirmedFor(id)).toHaveLength(1);
      expect(findApplication(db, id)!.email).toBe('');
    });

    it('does not let a referral change the referrer or contact details either', async () => {
      const { id, form } = await aPhoneOnlyApplication();
      const { consent: _consent, ...client } = form;
      const response = await postForm(
        app,
        '/referrals',
        {
          ...client,
          email: attacker,
          referrerName: 'Väärä Viranomainen',
          referrerContact: attacker,
          clientConsent: 'on',
        },
        { address: anAddress() },
      );
      expect(response.status).toBe(303);
      expect(findApplication(db, id)).toMatchObject({
        source: 'public',
        email: '',
        referrerName: '',
        referrerContact: '',
      });
      expect(unconfirmedFor(id)).toMatchObject([
        { source: 'referral', referrerName: 'Väärä Viranomainen', email: attacker },
      ]);
    });

    it('takes the offered details over when the coordinator has checked them, with an audit entry', async () => {
      const { id, form } = await aPhoneOnlyApplication();
      await postForm(
        app,
        '/apply',
        { ...form, email: 'aino.oikea@example.fi', localityId: String(ids.kurikka) },
        { address: anAddress() },
      );
      const [submission] = unconfirmedFor(id);
      const page = load(
        await (await getPage(app, `/applications/${id}/interview`, coordinator.cookie)).text(),
      );
      const { takeOver } = reviewButtons(page, submission!.id);
      expect(takeOver.find('button').text()).toBe('Ota nämä tiedot käyttöön');
      const returnTo = takeOver.find('input[name="returnTo"]').val() as string;

      const response = await postForm(
        app,
        takeOver.attr('action')!,
        { returnTo },
        { cookie: coordinator.cookie },
      );
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe(`/applications/${id}/interview`);
      expect(findApplication(db, id)).toMatchObject({
        email: 'aino.oikea@example.fi',
        municipality: 'Kurikka',
        localityId: ids.kurikka,
        name: 'Aino Esimerkki',
      });
      expect(unconfirmedFor(id)).toMatchObject([
        { reviewedAt: clock(), reviewedBy: coordinator.id },
      ]);
      const audit = db.select().from(auditLog).where(eq(auditLog.subjectId, id)).all();
      expect(audit.at(-1)).toMatchObject({
        action: 'update',
        subjectType: 'application',
        actorUserId: coordinator.id,
      });
      expect(audit.at(-1)!.detail).toContain('email');
      const after = load(
        await (await getPage(app, `/applications/${id}/interview`, coordinator.cookie)).text(),
      );
      expect(after('#unconfirmed-submissions')).toHaveLength(0);

      const again = await postForm(
        app,
        takeOver.attr('action')!,
        { returnTo },
        { cookie: coordinator.cookie },
      );
      expect(again.status).toBe(303);
      expect(db.select().from(auditLog).where(eq(auditLog.subjectId, id)).all()).toHaveLength(
        audit.length + 1, // the read of the page above, no second change
      );
    });

    it('dismisses the offered details, leaving the application as it was', async () => {
      const { id, form } = await aPhoneOnlyApplication();
      await postForm(app, '/apply', { ...form, email: attacker }, { address: anAddress() });
      const [submission] = unconfirmedFor(id);
      const before = findApplication(db, id);

      const response = await postForm(
        app,
        `/unconfirmed-submissions/${submission!.id}/dismissal`,
        { returnTo: '/calls' },
        { cookie: coordinator.cookie },
      );
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe('/calls');
      expect(findApplication(db, id)).toEqual(before);
      expect(unconfirmedFor(id)).toMatchObject([
        { reviewedAt: clock(), reviewedBy: coordinator.id },
      ]);
      expect(db.select().from(auditLog).all().at(-1)).toMatchObject({
        action: 'update',
        subjectId: id,
        detail: `unconfirmed submission ${submission!.id} dismissed`,
      });
      const queue = load(await (await getPage(app, '/calls', coordinator.cookie)).text());
      expect(reviewButtons(queue, submission!.id).dismiss).toHaveLength(0);
    });

    it('lets only planning staff see and review offered details', async () => {
      const { id, form } = await aPhoneOnlyApplication();
      await postForm(app, '/apply', { ...form, email: attacker }, { address: anAddress() });
      const [submission] = unconfirmedFor(id);
      const instructor = await signIn(app, await aStaffUser(db, 'instructor'));
      for (const path of ['acceptance', 'dismissal']) {
        const action = `/unconfirmed-submissions/${submission!.id}/${path}`;
        expect((await postForm(app, action, {}, { cookie: instructor })).status).toBe(403);
        expect((await postForm(app, action, {})).status).toBe(303);
      }
      expect(
        load(await (await getPage(app, '/calls', instructor)).text())('#unconfirmed-submissions'),
      ).toHaveLength(0);
      expect(unconfirmedFor(id)).toMatchObject([{ reviewedAt: null }]);
      expect(
        (
          await postForm(
            app,
            '/unconfirmed-submissions/99999/dismissal',
            {},
            { cookie: coordinator.cookie },
          )
        ).status,
      ).toBe(404);
    });

    it('still fills in a missing e-mail the coordinator takes down on the phone', async () => {
      const { id, form } = await aPhoneOnlyApplication();
      const response = await postForm(
        app,
        '/applications/new',
        { ...form, email: 'puhelimessa@example.fi' },
        { cookie: coordinator.cookie },
      );
      expect(response.status).toBe(303);
      expect(findApplication(db, id)!.email).toBe('puhelimessa@example.fi');
      expect(unconfirmedFor(id)).toEqual([]);
    });

    it('erases the offered details with the person', async () => {
      const { id, form } = await aPhoneOnlyApplication();
      await postForm(app, '/apply', { ...form, email: attacker }, { address: anAddress() });
      expect(unconfirmedFor(id)).toHaveLength(1);
      const request = db
        .insert(deletionRequests)
        .values({ applicationId: id, requestedAt: clock() })
        .returning({ id: deletionRequests.id })
        .get();
      const response = await postForm(
        app,
        `/deletion-requests/${request.id}/erasure`,
        {},
        { cookie: coordinator.cookie },
      );
      // No e-mail of their own: the confirmation is not sent to the address a stranger offered.
      expect(response.status).toBe(200);
      expect(unconfirmedFor(id)).toEqual([]);
      expect(JSON.stringify(db.select().from(outbox).all())).not.toContain(attacker);
    });
  });

  it('counts the demand per locality, waiting and to call, leaving out localities without any', async () => {
    const seinajoki = aLocality(db, 'Seinäjoki');
    aLocality(db, 'Alajärvi');
    for (const phone of ['040 111 0001', '040 111 0002', '040 111 0003']) {
      await postForm(
        app,
        '/apply',
        anApplicationForm({ phone, localityId: String(seinajoki), preferredCourseId: '' }),
        { address: anAddress() },
      );
    }
    db.update(applications)
      .set({ state: 'waiting' })
      .where(eq(applications.phone, '+358401110001'))
      .run();
    db.update(applications)
      .set({ state: 'closed' })
      .where(eq(applications.phone, '+358401110002'))
      .run();
    const demand = demandByLocality(db);
    expect(demand.find((row) => row.localityName === 'Seinäjoki')).toEqual({
      localityId: seinajoki,
      localityName: 'Seinäjoki',
      waiting: 1,
      toCall: 1,
    });
    expect(demand.map((row) => row.localityName)).not.toContain('Alajärvi');
    expect(demand.map((row) => row.localityName)).toEqual(
      [...demand.map((row) => row.localityName)].sort((a, b) => a.localeCompare(b, 'fi')),
    );
  });

  describe('the language of contact, chosen on every way in', () => {
    const storedLanguage = (phone: string) =>
      applicationsWithPhone(`+35840555${phone.slice(-4)}`)[0]!.language;

    it("offers suomi, svenska and English with the page's language chosen", async () => {
      const swedish = load(await (await getPage(app, '/apply', 'kp_lang=sv')).text());
      expect(swedish('label[for=language]').text()).toContain('Kontaktspråk');
      expect(
        swedish('#language option')
          .map((_, option) => swedish(option).text())
          .get(),
      ).toEqual(['suomi', 'svenska', 'English']);
      expect(swedish('#language option[selected]').attr('value')).toBe('sv');
      const phoneForm = load(
        await (await getPage(app, '/applications/new', coordinator.cookie)).text(),
      );
      expect(phoneForm('label[for=language]').text()).toContain('Yhteydenpitokieli');
      expect(phoneForm('#language option[selected]').attr('value')).toBe('fi');
    });

    it('stores the language chosen on the public application, and shows it on the person page', async () => {
      const form = anApplicationForm({ language: 'sv' });
      expect((await postForm(app, '/apply', form, { address: anAddress() })).status).toBe(303);
      expect(storedLanguage(form.phone)).toBe('sv');
      const id = applicationsWithPhone(`+35840555${form.phone.slice(-4)}`)[0]!.id;
      const person = load(await (await getPage(app, `/people/${id}`, coordinator.cookie)).text());
      expect(person('main').text()).toContain('ruotsi');
    });

    it("takes the page's language when the form sends none", async () => {
      const form = anApplicationForm();
      const response = await postForm(app, '/apply', form, {
        address: anAddress(),
        cookie: 'kp_lang=en',
      });
      expect(response.status).toBe(303);
      expect(storedLanguage(form.phone)).toBe('en');
    });

    it('reads an unknown language code as Finnish, without an error', async () => {
      const form = anApplicationForm({ language: 'de' });
      const response = await postForm(app, '/apply', form, {
        address: anAddress(),
        cookie: 'kp_lang=sv',
      });
      expect(response.status).toBe(303);
      expect(storedLanguage(form.phone)).toBe('fi');
    });

    it('stores the language on a referral and on a phone application, whatever the staff page language', async () => {
      const { consent: _consent, ...client } = anApplicationForm({ language: 'en' });
      const referral = {
        referrerName: 'Sanna Sosiaalityöntekijä',
        referrerUnit: 'Aikuissosiaalityö, Lapua',
        referrerContact: '06 123 4567',
        ...client,
        clientConsent: 'on',
      };
      expect((await postForm(app, '/referrals', referral, { address: anAddress() })).status).toBe(
        303,
      );
      expect(storedLanguage(referral.phone)).toBe('en');
      const phoned = anApplicationForm({ language: 'sv' });
      const response = await postForm(app, '/applications/new', phoned, {
        cookie: coordinator.cookie,
      });
      expect(response.status).toBe(303);
      expect(storedLanguage(phoned.phone)).toBe('sv');
    });
  });
});
