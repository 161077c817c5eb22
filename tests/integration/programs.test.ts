import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { programs } from '../../db/schema';
import { createProgram } from '../../src/features/programs/queries';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

const arvo = {
  nameFi: 'Arkeen Voimaa',
  nameEn: 'Everyday Strength',
  sessionCount: '6',
  sessionMinutes: '150',
  intervalWeeks: '1',
  minParticipants: '8',
  maxParticipants: '14',
  completionThreshold: '4',
  lastJoiningSession: '3',
  preparationMinutes: '45',
  hasInfoSession: 'on',
};

describe('the coordinator keeps the course programmes', () => {
  const { app, db } = buildTestApp();
  let coordinatorCookie = '';
  let instructorCookie = '';
  let existingId = 0;

  const programCount = () => db.select().from(programs).all().length;

  beforeAll(async () => {
    coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    existingId = createProgram(
      db,
      {
        nameFi: 'Arkeen Voimaa – harvempi',
        nameEn: 'Everyday Strength – adapted',
        sessionCount: 6,
        sessionMinutes: 120,
        intervalWeeks: 2,
        minParticipants: 6,
        maxParticipants: 12,
        completionThreshold: 4,
        lastJoiningSession: 2,
        preparationMinutes: 30,
        hasInfoSession: false,
        online: false,
      },
      new Date(),
    );
  });

  it('offers the licensed format as the defaults of a new programme', async () => {
    const $ = load(await (await getPage(app, '/programs/new', coordinatorCookie)).text());
    expect($('input[name=sessionCount]').val()).toBe('6');
    expect($('input[name=sessionMinutes]').val()).toBe('150');
    expect($('input[name=intervalWeeks]').val()).toBe('1');
    expect($('input[name=minParticipants]').val()).toBe('8');
    expect($('input[name=maxParticipants]').val()).toBe('14');
    expect($('input[name=completionThreshold]').val()).toBe('4');
    expect($('input[name=preparationMinutes]').val()).toBe('60');
    expect($('label[for=nameFi]').text()).toContain('Nimi suomeksi');
  });

  it('adds a programme and lists it with its rules', async () => {
    const response = await postForm(app, '/programs', arvo, { cookie: coordinatorCookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/programs');

    const stored = db.select().from(programs).where(eq(programs.nameFi, 'Arkeen Voimaa')).get();
    expect(stored).toMatchObject({
      nameEn: 'Everyday Strength',
      sessionCount: 6,
      sessionMinutes: 150,
      intervalWeeks: 1,
      minParticipants: 8,
      maxParticipants: 14,
      completionThreshold: 4,
      lastJoiningSession: 3,
      preparationMinutes: 45,
      hasInfoSession: true,
    });

    const list = await getPage(app, '/programs', cookiesFrom(response, coordinatorCookie));
    const $ = load(await list.text());
    expect($('#flash').text()).toBe('Kurssiohjelma Arkeen Voimaa lisätty.');
    const row = $(`#program-${stored!.id}`);
    expect(row.find('.program-name').text()).toBe('Arkeen Voimaa');
    expect(row.find('.program-sessions').text()).toBe('6');
    expect(row.find('.program-length').text()).toBe('150 min');
    expect(row.find('.program-interval').text()).toBe('kerran viikossa');
    expect(row.find('.program-participants').text()).toBe('8–14');
    expect(row.find('.program-completion').text()).toBe('4/6');
    expect(row.find('.program-info-session').text()).toBe('kyllä');
  });

  it('keeps an optional Swedish name, shown on Swedish pages; without one the Finnish name shows', async () => {
    const swedish = {
      ...arvo,
      nameFi: 'Arkeen Voimaa – kivun kanssa',
      nameSv: 'Kraft i vardagen – smärta',
    };
    const response = await postForm(app, '/programs', swedish, { cookie: coordinatorCookie });
    expect(response.status).toBe(303);
    const stored = db.select().from(programs).where(eq(programs.nameFi, swedish.nameFi)).get()!;
    expect(stored.nameSv).toBe('Kraft i vardagen – smärta');
    const form = load(
      await (await getPage(app, `/programs/${stored.id}/edit`, coordinatorCookie)).text(),
    );
    expect(form('#nameSv').val()).toBe('Kraft i vardagen – smärta');
    const inSwedish = load(
      await (await getPage(app, '/programs', `${coordinatorCookie}; kp_lang=sv`)).text(),
    );
    expect(inSwedish(`#program-${stored.id} .program-name`).text()).toBe(
      'Kraft i vardagen – smärta',
    );
    const withoutSwedish = db
      .select()
      .from(programs)
      .where(eq(programs.nameFi, 'Arkeen Voimaa'))
      .get()!;
    expect(withoutSwedish.nameSv).toBe('');
    expect(inSwedish(`#program-${withoutSwedish.id} .program-name`).text()).toBe('Arkeen Voimaa');
  });

  it('marks a looser interval as adapted, and names programmes in the user’s language', async () => {
    const fi = load(await (await getPage(app, '/programs', coordinatorCookie)).text());
    const row = fi(`#program-${existingId}`);
    expect(row.find('.program-interval').text()).toBe('2 viikon välein (sovellettu)');
    expect(row.find('.program-info-session').text()).toBe('ei');
    expect(fi('#programs-table caption').text()).toBe('Kurssiohjelmat ja niiden säännöt');

    const english = await getPage(app, '/programs', `${coordinatorCookie}; kp_lang=en`);
    const en = load(await english.text());
    expect(en(`#program-${existingId} .program-name`).text()).toBe('Everyday Strength – adapted');
    expect(en(`#program-${existingId} .program-interval`).text()).toBe('every 2 weeks (adapted)');
  });

  it('edits a programme', async () => {
    const form = load(
      await (await getPage(app, `/programs/${existingId}/edit`, coordinatorCookie)).text(),
    );
    expect(form('input[name=sessionMinutes]').val()).toBe('120');
    expect(form('input[name=preparationMinutes]').val()).toBe('30');
    expect(form('input[name=hasInfoSession]').attr('checked')).toBeUndefined();

    const response = await postForm(
      app,
      `/programs/${existingId}`,
      {
        ...arvo,
        nameFi: 'Arkeen Voimaa – harvempi',
        intervalWeeks: '3',
        completionThreshold: '5',
        preparationMinutes: '90',
      },
      { cookie: coordinatorCookie },
    );
    expect(response.status).toBe(303);
    const stored = db.select().from(programs).where(eq(programs.id, existingId)).get();
    expect(stored).toMatchObject({
      intervalWeeks: 3,
      completionThreshold: 5,
      preparationMinutes: 90,
      hasInfoSession: true,
    });

    const $ = load(await (await getPage(app, '/programs', coordinatorCookie)).text());
    expect($(`#program-${existingId} .program-completion`).text()).toBe('5/6');
    expect($(`#program-${existingId} .program-interval`).text()).toBe(
      '3 viikon välein (sovellettu)',
    );
  });

  it.each([
    [
      'a maximum below the minimum',
      { minParticipants: '10', maxParticipants: '6' },
      'maxParticipants',
      'Enimmäismäärä ei voi olla pienempi kuin vähimmäismäärä (10).',
    ],
    [
      'a session of 0 minutes',
      { sessionMinutes: '0' },
      'sessionMinutes',
      'Anna luku väliltä 15–600.',
    ],
    [
      'a name of 10,000 characters',
      { nameFi: 'x'.repeat(10_000) },
      'nameFi',
      'Teksti on liian pitkä (enintään 200 merkkiä).',
    ],
    ['an empty number', { sessionCount: '' }, 'sessionCount', 'Tämä tieto puuttuu.'],
    [
      'a number in words',
      { minParticipants: 'abc' },
      'minParticipants',
      'Anna kokonaisluku numeroin, esimerkiksi 6.',
    ],
    [
      'a threshold above the session count',
      { completionThreshold: '7' },
      'completionThreshold',
      'Vaadittavia kertoja ei voi olla enemmän kuin kokoontumiskertoja (6).',
    ],
    ['an interval of 5 weeks', { intervalWeeks: '5' }, 'intervalWeeks', 'Anna luku väliltä 1–4.'],
    [
      'a negative preparation',
      { preparationMinutes: '-5' },
      'preparationMinutes',
      'Anna luku väliltä 0–600.',
    ],
  ])('refuses %s at that field, keeping what was typed', async (_case, change, field, message) => {
    for (const path of ['/programs', `/programs/${existingId}`]) {
      const before = db.select().from(programs).all();
      const typed = { ...arvo, nameFi: 'Hylätty ohjelma', ...change };
      const response = await postForm(app, path, typed, { cookie: coordinatorCookie });
      const $ = load(await response.text());
      expect(response.status, path).toBe(422);
      expect($(`#${field}-error`).text(), path).toBe(message);
      expect($(`#${field}`).attr('aria-invalid'), path).toBe('true');
      expect($(`input[name=${field}]`).val(), path).toBe(typed[field as keyof typeof typed]);
      expect($('.error-summary').length, path).toBe(1);
      expect(db.select().from(programs).all(), path).toEqual(before);
    }
  });

  it('shows cross-field messages together with other field messages', async () => {
    const response = await postForm(
      app,
      '/programs',
      { ...arvo, nameEn: '', minParticipants: '10', maxParticipants: '6' },
      { cookie: coordinatorCookie },
    );
    const $ = load(await response.text());
    expect($('#nameEn-error').text()).toBe('Tämä tieto puuttuu.');
    expect($('#maxParticipants-error').text()).toContain('(10)');
  });

  it('answers an unknown programme with 404', async () => {
    const before = programCount();
    expect((await getPage(app, '/programs/9999/edit', coordinatorCookie)).status).toBe(404);
    expect(
      (await postForm(app, '/programs/9999', arvo, { cookie: coordinatorCookie })).status,
    ).toBe(404);
    const invalid = await postForm(
      app,
      '/programs/9999',
      { ...arvo, sessionMinutes: '0' },
      { cookie: coordinatorCookie },
    );
    expect(invalid.status).toBe(404);
    expect(programCount()).toBe(before);
  });

  it('refuses every programme page and form to an instructor', async () => {
    const before = db.select().from(programs).all();
    for (const path of ['/programs', '/programs/new', `/programs/${existingId}/edit`]) {
      expect((await getPage(app, path, instructorCookie)).status, path).toBe(403);
    }
    for (const path of ['/programs', `/programs/${existingId}`]) {
      expect((await postForm(app, path, arvo, { cookie: instructorCookie })).status, path).toBe(
        403,
      );
    }
    expect(db.select().from(programs).all()).toEqual(before);
  });
});
