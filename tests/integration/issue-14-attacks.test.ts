import { load } from 'cheerio';
import { and, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  courses,
  meetingActionItems,
  meetingAttendees,
  meetings,
  outbox,
  programs,
  users,
} from '../../db/schema';
import { sendMinutes } from '../../src/features/meetings/meeting-changes';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import { aRunningCourse, duringSession } from '../support/attendance-fixtures';
import { parseCsv } from '../support/csv';
import { anAnswer, feedbackRowsOf } from '../support/feedback-fixtures';
import { parseWithOwnTimezone } from '../support/ical';
import {
  aLocality,
  aProgramOfSize,
  anAutumnTerm,
  anOpenCourse,
} from '../support/planning-fixtures';
import { aReportPerson, type ReportPerson } from '../support/report-fixtures';
import { deliverQueuedMail, startTestSmtpServer } from '../support/smtp-server';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
  signInEveryRole,
} from '../support/test-app';
import { failOnUnexpectedErrors } from '../support/unexpected-errors';

/**
 * Attacks on what issue 14 built — steering meetings, the term report and its CSV, paper
 * feedback — as an outsider would make them: by every role and anonymously, with odd, marked-up
 * and oversized input, many requests at once and cross-site posts. Each is a regression test;
 * those that found a defect say so.
 */

failOnUnexpectedErrors();

type Setup = ReturnType<typeof buildTestApp>;
type Cookies = Record<'coordinator' | 'admin' | 'instructor' | 'reporting', string>;

const aMeeting = {
  title: 'Ohjausryhmä',
  localDate: '2026-10-06',
  startTime: '17:00',
  endTime: '18:30',
  place: 'Kaupungintalo',
  onlineLink: '',
  agenda: '1. Kurssit',
  guests: 'Vieras <vieras@test.example>',
};

const countOf = ({ db }: Setup, table: typeof meetings | typeof outbox | typeof auditLog) =>
  db
    .select({ count: sql<number>`count(*)` })
    .from(table)
    .get()!.count;

describe('attacks on steering meetings', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let cookies: Cookies;
  let meetingId = 0;
  let otherMeetingId = 0;

  const createMeeting = async (fields: Record<string, string>) => {
    const response = await postForm(
      app,
      '/meetings/new',
      { ...aMeeting, ...fields },
      {
        cookie: cookies.coordinator,
      },
    );
    expect(response.status, await response.clone().text()).toBe(303);
    return Number(response.headers.get('Location')!.split('/').pop());
  };
  const itemsOf = (id: number) =>
    db.select().from(meetingActionItems).where(eq(meetingActionItems.meetingId, id)).all();
  const minutesOf = (id: number, fields: Record<string, string>) =>
    postForm(
      app,
      `/meetings/${id}/minutes/edit`,
      { minutes: 'Pöytäkirja', rows: '3', ...fields },
      { cookie: cookies.coordinator },
    );

  beforeAll(async () => {
    clock.setTo(new Date('2026-09-01T09:00:00Z'));
    cookies = await signInEveryRole(setup);
    meetingId = await createMeeting({});
    otherMeetingId = await createMeeting({ title: 'Toinen kokous' });
    expect(
      (
        await minutesOf(otherMeetingId, {
          item1Description: 'Toisen tehtävä',
          item1OwnerName: 'Pia',
          item1Due: '2026-11-01',
        })
      ).status,
    ).toBe(303);
  });

  const pagesOf = (id: number) => [
    '/meetings',
    '/meetings/new',
    `/meetings/${id}`,
    `/meetings/${id}/edit`,
    `/meetings/${id}/minutes`,
    `/meetings/${id}/minutes/edit`,
  ];
  const postsOf = (id: number) => [
    '/meetings/new',
    `/meetings/${id}/edit`,
    `/meetings/${id}/cancellation`,
    `/meetings/${id}/minutes/edit`,
    `/meetings/${id}/minutes/sending`,
    `/meetings/${id}/action-items/1/done`,
  ];

  it('sends anonymous visitors to sign in and refuses instructors and the reporting role everything', async () => {
    const before = { meetings: countOf(setup, meetings), outbox: countOf(setup, outbox) };
    for (const path of pagesOf(meetingId)) {
      const response = await getPage(app, path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('Location')).toMatch(/^\/sign-in/);
      for (const role of ['instructor', 'reporting'] as const) {
        expect((await getPage(app, path, cookies[role])).status, `${role} ${path}`).toBe(403);
      }
    }
    for (const path of postsOf(meetingId)) {
      const fields = { ...aMeeting, reason: 'x', minutes: 'x' };
      expect((await postForm(app, path, fields)).status, path).toBe(303);
      for (const role of ['instructor', 'reporting'] as const) {
        const response = await postForm(app, path, fields, { cookie: cookies[role] });
        expect(response.status, `${role} ${path}`).toBe(403);
      }
    }
    expect({ meetings: countOf(setup, meetings), outbox: countOf(setup, outbox) }).toEqual(before);
    expect((await getPage(app, `/meetings/${meetingId}`, cookies.admin)).status).toBe(200);
  });

  it('refuses cross-site posts of a meeting, its cancellation and the minutes sending', async () => {
    const before = { meetings: countOf(setup, meetings), outbox: countOf(setup, outbox) };
    for (const path of postsOf(meetingId)) {
      const foreign = await postForm(
        app,
        path,
        { ...aMeeting, reason: 'x' },
        { cookie: cookies.coordinator, origin: 'https://evil.example' },
      );
      expect(foreign.status, path).toBe(403);
      const noOrigin = await postForm(
        app,
        path,
        { ...aMeeting, reason: 'x' },
        {
          cookie: cookies.coordinator,
          origin: null,
          headers: { 'Sec-Fetch-Site': 'cross-site' },
        },
      );
      expect(noOrigin.status, path).toBe(403);
    }
    expect({ meetings: countOf(setup, meetings), outbox: countOf(setup, outbox) }).toEqual(before);
    expect(db.select().from(meetings).where(eq(meetings.id, meetingId)).get()!.status).toBe(
      'planned',
    );
  });

  it('answers odd meeting and action item ids with 404, never 500', async () => {
    for (const id of ['0', '-1', '1e3', '99999999999999999999', `0${meetingId}`, '999999']) {
      for (const path of [`/meetings/${id}`, `/meetings/${id}/minutes`, `/meetings/${id}/edit`]) {
        const response = await getPage(app, path, cookies.coordinator);
        expect(response.status, path).toBe(404);
      }
    }
    const response = await postForm(
      app,
      `/meetings/${meetingId}/action-items/99999999999999999999/done`,
      {},
      { cookie: cookies.coordinator },
    );
    expect(response.status).toBe(404);
  });

  it("never touches another meeting's action item through this meeting's forms", async () => {
    const theirs = itemsOf(otherMeetingId)[0]!;
    const done = await postForm(
      app,
      `/meetings/${meetingId}/action-items/${theirs.id}/done`,
      {},
      { cookie: cookies.coordinator },
    );
    expect(done.status).toBe(303);
    // Editing (or emptying) a row that names their item changes nothing of theirs.
    const edited = await minutesOf(meetingId, {
      item1Id: String(theirs.id),
      item1Description: 'Kaapattu',
      item1OwnerName: 'Hyökkääjä',
      item1Due: '2026-12-01',
      item2Id: String(theirs.id),
    });
    expect(edited.status).toBe(303);
    expect(itemsOf(otherMeetingId)).toEqual([theirs]);
  });

  it('refuses an owner id that is not on the list at its field (found: it saved an item nobody owns)', async () => {
    const before = itemsOf(meetingId);
    const response = await minutesOf(meetingId, {
      minutes: 'Uusi pöytäkirja',
      item1Description: 'Selvitä tilat',
      item1Owner: '99999999',
      item1Due: '2026-12-01',
    });
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#item1Owner-error').text()).not.toBe('');
    expect($('#item1Description').val()).toBe('Selvitä tilat');
    expect(itemsOf(meetingId)).toEqual(before);
    expect(db.select().from(meetings).where(eq(meetings.id, meetingId)).get()!.minutes).not.toBe(
      'Uusi pöytäkirja',
    );
  });

  it('keeps markup, CR and LF in the title, agenda, place and guest names out of mail headers, HTML and the calendar', async () => {
    const evilTitle = '<img src=x onerror=alert(1)>Kokous\rBcc: evil@attacker.example';
    const id = await createMeeting({
      title: evilTitle,
      place: 'Sali\r\nATTENDEE:mailto:evil@attacker.example',
      agenda: '<script>alert(1)</script>\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Väärä',
      guests: '<b>Evil</b>, evil@attacker.example; Bcc: bcc@attacker.example <guest@test.example>',
    });
    const queued = db.select().from(outbox).where(eq(outbox.meetingId, id)).all();
    expect(queued.map((row) => row.recipientEmail)).toEqual(['guest@test.example']);
    const row = queued[0]!;
    expect(row.htmlBody).not.toMatch(/<script|<img/i);
    ICAL.TimezoneService.reset();
    const root = parseWithOwnTimezone(row.calendar);
    const events = root.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(
      event
        .getAllProperties('attendee')
        .map((property) => String(property.getFirstValue()).toLowerCase()),
    ).toEqual(['mailto:guest@test.example']);
    expect(String(event.getFirstPropertyValue('summary'))).toContain('Kokous');

    const smtp = await startTestSmtpServer();
    try {
      const delivered = await deliverQueuedMail(db, clock, smtp);
      const ours = delivered.filter((mail) => mail.envelopeTo.includes('guest@test.example'));
      expect(ours).toHaveLength(1);
      for (const mail of delivered) {
        expect(mail.envelopeTo.join()).not.toContain('attacker');
        expect(mail.headers.has('bcc')).toBe(false);
        expect(mail.subject ?? '').not.toMatch(/[\r\n]/);
      }
    } finally {
      await smtp.close();
    }
    const page = load(await (await getPage(app, `/meetings/${id}`, cookies.coordinator)).text());
    expect(page('main img, main script')).toHaveLength(0);
    expect(page('main').text()).toContain('<img src=x onerror=alert(1)>Kokous');
  });

  it('refuses boxes for people who cannot be invited and links that are not web addresses, saving nothing', async () => {
    const reporting = await aStaffUser(db, 'reporting');
    const disabled = await aStaffUser(db, 'instructor');
    db.update(users).set({ disabledAt: clock() }).where(eq(users.id, disabled.id)).run();
    const before = { meetings: countOf(setup, meetings), outbox: countOf(setup, outbox) };
    for (const box of [`staff${reporting.id}`, `staff${disabled.id}`, 'staff999999999', 'staff0']) {
      const response = await postForm(
        app,
        '/meetings/new',
        { ...aMeeting, guests: '', [box]: 'on' },
        { cookie: cookies.coordinator },
      );
      expect(response.status, box).toBe(422);
      expect(load(await response.text())('#attendees-error').text(), box).not.toBe('');
    }
    for (const onlineLink of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'https://a b']) {
      const response = await postForm(
        app,
        '/meetings/new',
        { ...aMeeting, onlineLink },
        { cookie: cookies.coordinator },
      );
      expect(response.status, onlineLink).toBe(422);
      expect(load(await response.text())('#onlineLink-error').text()).not.toBe('');
    }
    expect({ meetings: countOf(setup, meetings), outbox: countOf(setup, outbox) }).toEqual(before);
  });

  it('keeps a long title of emoji and accented letters whole in the invitation, folded or not', async () => {
    const title = 'Ohjausryhmä 👩🏽‍🦳 ÅÄÖ ǅ '.repeat(8).trim().slice(0, 190);
    const agenda = 'Äänestys 🗳️ ja päätös\n'.repeat(40);
    const id = await createMeeting({ title, agenda, guests: 'emoji@test.example' });
    const row = db.select().from(outbox).where(eq(outbox.meetingId, id)).get()!;
    ICAL.TimezoneService.reset();
    const event = parseWithOwnTimezone(row.calendar).getFirstSubcomponent('vevent')!;
    expect(String(event.getFirstPropertyValue('summary'))).toBe(title);
    expect(String(event.getFirstPropertyValue('description'))).toContain(agenda.trim());
    expect(row.subject).toContain(title);
  });

  it('takes 500 guests one per line, each invited once, or refuses them with a message', async () => {
    const guests = Array.from({ length: 500 }, (_, index) => `g${index}@t.fi`).join('\n');
    const response = await postForm(
      app,
      '/meetings/new',
      { ...aMeeting, guests },
      { cookie: cookies.coordinator },
    );
    expect([303, 422]).toContain(response.status);
    if (response.status === 303) {
      const id = Number(response.headers.get('Location')!.split('/').pop());
      const attendees = db
        .select()
        .from(meetingAttendees)
        .where(eq(meetingAttendees.meetingId, id))
        .all();
      expect(attendees).toHaveLength(500);
      expect(db.select().from(outbox).where(eq(outbox.meetingId, id)).all()).toHaveLength(500);
    }
  });

  it('sends the minutes once when a hundred sendings arrive at once', async () => {
    const id = await createMeeting({ title: 'Pöytäkirjakokous' });
    expect((await minutesOf(id, {})).status).toBe(303);
    const minutesMail = () =>
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.meetingId, id), eq(outbox.calendarMethod, '')))
        .all();
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        postForm(app, `/meetings/${id}/minutes/sending`, {}, { cookie: cookies.coordinator }),
      ),
    );
    expect(responses.filter((response) => response.status === 303)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 422)).toHaveLength(99);
    expect(minutesMail()).toHaveLength(1);
  });

  it('does not send the minutes a second time unasked when two processes read "not sent" at once (found: the check was outside the transaction)', async () => {
    const id = await createMeeting({ title: 'Kaksi prosessia' });
    expect((await minutesOf(id, {})).status).toBe(303);
    const context = {
      actor: { id: 1, role: 'coordinator' as const, name: 'x' },
      mail: { now: clock(), publicUrl: setup.config.publicUrl },
    } as unknown as Parameters<typeof sendMinutes>[2];
    // Both processes passed the route's check before either committed.
    expect(sendMinutes(db, id, context, { again: false })).toBe(1);
    expect(sendMinutes(db, id, context, { again: false })).toBe('already-sent');
    expect(sendMinutes(db, id, context, { again: true })).toBe(1);
  });

  it("audits every page that shows the attendees' names and addresses (found: the edit pages and the proposal were not)", async () => {
    const reads = (detailPattern: string) =>
      db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'read'),
            eq(auditLog.subjectType, 'meeting'),
            sql`${auditLog.detail} like ${detailPattern}`,
          ),
        )
        .all();
    const before = countOf(setup, auditLog);
    for (const path of [`/meetings/${meetingId}/edit`, `/meetings/${meetingId}/minutes/edit`]) {
      expect((await getPage(app, path, cookies.coordinator)).status).toBe(200);
    }
    expect(reads('%edit%').map((entry) => entry.subjectId)).toEqual([meetingId, meetingId]);
    // The proposal for the next meeting lists the previous meeting's guests.
    const proposal = await getPage(app, '/meetings/new', cookies.coordinator);
    expect(await proposal.text()).toContain('vieras@test.example');
    expect(reads('%proposal%')).toHaveLength(1);
    expect(countOf(setup, auditLog)).toBe(before + 3);
    for (const entry of reads('%')) {
      expect(entry.detail).not.toMatch(/@|Vieras/);
    }
  });
});

describe('attacks on the term report', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let cookies: Cookies;
  let termId = 0;
  let courseId = 0;
  const at = new Date('2026-09-01T09:00:00Z');
  const formulas = ['=HYPERLINK("http://evil","x")', '+cmd|calc', '@SUM(A1)', '-2+3', '\t=1'];

  beforeAll(async () => {
    termId = anAutumnTerm(db);
    const locality = aLocality(db, formulas[1]!);
    const program = aProgramOfSize(db, { minParticipants: 1, maxParticipants: 14 });
    db.update(programs).set({ nameFi: formulas[2]! }).where(eq(programs.id, program)).run();
    courseId = anOpenCourse(db, { termId, localityId: locality, programId: program });
    // Six started, three of them completed: completed is "< 5", started is shown.
    const person = (state: ReportPerson['state']): ReportPerson => ({
      source: 'public',
      reached: true,
      state,
      everPlaced: true,
      present: true,
    });
    let count = 0;
    for (const state of ['completed', 'completed', 'completed'] as const) {
      aReportPerson(
        db,
        { courseId, localityId: locality, at, name: `P ${++count}` },
        person(state),
      );
    }
    for (let i = 0; i < 3; i++) {
      aReportPerson(
        db,
        { courseId, localityId: locality, at, name: `P ${++count}` },
        person('not-completed'),
      );
    }
    clock.setTo(new Date('2026-12-01T10:00:00Z'));
    cookies = await signInEveryRole(setup);
  });

  it('sends anonymous visitors to sign in and refuses instructors every report', async () => {
    for (const path of [
      '/reports',
      `/reports/terms/${termId}`,
      `/reports/terms/${termId}.csv`,
      `/reports?terms=${termId}`,
    ]) {
      const anonymous = await getPage(app, path);
      expect(anonymous.status, path).toBe(303);
      expect(anonymous.headers.get('Location')).toMatch(/^\/sign-in/);
      expect((await getPage(app, path, cookies.instructor)).status, path).toBe(403);
      expect((await getPage(app, path, cookies.reporting)).status, path).toBe(200);
    }
  });

  it('answers odd term choices with 400 or 404 and a message, never 500', async () => {
    const unknown = (count: number) =>
      Array.from({ length: count }, (_, index) => index + 1000).join(',');
    for (const query of [
      unknown(1000),
      // Found: more ids than SQLite binds in one query answered 500.
      unknown(40_000),
      `${termId},${unknown(100)}`,
      '',
      '0',
      '-1',
      '1e3',
      '99999999999999999999',
      `${termId},x`,
      ',,,',
      '%00',
      'ä',
    ]) {
      const response = await getPage(
        app,
        `/reports?terms=${encodeURIComponent(query)}`,
        cookies.coordinator,
      );
      expect(response.status, query.slice(0, 20)).toBe(400);
    }
    // A thousand times the same term is that term once.
    const same = await getPage(
      app,
      `/reports?terms=${Array(1000).fill(termId).join(',')}`,
      cookies.coordinator,
    );
    expect(same.status).toBe(200);
    expect(load(await same.text())(`#report-courses-${termId}`)).toHaveLength(1);
    for (const path of [
      '0',
      '-1',
      '1e3',
      '99999999999999999999',
      `${termId}.csv.csv`,
      `0${termId}`,
    ]) {
      const response = await getPage(app, `/reports/terms/${path}`, cookies.coordinator);
      expect(response.status, path).toBe(404);
    }
  });

  it('writes no CSV cell that Excel would read as a formula', async () => {
    const response = await getPage(app, `/reports/terms/${termId}.csv`, cookies.reporting);
    expect(response.status).toBe(200);
    const { rows } = parseCsv(await response.text());
    const cells = rows.flat();
    expect(cells.some((cell) => cell.includes('@SUM(A1)'))).toBe(true);
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    // Every export is audited (the role test above fetched it once too), without content.
    const exports = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.subjectType, 'term-report')))
      .all();
    expect(exports).toHaveLength(2);
    for (const entry of exports) expect(entry.detail).not.toMatch(/SUM|cmd/);
  });

  it('does not give a masked number of completers away through the completion rate (found: 3 of 6 showed as "< 5" and 50 %)', async () => {
    const response = await getPage(app, `/reports/terms/${termId}`, cookies.reporting);
    const html = await response.text();
    const $ = load(html);
    const header = $('#report-courses thead th')
      .map((_, cell) => $(cell).text())
      .get();
    const first = $('#report-courses tbody tr')
      .first()
      .find('th, td')
      .map((_, cell) => $(cell).text())
      .get();
    const row = Object.fromEntries(header.map((label, index) => [label, first[index]]));
    expect(row['Aloittaneet (läsnä ainakin kerran)']).toBe('6');
    expect(row['Suorittaneet']).toBe('< 5');
    expect(row['Suoritusaste %']).toBe('< 5');
    // Neither the chart, its words nor the CSV say 50.
    expect($('#report-charts, figure').text()).not.toMatch(/\b50\s?%/);
    const csv = parseCsv(
      await (await getPage(app, `/reports/terms/${termId}.csv`, cookies.reporting)).text(),
    );
    expect(csv.rows.flat()).not.toContain('50');
  });

  it('refuses the reporting role every page about the people of a course or a meeting', async () => {
    for (const path of [
      '/meetings',
      '/meetings/new',
      `/courses/${courseId}/feedback`,
      `/courses/${courseId}/feedback/paper`,
      `/courses/${courseId}/feedback/paper-answers`,
      `/courses/${courseId}/attendance.csv`,
      `/courses/${courseId}`,
    ]) {
      expect((await getPage(app, path, cookies.reporting)).status, path).toBe(403);
    }
    const home = await getPage(app, '/', cookies.reporting);
    expect(home.status).toBe(200);
    expect(await home.text()).not.toMatch(/P \d|@test\.example/);
  });
});

describe('attacks on typed-in paper answers', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let cookies: Cookies;
  let course: ReturnType<typeof aRunningCourse>;
  const answersOf = (id: number) => `/courses/${id}/feedback/paper-answers`;

  beforeAll(async () => {
    const own = await aStaffUser(setup.db, 'instructor');
    course = aRunningCourse(db, { participants: 4, instructorUserIds: [own.id] });
    clock.setTo(duringSession(course.sessions, course.sessions.length));
    cookies = await signInEveryRole(setup);
    cookies.instructor = await signIn(app, own);
  });

  it('saves no more answers than the course had people when a hundred arrive at once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        postForm(app, answersOf(course.courseId), anAnswer, { cookie: cookies.coordinator }),
      ),
    );
    expect(responses.filter((response) => response.status === 303)).toHaveLength(4);
    expect(responses.filter((response) => response.status === 409)).toHaveLength(96);
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(4);
  });

  it('takes no online answer once paper answers have filled the course (found: it took a fifth of four)', async () => {
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(4);
    const person = course.people[0]!;
    const token = issuePersonalLink(db, person.applicationId, course.courseId, clock());
    const response = await postForm(app, `/p/${token}/feedback/${person.enrollmentId}`, anAnswer);
    expect(response.status).toBe(303);
    const page = load(await (await getPage(app, `/p/${token}`, cookiesFrom(response))).text());
    expect(page('#flash').text()).toBe('Olet jo vastannut, kiitos.');
    expect(feedbackRowsOf(setup, course.courseId)).toHaveLength(4);
  });

  it('refuses odd answers, markup and huge texts with field messages, never 500', async () => {
    const other = aRunningCourse(db, { participants: 5 });
    db.update(courses).set({ status: 'running' }).where(eq(courses.id, other.courseId)).run();
    for (const odd of [
      { ...anAnswer, usefulness: '0' },
      { ...anAnswer, usefulness: '-1' },
      { ...anAnswer, usefulness: '99999999999999999999' },
      { ...anAnswer, recommend: 'maybe' },
      { ...anAnswer, bestThing: 'x'.repeat(10_000) },
      { usefulness: '3' },
    ]) {
      const response = await postForm(app, answersOf(other.courseId), odd, {
        cookie: cookies.coordinator,
      });
      expect([409, 422], JSON.stringify(odd).slice(0, 60)).toContain(response.status);
    }
    expect(feedbackRowsOf(setup, other.courseId)).toHaveLength(0);
    for (const id of ['0', '-1', '1e3', '99999999999999999999']) {
      const response = await getPage(app, answersOf(id as never), cookies.coordinator);
      expect(response.status, id).toBe(404);
    }
  });

  it('refuses cross-site paper answers', async () => {
    const other = aRunningCourse(db, { participants: 5 });
    clock.setTo(duringSession(other.sessions, other.sessions.length));
    const response = await postForm(app, answersOf(other.courseId), anAnswer, {
      cookie: cookies.coordinator,
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(feedbackRowsOf(setup, other.courseId)).toHaveLength(0);
  });
});
