import { load, type CheerioAPI } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  auditLog,
  callAttempts,
  enrollments,
  interviews,
  outbox,
} from '../../db/schema';
import { phoneDigitsOf } from '../../src/features/people/queries';
import { aRunningCourse } from '../support/attendance-fixtures';
import { aLocality, anOpenCourse, aWaitingApplicant } from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, signIn } from '../support/test-app';

describe('finding a person', () => {
  const { app, db } = buildTestApp();
  const cookies = { coordinator: '', instructor: '', otherInstructor: '' };
  const ids = { maki: 0, makinen: 0, aho: 0, ownParticipant: 0, otherParticipant: 0 };
  let coordinatorId = 0;
  let instructorId = 0;
  let ownCourse = 0;

  const setPhone = (id: number, phone: string) =>
    db.update(applications).set({ phone }).where(eq(applications.id, id)).run();

  beforeAll(async () => {
    const coordinator = await aStaffUser(db, 'coordinator', { name: 'Koordinaattori Kaisa' });
    const instructor = await aStaffUser(db, 'instructor');
    const otherInstructor = await aStaffUser(db, 'instructor');
    coordinatorId = coordinator.id;
    instructorId = instructor.id;
    cookies.coordinator = await signIn(app, coordinator);
    cookies.instructor = await signIn(app, instructor);
    cookies.otherInstructor = await signIn(app, otherInstructor);

    const localityId = aLocality(db);
    ids.maki = aWaitingApplicant(db, localityId, { name: 'Maija Maki', email: 'maija@posti.fi' });
    ids.makinen = aWaitingApplicant(db, localityId, {
      name: 'Pekka Mäkinen',
      email: 'pekka.m@example.fi',
    });
    ids.aho = aWaitingApplicant(db, localityId, { name: 'Anni Åhö', email: 'anni_aho@firma.fi' });
    setPhone(ids.maki, '+358401234567');
    setPhone(ids.makinen, '+358509876543');
    setPhone(ids.aho, '+358441112223');

    const running = aRunningCourse(db, { participants: 2, instructorUserIds: [instructor.id] });
    ownCourse = running.courseId;
    ids.ownParticipant = running.people[0]!.applicationId;
    db.update(applications)
      .set({ name: 'Oona Oma' })
      .where(eq(applications.id, ids.ownParticipant))
      .run();
    const other = aRunningCourse(db, { participants: 1 });
    ids.otherParticipant = other.people[0]!.applicationId;
    db.update(applications)
      .set({ name: 'Oona Vieras' })
      .where(eq(applications.id, ids.otherParticipant))
      .run();
  });

  const search = async (query: string, cookie = cookies.coordinator) => {
    const response = await getPage(app, `/people?${new URLSearchParams({ q: query })}`, cookie);
    expect(response.status).toBe(200);
    return load(await response.text());
  };
  const namesFound = async (query: string, cookie = cookies.coordinator) => {
    const $ = await search(query, cookie);
    return $('#people tbody th a')
      .map((_, link) => $(link).text())
      .get();
  };

  it('finds names whatever the case and accents', async () => {
    expect(await namesFound('Mäki')).toEqual(['Maija Maki', 'Pekka Mäkinen']);
    expect(await namesFound('maki')).toEqual(['Maija Maki', 'Pekka Mäkinen']);
    expect(await namesFound('MÄKINEN')).toEqual(['Pekka Mäkinen']);
    expect(await namesFound('aho')).toEqual(['Anni Åhö']);
    expect(await namesFound('kinen')).toEqual(['Pekka Mäkinen']);
  });

  it('finds part of an e-mail address, with % and _ taken literally', async () => {
    expect(await namesFound('posti.f')).toEqual(['Maija Maki']);
    expect(await namesFound('anni_')).toEqual(['Anni Åhö']);
    expect(await namesFound('i_a')).toEqual(['Anni Åhö']);
    expect(await namesFound('%%')).toEqual([]);
    expect(await namesFound('a_n')).toEqual([]);
  });

  it('finds part of a phone number as people type it', async () => {
    expect(await namesFound('040 123')).toEqual(['Maija Maki']);
    expect(await namesFound('+358 40 1234')).toEqual(['Maija Maki']);
    expect(await namesFound('98765')).toEqual(['Pekka Mäkinen']);
    expect(await namesFound('050-987 6543')).toEqual(['Pekka Mäkinen']);
    expect(phoneDigitsOf('040 123')).toBe('35840123');
    expect(phoneDigitsOf('00358 40')).toBe('35840');
    // A name with a number in it is not read as a phone number.
    expect(phoneDigitsOf('Osallistuja 123')).toBeNull();
  });

  it('shows nothing but the form for a query shorter than two characters', async () => {
    const $ = await search('m');
    expect($('form[role=search] input[name=q]').length).toBe(1);
    expect($('#people').length).toBe(0);
    expect($('#people-results').text()).toContain('vähintään 2');
    const empty = await search('');
    expect(empty('#people').length).toBe(0);
  });

  it('lists state, courses and calls, each person linking to their page', async () => {
    db.insert(callAttempts)
      .values([
        { applicationId: ids.maki, at: new Date('2026-08-21T09:00:00Z'), outcome: 'no-answer' },
        { applicationId: ids.maki, at: new Date('2026-08-22T09:00:00Z'), outcome: 'reached' },
      ])
      .run();
    const $ = await search('Maija');
    const row = $('#people tbody tr').first();
    expect(row.find('th a').attr('href')).toBe(`/people/${ids.maki}`);
    expect(row.find('td').eq(0).text()).toBe('040 1234567');
    expect(row.find('td').eq(1).text()).toBe('odottaa kurssia');
    expect(row.find('td').eq(3).text()).toBe('2 soittoa, viimeksi: tavoitettu');
    const own = (await search('Oona Oma'))('#people tbody tr').first();
    expect(own.find('td').eq(1).text()).toBe('kurssilla');
    expect(own.find('td').eq(2).text()).toMatch(/^Arkeen Voimaa \d+ · Paikkakunta \d+$/);
    expect($('.table-scroll[role=region]').attr('aria-labelledby')).toBe('people-caption');
  });

  it('pages the results 25 at a time, by name, after the last one shown', async () => {
    const localityId = aLocality(db);
    for (let n = 1; n <= 27; n += 1) {
      aWaitingApplicant(db, localityId, { name: `Sivutus ${String(n).padStart(2, '0')}` });
    }
    const first = await search('sivutus');
    const names = ($: CheerioAPI) =>
      $('#people-rows th a')
        .map((_, link) => $(link).text())
        .get();
    expect(names(first)).toHaveLength(25);
    expect(names(first)[0]).toBe('Sivutus 01');
    const next = first('#people-more a');
    expect(next.text()).toBe('Näytä seuraavat');
    const lastShownId = first('#people-rows th a').last().attr('href')!.split('/').pop();
    expect(next.attr('href')).toBe(`/people?q=sivutus&after=${lastShownId}`);

    const secondResponse = await getPage(app, next.attr('href')!, cookies.coordinator);
    const second = load(await secondResponse.text());
    expect(names(second)).toEqual(['Sivutus 26', 'Sivutus 27']);
    expect(second('#people-more').length).toBe(0);
    expect(second('a:contains("Takaisin listan alkuun")').attr('href')).toBe('/people?q=sivutus');

    const more = await getPage(app, next.attr('hx-get')!, cookies.coordinator, {
      'HX-Request': 'true',
      'HX-Target': 'people-more',
    });
    const fragment = await more.text();
    expect(fragment).not.toContain('people-search-page');
    expect(names(load(`<table><tbody id="people-rows">${fragment}</tbody></table>`))).toEqual([
      'Sivutus 26',
      'Sivutus 27',
    ]);

    for (const bad of ['abc', '0', '-5', '99999999']) {
      const response = await getPage(app, `/people?q=sivutus&after=${bad}`, cookies.coordinator);
      expect(response.status).toBe(200);
      expect(names(load(await response.text()))[0]).toBe('Sivutus 01');
    }
  });

  it('audits each search without the query text', async () => {
    const before = db.select().from(auditLog).all().length;
    await search('Salainen Nimi');
    const entries = db.select().from(auditLog).all().slice(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUserId: coordinatorId,
      action: 'read',
      subjectType: 'application',
      subjectId: null,
      detail: 'people search',
    });
    const everything = JSON.stringify(db.select().from(auditLog).all());
    for (const typed of ['Salainen', 'Mäki', 'maki', 'posti', '040 123', '98765']) {
      expect(everything).not.toContain(typed);
    }
    // The form alone reads nobody, so it is not logged.
    await search('');
    expect(db.select().from(auditLog).all().length).toBe(before + 1);
  });

  it('lets an instructor find only the people on the courses they lead', async () => {
    expect(await namesFound('Oona', cookies.instructor)).toEqual(['Oona Oma']);
    expect(await namesFound('Oona', cookies.coordinator)).toEqual(['Oona Oma', 'Oona Vieras']);
    expect(await namesFound('maki', cookies.instructor)).toEqual([]);
    expect(await namesFound('Oona', cookies.otherInstructor)).toEqual([]);
    // Someone who left the course is still theirs to find.
    db.update(enrollments)
      .set({ state: 'withdrawn', withdrawnReason: 'muutti' })
      .where(
        and(eq(enrollments.applicationId, ids.ownParticipant), eq(enrollments.courseId, ownCourse)),
      )
      .run();
    expect(await namesFound('Oona', cookies.instructor)).toEqual(['Oona Oma']);

    expect((await getPage(app, `/people/${ids.ownParticipant}`, cookies.instructor)).status).toBe(
      200,
    );
    for (const id of [ids.otherParticipant, ids.maki]) {
      expect((await getPage(app, `/people/${id}`, cookies.instructor)).status).toBe(403);
    }
    expect(
      (await getPage(app, `/people/${ids.ownParticipant}`, cookies.otherInstructor)).status,
    ).toBe(403);
    const instructorReads = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, instructorId), eq(auditLog.detail, 'person page')))
      .all();
    expect(instructorReads.map((entry) => entry.subjectId)).toEqual([ids.ownParticipant]);
  });

  it("shows an instructor only the enrolments on their own courses, not the person's others", async () => {
    const elsewhere = aRunningCourse(db, { participants: 0 });
    db.insert(enrollments)
      .values({
        courseId: elsewhere.courseId,
        applicationId: ids.ownParticipant,
        state: 'placed',
        queuedAt: new Date('2026-09-01T09:00:00Z'),
        placedAt: new Date('2026-09-01T09:00:00Z'),
        createdAt: new Date('2026-09-01T09:00:00Z'),
        updatedAt: new Date('2026-09-01T09:00:00Z'),
      })
      .run();
    const rowsFor = async (cookie: string) => {
      const $ = load(await (await getPage(app, `/people/${ids.ownParticipant}`, cookie)).text());
      return $('#person-enrollments tbody tr').length;
    };
    expect(await rowsFor(cookies.coordinator)).toBe(2);
    expect(await rowsFor(cookies.instructor)).toBe(1);
  });

  it('sends someone not signed in to sign in', async () => {
    for (const path of ['/people?q=maki', `/people/${ids.maki}`]) {
      const response = await getPage(app, path);
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toMatch(/^\/sign-in\?next=/);
    }
  });

  it('answers 404 for a person who does not exist', async () => {
    expect((await getPage(app, '/people/999999', cookies.coordinator)).status).toBe(404);
  });

  it("shows everything held on the person's page, and audits the read", async () => {
    const localityId = aLocality(db);
    const courseId = anOpenCourse(db, { seats: 4, localityId });
    const id = aWaitingApplicant(db, localityId, { name: 'Ritva Rantanen' });
    const at = new Date('2026-08-25T10:00:00Z');
    db.update(applications)
      .set({
        source: 'referral',
        referrerName: 'Sari Sosiaalityöntekijä',
        referrerUnit: 'Lapuan aikuissosiaalityö',
        referrerContact: 'sari@lapua.example',
        municipality: 'Lapua',
        goodTimesToCall: 'aamupäivisin',
        consentAt: at,
        consentRecordedBy: coordinatorId,
        state: 'placed',
      })
      .where(eq(applications.id, id))
      .run();
    db.insert(callAttempts)
      .values({ applicationId: id, at, outcome: 'reached', byUserId: coordinatorId })
      .run();
    db.insert(interviews)
      .values({
        applicationId: id,
        at,
        byUserId: coordinatorId,
        canAttendAll: 'yes',
        suitableTimes: 'tiistait',
        needs: 'step-free,hearing',
        notes: 'Kuulokoje mukana',
        outcome: 'place',
      })
      .run();
    db.insert(enrollments)
      .values({
        courseId,
        applicationId: id,
        state: 'placed',
        queuedAt: at,
        placedAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    db.insert(outbox)
      .values({
        messageId: '<people-test@kurssipolku.test>',
        recipientEmail: 'ritva@example.fi',
        subject: 'Paikkasi kurssilla on vahvistettu',
        textBody: 'Salainen viestin sisältö',
        htmlBody: '<p>Salainen viestin sisältö</p>',
        courseId,
        applicationId: id,
        state: 'sent',
        nextAttemptAt: at,
        sentAt: at,
        createdAt: at,
      })
      .run();

    const response = await getPage(app, `/people/${id}`, cookies.coordinator);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('h1').text()).toBe('Henkilö: Ritva Rantanen');
    const referrer = $('#person-referrer').text();
    expect(referrer).toContain('Sari Sosiaalityöntekijä');
    expect(referrer).toContain('Lapuan aikuissosiaalityö');
    expect(referrer).toContain('sari@lapua.example');
    const application = $('#person-application').text();
    expect(application).toContain('Lapua');
    expect(application).toContain('aamupäivisin');
    expect(application).toContain('kirjasi Koordinaattori Kaisa');
    const calls = $('#person-calls tbody tr').first();
    expect(calls.text()).toContain('tavoitettu');
    expect(calls.text()).toContain('Koordinaattori Kaisa');
    const interview = $('#person-interviews').text();
    expect(interview).toContain('tiistait');
    expect(interview).toContain('Kuulokoje mukana');
    expect(interview).toContain('esteetön kulku, kuulon tuki');
    const enrollment = $('#person-enrollments tbody tr').first();
    expect(enrollment.find('th a').attr('href')).toBe(`/courses/${courseId}/roster`);
    expect(enrollment.text()).toContain('paikka');
    const messages = $('#person-messages').text();
    expect(messages).toContain('Paikkasi kurssilla on vahvistettu');
    expect(messages).not.toContain('Salainen viestin sisältö');

    const read = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.detail, 'person page')))
      .all();
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({
      actorUserId: coordinatorId,
      action: 'read',
      subjectType: 'application',
    });
  });

  it('shows a running course participant their attendance summary line', async () => {
    const $ = load(
      await (await getPage(app, `/people/${ids.otherParticipant}`, cookies.coordinator)).text(),
    );
    expect($('#person-enrollments tbody tr').first().find('td').eq(3).text()).toBe('ei merkintöjä');
    expect($('#person-messages tbody tr').length).toBeGreaterThan(0);
  });
});
