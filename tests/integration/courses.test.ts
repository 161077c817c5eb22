import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockedPeriods } from '../../db/schema';
import {
  aLocality,
  anArvoProgram,
  anAutumnTerm,
  anInstructor,
  aVenue,
  courseCount,
  courseRow,
  sessionsOf,
  theAutumnBreak,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

describe('a coordinator plans a course and its sessions', () => {
  // The test clock stands at 2026-09-01, before the autumn courses start.
  const { app, db } = buildTestApp();
  let cookie = '';
  let instructorCookie = '';
  const ids = {
    term: 0,
    program: 0,
    lapua: 0,
    seinajoki: 0,
    lapuaHall: 0,
    peer: 0,
    professional: 0,
  };

  const lapuaCourse = (overrides: Record<string, string> = {}) => ({
    termId: String(ids.term),
    programId: String(ids.program),
    localityId: String(ids.lapua),
    venueId: String(ids.lapuaHall),
    audience: 'open',
    targetService: '',
    firstDate: '2026-10-06',
    startTime: '17:00',
    instructor1: String(ids.professional),
    instructor2: String(ids.peer),
    goNoGoDate: '',
    intent: 'save',
    ...overrides,
  });

  const createCourse = async (fields: Record<string, string>) => {
    const response = await postForm(app, '/courses', fields, { cookie });
    expect(response.status, await response.clone().text()).toBe(303);
    return Number(response.headers.get('Location')!.split('/').pop());
  };

  beforeAll(async () => {
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    ids.term = anAutumnTerm(db);
    ids.program = anArvoProgram(db);
    ids.lapua = aLocality(db, 'Lapua');
    ids.seinajoki = aLocality(db, 'Seinäjoki');
    ids.lapuaHall = aVenue(db, ids.lapua);
    ids.peer = anInstructor(db, 'peer');
    ids.professional = anInstructor(db, 'professional');
    theAutumnBreak(db);
  });

  it('creates a Tuesday 17:00 course whose sessions stay at 17:00 Helsinki time across the DST change', async () => {
    const courseId = await createCourse(lapuaCourse());
    const sessions = sessionsOf(db, courseId);
    expect(sessions.map((session) => session.localDate)).toEqual([
      '2026-10-06',
      '2026-10-20', // 13 Oct falls in the autumn break
      '2026-10-27',
      '2026-11-03',
      '2026-11-10',
      '2026-11-17',
    ]);
    expect(new Set(sessions.map((session) => `${session.startTime}-${session.endTime}`))).toEqual(
      new Set(['17:00-19:30']),
    );
    expect(sessions[1]!.startsAt.toISOString()).toBe('2026-10-20T14:00:00.000Z');
    expect(sessions[2]!.startsAt.toISOString()).toBe('2026-10-27T15:00:00.000Z');
    expect(courseRow(db, courseId)).toMatchObject({ status: 'planned', goNoGoDate: '2026-09-29' });

    const $ = load(await (await getPage(app, `/courses/${courseId}`, cookie)).text());
    expect($('#session-table tbody tr')).toHaveLength(6);
    expect($('#session-table tbody tr').eq(2).text()).toContain('ti 27.10.2026');
    expect($('#session-table tbody tr').eq(2).text()).toContain('17.00–19.30');
    expect($('main').text()).toContain('ti 13.10.2026: Syysloma (estetty jakso)');
    // The programme's smallest and largest group: a range, not a maximum.
    const size = $('dt').filter((_, term) => $(term).text() === 'Ryhmän koko');
    expect(size.next('dd').text()).toBe('8–14 osallistujaa');
  });

  it('previews the dates and says which moved and why, saving nothing', async () => {
    const before = courseCount(db);
    const response = await postForm(
      app,
      '/courses',
      lapuaCourse({
        localityId: String(ids.seinajoki),
        venueId: '',
        firstDate: '2026-12-17',
        intent: 'preview',
      }),
      { cookie },
    );
    const $ = load(await response.text());
    expect(response.status).toBe(200);
    expect($('#moved-title').next('ul').text()).toContain(
      'to 24.12.2026 siirtyi: jouluaatto (arkipyhä)',
    );
    expect($('.session-dates li')).toHaveLength(6);
    expect($('input[name=firstDate]').val()).toBe('2026-12-17');
    expect(courseCount(db)).toBe(before);
  });

  it('warns of a double-booked venue and instructors, and saves only when the warnings are accepted', async () => {
    const before = courseCount(db);
    const clash = lapuaCourse({ firstDate: '2026-10-20' });
    const warned = await postForm(app, '/courses', clash, { cookie });
    const $ = load(await warned.text());
    expect(warned.status).toBe(422);
    expect($('.warning li').text()).toContain('kokoontumispaikka on samaan aikaan varattu');
    expect($('.warning li').text()).toContain('ohjaa samaan aikaan kurssia');
    expect($('#acceptWarnings-error').text()).toBe(
      'Tarkista varoitukset. Jos tallennat silti, valitse ”Olen lukenut varoitukset ja tallennan silti”.',
    );
    expect($('input[name=firstDate]').val()).toBe('2026-10-20');
    expect($('input[name=startTime]').val()).toBe('17:00');
    expect(courseCount(db)).toBe(before);

    await createCourse({ ...clash, acceptWarnings: 'on' });
    expect(courseCount(db)).toBe(before + 1);
  });

  it('shows a warning, not an error, for a course with one instructor and no peer', async () => {
    const courseId = await createCourse(
      lapuaCourse({ venueId: '', firstDate: '2026-11-02', instructor2: '', startTime: '09:00' }),
    );
    const $ = load(await (await getPage(app, `/courses/${courseId}`, cookie)).text());
    expect(
      $('.warning li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual([
      'Kurssilla on alle kaksi ohjaajaa.',
      'Ohjaajaparissa ei ole vertaisohjaajaa (kokemusasiantuntijaa).',
    ]);
  });

  it('edits the details; a new venue raises the schedule sequence for the invitations', async () => {
    const courseId = await createCourse(
      lapuaCourse({ venueId: '', firstDate: '2026-09-30', startTime: '10:00' }),
    );
    const response = await postForm(
      app,
      `/courses/${courseId}`,
      {
        venueId: String(ids.lapuaHall),
        audience: 'targeted',
        targetService: 'Nuoret',
        instructor1: String(ids.peer),
        instructor2: '',
        goNoGoDate: '2026-09-20',
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    expect(courseRow(db, courseId)).toMatchObject({
      venueId: ids.lapuaHall,
      audience: 'targeted',
      targetService: 'Nuoret',
      goNoGoDate: '2026-09-20',
      scheduleSequence: 1,
    });
  });

  it('moves one session, keeping the date it had in the series, and shows where it came from', async () => {
    const courseId = await createCourse(
      lapuaCourse({
        venueId: '',
        firstDate: '2026-09-08',
        startTime: '12:00',
        instructor1: '',
        instructor2: '',
      }),
    );
    const second = sessionsOf(db, courseId)[1]!;
    const response = await postForm(
      app,
      `/courses/${courseId}/sessions/${second.id}/rescheduling`,
      { localDate: '2026-09-17', startTime: '13:00', endTime: '15:30' },
      { cookie },
    );
    expect(response.status).toBe(303);
    const moved = sessionsOf(db, courseId)[1]!;
    expect(moved).toMatchObject({
      localDate: '2026-09-17',
      startTime: '13:00',
      seriesDate: '2026-09-15',
    });
    expect(moved.startsAt.toISOString()).toBe('2026-09-17T10:00:00.000Z');
    expect(courseRow(db, courseId)!.scheduleSequence).toBe(1);
    const $ = load(await (await getPage(app, `/courses/${courseId}`, cookie)).text());
    expect($('#session-table tbody tr').eq(1).text()).toContain('Siirretty päivästä ti 15.9.2026.');
  });

  it('refuses a move that ends before it starts or lies in the past, keeping what was typed', async () => {
    const courseId = await createCourse(
      lapuaCourse({
        venueId: '',
        firstDate: '2026-09-09',
        startTime: '12:00',
        instructor1: '',
        instructor2: '',
      }),
    );
    const first = sessionsOf(db, courseId)[0]!;
    const path = `/courses/${courseId}/sessions/${first.id}/rescheduling`;
    const backwards = await postForm(
      app,
      path,
      { localDate: '2026-09-10', startTime: '15:00', endTime: '13:00' },
      { cookie },
    );
    const $ = load(await backwards.text());
    expect(backwards.status).toBe(422);
    expect($('#endTime-error').text()).toBe('Päättymisajan pitää olla alkamisajan jälkeen.');
    expect($('input[name=endTime]').val()).toBe('13:00');
    const past = await postForm(
      app,
      path,
      { localDate: '2026-08-01', startTime: '12:00', endTime: '14:00' },
      { cookie },
    );
    expect(load(await past.text())('#localDate-error').text()).toBe('Päivä on jo mennyt.');
    expect(sessionsOf(db, courseId)[0]!.localDate).toBe('2026-09-09');
  });

  it('cancels a single session', async () => {
    const courseId = await createCourse(
      lapuaCourse({
        venueId: '',
        firstDate: '2026-09-10',
        startTime: '12:00',
        instructor1: '',
        instructor2: '',
      }),
    );
    const third = sessionsOf(db, courseId)[2]!;
    const response = await postForm(
      app,
      `/courses/${courseId}/sessions/${third.id}/cancellation`,
      {},
      { cookie },
    );
    expect(response.status).toBe(303);
    expect(sessionsOf(db, courseId)[2]!.status).toBe('cancelled');
  });

  it('cancels a course only with a reason, and shows the reason', async () => {
    const courseId = await createCourse(
      lapuaCourse({
        venueId: '',
        firstDate: '2026-09-11',
        startTime: '12:00',
        instructor1: '',
        instructor2: '',
      }),
    );
    const empty = await postForm(
      app,
      `/courses/${courseId}/cancellation`,
      { reason: '  ' },
      { cookie },
    );
    expect(empty.status).toBe(422);
    expect(load(await empty.text())('#reason-error').text()).toBe('Tämä tieto puuttuu.');
    expect(courseRow(db, courseId)!.status).toBe('planned');

    const cancelled = await postForm(
      app,
      `/courses/${courseId}/cancellation`,
      { reason: 'Liian vähän hakijoita' },
      { cookie },
    );
    expect(cancelled.status).toBe(303);
    expect(courseRow(db, courseId)).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Liian vähän hakijoita',
    });
    const $ = load(await (await getPage(app, `/courses/${courseId}`, cookie)).text());
    expect($('main').text()).toContain('Peruttu: Liian vähän hakijoita');
  });

  it('changes the status only along the allowed path', async () => {
    const courseId = await createCourse(
      lapuaCourse({
        venueId: '',
        firstDate: '2026-09-12',
        startTime: '12:00',
        instructor1: '',
        instructor2: '',
      }),
    );
    const skipAhead = await postForm(
      app,
      `/courses/${courseId}/status`,
      { status: 'completed' },
      { cookie },
    );
    expect(skipAhead.status).toBe(422);
    expect(load(await skipAhead.text())('#status-error').text()).toBe(
      'Kurssia ei voi siirtää nykyisestä tilasta valitsemaasi tilaan.',
    );
    const open = await postForm(app, `/courses/${courseId}/status`, { status: 'open' }, { cookie });
    expect(open.status).toBe(303);
    expect(courseRow(db, courseId)!.status).toBe('open');
  });

  it.each([
    ['a first date in the past', { firstDate: '2026-08-31' }, 'firstDate', 'Päivä on jo mennyt.'],
    ['an unknown program', { programId: '999999' }, 'programId', 'Valitse vaihtoehto listasta.'],
    [
      'a malformed date',
      { firstDate: '2026-02-30' },
      'firstDate',
      'Anna päivä muodossa vvvv-kk-pp.',
    ],
    [
      'a time that is not one',
      { startTime: '25:00' },
      'startTime',
      'Anna kellonaika muodossa tt:mm, esimerkiksi 17:00.',
    ],
    [
      '10,000 characters in a name',
      { audience: 'targeted', targetService: 'x'.repeat(10_000) },
      'targetService',
      'Teksti on liian pitkä (enintään 200 merkkiä).',
    ],
    [
      'a targeted group without its service',
      { audience: 'targeted', targetService: '' },
      'targetService',
      'Tämä tieto puuttuu.',
    ],
    [
      'the same instructor twice',
      { instructor2: 'same' },
      'instructor2',
      'Valitse kaksi eri ohjaajaa.',
    ],
    [
      'a venue in another locality',
      { localityId: 'seinajoki' },
      'venueId',
      'Kokoontumispaikka ei ole valitulla paikkakunnalla.',
    ],
    [
      'a decision date after the start',
      { goNoGoDate: '2026-10-07' },
      'goNoGoDate',
      'Päätöspäivän pitää olla ennen ensimmäistä kokoontumista.',
    ],
  ])(
    'refuses %s with a message at the field, keeping the input and saving nothing',
    async (_, overrides, field, message) => {
      const fields = lapuaCourse(overrides as Record<string, string>);
      if (fields.instructor2 === 'same') fields.instructor2 = fields.instructor1;
      if (fields.localityId === 'seinajoki') fields.localityId = String(ids.seinajoki);
      const before = courseCount(db);
      const response = await postForm(app, '/courses', fields, { cookie });
      const $ = load(await response.text());
      expect(response.status).toBe(422);
      expect($(`#${field}-error`).text()).toBe(message);
      expect($('input[name=firstDate]').val()).toBe(fields.firstDate);
      expect(courseCount(db)).toBe(before);
    },
  );

  it('answers the English form in English', async () => {
    const response = await postForm(app, '/courses', lapuaCourse({ firstDate: '2020-01-01' }), {
      cookie: `${cookie}; kp_lang=en`,
    });
    expect(load(await response.text())('#firstDate-error').text()).toBe(
      'The date has already passed.',
    );
  });

  it('refuses every course page and action to an instructor (403)', async () => {
    const courseId = await createCourse(
      lapuaCourse({
        venueId: '',
        firstDate: '2026-09-13',
        startTime: '12:00',
        instructor1: '',
        instructor2: '',
      }),
    );
    const sessionId = sessionsOf(db, courseId)[0]!.id;
    for (const path of [
      '/courses/new',
      `/courses/${courseId}`,
      `/courses/${courseId}/edit`,
      `/terms/${ids.term}`,
      '/terms',
    ]) {
      expect((await getPage(app, path, instructorCookie)).status, path).toBe(403);
    }
    for (const path of [
      '/courses',
      `/courses/${courseId}/cancellation`,
      `/courses/${courseId}/status`,
      `/courses/${courseId}/sessions/${sessionId}/rescheduling`,
      `/courses/${courseId}/sessions/${sessionId}/cancellation`,
    ]) {
      expect(
        (await postForm(app, path, { reason: 'x', status: 'open' }, { cookie: instructorCookie }))
          .status,
        path,
      ).toBe(403);
    }
    expect(courseRow(db, courseId)!.status).toBe('planned');
  });

  it('answers 404 for a course or session that does not exist', async () => {
    expect((await getPage(app, '/courses/999999', cookie)).status).toBe(404);
    expect((await getPage(app, '/courses/1/sessions/999999/rescheduling', cookie)).status).toBe(
      404,
    );
  });

  it('says "no free dates" only when the dates run out; a failing database is an error, not that', async () => {
    const farFuture = lapuaCourse({ firstDate: '2031-01-07', venueId: '', intent: 'preview' });
    const blockedYear = db
      .insert(blockedPeriods)
      .values({
        name: 'Remontti',
        startsOn: '2031-01-01',
        endsOn: '2032-12-31',
        createdAt: new Date(),
      })
      .returning({ id: blockedPeriods.id })
      .get();
    const noDates = await postForm(app, '/courses', farFuture, { cookie });
    expect(noDates.status).toBe(422);
    expect(load(await noDates.text())('main').text()).toContain('Vapaita päiviä ei löytynyt');
    db.delete(blockedPeriods).where(eq(blockedPeriods.id, blockedYear.id)).run();

    db.$client.exec('ALTER TABLE course_sessions RENAME TO course_sessions_away');
    try {
      const broken = await postForm(app, '/courses', farFuture, { cookie });
      expect(broken.status).toBe(500);
      expect(await broken.text()).not.toContain('Vapaita päiviä ei löytynyt');
    } finally {
      db.$client.exec('ALTER TABLE course_sessions_away RENAME TO course_sessions');
    }
  });
});
