import { and, eq } from 'drizzle-orm';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisationSettings, outbox, programs, users } from '../../db/schema';
import { createVenue } from '../../src/features/places/queries';
import { outboxWatcher } from '../support/smtp-server';
import { systemActor } from '../../src/features/audit/audit-log';
import { saveInstructor } from '../../src/features/instructors/queries';
import { expectWrittenIn } from '../support/catalog-language';
import { parseWithOwnTimezone } from '../support/ical';
import {
  aLocality,
  anArvoProgram,
  anAutumnTerm,
  aVenue,
  aWaitingApplicant,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

/** The first event of a calendar, read with ical.js as a client would. */
function firstEvent(text: string) {
  const root = parseWithOwnTimezone(text);
  const event = root.getFirstSubcomponent('vevent')!;
  return {
    calendarName: String(root.getFirstPropertyValue('x-wr-calname') ?? ''),
    summary: String(event.getFirstPropertyValue('summary') ?? ''),
    description: String(event.getFirstPropertyValue('description') ?? ''),
    location: String(event.getFirstPropertyValue('location') ?? ''),
  };
}

type TestApp = ReturnType<typeof buildTestApp>['app'];

/** A course planned on the course form from 6.10.2026 at 17:00, as a coordinator does it. */
async function aPlannedCourse(app: TestApp, cookie: string, fields: Record<string, string>) {
  const form = { audience: 'open', firstDate: '2026-10-06', startTime: '17:00', ...fields };
  const response = await postForm(app, '/courses', { acceptWarnings: 'on', ...form }, { cookie });
  expect(response.status).toBe(303);
  return Number(response.headers.get('Location')!.split('/').pop());
}

describe("each staff member's own language for what they are sent", () => {
  const { app, db, clock } = buildTestApp();
  let coordinatorCookie = '';
  const newMessages = outboxWatcher(db);
  const languageOf = (userId: number) =>
    db.select({ language: users.language }).from(users).where(eq(users.id, userId)).get()!.language;

  const accounts: Record<'sv' | 'en' | 'odd', Awaited<ReturnType<typeof aStaffUser>>> = {} as never;
  const instructorIds: Record<'sv' | 'en', number> = { sv: 0, en: 0 };
  const place = { term: 0, program: 0, locality: 0, venue: 0 };

  const chooseLanguage = async (account: { email: string; password: string }, language: string) => {
    const cookie = await signIn(app, account);
    return { cookie, response: await postForm(app, '/account/language', { language }, { cookie }) };
  };

  beforeAll(async () => {
    clock.setTo(new Date('2026-09-01T09:00:00Z'));
    coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    accounts.sv = await aStaffUser(db, 'instructor', { name: 'Stina Svensk' });
    accounts.en = await aStaffUser(db, 'instructor', { name: 'Emma English' });
    accounts.odd = await aStaffUser(db, 'instructor', { name: 'Oona Outo' });
    for (const language of ['sv', 'en'] as const) {
      const created = saveInstructor(
        db,
        null,
        {
          name: accounts[language].name,
          email: accounts[language].email,
          phone: '+358401230009',
          kind: 'professional',
          employerUnit: '',
          userId: accounts[language].id,
          localityIds: [],
        },
        systemActor,
        new Date(),
      );
      if (!created.ok) throw new Error('instructor');
      instructorIds[language] = created.id;
    }
    place.term = anAutumnTerm(db);
    place.program = anArvoProgram(db);
    place.locality = aLocality(db, 'Lapua');
    place.venue = aVenue(db, place.locality);
  });

  it('is Finnish until chosen, and choosing it on the account page is saved and audited', async () => {
    expect(languageOf(accounts.sv.id)).toBe('fi');
    const { cookie, response } = await chooseLanguage(accounts.sv, 'sv');
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/account');
    expect(languageOf(accounts.sv.id)).toBe('sv');
    const audit = db
      .select({ detail: auditLog.detail, subjectId: auditLog.subjectId })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'staff-user'), eq(auditLog.detail, 'language')))
      .all();
    expect(audit).toEqual([{ detail: 'language', subjectId: accounts.sv.id }]);
    const page = load(await (await getPage(app, '/account', cookie)).text());
    expect(page('#language option[selected]').attr('value')).toBe('sv');
    expect((await chooseLanguage(accounts.en, 'en')).response.status).toBe(303);
  });

  it('reads an unknown language code as Finnish, without an error', async () => {
    await chooseLanguage(accounts.odd, 'sv');
    const { response } = await chooseLanguage(accounts.odd, 'klingon');
    expect(response.status).toBe(303);
    expect(languageOf(accounts.odd.id)).toBe('fi');
  });

  it("sends each instructor the course invitation in their own language, whatever the sender's", async () => {
    newMessages();
    await aPlannedCourse(app, coordinatorCookie, {
      termId: String(place.term),
      programId: String(place.program),
      localityId: String(place.locality),
      venueId: String(place.venue),
      instructor1: String(instructorIds.sv),
      instructor2: String(instructorIds.en),
    });
    const byRecipient = Object.fromEntries(
      newMessages().map((mail) => [mail.recipientEmail, mail]),
    );
    const swedish = byRecipient[accounts.sv.email]!;
    expect(swedish.subject).toMatch(/^Inbjudan: /);
    expect(swedish.textBody).toContain('Hej Stina Svensk,');
    expect(swedish.textBody).toContain('tis 6.10.2026');
    expectWrittenIn(`${swedish.subject}\n${swedish.textBody}`, 'sv');
    const swedishEvent = firstEvent(swedish.calendar);
    expect(swedishEvent.description).toContain('tis 6.10.2026');
    expectWrittenIn(swedishEvent.description, 'sv');

    const english = byRecipient[accounts.en.email]!;
    expect(english.subject).toMatch(/^Invitation: /);
    expect(english.textBody).toContain('Hello Emma English,');
    expect(english.textBody).toContain('Tue 6 Oct 2026');
    expectWrittenIn(`${english.subject}\n${english.textBody}`, 'en');
    expectWrittenIn(firstEvent(english.calendar).description, 'en');
  });

  it("writes a staff member's calendar feed in their language", async () => {
    const coordinator = await aStaffUser(db, 'coordinator', { name: 'Sara Samordnare' });
    const { cookie } = await chooseLanguage(coordinator, 'sv');
    const created = await postForm(app, '/calendar-feed', {}, { cookie });
    const address = new URL(String(load(await created.text())('#feed-url').val()));
    const feed = await (await getPage(app, address.pathname)).text();
    const event = firstEvent(feed);
    expect(event.calendarName).toBe('Kurssipolku: Sara Samordnare');
    expect(event.description).toContain('tis 6.10.2026');
    expectWrittenIn(event.description, 'sv');
  });

  it('changes the language of the next invitation when the instructor changes it', async () => {
    await chooseLanguage(accounts.sv, 'en');
    newMessages();
    const courseId = db.select().from(outbox).all().at(-1)!.courseId!;
    const cancelled = await postForm(
      app,
      `/courses/${courseId}/cancellation`,
      { reason: 'Liian vähän osallistujia' },
      { cookie: coordinatorCookie },
    );
    expect(cancelled.status).toBe(303);
    const toStina = newMessages().find((mail) => mail.recipientEmail === accounts.sv.email)!;
    expect(toStina.subject).toMatch(/^Cancelled: /);
    expectWrittenIn(toStina.textBody, 'en');
  });

  it('sends steering meeting invitations and minutes to a staff attendee in their language, and guests Finnish', async () => {
    newMessages();
    const response = await postForm(
      app,
      '/meetings/new',
      {
        title: 'Styrgrupp',
        localDate: '2026-10-07',
        startTime: '17:00',
        endTime: '18:30',
        place: 'Stadshuset',
        onlineLink: '',
        agenda: '1. Höstens kurser',
        [`staff${accounts.en.id}`]: 'on',
        guests: 'vieras@test.example',
      },
      { cookie: coordinatorCookie },
    );
    expect(response.status).toBe(303);
    const byRecipient = Object.fromEntries(
      newMessages().map((mail) => [mail.recipientEmail, mail]),
    );
    const english = byRecipient[accounts.en.email]!;
    expect(english.textBody).toContain('Hello Emma English,');
    expectWrittenIn(`${english.subject}\n${english.textBody}`, 'en');
    expectWrittenIn(firstEvent(english.calendar).description, 'en');
    const guest = byRecipient['vieras@test.example']!;
    expect(guest.textBody).toContain('Hei ');

    const meetingId = english.meetingId!;
    const saved = await postForm(
      app,
      `/meetings/${meetingId}/minutes/edit`,
      { rows: '1', minutes: 'Höstens kurser gicks igenom.', decisions: '' },
      { cookie: coordinatorCookie },
    );
    expect(saved.status).toBe(303);
    const sent = await postForm(
      app,
      `/meetings/${meetingId}/minutes/sending`,
      {},
      { cookie: coordinatorCookie },
    );
    expect(sent.status).toBe(303);
    const minutes = Object.fromEntries(newMessages().map((mail) => [mail.recipientEmail, mail]));
    expect(minutes[accounts.en.email]!.textBody).toContain('Hello Emma English,');
    expectWrittenIn(minutes[accounts.en.email]!.textBody, 'en');
    expect(minutes['vieras@test.example']!.textBody).toContain('Hei ');
  });
});

describe("a participant's calendar text, in their language", () => {
  const { app, db, clock } = buildTestApp();
  const newMessages = outboxWatcher(db);
  let cookie = '';
  let courseId = 0;
  let locality = 0;

  beforeAll(async () => {
    clock.setTo(new Date('2026-09-01T09:00:00Z'));
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const contact = { name: 'Pohjanmaan hyvinvointialue', phone: '+358401234567' };
    db.insert(organisationSettings)
      .values({ id: 1, ...contact })
      .onConflictDoUpdate({ target: organisationSettings.id, set: contact })
      .run();
    locality = aLocality(db, 'Vaasa');
    const programId = anArvoProgram(db);
    db.update(programs).set({ nameSv: 'Kraft i vardagen' }).where(eq(programs.id, programId)).run();
    const venue = createVenue(
      db,
      locality,
      {
        name: 'Seurakuntatalo',
        kind: 'in-person',
        streetAddress: 'Kirkkokatu 3',
        capacity: 16,
        stepFreeAccess: true,
        hearingLoop: true,
        accessibilityNotes: 'Ramp at the back door',
      },
      new Date(),
    );
    courseId = await aPlannedCourse(app, cookie, {
      termId: String(anAutumnTerm(db)),
      programId: String(programId),
      localityId: String(locality),
      venueId: String(venue),
    });
    const status = { status: 'open' };
    expect((await postForm(app, `/courses/${courseId}/status`, status, { cookie })).status).toBe(
      303,
    );
  });

  const placed = async (language: 'sv' | 'en', name: string) => {
    const applicationId = aWaitingApplicant(db, locality, {
      name,
      language,
    });
    newMessages();
    const response = await postForm(app, '/enrollments', { applicationId, courseId }, { cookie });
    expect(response.status).toBe(303);
    const [mail, ...others] = newMessages();
    expect(others).toHaveLength(0);
    return mail!;
  };

  it('gives a Swedish speaker the address, the accessibility notes and the coordinator phone in Swedish', async () => {
    const mail = await placed('sv', 'Sven Svensson');
    expect(mail.subject).toBe('Inbjudan: Kraft i vardagen · Vaasa');
    expect(mail.textBody).toContain('Hej Sven Svensson,');
    expectWrittenIn(`${mail.subject}\n${mail.textBody}`, 'sv');
    const event = firstEvent(mail.calendar);
    expect(event.summary).toBe('Kraft i vardagen · Vaasa');
    expect(event.location).toBe('Seurakuntatalo, Kirkkokatu 3');
    expect(event.description).toContain('tis 6.10.2026');
    expect(event.description).toContain('Plats: Seurakuntatalo, Kirkkokatu 3');
    expect(event.description).toContain('Lokalen är tillgänglig utan trappsteg.');
    expect(event.description).toContain('Lokalen har hörselslinga.');
    expect(event.description).toContain('Tillgänglighet: Ramp at the back door');
    expect(event.description).toContain('Ring kurskoordinatorn: 040 1234567');
    expectWrittenIn(event.description, 'sv');
  });

  it('gives an English speaker the same in English', async () => {
    const mail = await placed('en', 'Emily Example');
    expect(mail.subject).toMatch(/^Invitation: Arkeen Voimaa \d+ · Vaasa$/);
    expectWrittenIn(`${mail.subject}\n${mail.textBody}`, 'en');
    const event = firstEvent(mail.calendar);
    expect(event.description).toContain('Place: Seurakuntatalo, Kirkkokatu 3');
    expect(event.description).toContain('Accessibility: Ramp at the back door');
    expect(event.description).toContain('Call the course coordinator: 040 1234567');
    expectWrittenIn(event.description, 'en');
  });

  it('shows the Swedish program name on the Swedish application page, and the Finnish one in Finnish', async () => {
    const swedish = load(await (await getPage(app, '/apply', 'kp_lang=sv')).text());
    expect(swedish('main').text()).toContain('Kraft i vardagen');
    const finnish = load(await (await getPage(app, '/apply', 'kp_lang=fi')).text());
    expect(finnish('main').text()).not.toContain('Kraft i vardagen');
    expect(finnish('main').text()).toMatch(/Arkeen Voimaa \d+/);
  });
});
