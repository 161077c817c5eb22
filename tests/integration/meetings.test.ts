import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, meetingActionItems, meetingAttendees, meetings } from '../../db/schema';
import { addDays, wallClockToInstant } from '../../src/lib/helsinki-time';
import { parseWithOwnTimezone } from '../support/ical';
import { deliverQueuedMail, outboxWatcher, startTestSmtpServer } from '../support/smtp-server';
import {
  aStaffUser,
  buildTestApp,
  getPage,
  postForm,
  signIn,
  testOrigin,
} from '../support/test-app';
import { expectPrivacyNoticeLink } from '../support/privacy-notice';

/** The one event of a meeting invitation, read with ical.js and only the calendar's own zone. */
function invitation(text: string) {
  ICAL.TimezoneService.reset();
  const root = parseWithOwnTimezone(text);
  const events = root.getAllSubcomponents('vevent');
  const event = events[0]!;
  const start = event.getFirstProperty('dtstart')!;
  const startTime = event.getFirstPropertyValue('dtstart') as ICAL.Time;
  return {
    method: String(root.getFirstPropertyValue('method')),
    eventCount: events.length,
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: String(event.getFirstPropertyValue('status')),
    summary: String(event.getFirstPropertyValue('summary')),
    description: String(event.getFirstPropertyValue('description') ?? ''),
    location: String(event.getFirstPropertyValue('location') ?? ''),
    tzid: String(start.getParameter('tzid')),
    localStart: startTime.toString(),
    utcStart: startTime.toJSDate().toISOString(),
    attendees: event
      .getAllProperties('attendee')
      .map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
    organizer: String(event.getFirstPropertyValue('organizer')).toLowerCase(),
  };
}

const octoberMeeting = {
  title: 'Ohjausryhmä',
  localDate: '2026-10-06',
  startTime: '17:00',
  endTime: '18:30',
  place: 'Kaupungintalo, kokoushuone 2',
  onlineLink: '',
  agenda: '1. Syksyn kurssit\n2. Ohjaajakoulutus',
};

describe('steering meetings with calendar invitations', () => {
  const { app, db, clock } = buildTestApp();
  let cookie = '';
  let staff: Awaited<ReturnType<typeof aStaffUser>>;
  let meetingId = 0;

  /** The messages queued since the last look, oldest first. */
  const newMessages = outboxWatcher(db);
  const meetingAudit = (action: 'create' | 'update') =>
    db
      .select({ subjectId: auditLog.subjectId, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'meeting'), eq(auditLog.action, action)))
      .all();
  /** The October meeting with Irma ticked, at `startTime`, with these guests. */
  const editMeeting = (startTime: string, guests: string) =>
    postForm(
      app,
      `/meetings/${meetingId}/edit`,
      { ...octoberMeeting, startTime, [`staff${staff.id}`]: 'on', guests },
      { cookie },
    );
  const meeting = () => db.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
  const stillInvited = ['irma@test.example', 'maija@test.example', 'uusi@test.example'];
  const recipientsOf = (messages: { recipientEmail: string }[]) =>
    messages.map((message) => message.recipientEmail).sort();
  const byRecipient = (messages: ReturnType<typeof newMessages>) =>
    Object.fromEntries(messages.map((message) => [message.recipientEmail, message]));

  beforeAll(async () => {
    clock.setTo(new Date('2026-09-01T09:00:00Z'));
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    staff = await aStaffUser(db, 'instructor', {
      name: 'Irma Ohjaaja',
      email: 'irma@test.example',
    });
  });

  it('refuses a meeting without attendees, with its end before its start and without a place, keeping what was typed', async () => {
    const response = await postForm(
      app,
      '/meetings/new',
      { ...octoberMeeting, place: '', endTime: '16:00', guests: '' },
      { cookie },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#endTime-error').text()).toBe('Päättymisajan pitää olla alkamisajan jälkeen.');
    expect($('#place-error').text()).toBe('Anna kokouksen paikka tai etäyhteyden linkki.');
    expect($('#attendees-error').text()).toContain('Valitse ainakin yksi osallistuja');
    expect($('#title').val()).toBe('Ohjausryhmä');
    expect($('#agenda').text()).toBe(octoberMeeting.agenda);
    expect(db.select().from(meetings).all()).toHaveLength(0);
    expect(newMessages()).toHaveLength(0);
  });

  it('names the guest line it cannot read, and refuses a bad date', async () => {
    const response = await postForm(
      app,
      '/meetings/new',
      {
        ...octoberMeeting,
        localDate: '2026-02-30',
        guests: 'Maija Meikäläinen <maija@test.example>\nPekka pekka-at-example',
        [`staff${staff.id}`]: 'on',
      },
      { cookie },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#guests-error').text()).toContain('”Pekka pekka-at-example”');
    expect($('#localDate-error').text()).toBe('Anna päivä muodossa vvvv-kk-pp.');
    expect($(`#staff${staff.id}`).is(':checked')).toBe(true);
    expect($('#guests').text()).toContain('Pekka pekka-at-example');
    expect(db.select().from(meetings).all()).toHaveLength(0);
  });

  it('answers a 10 MB form with 413, not a saved meeting', async () => {
    const response = await app.request('/meetings/new', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: cookie,
        Origin: testOrigin,
      },
      body: `title=x&agenda=${'x'.repeat(10 * 1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(db.select().from(meetings).all()).toHaveLength(0);
  });

  it('answers a JSON body with 415, not a saved meeting', async () => {
    const response = await app.request('/meetings/new', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: testOrigin },
      body: JSON.stringify(octoberMeeting),
    });
    expect(response.status).toBe(415);
  });

  it('creates the meeting and sends each attendee one REQUEST at Helsinki wall-clock time with the agenda', async () => {
    const response = await postForm(
      app,
      '/meetings/new',
      {
        ...octoberMeeting,
        [`staff${staff.id}`]: 'on',
        guests: 'Maija Meikäläinen <Maija@Test.example>\n\nvieras@test.example',
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    meetingId = Number(response.headers.get('Location')!.split('/').pop());
    expect(meeting().startsAt.toISOString()).toBe('2026-10-06T14:00:00.000Z');

    const messages = newMessages();
    expect(messages.map((message) => message.recipientEmail).sort()).toEqual([
      'irma@test.example',
      'maija@test.example',
      'vieras@test.example',
    ]);
    for (const message of messages) {
      expect(message).toMatchObject({ calendarMethod: 'REQUEST', meetingId });
      expect(message.subject).toBe('Kutsu: Ohjausryhmä');
      expect(message.textBody).toContain('2. Ohjaajakoulutus');
      expect(message.htmlBody).toContain('Syksyn kurssit');
      expectPrivacyNoticeLink(message);
      const event = invitation(message.calendar);
      expect(event).toMatchObject({
        method: 'REQUEST',
        eventCount: 1,
        uid: meeting().calendarUid,
        sequence: 0,
        tzid: 'Europe/Helsinki',
        localStart: '2026-10-06T17:00:00',
        utcStart: '2026-10-06T14:00:00.000Z',
        summary: 'Ohjausryhmä',
        location: 'Kaupungintalo, kokoushuone 2',
        attendees: [`mailto:${message.recipientEmail}`],
      });
      expect(event.description).toContain('1. Syksyn kurssit');
      expect(event.description).toContain('2. Ohjaajakoulutus');
    }
    const rows = db
      .select()
      .from(meetingAttendees)
      .where(eq(meetingAttendees.meetingId, meetingId))
      .all();
    expect(rows.find((row) => row.email === 'irma@test.example')?.userId).toBe(staff.id);
    expect(rows.find((row) => row.email === 'maija@test.example')?.name).toBe('Maija Meikäläinen');
    expect(meetingAudit('create').map((entry) => entry.subjectId)).toEqual([meetingId]);
  });

  it('delivers the invitations through SMTP with the calendar attached as METHOD=REQUEST', async () => {
    const smtp = await startTestSmtpServer();
    try {
      const delivered = await deliverQueuedMail(db, clock, smtp);
      expect(
        delivered
          .map((mail) => mail.envelopeTo)
          .flat()
          .sort(),
      ).toEqual(['irma@test.example', 'maija@test.example', 'vieras@test.example']);
      for (const mail of delivered) {
        const part = mail.attachments.find((item) => item.contentType === 'text/calendar');
        expect(part?.headers.get('content-type')).toMatchObject({ params: { method: 'REQUEST' } });
        expect(invitation(part!.content.toString())).toMatchObject({
          uid: meeting().calendarUid,
          localStart: '2026-10-06T17:00:00',
        });
      }
    } finally {
      await smtp.close();
    }
  });

  it('shows the meeting with its attendees and offers the edit form with what was saved', async () => {
    const page = load(await (await getPage(app, `/meetings/${meetingId}`, cookie)).text());
    expect(page('#meeting-when').text()).toBe('ti 6.10.2026 klo 17.00–18.30');
    expect(page('#attendee-list li')).toHaveLength(3);
    const form = load(await (await getPage(app, `/meetings/${meetingId}/edit`, cookie)).text());
    expect(form(`#staff${staff.id}`).is(':checked')).toBe(true);
    expect(form('#guests').text()).toBe(
      'Maija Meikäläinen <maija@test.example>\nvieras@test.example',
    );
  });

  it('sends a new time to everyone with SEQUENCE 1', async () => {
    const response = await editMeeting(
      '16:00',
      'Maija Meikäläinen <maija@test.example>\nvieras@test.example',
    );
    expect(response.status).toBe(303);
    expect(meeting().scheduleSequence).toBe(1);
    const messages = newMessages();
    expect(messages).toHaveLength(3);
    for (const message of messages) {
      expect(message.subject).toBe('Muutos: Ohjausryhmä');
      expect(invitation(message.calendar)).toMatchObject({
        method: 'REQUEST',
        sequence: 1,
        localStart: '2026-10-06T16:00:00',
      });
    }
  });

  it('sends a CANCEL to an attendee taken off and a REQUEST to one added, nothing to the others', async () => {
    const response = await editMeeting(
      '16:00',
      'Maija Meikäläinen <maija@test.example>\nUusi Jäsen <uusi@test.example>',
    );
    expect(response.status).toBe(303);
    const messages = byRecipient(newMessages());
    expect(Object.keys(messages).sort()).toEqual(['uusi@test.example', 'vieras@test.example']);
    expect(invitation(messages['vieras@test.example']!.calendar)).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      sequence: 2,
      uid: meeting().calendarUid,
    });
    expect(invitation(messages['uusi@test.example']!.calendar)).toMatchObject({
      method: 'REQUEST',
      sequence: 1,
    });
    const removed = db
      .select()
      .from(meetingAttendees)
      .where(eq(meetingAttendees.email, 'vieras@test.example'))
      .get();
    expect(removed?.state).toBe('cancelled');
  });

  it('refuses the meetings to an instructor and the reporting role, and sends a visitor to sign-in', async () => {
    for (const role of ['instructor', 'reporting'] as const) {
      const other = await signIn(app, await aStaffUser(db, role));
      for (const path of [
        '/meetings',
        '/meetings/new',
        `/meetings/${meetingId}`,
        `/meetings/${meetingId}/minutes`,
      ]) {
        expect((await getPage(app, path, other)).status, `${role} ${path}`).toBe(403);
      }
      const post = await postForm(
        app,
        `/meetings/${meetingId}/cancellation`,
        { reason: 'x' },
        { cookie: other },
      );
      expect(post.status).toBe(403);
    }
    const anonymous = await getPage(app, '/meetings');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('Location')).toBe('/sign-in?next=%2Fmeetings');
    expect(meeting().status).toBe('planned');
  });

  it('saves the minutes with action items, one row refused with its message and all typed kept', async () => {
    clock.setTo(new Date('2026-10-07T08:00:00Z'));
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const minutes = {
      rows: '3',
      minutes: 'Käytiin läpi syksyn kurssit.',
      decisions: 'Kevään kursseja on kaksi.',
      item1Description: 'Varaa tilat keväälle',
      item1Owner: String(staff.id),
      item1Due: '2026-10-20',
      item2Description: 'Kysy kirjastolta',
      item2Due: '2026-10-30',
    };
    const postMinutes = (fields: Record<string, string>) =>
      postForm(app, `/meetings/${meetingId}/minutes/edit`, fields, { cookie });
    const refused = await postMinutes(minutes);
    expect(refused.status).toBe(422);
    const $ = load(await refused.text());
    expect($('#item2OwnerName-error').text()).toContain('vastuuhenkilö');
    expect($('#item1Description').val()).toBe('Varaa tilat keväälle');
    expect(db.select().from(meetingActionItems).all()).toHaveLength(0);

    const more = await postMinutes({ ...minutes, more: 'rows' });
    expect(more.status).toBe(200);
    const withMore = load(await more.text());
    expect(withMore('#item6Description')).toHaveLength(1);
    expect(withMore('#item1Description').val()).toBe('Varaa tilat keväälle');

    const saved = await postMinutes({ ...minutes, item2OwnerName: 'Maija Meikäläinen' });
    expect(saved.status).toBe(303);
    const items = db.select().from(meetingActionItems).orderBy(meetingActionItems.id).all();
    expect(items.map((item) => [item.description, item.ownerUserId, item.ownerName])).toEqual([
      ['Varaa tilat keväälle', staff.id, 'Irma Ohjaaja'],
      ['Kysy kirjastolta', null, 'Maija Meikäläinen'],
    ]);
    expect(meeting().minutesWrittenAt).not.toBeNull();
  });

  it('marks an action item done and prints the minutes', async () => {
    const [first] = db.select().from(meetingActionItems).orderBy(meetingActionItems.id).all();
    const response = await postForm(
      app,
      `/meetings/${meetingId}/action-items/${first!.id}/done`,
      {},
      { cookie },
    );
    expect(response.status).toBe(303);
    expect(
      db.select().from(meetingActionItems).where(eq(meetingActionItems.id, first!.id)).get()
        ?.doneAt,
    ).not.toBeNull();
    const again = await postForm(
      app,
      `/meetings/${meetingId}/action-items/${first!.id}/done`,
      {},
      { cookie },
    );
    expect(again.status).toBe(303);
    const print = load(await (await getPage(app, `/meetings/${meetingId}/minutes`, cookie)).text());
    expect(print('h1').text()).toBe('Pöytäkirja: Ohjausryhmä');
    expect(print('#action-items-caption').closest('table').find('tbody tr')).toHaveLength(2);
    expect(print('#action-items-caption').closest('table').text()).toContain('tehty');
    expect(print('main form')).toHaveLength(0);
  });

  it('sends the minutes once to each attendee still invited, and asks before sending again', async () => {
    const response = await postForm(app, `/meetings/${meetingId}/minutes/sending`, {}, { cookie });
    expect(response.status).toBe(303);
    const messages = newMessages();
    expect(recipientsOf(messages)).toEqual(stillInvited);
    for (const message of messages) {
      expect(message).toMatchObject({ calendarMethod: '', calendar: '', meetingId });
      expect(message.textBody).toContain('Kevään kursseja on kaksi.');
      expect(message.textBody).toContain('Kysy kirjastolta – Maija Meikäläinen');
      expect(message.htmlBody).toContain('Varaa tilat keväälle');
      expectPrivacyNoticeLink(message);
    }
    expect(meeting().minutesSentAt).not.toBeNull();

    const unconfirmed = await postForm(
      app,
      `/meetings/${meetingId}/minutes/sending`,
      {},
      { cookie },
    );
    expect(unconfirmed.status).toBe(422);
    expect(load(await unconfirmed.text())('#confirmAgain-error').text()).toContain('Rastita');
    expect(newMessages()).toHaveLength(0);
    const confirmed = await postForm(
      app,
      `/meetings/${meetingId}/minutes/sending`,
      { confirmAgain: 'on' },
      { cookie },
    );
    expect(confirmed.status).toBe(303);
    expect(newMessages()).toHaveLength(3);
  });

  it('proposes the next meeting from the previous one: four weeks on, same time, place and attendees', async () => {
    const $ = load(await (await getPage(app, '/meetings/new', cookie)).text());
    expect($('#title').val()).toBe('Ohjausryhmä');
    expect($('#localDate').val()).toBe('2026-11-03');
    expect($('#startTime').val()).toBe('16:00');
    expect($('#place').val()).toBe('Kaupungintalo, kokoushuone 2');
    expect($(`#staff${staff.id}`).is(':checked')).toBe(true);
    expect($('#guests').text()).toBe(
      'Maija Meikäläinen <maija@test.example>\nUusi Jäsen <uusi@test.example>',
    );
  });

  it('cancels the meeting: everyone still invited gets a CANCEL with the reason', async () => {
    const refused = await postForm(
      app,
      `/meetings/${meetingId}/cancellation`,
      { reason: '' },
      { cookie },
    );
    expect(refused.status).toBe(422);
    const response = await postForm(
      app,
      `/meetings/${meetingId}/cancellation`,
      { reason: 'Puheenjohtaja on estynyt' },
      { cookie },
    );
    expect(response.status).toBe(303);
    const messages = newMessages();
    expect(recipientsOf(messages)).toEqual(stillInvited);
    for (const message of messages) {
      expect(message.textBody).toContain('Puheenjohtaja on estynyt');
      expectPrivacyNoticeLink(message);
      expect(invitation(message.calendar)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED' });
      expect(invitation(message.calendar).sequence).toBeGreaterThanOrEqual(2);
    }
    expect(meeting().status).toBe('cancelled');
    const edit = await postForm(
      app,
      `/meetings/${meetingId}/edit`,
      { ...octoberMeeting, guests: 'a@test.example' },
      { cookie },
    );
    expect(edit.status).toBe(303);
    expect(newMessages()).toHaveLength(0);
    expect(meetingAudit('update').map((entry) => entry.detail)).toEqual(
      expect.arrayContaining(['details and attendees', 'minutes', 'minutes sent', 'cancelled']),
    );
  });

  it('shows the next meeting and the open action items on the home page, overdue ones said in words', async () => {
    const before = load(await (await getPage(app, '/', cookie)).text());
    expect(before('#glance-next-meeting').text()).toContain('Seuraavaa kokousta ei ole sovittu.');
    const created = await postForm(
      app,
      '/meetings/new',
      { ...octoberMeeting, localDate: '2026-11-03', guests: 'maija@test.example' },
      { cookie },
    );
    expect(created.status).toBe(303);
    const nextId = Number(created.headers.get('Location')!.split('/').pop());

    clock.setTo(new Date('2026-10-31T08:00:00Z'));
    cookie = await signIn(app, await aStaffUser(db, 'admin'));
    const $ = load(await (await getPage(app, '/', cookie)).text());
    const next = $('#glance-next-meeting a');
    expect(next.attr('href')).toBe(`/meetings/${nextId}`);
    expect(next.text()).toBe('Ohjausryhmä ti 3.11.2026 klo 17.00–18.30');
    const items = $('#glance-action-items li');
    expect(items).toHaveLength(1);
    expect(items.find('a').text()).toBe('Kysy kirjastolta');
    expect(items.find('a').attr('href')).toMatch(
      new RegExp(`^/meetings/${meetingId}#action-item-\\d+$`),
    );
    expect(items.text()).toContain('Maija Meikäläinen, pe 30.10.2026 mennessä');
    expect(items.find('strong.overdue').text()).toBe('(myöhässä)');
    expect($('#glance-action-items').text()).not.toContain('Varaa tilat keväälle');
    expect($('nav a[href="/meetings"]')).toHaveLength(1);
  });
});

describe('the list of meetings', () => {
  const { app, db, clock } = buildTestApp();

  it('shows the coming meetings first, then the 20 latest past ones with a link to older ones', async () => {
    clock.setTo(new Date('2026-09-01T09:00:00Z'));
    const cookie = await signIn(app, await aStaffUser(db, 'admin'));
    const meetingOn = (localDate: string, title: string) => ({
      title,
      localDate,
      startTime: '17:00',
      endTime: '18:00',
      startsAt: wallClockToInstant(localDate, '17:00'),
      endsAt: wallClockToInstant(localDate, '18:00'),
      calendarUid: `meeting-${localDate}@test.example`,
      createdAt: clock(),
      updatedAt: clock(),
    });
    const pastDates = Array.from({ length: 21 }, (_, week) => addDays('2026-08-25', -7 * week));
    db.insert(meetings)
      .values([
        ...pastDates.map((date) => meetingOn(date, `Mennyt ${date}`)),
        meetingOn('2026-09-08', 'Tuleva'),
      ])
      .run();
    const titlesIn = ($: ReturnType<typeof load>, caption: string) =>
      $(`#${caption}-caption`)
        .closest('table')
        .find('tbody th')
        .map((_, cell) => $(cell).text())
        .get();

    const $ = load(await (await getPage(app, '/meetings', cookie)).text());
    expect(titlesIn($, 'upcoming-meetings')).toEqual(['Tuleva']);
    const past = titlesIn($, 'past-meetings');
    expect(past).toHaveLength(20);
    expect(past[0]).toBe('Mennyt 2026-08-25');
    const older = $('a:contains("Näytä vanhemmat kokoukset")').attr('href');
    expect(older).toBe('/meetings?past=40');
    const all = load(await (await getPage(app, older!, cookie)).text());
    expect(titlesIn(all, 'past-meetings')).toHaveLength(21);
    expect(all('a:contains("Näytä vanhemmat kokoukset")')).toHaveLength(0);

    const odd = await getPage(app, '/meetings?past=-1x', cookie);
    expect(odd.status).toBe(200);
  });
});
