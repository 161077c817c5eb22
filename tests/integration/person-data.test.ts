import { and, eq } from 'drizzle-orm';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  attendance,
  auditLog,
  callAttempts,
  deletionRequests,
  enrollments,
  interviews,
  invitations,
  outbox,
  participantLinks,
  unconfirmedSubmissions,
} from '../../db/schema';
import { createParticipantLink } from '../../src/features/outbox/personal-links';
import { anonymisedName } from '../../src/features/retention/anonymise';
import { openingsLimit } from '../../src/features/privacy/subject-access';
import { aRunningCourse, aWaitlisted, duringSession } from '../support/attendance-fixtures';
import { aWaitingApplicant, enrollmentOf } from '../support/planning-fixtures';
import { deliverQueuedMail, startTestSmtpServer } from '../support/smtp-server';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';
import { withFailing } from '../support/failing-statement';

const { app, db, clock } = buildTestApp();
const applicationRow = (id: number) =>
  db.select().from(applications).where(eq(applications.id, id)).get()!;

/**
 * A participant with every kind of record: placed on a running course (invitation, message sent,
 * attendance), an earlier application with the same phone, a referrer, a call, an interview, an
 * unconfirmed form, a pruned message, a deletion request, a personal link and feedback given.
 */
function aPersonWithEverything(course: ReturnType<typeof aRunningCourse>, coordinatorId: number) {
  const { applicationId, enrollmentId } = course.people[0]!;
  const now = clock();
  db.update(applications)
    .set({
      name: 'Helmi Hakija',
      referrerName: 'Sirpa Sosiaalityö',
      referrerUnit: 'Aikuissosiaalityö',
      referrerContact: '040 999 1111',
      postalStreet: 'Koivukuja 3',
      postalCode: '60100',
      postOffice: 'Seinäjoki',
      goodTimesToCall: 'aamupäivisin',
    })
    .where(eq(applications.id, applicationId))
    .run();
  const { phone, email } = applicationRow(applicationId);
  const earlier = aWaitingApplicant(db, course.localityId, { name: 'Helmi H.', email: '' });
  db.update(applications)
    .set({ phone, state: 'closed', closeReason: 'declined', closeNote: 'Ei ehdi keväällä' })
    .where(eq(applications.id, earlier))
    .run();
  const stranger = aWaitingApplicant(db, course.localityId, { name: 'Toinen Ihminen' });
  db.insert(callAttempts)
    .values({ applicationId, at: now, outcome: 'reached', byUserId: coordinatorId })
    .run();
  db.insert(interviews)
    .values({
      applicationId,
      at: now,
      byUserId: coordinatorId,
      canAttendAll: 'yes',
      suitableTimes: 'iltaisin',
      needs: 'transport,hearing',
      notes: 'Kuulolaite, istuu eteen',
      outcome: 'place',
    })
    .run();
  db.update(enrollments)
    .set({ transportState: 'arranged', transportMeans: 'kyyti', feedbackGiven: true })
    .where(eq(enrollments.id, enrollmentId))
    .run();
  db.insert(attendance)
    .values({
      sessionId: course.sessions[0]!.id,
      enrollmentId,
      mark: 'present',
      markedByName: 'Ohjaaja Olli',
      markedAt: now,
    })
    .run();
  db.insert(unconfirmedSubmissions)
    .values({
      applicationId,
      source: 'public',
      name: 'Helmi Hakija',
      phone,
      email: 'uusi.osoite@example.fi',
      receivedAt: now,
    })
    .run();
  db.insert(outbox)
    .values({
      messageId: '<pruned@kurssipolku.test>',
      recipientEmail: '',
      subject: '',
      textBody: '',
      htmlBody: '',
      applicationId,
      state: 'sent',
      nextAttemptAt: now,
      sentAt: now,
      bodyPrunedAt: now,
      createdAt: new Date(now.getTime() - 1000),
    })
    .run();
  db.insert(deletionRequests).values({ applicationId, requestedAt: now, channel: 'link' }).run();
  createParticipantLink(db, applicationId, new Date('2026-12-31T12:00:00Z'), now);
  return { applicationId, enrollmentId, earlier, stranger, email };
}

describe("a person's data on request, and its erasure", () => {
  let coordinator: Awaited<ReturnType<typeof aStaffUser>>;
  let cookie = '';
  let instructorCookie = '';
  let reportingCookie = '';
  let course: ReturnType<typeof aRunningCourse>;
  let person: ReturnType<typeof aPersonWithEverything>;
  let waiting = 0;
  const smtp = startTestSmtpServer();
  afterAll(async () => (await smtp).close());

  beforeAll(async () => {
    course = aRunningCourse(db, { participants: 2, seats: 2 });
    clock.setTo(duringSession(course.sessions, 1));
    coordinator = await aStaffUser(db, 'coordinator', { name: 'Kaija Koordinaattori' });
    cookie = await signIn(app, coordinator);
    instructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    reportingCookie = await signIn(app, await aStaffUser(db, 'reporting'));
    person = aPersonWithEverything(course, coordinator.id);
    waiting = aWaitingApplicant(db, course.localityId, { name: 'Jonottaja Jaana' });
    aWaitlisted(db, course.courseId, waiting, clock());
    // The coordinator opens the person's page first: the export lists it among the openings.
    expect((await getPage(app, `/people/${person.applicationId}`, cookie)).status).toBe(200);
  });

  it('lets only coordinators and admins export or erase a person', async () => {
    const id = person.applicationId;
    for (const path of [
      `/people/${id}/export`,
      `/people/${id}/export.json`,
      `/people/${id}/erasure`,
    ]) {
      expect((await getPage(app, path, instructorCookie)).status).toBe(403);
      expect((await getPage(app, path, reportingCookie)).status).toBe(403);
      expect((await getPage(app, path)).status).toBe(303);
    }
    const posted = await postForm(app, `/people/${id}/erasure`, {}, { cookie: instructorCookie });
    expect(posted.status).toBe(403);
    const crossSite = await postForm(
      app,
      `/people/${id}/erasure`,
      { withdrawFirst: 'yes' },
      { cookie, origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(applicationRow(id).anonymisedAt).toBeNull();
    const personPage = load(await (await getPage(app, `/people/${id}`, cookie)).text());
    expect(
      personPage('#person-privacy a')
        .map((_, link) => personPage(link).attr('href'))
        .get(),
    ).toEqual([`/people/${id}/export`, `/people/${id}/erasure`]);
  });

  it('exports every kind of record as a JSON file, with its version, and audits it', async () => {
    const response = await getPage(app, `/people/${person.applicationId}/export.json`, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="person-${person.applicationId}.json"`,
    );
    const data = (await response.json()) as any;
    expect(data).toMatchObject({
      format: 'kurssipolku-person-export',
      version: 1,
      askedAbout: person.applicationId,
    });
    expect(
      data.applications.map((a: { id: number; matchedBy: string }) => [a.id, a.matchedBy]),
    ).toEqual([
      [person.applicationId, 'this'],
      [person.earlier, 'phone'],
    ]);
    expect(JSON.stringify(data)).not.toContain('Toinen Ihminen');
    const [held, earlier] = data.applications;
    expect(held).toMatchObject({
      name: 'Helmi Hakija',
      email: person.email,
      goodTimesToCall: 'aamupäivisin',
      postalAddress: { street: 'Koivukuja 3', postcode: '60100', postOffice: 'Seinäjoki' },
      referrer: { name: 'Sirpa Sosiaalityö', unit: 'Aikuissosiaalityö', contact: '040 999 1111' },
      feedbackGiven: true,
      personalLink: { exists: true, expiresAt: '2026-12-31T12:00:00.000Z' },
    });
    expect(earlier).toMatchObject({ closeReason: 'declined', closeNote: 'Ei ehdi keväällä' });
    expect(held.calls).toEqual([
      expect.objectContaining({ outcome: 'reached', by: 'Kaija Koordinaattori' }),
    ]);
    expect(held.interviews).toEqual([
      expect.objectContaining({
        needs: ['transport', 'hearing'],
        notes: 'Kuulolaite, istuu eteen',
        suitableTimes: 'iltaisin',
        canAttendAll: 'yes',
        outcome: 'place',
      }),
    ]);
    expect(held.enrollments).toEqual([
      expect.objectContaining({
        state: 'placed',
        transportState: 'arranged',
        transportMeans: 'kyyti',
        feedbackGiven: true,
        course: expect.objectContaining({ courseId: course.courseId }),
        attendance: [
          expect.objectContaining({ session: 1, mark: 'present', markedBy: 'Ohjaaja Olli' }),
        ],
      }),
    ]);
    expect(held.unconfirmedSubmissions).toEqual([
      expect.objectContaining({ email: 'uusi.osoite@example.fi', reviewedAt: null }),
    ]);
    expect(held.invitations).toEqual([
      expect.objectContaining({ state: 'active', by: 'email', email: person.email }),
    ]);
    const pruned = held.messages.find(
      (message: { bodyRemovedAt: string | null }) => message.bodyRemovedAt,
    );
    const invitation = held.messages.find(
      (message: { calendarMethod: string }) => message.calendarMethod === 'REQUEST',
    );
    expect(pruned).toMatchObject({ textBody: '', state: 'sent' });
    expect(invitation.textBody).not.toBe('');
    expect(invitation.calendar).toContain('BEGIN:VCALENDAR');
    expect(held.deletionRequests).toEqual([
      expect.objectContaining({ channel: 'link', handledAt: null }),
    ]);
    expect(JSON.stringify(held)).not.toMatch(/token/i);
    expect(data.openedBy).toMatchObject({ limit: openingsLimit, more: false });
    expect(data.openedBy.entries).toContainEqual(
      expect.objectContaining({
        staffName: 'Kaija Koordinaattori',
        action: 'read',
        subjectType: 'application',
        subjectId: person.applicationId,
        detail: 'person page',
      }),
    );

    const exports = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.detail, 'person data file')))
      .all();
    expect(exports.map((entry) => entry.subjectId).sort()).toEqual(
      [person.applicationId, person.earlier].sort(),
    );
  });

  it('shows the same on a printable page, section by section, and audits it', async () => {
    const response = await getPage(app, `/people/${person.applicationId}/export`, cookie);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('h1').text()).toBe('Tiedot henkilöstä: Helmi Hakija');
    expect(
      $('#export-matched li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual([
      `Hakemus ${person.applicationId}: tämä hakemus`,
      `Hakemus ${person.earlier}: sama puhelinnumero`,
    ]);
    const held = $(`#export-application-${person.applicationId}`);
    const text = held.text();
    for (const expected of [
      person.email,
      'Koivukuja 3',
      'Sirpa Sosiaalityö',
      'Kuulolaite, istuu eteen',
      'asiointikyyti',
      'Ohjaaja Olli',
      'uusi.osoite@example.fi',
      `sähköposti: ${person.email}`,
      'kun säilytysaika päättyi',
      'henkilökohtaisen linkin kautta',
      'joka toimii',
      'ne tallennetaan nimettöminä',
    ]) {
      expect(text).toContain(expected);
    }
    expect(held.find('.message-body').first().text()).not.toBe('');
    expect($(`#export-application-${person.earlier}`).text()).toContain('Ei ehdi keväällä');
    expect($('#export-openings').text()).toContain('Kaija Koordinaattori');
    expect($('a[href$="/export.json"]').length).toBe(1);
    const pageExports = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.detail, 'person data page')))
      .all();
    expect(pageExports).toHaveLength(2);
  });

  it('says so for a person who does not exist', async () => {
    const page = await getPage(app, '/people/999999/export', cookie);
    expect(page.status).toBe(404);
    expect(load(await page.text())('h1').text()).toBe('Henkilöä ei löydy');
    expect((await getPage(app, '/people/999999/export.json', cookie)).status).toBe(404);
    expect((await getPage(app, '/people/999999/erasure', cookie)).status).toBe(404);
    expect((await postForm(app, '/people/999999/erasure', {}, { cookie })).status).toBe(404);
  });

  it('refuses the erasure while the person is on a course that has not ended, changing nothing', async () => {
    const before = applicationRow(person.applicationId);
    const confirmation = load(
      await (await getPage(app, `/people/${person.applicationId}/erasure`, cookie)).text(),
    );
    expect(confirmation('#erasure-confirmation').text()).toContain('Mitä jää');
    expect(confirmation('label[for="withdrawFirst"]').text()).toContain(
      'Poista henkilö ensin kurssilta',
    );
    const refused = await postForm(app, `/people/${person.applicationId}/erasure`, {}, { cookie });
    expect(refused.status).toBe(422);
    const $ = load(await refused.text());
    expect($('.error-summary[role=alert]')).toHaveLength(1);
    expect($('#withdrawFirst').attr('aria-describedby')).toBe('withdrawFirst-error');
    expect($('#withdrawFirst-error').text()).toContain(
      'Tietoja ei poistettu, koska henkilö on vielä kurssilla',
    );
    expect(applicationRow(person.applicationId)).toEqual(before);
    expect(enrollmentOf(db, person.applicationId, course.courseId).state).toBe('placed');
  });

  it('erases in one transaction: a failing last step leaves everything as it was', async () => {
    const before = applicationRow(person.applicationId);
    const outboxBefore = db.select().from(outbox).all();
    const failed = await withFailing(
      db,
      // The message telling the person is queued last: failing there undoes everything before it.
      { when: 'INSERT', on: 'outbox', condition: "NEW.subject = 'Tietosi on poistettu'" },
      () =>
        postForm(
          app,
          `/people/${person.applicationId}/erasure`,
          { withdrawFirst: 'yes' },
          { cookie },
        ),
    );
    expect(failed.status).toBe(500);
    expect(applicationRow(person.applicationId)).toEqual(before);
    expect(applicationRow(person.earlier).anonymisedAt).toBeNull();
    expect(enrollmentOf(db, person.applicationId, course.courseId).state).toBe('placed');
    expect(enrollmentOf(db, waiting, course.courseId).state).toBe('waitlisted');
    expect(db.select().from(outbox).all()).toEqual(outboxBefore);
    expect(
      db
        .select()
        .from(deletionRequests)
        .where(eq(deletionRequests.applicationId, person.applicationId))
        .get()!.handledAt,
    ).toBeNull();
  });

  it('with the confirmation withdraws them first, erases every matched application once and tells them by e-mail', async () => {
    const posts = await Promise.all(
      Array.from({ length: 100 }, () =>
        postForm(
          app,
          `/people/${person.applicationId}/erasure`,
          { withdrawFirst: 'yes' },
          { cookie },
        ),
      ),
    );
    const statuses = posts.map((response) => response.status);
    expect(statuses.filter((status) => status === 303)).toHaveLength(1);
    expect(statuses.filter((status) => status === 410)).toHaveLength(99);

    for (const id of [person.applicationId, person.earlier]) {
      expect(applicationRow(id)).toMatchObject({
        name: anonymisedName,
        phone: '',
        email: '',
        postalStreet: '',
        referrerName: '',
        state: 'closed',
        closeReason: 'deleted',
      });
    }
    expect(applicationRow(person.stranger).name).toBe('Toinen Ihminen');
    expect(enrollmentOf(db, person.applicationId, course.courseId).state).toBe('withdrawn');
    expect(enrollmentOf(db, waiting, course.courseId).state).toBe('placed');
    expect(
      db
        .select()
        .from(participantLinks)
        .where(eq(participantLinks.applicationId, person.applicationId))
        .all(),
    ).toEqual([]);
    expect(
      db
        .select()
        .from(invitations)
        .where(eq(invitations.applicationId, person.applicationId))
        .get()!.state,
    ).toBe('cancelled');

    const requests = db
      .select()
      .from(deletionRequests)
      .where(eq(deletionRequests.applicationId, person.applicationId))
      .all();
    expect(requests).toEqual([
      expect.objectContaining({ channel: 'link', handledBy: coordinator.id, toldBy: 'email' }),
    ]);
    const deletions = db.select().from(auditLog).where(eq(auditLog.action, 'delete')).all();
    expect(deletions.map((entry) => entry.subjectId).sort()).toEqual(
      [person.applicationId, person.earlier].sort(),
    );

    const notices = db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.applicationId, person.applicationId),
          eq(outbox.subject, 'Tietosi on poistettu'),
        ),
      )
      .all();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.recipientEmail).toBe(person.email);
    expect(notices[0]!.textBody).not.toMatch(/Kuulolaite|kurssi:/);
    const delivered = await deliverQueuedMail(db, clock, await smtp);
    const notice = delivered.find((mail) => mail.subject === 'Tietosi on poistettu')!;
    expect(notice.envelopeTo).toEqual([person.email]);
    expect(notice.text).toContain('Olemme poistaneet tietosi Kurssipolusta');

    const again = await getPage(app, `/people/${person.applicationId}/export`, cookie);
    expect(again.status).toBe(410);
    expect(load(await again.text())('h1').text()).toBe('Tiedot on poistettu');
    expect((await getPage(app, `/people/${person.applicationId}/export.json`, cookie)).status).toBe(
      410,
    );
  });

  it('gives a printable letter for a person without e-mail, keeping no address', async () => {
    const vilma = aWaitingApplicant(db, course.localityId, { name: 'Vilma Kirjeellä', email: '' });
    db.update(applications)
      .set({ postalStreet: 'Pajatie 5', postalCode: '61800', postOffice: 'Kauhajoki' })
      .where(eq(applications.id, vilma))
      .run();
    const response = await postForm(app, `/people/${vilma}/erasure`, {}, { cookie });
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('.letter-address').text()).toContain('Pajatie 5');
    expect($('.letter-address').text()).toContain('61800 KAUHAJOKI');
    expect($('.letter h1').text()).toBe('Tietosi on poistettu');
    expect(applicationRow(vilma)).toMatchObject({
      postalStreet: '',
      postalCode: '',
      postOffice: '',
    });
    expect(
      db.select().from(deletionRequests).where(eq(deletionRequests.applicationId, vilma)).all(),
    ).toEqual([
      expect.objectContaining({ channel: 'staff', toldBy: 'letter', handledBy: coordinator.id }),
    ]);
    expect(db.select().from(outbox).where(eq(outbox.applicationId, vilma)).all()).toEqual([]);
  });

  it('shows the phone number once for a person with neither e-mail nor address', async () => {
    const veikko = aWaitingApplicant(db, course.localityId, { name: 'Veikko Puhelin', email: '' });
    const phone = applicationRow(veikko).phone;
    const response = await postForm(app, `/people/${veikko}/erasure`, {}, { cookie });
    expect(response.status).toBe(200);
    const text = load(await response.text())('#erasure-done').text();
    expect(text.replace(/\s/g, '')).toContain(phone.replace('+358', '0'));
    expect(
      db.select().from(deletionRequests).where(eq(deletionRequests.applicationId, veikko)).get(),
    ).toMatchObject({ toldBy: 'none', channel: 'staff' });
  });

  it('tells a person in English in English, and says so when the request or person is gone', async () => {
    const emma = aWaitingApplicant(db, course.localityId, {
      name: 'Emma English',
      email: 'emma@example.com',
      language: 'en',
    });
    const request = db
      .insert(deletionRequests)
      .values({ applicationId: emma, requestedAt: clock() })
      .returning({ id: deletionRequests.id })
      .get();
    const confirmation = load(
      await (await getPage(app, `/deletion-requests/${request.id}/erasure`, cookie)).text(),
    );
    expect(confirmation('#erasure-confirmation form').attr('action')).toBe(
      `/deletion-requests/${request.id}/erasure`,
    );
    const erased = await postForm(app, `/deletion-requests/${request.id}/erasure`, {}, { cookie });
    expect(erased.status).toBe(303);
    const notice = db.select().from(outbox).where(eq(outbox.applicationId, emma)).get()!;
    expect(notice).toMatchObject({
      subject: 'Your data has been erased',
      recipientEmail: 'emma@example.com',
    });
    expect(notice.textBody).toContain('Hello Emma English,');
    expect(
      (await postForm(app, `/deletion-requests/${request.id}/erasure`, {}, { cookie })).status,
    ).toBe(410);
    expect((await getPage(app, '/deletion-requests/999999/erasure', cookie)).status).toBe(404);
    expect((await postForm(app, '/deletion-requests/999999/erasure', {}, { cookie })).status).toBe(
      404,
    );
  });

  it('re-renders the confirmation for a value the box never sends, erasing nothing', async () => {
    const odd = aWaitingApplicant(db, course.localityId, { name: 'Outo Arvo' });
    const response = await postForm(
      app,
      `/people/${odd}/erasure`,
      { withdrawFirst: 'maybe' },
      { cookie },
    );
    expect(response.status).toBe(422);
    expect(load(await response.text())('#erasure-confirmation')).toHaveLength(1);
    expect(applicationRow(odd).anonymisedAt).toBeNull();
  });
});
