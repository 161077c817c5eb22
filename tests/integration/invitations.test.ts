import { load } from 'cheerio';
import { systemActor } from '../../src/features/audit/audit-log';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFeeds, courses, instructors, outbox, users } from '../../db/schema';
import { readCalendar } from '../support/ical';
import {
  aLocality,
  anArvoProgram,
  anAutumnTerm,
  aVenue,
  sessionsOf,
} from '../support/planning-fixtures';
import { deliverQueuedMail, startTestSmtpServer } from '../support/smtp-server';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';
import { saveInstructor } from '../../src/features/instructors/queries';

describe('calendar invitations for a course', () => {
  const { app, db, clock } = buildTestApp();
  const courseRow = (id: number) => db.select().from(courses).where(eq(courses.id, id)).get()!;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let cookie = '';
  let courseId = 0;
  const ids = { term: 0, program: 0, lapua: 0, hall: 0, olli: 0, pirjo: 0, sanna: 0 };

  const instructor = (
    name: string,
    email: string,
    kind: 'professional' | 'peer',
    userId: number | null = null,
  ) => {
    const created = saveInstructor(
      db,
      null,
      {
        name,
        email,
        phone: '+358401230009',
        kind,
        employerUnit: '',
        userId,
        localityIds: [],
      },
      systemActor,
      new Date(),
    );
    if (!created.ok) throw new Error('instructor');
    return created.id;
  };

  /** Sends whatever the changes queued, through a real SMTP server, and returns what arrived. */
  const deliver = () => deliverQueuedMail(db, clock, smtp);

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    ids.term = anAutumnTerm(db);
    ids.program = anArvoProgram(db);
    ids.lapua = aLocality(db, 'Lapua');
    ids.hall = aVenue(db, ids.lapua);
    const olliAccount = await aStaffUser(db, 'instructor', { email: 'olli.account@test.example' });
    ids.olli = instructor('Olli Ohjaaja', 'olli@test.example', 'professional', olliAccount.id);
    ids.pirjo = instructor('Pirjo Vertainen', 'pirjo@test.example', 'peer');
    ids.sanna = instructor('Sanna Ilman Sähköpostia', '', 'peer');
    const response = await postForm(
      app,
      '/courses',
      {
        termId: String(ids.term),
        programId: String(ids.program),
        localityId: String(ids.lapua),
        venueId: String(ids.hall),
        audience: 'open',
        firstDate: '2026-10-06',
        startTime: '17:00',
        instructor1: String(ids.olli),
        instructor2: String(ids.sanna),
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    courseId = Number(response.headers.get('Location')!.split('/').pop());
  });

  afterAll(() => smtp.close());

  it('sends the new course to its instructor as one REQUEST series, only to them, with every date in words', async () => {
    const [mail, ...others] = await deliver();
    expect(others).toHaveLength(0);
    expect(mail!.envelopeTo).toEqual(['olli@test.example']);
    expect(mail!.subject).toMatch(/^Kutsu: /);
    expect(mail!.text).toContain('1. ti 6.10.2026 klo 17.00–19.30');
    expect(mail!.text).toContain('6. ti 10.11.2026 klo 17.00–19.30');
    expect(mail!.html).toContain('ti 27.10.2026');
    const calendarPart = mail!.attachments.find((part) => part.contentType === 'text/calendar');
    expect(calendarPart?.headers.get('content-type')).toMatchObject({
      params: { method: 'REQUEST' },
    });
    expect(mail!.attachments.some((part) => part.filename?.endsWith('.ics'))).toBe(true);

    const { method, events } = readCalendar(calendarPart!.content.toString());
    expect(method).toBe('REQUEST');
    expect(events[0]).toMatchObject({ uid: courseRow(courseId).calendarUid, sequence: 0 });
    expect(events[0]!.attendees).toEqual(['mailto:olli@test.example']);
  });

  it('lists the instructor without e-mail as a letter to print, with the same dates', async () => {
    const home = load(await (await getPage(app, '/', cookie)).text());
    const link = home('#letters-title').parent().find('a');
    expect(link.text()).toContain('Sanna Ilman Sähköpostia');
    const letter = await getPage(app, link.attr('href')!, cookie);
    const $ = load(await letter.text());
    expect($('.letter').text()).toContain('1. ti 6.10.2026 klo 17.00–19.30');
    expect($('.letter').text()).toContain('Esimerkkikatu 1');
  });

  it('sends an update with the same UID and a higher SEQUENCE when a session moves, saying what changed', async () => {
    const second = sessionsOf(db, courseId)[1]!;
    const moved = await postForm(
      app,
      `/courses/${courseId}/sessions/${second.id}/rescheduling`,
      { localDate: '2026-10-22', startTime: '17:00', endTime: '19:30' },
      { cookie },
    );
    expect(moved.status).toBe(303);
    const [mail] = await deliver();
    expect(mail!.subject).toMatch(/^Muutos: /);
    expect(mail!.text).toContain(
      'Kokoontuminen 2 siirtyi: ti 13.10.2026 17.00–19.30 → to 22.10.2026 17.00–19.30.',
    );
    const { events } = readCalendar(
      mail!.attachments.find((part) => part.contentType === 'text/calendar')!.content.toString(),
    );
    expect(events.map((event) => event.uid)).toEqual([
      courseRow(courseId).calendarUid,
      courseRow(courseId).calendarUid,
    ]);
    expect(events[0]!.sequence).toBe(1);
    expect(events.some((event) => event.isOverride)).toBe(true);
  });

  it('cancels the series for an instructor taken off the course, and invites the new one', async () => {
    const response = await postForm(
      app,
      `/courses/${courseId}`,
      {
        venueId: String(ids.hall),
        audience: 'open',
        instructor1: String(ids.pirjo),
        instructor2: String(ids.sanna),
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    const mails = await deliver();
    const byRecipient = new Map(mails.map((mail) => [mail.envelopeTo[0]!, mail]));
    expect([...byRecipient.keys()].sort()).toEqual(['olli@test.example', 'pirjo@test.example']);
    const cancel = readCalendar(
      byRecipient
        .get('olli@test.example')!
        .attachments.find((part) => part.contentType === 'text/calendar')!
        .content.toString(),
    );
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0]).toMatchObject({
      uid: courseRow(courseId).calendarUid,
      status: 'CANCELLED',
    });
    expect(cancel.events[0]!.sequence).toBeGreaterThanOrEqual(2);
    const invite = readCalendar(
      byRecipient
        .get('pirjo@test.example')!
        .attachments.find((part) => part.contentType === 'text/calendar')!
        .content.toString(),
    );
    expect(invite.method).toBe('REQUEST');
  });

  it('offers the course calendar as a PUBLISH file without personal data', async () => {
    const response = await getPage(app, `/courses/${courseId}/calendar.ics`, cookie);
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    const { method, events } = readCalendar(text);
    expect(method).toBe('PUBLISH');
    expect(events[0]!.organizer).toBeNull();
    expect(events.flatMap((event) => event.attendees)).toEqual([]);
    expect(text).not.toContain('@test.example');
  });

  it('gives each staff member a secret, renewable feed of their own sessions', async () => {
    // Pirjo now leads the course; her staff account is the one that signs in here.
    const account = db
      .select()
      .from(users)
      .where(eq(users.email, 'olli.account@test.example'))
      .get()!;
    db.update(instructors).set({ userId: null }).where(eq(instructors.id, ids.olli)).run();
    db.update(instructors).set({ userId: account.id }).where(eq(instructors.id, ids.pirjo)).run();
    const olliCookie = await signIn(app, {
      email: account.email,
      password: 'correct horse battery',
    });

    const created = await postForm(app, '/calendar-feed', {}, { cookie: olliCookie });
    expect(created.status).toBe(200);
    const firstAddress = new URL(String(load(await created.text())('#feed-url').val()));
    const token = firstAddress.pathname.replace('/feeds/', '').replace('.ics', '');
    // Only the hash is kept, and the address is shown once: the page later no longer has it.
    expect(JSON.stringify(db.select().from(calendarFeeds).all())).not.toContain(token);
    const later = await (await getPage(app, '/calendar-feed', olliCookie)).text();
    expect(later).not.toContain(token);
    expect(load(later)('#feed-url')).toHaveLength(0);
    const feed = await getPage(app, firstAddress.pathname);
    expect(feed.status).toBe(200);
    const feedText = await feed.text();
    // Pirjo gets this course's invitation by e-mail, so her feed leaves it out: never twice.
    expect(readCalendar(feedText).events).toEqual([]);
    expect(feedText).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(feedText).toContain('X-PUBLISHED-TTL:PT1H');

    await postForm(app, '/calendar-feed', {}, { cookie: olliCookie });
    expect((await getPage(app, firstAddress.pathname)).status).toBe(404);
  });

  it('gives a planner a feed of every course under a UID of its own, not the invitation’s', async () => {
    const created = await postForm(app, '/calendar-feed', {}, { cookie });
    const address = new URL(String(load(await created.text())('#feed-url').val()));
    const { events } = readCalendar(await (await getPage(app, address.pathname)).text());
    const uid = courseRow(courseId).calendarUid;
    expect(events.map((event) => event.uid)).toContain(`published-${uid}`);
    expect(events.map((event) => event.uid)).not.toContain(uid);
    const download = readCalendar(
      await (await getPage(app, `/courses/${courseId}/calendar.ics`, cookie)).text(),
    );
    expect(download.events[0]!.uid).toBe(`published-${uid}`);
  });

  it('sends a CANCEL with the reason to everyone when the course is cancelled', async () => {
    const response = await postForm(
      app,
      `/courses/${courseId}/cancellation`,
      { reason: 'Liian vähän hakijoita' },
      { cookie },
    );
    expect(response.status).toBe(303);
    const [mail, ...others] = await deliver();
    expect(others).toHaveLength(0);
    expect(mail!.envelopeTo).toEqual(['pirjo@test.example']);
    expect(mail!.text).toContain('Syy: Liian vähän hakijoita');
    expect(
      readCalendar(
        mail!.attachments.find((part) => part.contentType === 'text/calendar')!.content.toString(),
      ).method,
    ).toBe('CANCEL');
    const home = load(await (await getPage(app, '/', cookie)).text());
    expect(home('#letters-title').parent().text()).not.toContain('Sanna Ilman Sähköpostia');
  });

  it('writes every message in the outbox before sending, each with its own Message-ID', () => {
    const rows = db.select().from(outbox).all();
    // invitation, update, cancellation + invitation on the instructor change, cancellation
    expect(rows.length).toBe(5);
    expect(new Set(rows.map((row) => row.messageId)).size).toBe(rows.length);
    expect(rows.every((row) => row.state === 'sent')).toBe(true);
  });
});
