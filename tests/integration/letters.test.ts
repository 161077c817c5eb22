import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  auditLog,
  deletionRequests,
  invitations,
  organisationSettings,
} from '../../db/schema';
import { systemActor } from '../../src/features/audit/audit-log';
import { saveInstructor } from '../../src/features/instructors/queries';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import {
  aLocality,
  anArvoProgram,
  anAutumnTerm,
  aVenue,
  sessionsOf,
} from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  getPage,
  postForm,
  signIn,
  testOrigin,
} from '../support/test-app';

describe('letters to people without e-mail: address, wording and posting', () => {
  const { app, db, clock } = buildTestApp();
  let cookie = '';
  let instructorCookie = '';
  let courseId = 0;
  let locality = 0;
  let instructorId = 0;
  const people = { helmi: 0, vilho: 0 };
  let addressCounter = 0;
  const anAddress = () => `203.0.113.${(addressCounter += 1)}`;

  const anApplicationForm = (overrides: Record<string, string> = {}) => ({
    name: 'Helmi Kirjeellä',
    phone: '040 777 0001',
    email: '',
    localityId: String(locality),
    otherMunicipality: '',
    preferredCourseId: '',
    goodTimesToCall: '',
    postalStreet: 'Koivukuja 3 B 12',
    postalCode: '60100',
    postOffice: 'Seinäjoki',
    consent: 'on',
    website: '',
    ...overrides,
  });

  const invitationOf = (applicationId: number) =>
    db.select().from(invitations).where(eq(invitations.applicationId, applicationId)).get()!;
  const lettersOnHome = async (as = cookie) => {
    const $ = load(await (await getPage(app, '/', as)).text());
    return $('#letters').text();
  };
  const markPosted = (letters: { id: number; sentSequence: number }[], headers = {}) => {
    const body = new URLSearchParams();
    for (const letter of letters) body.append('letters', `${letter.id}:${letter.sentSequence}`);
    return app.request('/letters/posting', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: testOrigin,
        Cookie: cookie,
        ...headers,
      },
      body,
    });
  };
  /** A course led by the instructor without e-mail; its first session at 17:00 unless told. */
  const planCourse = async (fields: {
    firstDate: string;
    venueId: number | '';
    startTime?: string;
  }) => {
    const created = await postForm(
      app,
      '/courses',
      {
        termId: anAutumnTerm(db),
        programId: anArvoProgram(db),
        localityId: locality,
        audience: 'open',
        startTime: '17:00',
        instructor1: instructorId,
        acceptWarnings: 'on',
        ...fields,
      },
      { cookie },
    );
    expect(created.status).toBe(303);
    return Number(created.headers.get('Location')!.split('/').pop());
  };
  /** Moves a session of the course to another evening. */
  const moveSession = async (index: number, localDate: string) => {
    const session = sessionsOf(db, courseId)[index]!;
    const moved = await postForm(
      app,
      `/courses/${courseId}/sessions/${session.id}/rescheduling`,
      { localDate, startTime: '17:00', endTime: '19:30' },
      { cookie },
    );
    expect(moved.status).toBe(303);
  };
  const printed = async (invitationId: number) => {
    const response = await getPage(app, `/letters/${invitationId}`, cookie);
    expect(response.status).toBe(200);
    return load(await response.text());
  };

  beforeAll(async () => {
    clock.setTo(new Date('2026-09-01T09:00:00Z'));
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    const contact = {
      name: 'Pohjanmaan hyvinvointialue',
      coordinatorName: 'Kaisa Koordinaattori',
      phone: '+358401234567',
      streetAddress: 'Sairaalantie 1',
      postcode: '60220',
      postOffice: 'Seinäjoki',
    };
    db.insert(organisationSettings)
      .values({ id: 1, ...contact })
      .onConflictDoUpdate({ target: organisationSettings.id, set: contact })
      .run();
    locality = aLocality(db, 'Seinäjoki');
    const instructorWithoutEmail = saveInstructor(
      db,
      null,
      {
        name: 'Veikko Vertainen',
        email: '',
        phone: '+358401230001',
        kind: 'peer',
        employerUnit: '',
        userId: null,
        localityIds: [],
      },
      systemActor,
      new Date(),
    );
    if (!instructorWithoutEmail.ok) throw new Error('instructor');
    instructorId = instructorWithoutEmail.id;
    courseId = await planCourse({ firstDate: '2026-10-06', venueId: aVenue(db, locality) });
    await postForm(app, `/courses/${courseId}/status`, { status: 'open' }, { cookie });
  });

  describe('the postal address on the forms', () => {
    it('asks for the whole address when a part of it is given, keeping what was typed', async () => {
      const response = await postForm(
        app,
        '/apply',
        anApplicationForm({ phone: '040 777 0099', postalCode: '', postOffice: '' }),
        { address: anAddress() },
      );
      expect(response.status).toBe(422);
      const $ = load(await response.text());
      expect($('#postalCode-error').text()).toContain('koko osoite');
      expect($('#postOffice-error').text()).toContain('koko osoite');
      expect($('#postalStreet-error')).toHaveLength(0);
      expect($('#postalStreet').val()).toBe('Koivukuja 3 B 12');
      expect(
        db.select().from(applications).where(eq(applications.phone, '+358407770099')).get(),
      ).toBeUndefined();
    });

    it('refuses a postcode that is not five digits', async () => {
      const response = await postForm(
        app,
        '/apply',
        anApplicationForm({ phone: '040 777 0098', postalCode: '601' }),
        { address: anAddress() },
      );
      expect(response.status).toBe(422);
      const $ = load(await response.text());
      expect($('#postalCode-error').text()).toContain('viisi numeroa');
      expect($('#postalCode').val()).toBe('601');
    });

    it('takes an application without any address, and one with the whole address', async () => {
      const without = await postForm(
        app,
        '/apply',
        anApplicationForm({
          name: 'Vilho Ilman Osoitetta',
          phone: '040 777 0002',
          postalStreet: '',
          postalCode: '',
          postOffice: '',
        }),
        { address: anAddress() },
      );
      expect(without.status).toBe(303);
      const withAddress = await postForm(app, '/apply', anApplicationForm(), {
        address: anAddress(),
      });
      expect(withAddress.status).toBe(303);
      const stored = (phone: string) =>
        db.select().from(applications).where(eq(applications.phone, phone)).get()!;
      const helmi = stored('+358407770001');
      expect(helmi).toMatchObject({
        postalStreet: 'Koivukuja 3 B 12',
        postalCode: '60100',
        postOffice: 'Seinäjoki',
      });
      people.helmi = helmi.id;
      people.vilho = stored('+358407770002').id;
      expect(stored('+358407770002').postalStreet).toBe('');
    });

    it('lets the coordinator correct the address at the interview, with the same checks', async () => {
      const path = `/applications/${people.vilho}/details`;
      const details = { email: '', phone: '040 777 0002', homeLocalityId: '', goodTimesToCall: '' };
      const halfAddress = await postForm(
        app,
        path,
        { ...details, postalStreet: 'Rantatie 5', postalCode: '61800', postOffice: '' },
        { cookie },
      );
      expect(halfAddress.status).toBe(422);
      expect(load(await halfAddress.text())('#postOffice-error').text()).toContain('koko osoite');

      const saved = await postForm(
        app,
        path,
        { ...details, postalStreet: 'Rantatie 5', postalCode: '61800', postOffice: 'Kauhajoki' },
        { cookie },
      );
      expect(saved.status).toBe(303);
      const row = db.select().from(applications).where(eq(applications.id, people.vilho)).get()!;
      expect(row).toMatchObject({
        postalStreet: 'Rantatie 5',
        postalCode: '61800',
        postOffice: 'Kauhajoki',
      });
    });

    it('takes the address on the phone entry, and keeps a stored one when the person calls again', async () => {
      const phoneEntry = (address: Record<string, string>) =>
        postForm(
          app,
          '/applications/new',
          {
            ...anApplicationForm({ name: 'Toivo Puhelimessa', phone: '040 777 0003' }),
            ...address,
          },
          { cookie },
        );
      expect((await phoneEntry({ postalCode: '6010' })).status).toBe(422);
      expect((await phoneEntry({})).status).toBe(303);
      expect(
        (
          await phoneEntry({
            postalStreet: 'Muu katu 9',
            postalCode: '60200',
            postOffice: 'Seinäjoki',
          })
        ).status,
      ).toBe(303);
      const toivo = db
        .select()
        .from(applications)
        .where(eq(applications.phone, '+358407770003'))
        .all();
      expect(toivo).toHaveLength(1);
      expect(toivo[0]).toMatchObject({ postalStreet: 'Koivukuja 3 B 12', postalCode: '60100' });
    });

    it("shows the address on the person's page", async () => {
      const $ = load(await (await getPage(app, `/people/${people.helmi}`, cookie)).text());
      expect($('#person-application').text()).toContain('Koivukuja 3 B 12, 60100 SEINÄJOKI');
    });
  });

  describe('the printed letter', () => {
    beforeAll(async () => {
      db.update(applications)
        .set({ state: 'waiting' })
        .where(eq(applications.id, people.helmi))
        .run();
      const placed = await postForm(
        app,
        '/enrollments',
        { applicationId: people.helmi, courseId },
        { cookie },
      );
      expect(placed.status).toBe(303);
    });

    it('lists the letter on the home page with a button to mark it posted', async () => {
      const $ = load(await (await getPage(app, '/', cookie)).text());
      const item = $(`#letters li[data-letter-id="${invitationOf(people.helmi).id}"]`);
      expect(item.text()).toContain('Helmi Kirjeellä');
      expect(item.find('form[action="/letters/posting"] button').text()).toContain(
        'Merkitse postitetuksi',
      );
    });

    it('puts the address where the envelope window is, with the sender, the coordinator and the date', async () => {
      const $ = await printed(invitationOf(people.helmi).id);
      const address = $('.letter-head address.letter-address span')
        .toArray()
        .map((line) => $(line).text());
      expect(address).toEqual(['Helmi Kirjeellä', 'Koivukuja 3 B 12', '60100 SEINÄJOKI']);
      expect($('.letter-return-address').text()).toBe(
        'Pohjanmaan hyvinvointialue, Sairaalantie 1, 60220 Seinäjoki',
      );
      expect($('.letter-date').text()).toContain('1.9.2026');
      const text = $('article.letter').text();
      expect(text).toContain(
        `Kaisa Koordinaattori, puh. ${formatPhoneForDisplay('+358401234567')}`,
      );
      expect(text).toContain('Pohjanmaan hyvinvointialue');
      expect($('#letter-address-note')).toHaveLength(0);
    });

    it('speaks as a letter: every session, the place, whom to call, no calendar attachment', async () => {
      const $ = await printed(invitationOf(people.helmi).id);
      const text = $('article.letter').text();
      expect($('h1').text()).toMatch(/^Kutsu kurssille: /);
      expect(text).toContain('1. ti 6.10.2026 klo 17.00–19.30');
      expect(text).toContain('6. ti 10.11.2026 klo 17.00–19.30');
      expect(text).toMatch(/Paikka: .+/);
      expect(text).toContain('Jos et pääse jollekin kerralle');
      expect(text).toMatch(/http:\/\/localhost\/p\/[\w-]+/);
      expect(text).not.toMatch(/liitteenä|kalenterikutsu/i);
    });

    it('prints an instructor letter without an address block, saying why', async () => {
      const instructorLetter = db
        .select()
        .from(invitations)
        .where(and(eq(invitations.courseId, courseId), eq(invitations.name, 'Veikko Vertainen')))
        .get()!;
      const $ = await printed(instructorLetter.id);
      expect($('.letter-address')).toHaveLength(0);
      expect($('#letter-address-note').text()).toContain('Ohjaajan postiosoitetta ei ole');
      expect($('article.letter').text()).toContain('1. ti 6.10.2026');
    });
  });

  describe('marking letters posted', () => {
    it('does not let an instructor mark a letter posted', async () => {
      const letter = invitationOf(people.helmi);
      const response = await markPosted([letter], { Cookie: instructorCookie });
      expect(response.status).toBe(403);
      expect(invitationOf(people.helmi).letterPostedSequence).toBeNull();
    });

    it('clears the letter from the list once posted, with an audit entry', async () => {
      const letter = invitationOf(people.helmi);
      const response = await markPosted([letter]);
      expect(response.status).toBe(303);
      expect(invitationOf(people.helmi)).toMatchObject({
        letterPostedSequence: letter.sentSequence,
        letterPostedAt: clock(),
      });
      const audit = db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'invitation'), eq(auditLog.subjectId, letter.id)))
        .all();
      expect(audit.some((entry) => entry.detail === 'letter posted')).toBe(true);
      expect(JSON.stringify(audit)).not.toContain('Koivukuja');
      const list = await lettersOnHome();
      expect(list).not.toContain('Helmi Kirjeellä');
      expect(list).toContain('Veikko Vertainen');
    });

    it('brings the letter back, as a replacement, when a session moves', async () => {
      await moveSession(1, '2026-10-22');
      const letter = invitationOf(people.helmi);
      expect(letter.sentSequence).toBeGreaterThan(letter.letterPostedSequence!);
      expect(await lettersOnHome()).toContain('Helmi Kirjeellä');
      const $ = await printed(letter.id);
      expect($('h1').text()).toMatch(/^Kurssin päivät tai paikka muuttuivat: /);
      expect($('article.letter').text()).toContain('Tämä kirje korvaa aiemman kirjeen');
      expect($('article.letter').text()).toContain('2. to 22.10.2026 klo 17.00–19.30');
    });

    it('leaves the letter due when it is marked for a change older than the newest', async () => {
      const letter = invitationOf(people.helmi);
      const stale = await markPosted([{ id: letter.id, sentSequence: letter.sentSequence - 1 }]);
      expect(stale.status).toBe(303);
      expect(invitationOf(people.helmi).letterPostedSequence).toBe(letter.letterPostedSequence);
      expect(await lettersOnHome()).toContain('Helmi Kirjeellä');
    });

    it('marks every shown letter at once, answering htmx with the list alone', async () => {
      const shown = db
        .select()
        .from(invitations)
        .where(and(eq(invitations.courseId, courseId), eq(invitations.email, '')))
        .all();
      expect(shown.length).toBe(2);
      const response = await markPosted(shown, { 'HX-Request': 'true' });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).not.toContain('<html');
      const $ = load(html);
      expect($('section#letters [role="status"]').text()).toContain('2');
      expect($('#letters li')).toHaveLength(0);
      expect(await lettersOnHome()).toContain('Ei tulostettavia kirjeitä');
    });
  });

  describe('erasure', () => {
    it("clears the postal address with the rest of the person's details, and leaves no letter due", async () => {
      db.update(applications)
        .set({ state: 'waiting' })
        .where(eq(applications.id, people.vilho))
        .run();
      const placed = await postForm(
        app,
        '/enrollments',
        { applicationId: people.vilho, courseId },
        { cookie },
      );
      expect(placed.status).toBe(303);
      expect((await markPosted([invitationOf(people.vilho)])).status).toBe(303);
      expect(await lettersOnHome()).not.toContain('Vilho Ilman Osoitetta');

      const request = db
        .insert(deletionRequests)
        .values({ applicationId: people.vilho, requestedAt: clock() })
        .returning({ id: deletionRequests.id })
        .get();
      const response = await postForm(
        app,
        `/deletion-requests/${request.id}/erasure`,
        { withdrawFirst: 'yes' },
        { cookie },
      );
      // Without e-mail, the answer is the letter telling him, with the address read before erasing.
      expect(response.status).toBe(200);
      const told = load(await response.text());
      expect(told('.letter h1').text()).toBe('Tietosi on poistettu');
      expect(told('.letter-address').text()).not.toBe('');
      const row = db.select().from(applications).where(eq(applications.id, people.vilho)).get()!;
      expect(row).toMatchObject({ postalStreet: '', postalCode: '', postOffice: '' });
      const letter = invitationOf(people.vilho);
      expect(letter.state).toBe('cancelled');
      expect(letter.sentSequence).toBeGreaterThan(letter.letterPostedSequence!);
      expect(await lettersOnHome()).not.toMatch(/Kirje: –/);
    });
  });

  describe('a cancelled course', () => {
    it('asks for a cancellation letter only where a letter was posted, and drops it once posted', async () => {
      const otherCourse = await planCourse({
        firstDate: '2026-10-08',
        venueId: '',
        startTime: '10:00',
      });
      const letterOf = () =>
        db.select().from(invitations).where(eq(invitations.courseId, otherCourse)).get()!;
      expect((await markPosted([letterOf()])).status).toBe(303);
      expect(await lettersOnHome()).not.toContain('Veikko Vertainen');

      const cancelled = await postForm(
        app,
        `/courses/${otherCourse}/cancellation`,
        { reason: 'Liian vähän hakijoita' },
        { cookie },
      );
      expect(cancelled.status).toBe(303);
      expect(await lettersOnHome()).toContain('Veikko Vertainen');
      const $ = await printed(letterOf().id);
      expect($('h1').text()).toMatch(/^Kurssi on peruttu: /);
      expect($('article.letter').text()).toContain('Syy: Liian vähän hakijoita');

      expect((await markPosted([letterOf()])).status).toBe(303);
      expect(await lettersOnHome()).not.toContain('Veikko Vertainen');
    });
  });

  describe('old letters', () => {
    it('drops the letters of a course that has ended', async () => {
      await moveSession(2, '2026-10-29');
      expect(await lettersOnHome()).toContain('Helmi Kirjeellä');

      clock.setTo(new Date('2026-11-11T09:00:00Z'));
      cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
      const list = await lettersOnHome();
      expect(list).not.toContain('Helmi Kirjeellä');
      expect(list).not.toContain('Veikko Vertainen');
    });
  });
});
