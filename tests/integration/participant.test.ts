import { load } from 'cheerio';
import { parseWithOwnTimezone } from '../support/ical';
import { expectWrittenIn } from '../support/catalog-language';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  auditLog,
  courseInstructors,
  deletionRequests,
  instructors,
  invitations,
  outbox,
  venues,
} from '../../db/schema';
import { anonymisedName } from '../../src/features/retention/anonymise';
import { createParticipantLink } from '../../src/features/outbox/personal-links';
import {
  aLocality,
  anAutumnTerm,
  aProgramOfSize,
  aVenue,
  aWaitingApplicant,
  anInstructor,
  enrollmentOf,
  sessionsOf,
} from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

/** A staff member's setup: an open course at a venue with notes, people placed through the app. */
function aCourseWithParticipants(maxParticipants: number) {
  const { app, db, clock } = buildTestApp();
  const ids = { course: 0, otherCourse: 0, locality: 0 };
  let cookie = '';

  const openCourse = async (firstDate: string) => {
    const created = await postForm(
      app,
      '/courses',
      {
        termId: anAutumnTerm(db),
        programId: aProgramOfSize(db, { maxParticipants }),
        localityId: ids.locality,
        venueId: venueId,
        audience: 'open',
        firstDate,
        startTime: '17:00',
        acceptWarnings: 'on',
      },
      { cookie },
    );
    expect(created.status).toBe(303);
    const courseId = Number(created.headers.get('Location')!.split('/').pop());
    await postForm(app, `/courses/${courseId}/status`, { status: 'open' }, { cookie });
    return courseId;
  };
  let venueId = 0;

  const place = async (applicationId: number, courseId = ids.course) => {
    const response = await postForm(app, '/enrollments', { applicationId, courseId }, { cookie });
    expect(response.status).toBe(303);
  };

  const linkFor = (applicationId: number, expiresAt = new Date('2027-01-31T00:00:00Z')) =>
    createParticipantLink(db, applicationId, expiresAt, clock());

  beforeAll(async () => {
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    ids.locality = aLocality(db, `Lapua ${Math.random()}`);
    venueId = aVenue(db, ids.locality);
    db.update(venues)
      .set({ accessibilityNotes: 'Hissi pääovelta', hearingLoop: true })
      .where(eq(venues.id, venueId))
      .run();
    ids.course = await openCourse('2026-10-06');
    ids.otherCourse = await openCourse('2026-10-07');
  });

  return { app, db, clock, ids, place, linkFor };
}

describe("a participant's personal link", () => {
  const setup = aCourseWithParticipants(14);
  const { app, db, ids } = setup;
  const people = { aino: 0, bertil: 0, english: 0, swedish: 0 };
  const tokens = { aino: '', english: '', swedish: '' };

  beforeAll(async () => {
    people.aino = aWaitingApplicant(db, ids.locality, { name: 'Aino Aaltonen' });
    people.bertil = aWaitingApplicant(db, ids.locality, {
      name: 'Bertil Bergström',
      email: 'bertil@example.fi',
    });
    people.english = aWaitingApplicant(db, ids.locality, { name: 'Emma English', language: 'en' });
    await setup.place(people.aino);
    await setup.place(people.bertil);
    await setup.place(people.english);
    // Bertil is on the other course too; Aino must not see it.
    await setup.place(people.bertil, ids.otherCourse);
    tokens.aino = setup.linkFor(people.aino);
    tokens.english = setup.linkFor(people.english);
    people.swedish = aWaitingApplicant(db, ids.locality, { name: 'Sven Svensson', language: 'sv' });
    await setup.place(people.swedish);
    tokens.swedish = setup.linkFor(people.swedish);
  });

  it('gives a Swedish speaker the page and the calendar in Swedish, with no Finnish text', async () => {
    const page = load(
      await (await getPage(app, `/p/${tokens.swedish}`, '', { 'Accept-Language': 'fi' })).text(),
    );
    expect(page('html').attr('lang')).toBe('sv');
    expect(page('.participant-sessions li').first().text()).toBe('tis 6.10.2026 17.00–19.30');
    expectWrittenIn(page('main').text(), 'sv');
    const calendar = await (
      await getPage(app, `/p/${tokens.swedish}/calendar.ics/${ids.course}`)
    ).text();
    const description = String(
      parseWithOwnTimezone(calendar)
        .getFirstSubcomponent('vevent')!
        .getFirstPropertyValue('description'),
    );
    expect(description).toContain('Esimerkkikatu 1');
    expect(description).toContain('Lokalen har hörselslinga.');
    expect(description).toContain('Tillgänglighet: Hissi pääovelta');
    expectWrittenIn(description, 'sv');
  });

  it('shows the person their own course, dates, venue and place, and nobody else', async () => {
    const response = await getPage(app, `/p/${tokens.aino}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const html = await response.text();
    const $ = load(html);
    expect($('#participant-page').text()).toContain('Hei, Aino Aaltonen!');
    expect($('.participant-course')).toHaveLength(1);
    expect($('.participant-course h2').text()).toContain('Arkeen Voimaa');
    expect($('.participant-state').text()).toBe('Sinulla on paikka tällä kurssilla.');
    const dates = $('.participant-sessions li')
      .map((_, item) => $(item).text())
      .get();
    expect(dates).toHaveLength(6);
    expect(dates[0]).toBe('ti 6.10.2026 17.00–19.30');
    expect($('.participant-venue').text()).toContain('Esimerkkikatu 1');
    expect($('.participant-venue').text()).toContain('Esteettömyys: Hissi pääovelta');
    expect($('.participant-venue').text()).toContain('induktiosilmukka');
    expect($(`a[href="/p/${tokens.aino}/calendar.ics/${ids.course}"]`)).toHaveLength(1);
    expect($('.participant-privacy').text()).toContain('kurssikoordinaattori');
    expect($('.participant-privacy').text()).toContain('12 kuukautta kurssin päättymisen jälkeen');
    for (const other of ['Bertil', 'Emma', 'bertil@example.fi']) expect(html).not.toContain(other);
  });

  it("speaks the participant's own language, whatever the browser asks for", async () => {
    const response = await getPage(app, `/p/${tokens.english}`, '', { 'Accept-Language': 'fi' });
    const $ = load(await response.text());
    expect($('html').attr('lang')).toBe('en');
    expect($('h1').text()).toBe('Your course place');
    expect($('.participant-state').text()).toBe('You have a place on this course.');
    expect($('.participant-sessions li').first().text()).toBe('Tue 6 Oct 2026 17:00–19:30');
  });

  it('answers an unknown link with 404 in the language of the request', async () => {
    const response = await getPage(app, '/p/not-a-real-token', '', { 'Accept-Language': 'en' });
    expect(response.status).toBe(404);
    const $ = load(await response.text());
    expect($('h1').text()).toBe('Link not found');
  });

  it('gives the calendar of their own course only', async () => {
    const response = await getPage(app, `/p/${tokens.aino}/calendar.ics/${ids.course}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/calendar');
    const calendar = await response.text();
    expect(calendar).toContain('METHOD:PUBLISH');
    expect(calendar).not.toContain('ATTENDEE');
    expect((await getPage(app, `/p/${tokens.aino}/calendar.ics/${ids.otherCourse}`)).status).toBe(
      404,
    );
    expect((await getPage(app, `/p/wrong/calendar.ics/${ids.course}`)).status).toBe(404);
  });

  it("refuses to withdraw another person's enrollment", async () => {
    const bertils = enrollmentOf(db, people.bertil, ids.course);
    const path = `/p/${tokens.aino}/withdrawal/${bertils.id}`;
    expect((await getPage(app, path)).status).toBe(404);
    expect((await postForm(app, path, {})).status).toBe(404);
    const missing = await postForm(app, `${path}/missed-session`, {
      sessionId: sessionsOf(db, ids.course)[5]!.id,
    });
    expect(missing.status).toBe(404);
    expect(enrollmentOf(db, people.bertil, ids.course).state).toBe('placed');
  });

  it('keeps a too long reason and says so at the field', async () => {
    const ainos = enrollmentOf(db, people.aino, ids.course);
    const response = await postForm(app, `/p/${tokens.aino}/withdrawal/${ainos.id}`, {
      reason: 'x'.repeat(501),
    });
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#withdraw-reason-error').text()).toBe(
      'Teksti on liian pitkä (enintään 500 merkkiä).',
    );
    expect(enrollmentOf(db, people.aino, ids.course).state).toBe('placed');
  });

  it('refuses a form posted from another site', async () => {
    const ainos = enrollmentOf(db, people.aino, ids.course);
    const response = await postForm(
      app,
      `/p/${tokens.aino}/withdrawal/${ainos.id}`,
      {},
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(enrollmentOf(db, people.aino, ids.course).state).toBe('placed');
  });

  it('takes a request to delete the data, once, and says what happens next', async () => {
    const response = await postForm(app, `/p/${tokens.aino}/deletion-request`, {});
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/p/${tokens.aino}`);
    const page = load(
      await (await getPage(app, `/p/${tokens.aino}`, cookiesFrom(response))).text(),
    );
    expect(page('#flash').text()).toBe(
      'Saimme pyyntösi. Koordinaattori poistaa tietosi 30 päivän kuluessa.',
    );
    expect(page('.deletion-pending').text()).toContain('että tietosi poistetaan');
    await postForm(app, `/p/${tokens.aino}/deletion-request`, {});
    const requests = db
      .select()
      .from(deletionRequests)
      .where(eq(deletionRequests.applicationId, people.aino))
      .all();
    expect(requests).toHaveLength(1);
  });

  it('lets the coordinator carry out the request: the place is freed and the person is erased', async () => {
    const coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const home = load(await (await getPage(app, '/', coordinatorCookie)).text());
    const link = home('#deletion-requests-title').parent().find('a');
    expect(home('#deletion-requests-title').parent().text()).toContain('Aino Aaltonen');
    const confirmation = load(
      await (await getPage(app, link.attr('href')!, coordinatorCookie)).text(),
    );
    const form = confirmation('#erasure-confirmation form');
    // She still has her place: the erasure is refused until the coordinator ticks the box.
    const refused = await postForm(app, form.attr('action')!, {}, { cookie: coordinatorCookie });
    expect(refused.status).toBe(422);
    expect(enrollmentOf(db, people.aino, ids.course).state).toBe('placed');

    const response = await postForm(
      app,
      form.attr('action')!,
      { withdrawFirst: form.find('input[name="withdrawFirst"]').attr('value')! },
      { cookie: coordinatorCookie },
    );
    expect(response.status).toBe(303);
    expect(enrollmentOf(db, people.aino, ids.course).state).toBe('withdrawn');
    const erased = db.select().from(applications).where(eq(applications.id, people.aino)).get()!;
    expect(erased).toMatchObject({
      name: anonymisedName,
      phone: '',
      email: '',
      state: 'closed',
      closeReason: 'deleted',
    });
    expect(JSON.stringify(db.select().from(invitations).all())).not.toContain('Aino');
    expect((await getPage(app, `/p/${tokens.aino}`)).status).toBe(404);
    expect(db.select().from(auditLog).all().at(-1)).toMatchObject({
      action: 'delete',
      subjectId: people.aino,
    });
    expect(
      db
        .select()
        .from(deletionRequests)
        .where(eq(deletionRequests.applicationId, people.aino))
        .get(),
    ).toMatchObject({ toldBy: 'email', channel: 'link' });
    const again = await postForm(app, form.attr('action')!, {}, { cookie: coordinatorCookie });
    expect(again.status).toBe(410);
  });
});

describe('withdrawing through the personal link', () => {
  const setup = aCourseWithParticipants(2);
  const { app, db, ids } = setup;
  const people: number[] = [];

  beforeAll(async () => {
    for (const name of ['Kaisa', 'Lauri', 'Mirja', 'Niilo']) {
      const person = aWaitingApplicant(db, ids.locality, { name });
      people.push(person);
      await setup.place(person);
    }
  });

  it('no longer withdraws with one tap: the page links to a confirmation instead', async () => {
    const token = setup.linkFor(people[1]!);
    const lauris = enrollmentOf(db, people[1]!, ids.course);
    const $ = load(await (await getPage(app, `/p/${token}`)).text());
    expect($('.participant-withdrawal form')).toHaveLength(0);
    expect($('.participant-withdrawal a').attr('href')).toBe(`/p/${token}/withdrawal/${lauris.id}`);
    const oneTap = await postForm(app, `/p/${token}/withdrawal`, { enrollmentId: lauris.id });
    expect(oneTap.status).toBe(404);
    expect(enrollmentOf(db, people[1]!, ids.course).state).toBe('placed');
  });

  it('asks on a second page, without JavaScript, what happens and which way', async () => {
    const token = setup.linkFor(people[0]!);
    const kaisas = enrollmentOf(db, people[0]!, ids.course);
    const response = await getPage(app, `/p/${token}/withdrawal/${kaisas.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const $ = load(await response.text());
    expect($('main script, main [onclick], main [onsubmit]')).toHaveLength(0);
    expect($('main [hx-post], main [hx-get], main [hx-confirm]')).toHaveLength(0);
    expect($('#withdraw-form').attr('method')).toBe('post');
    expect($('#withdraw-form').attr('action')).toBe(`/p/${token}/withdrawal/${kaisas.id}`);
    expect($('#withdraw-form').text()).toContain('Paikkasi annetaan jonossa seuraavalle');
    expect($('#withdraw-form').text()).toContain('kalenteristasi');
    expect($('#withdraw-form button').text()).toBe('Kyllä, en pääse kurssille lainkaan');
    expect($('#missed-session-form').attr('action')).toBe(
      `/p/${token}/withdrawal/${kaisas.id}/missed-session`,
    );
    expect($('#missed-session-form input[type=radio][name=sessionId]')).toHaveLength(6);
    expect($('#missed-session-form label').first().text()).toBe('ti 6.10.2026 17.00–19.30');
    expect($('#withdrawal-back').attr('href')).toBe(`/p/${token}`);
  });

  it('frees the seat from the confirmation, and only the first on the waitlist gets it', async () => {
    const token = setup.linkFor(people[0]!);
    const kaisas = enrollmentOf(db, people[0]!, ids.course);
    expect(enrollmentOf(db, people[2]!, ids.course).state).toBe('waitlisted');

    const response = await postForm(app, `/p/${token}/withdrawal/${kaisas.id}`, {
      reason: 'Työvuorot muuttuivat',
    });
    expect(response.status).toBe(303);
    expect(enrollmentOf(db, people[0]!, ids.course)).toMatchObject({
      state: 'withdrawn',
      withdrawnBy: 'participant',
      withdrawnReason: 'Työvuorot muuttuivat',
    });
    expect(enrollmentOf(db, people[2]!, ids.course).state).toBe('placed');
    expect(enrollmentOf(db, people[3]!, ids.course).state).toBe('waitlisted');

    const $ = load(await (await getPage(app, `/p/${token}`, cookiesFrom(response))).text());
    expect($('#flash').text()).toBe('Paikkasi on peruttu. Kiitos, että kerroit.');
    expect($('.participant-state').text()).toBe('Olet perunut paikkasi tällä kurssilla.');
    expect($('.participant-withdrawal')).toHaveLength(0);
    expect((await getPage(app, `/p/${token}/withdrawal/${kaisas.id}`)).status).toBe(404);
  });

  it("tells the coordinator on the home page, with the course's roster", async () => {
    const cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const $ = load(await (await getPage(app, '/', cookie)).text());
    const kaisas = enrollmentOf(db, people[0]!, ids.course);
    const item = $(`#self-withdrawal-${kaisas.id}`);
    expect(item.text()).toContain('Kaisa perui');
    expect(item.text()).toContain('Arkeen Voimaa');
    expect(item.text()).toContain('Syy: Työvuorot muuttuivat');
    expect(item.find('a').attr('href')).toBe(`/courses/${ids.course}/roster`);
    expect(db.select().from(auditLog).all().at(-1)).toMatchObject({
      action: 'read',
      subjectType: 'enrollment',
      detail: 'self-withdrawals',
    });
  });

  it('shows a waitlisted person that they are waiting', async () => {
    const $ = load(await (await getPage(app, `/p/${setup.linkFor(people[3]!)}`)).text());
    expect($('.participant-state').text()).toContain('Olet jonossa');
  });
});

describe('missing one session through the personal link', () => {
  const setup = aCourseWithParticipants(2);
  const { app, db, clock, ids } = setup;
  const people = { satu: 0, taisto: 0, waiting: 0 };
  const withEmail = ['ohjaaja.yksi@example.fi', 'ohjaaja.kaksi@example.fi'];

  beforeAll(async () => {
    for (const email of [...withEmail, '']) {
      const instructorId = anInstructor(db);
      db.update(instructors).set({ email }).where(eq(instructors.id, instructorId)).run();
      db.insert(courseInstructors).values({ courseId: ids.course, instructorId }).run();
    }
    people.satu = aWaitingApplicant(db, ids.locality, { name: 'Satu Poissaolo' });
    people.taisto = aWaitingApplicant(db, ids.locality, { name: 'Taisto Toinen' });
    people.waiting = aWaitingApplicant(db, ids.locality, { name: 'Väinö Jonossa' });
    for (const person of Object.values(people)) await setup.place(person);
  });

  const missedMails = () =>
    db
      .select()
      .from(outbox)
      .all()
      .filter((message) => message.subject.startsWith('Osallistuja ei pääse'));

  it('keeps the place and tells each instructor with an e-mail, naming the date', async () => {
    const token = setup.linkFor(people.satu);
    const satus = enrollmentOf(db, people.satu, ids.course);
    const third = sessionsOf(db, ids.course)[2]!;
    const response = await postForm(app, `/p/${token}/withdrawal/${satus.id}/missed-session`, {
      sessionId: third.id,
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/p/${token}`);
    expect(enrollmentOf(db, people.satu, ids.course).state).toBe('placed');
    expect(enrollmentOf(db, people.waiting, ids.course).state).toBe('waitlisted');

    const mails = missedMails();
    expect(mails.map((message) => message.recipientEmail).sort()).toEqual([...withEmail].sort());
    for (const message of mails) {
      expect(message.subject).toContain('ti 20.10.2026');
      expect(message.textBody).toContain('Satu Poissaolo');
      expect(message.textBody).toContain('kokoontumiseen 3 (ti 20.10.2026 17.00–19.30)');
      expect(message.calendar).toBe('');
      expect(message.applicationId).toBe(people.satu);
    }
    const $ = load(await (await getPage(app, `/p/${token}`, cookiesFrom(response))).text());
    expect($('#flash').text()).toContain('Ohjaajat tietävät, ettet pääse ti 20.10.2026');
  });

  it('asks for a session when none is chosen, and offers none to someone on the waitlist', async () => {
    const token = setup.linkFor(people.taisto);
    const taistos = enrollmentOf(db, people.taisto, ids.course);
    const response = await postForm(app, `/p/${token}/withdrawal/${taistos.id}/missed-session`, {});
    expect(response.status).toBe(422);
    expect(load(await response.text())('#sessionId-error').text()).not.toBe('');

    const waitingToken = setup.linkFor(people.waiting);
    const waitings = enrollmentOf(db, people.waiting, ids.course);
    const page = load(
      await (await getPage(app, `/p/${waitingToken}/withdrawal/${waitings.id}`)).text(),
    );
    expect(page('#missed-session-form')).toHaveLength(0);
    expect(page('#withdraw-form')).toHaveLength(1);
    const refused = await postForm(
      app,
      `/p/${waitingToken}/withdrawal/${waitings.id}/missed-session`,
      { sessionId: sessionsOf(db, ids.course)[4]!.id },
    );
    expect(refused.status).toBe(422);
  });

  it("refuses another course's session and one that has started, with a message", async () => {
    const token = setup.linkFor(people.taisto);
    const taistos = enrollmentOf(db, people.taisto, ids.course);
    const path = `/p/${token}/withdrawal/${taistos.id}/missed-session`;
    const before = missedMails().length;

    const other = await postForm(app, path, { sessionId: sessionsOf(db, ids.otherCourse)[3]!.id });
    expect(other.status).toBe(422);
    expect(load(await other.text())('#sessionId-error').text()).toBe(
      'Valitse jokin kurssisi tulevista kokoontumisista.',
    );

    clock.advanceMinutes(36 * 24 * 60); // 7.10.2026: the first session has been held.
    const first = sessionsOf(db, ids.course)[0]!;
    const started = await postForm(app, path, { sessionId: first.id });
    expect(started.status).toBe(422);
    const $ = load(await started.text());
    expect($('#sessionId-error').text()).toBe(
      'Tämä kokoontuminen on jo alkanut. Valitse tuleva kokoontuminen.',
    );
    expect($('#missed-session-form input[type=radio]')).toHaveLength(5);
    expect(missedMails()).toHaveLength(before);
    expect(enrollmentOf(db, people.taisto, ids.course).state).toBe('placed');
  });

  it('answers an unknown link with 404', async () => {
    const satus = enrollmentOf(db, people.satu, ids.course);
    const path = `/p/not-a-real-token/withdrawal/${satus.id}`;
    expect((await getPage(app, path)).status).toBe(404);
    expect((await postForm(app, path, {})).status).toBe(404);
    const missing = await postForm(app, `${path}/missed-session`, {
      sessionId: sessionsOf(db, ids.course)[5]!.id,
    });
    expect(missing.status).toBe(404);
    expect(enrollmentOf(db, people.satu, ids.course).state).toBe('placed');
  });
});

describe('an expired personal link', () => {
  const setup = aCourseWithParticipants(14);
  const { app, db, clock, ids } = setup;

  it('answers 410 with a clear page once the link has run out', async () => {
    const person = aWaitingApplicant(db, ids.locality, { name: 'Olavi Vanhentunut' });
    await setup.place(person);
    const token = setup.linkFor(person, new Date(clock().getTime() + 24 * 60 * 60_000));
    expect((await getPage(app, `/p/${token}`)).status).toBe(200);

    clock.advanceMinutes(2 * 24 * 60);
    const response = await getPage(app, `/p/${token}`);
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(load(html)('h1').text()).toBe('Linkki on vanhentunut');
    expect(html).not.toContain('Olavi');
    const path = `/p/${token}/withdrawal/${enrollmentOf(db, person, ids.course).id}`;
    expect((await getPage(app, path)).status).toBe(410);
    expect((await postForm(app, path, {})).status).toBe(410);
    const missing = await postForm(app, `${path}/missed-session`, {
      sessionId: sessionsOf(db, ids.course)[5]!.id,
    });
    expect(missing.status).toBe(410);
    expect(enrollmentOf(db, person, ids.course).state).toBe('placed');
  });
});
