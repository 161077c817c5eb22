import { load } from 'cheerio';
import { newCalendarUid } from '../../src/features/courses/queries';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { courses, localities, terms, venues } from '../../db/schema';
import { createProgram } from '../../src/features/programs/queries';
import { programDefaults } from '../../src/features/programs/program-input';
import { createLocality, createVenue, listActiveVenues } from '../../src/features/places/queries';
import type { VenueInput } from '../../src/features/places/place-input';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

const libraryRoom = {
  name: 'Kirjaston kokoushuone',
  kind: 'in-person',
  streetAddress: 'Koulukatu 21, 60100 Seinäjoki',
  capacity: '16',
  stepFreeAccess: 'on',
  accessibilityNotes: 'Sisäänkäynti pihan puolelta.',
};

const aVenue = (name: string): VenueInput => ({
  name,
  kind: 'in-person',
  streetAddress: 'Kauppakatu 1',
  capacity: null,
  stepFreeAccess: false,
  hearingLoop: false,
  accessibilityNotes: '',
});

function created<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error('not created');
  return result as Extract<T, { ok: true }>;
}

describe('the coordinator keeps localities and their venues', () => {
  const { app, db } = buildTestApp();
  let coordinatorCookie = '';
  let instructorCookie = '';
  let seinajoki = 0;
  let townHall = 0;

  const venueCount = () => db.select().from(venues).all().length;
  const venueRow = (id: number) => db.select().from(venues).where(eq(venues.id, id)).get();

  beforeAll(async () => {
    coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    seinajoki = created(
      createLocality(db, { name: 'Seinäjoki', region: 'Etelä-Pohjanmaa' }, new Date()),
    ).id;
    townHall = createVenue(db, seinajoki, aVenue('Kaupungintalo'), new Date());
  });

  it('adds a locality and lists it', async () => {
    const response = await postForm(
      app,
      '/localities',
      { name: 'Lapua', region: 'Etelä-Pohjanmaa' },
      { cookie: coordinatorCookie },
    );
    expect(response.status).toBe(303);
    const stored = db.select().from(localities).where(eq(localities.name, 'Lapua')).get();
    expect(stored?.region).toBe('Etelä-Pohjanmaa');

    const $ = load(
      await (await getPage(app, '/localities', cookiesFrom(response, coordinatorCookie))).text(),
    );
    expect($('#flash').text()).toBe('Paikkakunta Lapua lisätty.');
    expect($(`#locality-${stored!.id} h2`).text()).toBe('Lapua');
    expect($(`#locality-${stored!.id}`).text()).toContain(
      'Paikkakunnalla ei ole kokoontumispaikkoja.',
    );
  });

  it('refuses a locality name twice, in any case, and an empty or overlong name', async () => {
    const before = db.select().from(localities).all().length;
    for (const [name, message] of [
      ['seinäjoki', 'Tämän niminen paikkakunta on jo olemassa.'],
      ['', 'Tämä tieto puuttuu.'],
      ['x'.repeat(10_000), 'Teksti on liian pitkä (enintään 100 merkkiä).'],
    ] as const) {
      const response = await postForm(
        app,
        '/localities',
        { name, region: 'Pohjanmaa' },
        { cookie: coordinatorCookie },
      );
      const $ = load(await response.text());
      expect(response.status, name).toBe(422);
      expect($('#name-error').text(), name).toBe(message);
      expect($('#locality-form input[name=name]').val(), name).toBe(name);
      expect($('#locality-form input[name=region]').val(), name).toBe('Pohjanmaa');
    }
    expect(db.select().from(localities).all()).toHaveLength(before);
  });

  it('adds an in-person venue and lists its address, capacity and accessibility', async () => {
    const form = load(
      await (await getPage(app, `/localities/${seinajoki}/venues/new`, coordinatorCookie)).text(),
    );
    expect(form('h1').text()).toBe('Uusi kokoontumispaikka: Seinäjoki');

    const response = await postForm(app, `/localities/${seinajoki}/venues`, libraryRoom, {
      cookie: coordinatorCookie,
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/localities');
    const stored = db.select().from(venues).where(eq(venues.name, libraryRoom.name)).get();
    expect(stored).toMatchObject({
      localityId: seinajoki,
      kind: 'in-person',
      streetAddress: 'Koulukatu 21, 60100 Seinäjoki',
      capacity: 16,
      stepFreeAccess: true,
      hearingLoop: false,
      accessibilityNotes: 'Sisäänkäynti pihan puolelta.',
      archivedAt: null,
    });

    const $ = load(
      await (await getPage(app, '/localities', cookiesFrom(response, coordinatorCookie))).text(),
    );
    expect($('#flash').text()).toBe('Kokoontumispaikka Kirjaston kokoushuone lisätty.');
    const row = $(`#venues-${seinajoki} #venue-${stored!.id}`);
    expect(row.find('.venue-name').text()).toBe('Kirjaston kokoushuone');
    expect(row.find('.venue-kind').text()).toBe('lähitapaaminen');
    expect(row.find('.venue-address').text()).toBe('Koulukatu 21, 60100 Seinäjoki');
    expect(row.find('.venue-capacity').text()).toBe('16');
    expect(row.find('.venue-accessibility').text()).toContain('esteetön kulku');
    expect(row.find('.venue-accessibility').text()).not.toContain('induktiosilmukka');
    expect(row.find('.venue-accessibility').text()).toContain('Sisäänkäynti pihan puolelta.');
    expect($(`#venues-${seinajoki} caption`).text()).toBe('Kokoontumispaikat: Seinäjoki');
  });

  it('adds an online venue without an address or capacity', async () => {
    const response = await postForm(
      app,
      `/localities/${seinajoki}/venues`,
      { name: 'Teams-ryhmä', kind: 'online', streetAddress: '', capacity: '' },
      { cookie: coordinatorCookie },
    );
    expect(response.status).toBe(303);
    const stored = db.select().from(venues).where(eq(venues.name, 'Teams-ryhmä')).get();
    expect(stored).toMatchObject({ kind: 'online', streetAddress: '', capacity: null });
  });

  it.each([
    [
      'an in-person venue without an address',
      { streetAddress: '   ' },
      'streetAddress',
      'Anna katuosoite. Se tarvitaan, kun ryhmä tapaa paikan päällä.',
    ],
    ['a capacity of 0', { capacity: '0' }, 'capacity', 'Anna luku väliltä 1–1000.'],
    [
      'a capacity in words',
      { capacity: 'kymmenen' },
      'capacity',
      'Anna kokonaisluku numeroin, esimerkiksi 6.',
    ],
    [
      'a name of 10,000 characters',
      { name: 'x'.repeat(10_000) },
      'name',
      'Teksti on liian pitkä (enintään 200 merkkiä).',
    ],
    ['an unknown kind', { kind: 'hybrid' }, 'kind', 'Valitse tyyppi listasta.'],
  ])('refuses %s at that field, keeping what was typed', async (_case, change, field, message) => {
    for (const path of [`/localities/${seinajoki}/venues`, `/venues/${townHall}`]) {
      const before = db.select().from(venues).all();
      const typed = { ...libraryRoom, ...change };
      const response = await postForm(app, path, typed, { cookie: coordinatorCookie });
      const $ = load(await response.text());
      expect(response.status, path).toBe(422);
      expect($(`#${field}-error`).text(), path).toBe(message);
      if (field === 'kind') expect($('select[name=kind]').val(), path).toBe('');
      else expect($(`input[name=${field}]`).val(), path).toBe(typed[field as keyof typeof typed]);
      expect($('input[name=stepFreeAccess]').attr('checked'), path).toBeDefined();
      expect(db.select().from(venues).all(), path).toEqual(before);
    }
  });

  it('edits a venue', async () => {
    const form = load(
      await (await getPage(app, `/venues/${townHall}/edit`, coordinatorCookie)).text(),
    );
    expect(form('input[name=name]').val()).toBe('Kaupungintalo');
    expect(form('select[name=kind] option[selected]').val()).toBe('in-person');

    const response = await postForm(
      app,
      `/venues/${townHall}`,
      { ...libraryRoom, name: 'Kaupungintalo, sali 2', hearingLoop: 'on', capacity: '' },
      { cookie: coordinatorCookie },
    );
    expect(response.status).toBe(303);
    expect(venueRow(townHall)).toMatchObject({
      name: 'Kaupungintalo, sali 2',
      hearingLoop: true,
      capacity: null,
      localityId: seinajoki,
    });
    const $ = load(await (await getPage(app, '/localities', coordinatorCookie)).text());
    expect($(`#venue-${townHall} .venue-name`).text()).toBe('Kaupungintalo, sali 2');
    expect($(`#venue-${townHall} .venue-accessibility`).text()).toContain('induktiosilmukka');
  });

  it('archives a venue out of the active list, then restores it', async () => {
    const venueId = createVenue(db, seinajoki, aVenue('Seurakuntatalo'), new Date());
    const archived = await postForm(
      app,
      `/venues/${venueId}/archival`,
      {},
      {
        cookie: coordinatorCookie,
      },
    );
    expect(archived.status).toBe(303);
    expect(venueRow(venueId)?.archivedAt).toBeInstanceOf(Date);
    expect(listActiveVenues(db).map((venue) => venue.id)).not.toContain(venueId);

    let $ = load(
      await (await getPage(app, '/localities', cookiesFrom(archived, coordinatorCookie))).text(),
    );
    expect($('#flash').text()).toBe('Kokoontumispaikka Seurakuntatalo arkistoitu.');
    expect($(`#venues-${seinajoki} #venue-${venueId}`)).toHaveLength(0);
    expect($(`#archived-venues-${seinajoki} #venue-${venueId} .venue-name`).text()).toBe(
      'Seurakuntatalo',
    );
    expect($(`#archived-venues-${seinajoki} caption`).text()).toBe(
      'Arkistoidut kokoontumispaikat: Seinäjoki',
    );

    const restored = await postForm(
      app,
      `/venues/${venueId}/restoration`,
      {},
      {
        cookie: coordinatorCookie,
      },
    );
    expect(restored.status).toBe(303);
    expect(venueRow(venueId)?.archivedAt).toBeNull();
    expect(listActiveVenues(db)).toContainEqual({
      id: venueId,
      localityId: seinajoki,
      name: 'Seurakuntatalo',
      kind: 'in-person',
      streetAddress: 'Kauppakatu 1',
    });
    $ = load(await (await getPage(app, '/localities', coordinatorCookie)).text());
    expect($(`#venues-${seinajoki} #venue-${venueId}`)).toHaveLength(1);
    expect($(`#archived-venues-${seinajoki}`)).toHaveLength(0);
  });

  it('deletes an unused venue', async () => {
    const venueId = createVenue(db, seinajoki, aVenue('Väliaikainen tila'), new Date());
    const response = await postForm(
      app,
      `/venues/${venueId}/deletion`,
      {},
      {
        cookie: coordinatorCookie,
      },
    );
    expect(response.status).toBe(303);
    expect(venueRow(venueId)).toBeUndefined();
    const $ = load(
      await (await getPage(app, '/localities', cookiesFrom(response, coordinatorCookie))).text(),
    );
    expect($('#flash').text()).toBe('Kokoontumispaikka Väliaikainen tila poistettu.');
  });

  it('refuses to delete a venue a course uses, and says to archive it instead', async () => {
    const venueId = createVenue(db, seinajoki, aVenue('Käytössä oleva sali'), new Date());
    const programId = createProgram(
      db,
      {
        ...programDefaults,
        nameFi: 'Arkeen Voimaa',
        nameEn: 'Everyday Strength',
      },
      new Date(),
    );
    const term = db
      .insert(terms)
      .values({
        name: 'Syksy 2026',
        startsOn: '2026-08-01',
        endsOn: '2026-12-31',
        createdAt: new Date(),
      })
      .returning({ id: terms.id })
      .get();
    for (const goNoGoDate of ['2026-09-01', '2026-10-01']) {
      db.insert(courses)
        .values({
          programId,
          termId: term.id,
          localityId: seinajoki,
          venueId,
          goNoGoDate,
          weeklyStartTime: '17:00',
          calendarUid: newCalendarUid('kurssipolku.test'),
          createdAt: new Date(),
          updatedAt: new Date(),
        })
        .run();
    }
    const before = venueRow(venueId);

    const response = await postForm(
      app,
      `/venues/${venueId}/deletion`,
      {},
      {
        cookie: coordinatorCookie,
      },
    );
    expect(response.status).toBe(303);
    expect(venueRow(venueId)).toEqual(before);
    const $ = load(
      await (await getPage(app, '/localities', cookiesFrom(response, coordinatorCookie))).text(),
    );
    expect($('#flash .flash-error').text()).toBe(
      'Kokoontumispaikkaa Käytössä oleva sali ei poistettu, koska 2 kurssia käyttää sitä. Arkistoi se sen sijaan.',
    );
    expect($(`#venue-${venueId}`)).toHaveLength(1);
  });

  it('answers an unknown locality or venue with 404', async () => {
    const before = venueCount();
    const gets = ['/localities/9999/venues/new', '/venues/9999/edit'];
    for (const path of gets) {
      expect((await getPage(app, path, coordinatorCookie)).status, path).toBe(404);
    }
    const posts = [
      '/localities/9999/venues',
      '/venues/9999',
      '/venues/9999/archival',
      '/venues/9999/restoration',
      '/venues/9999/deletion',
    ];
    for (const path of posts) {
      const response = await postForm(app, path, libraryRoom, { cookie: coordinatorCookie });
      expect(response.status, path).toBe(404);
    }
    expect(venueCount()).toBe(before);
  });

  it('refuses every locality and venue page and form to an instructor', async () => {
    const venuesBefore = db.select().from(venues).all();
    const localitiesBefore = db.select().from(localities).all();
    for (const path of [
      '/localities',
      `/localities/${seinajoki}/venues/new`,
      `/venues/${townHall}/edit`,
    ]) {
      expect((await getPage(app, path, instructorCookie)).status, path).toBe(403);
    }
    for (const path of [
      '/localities',
      `/localities/${seinajoki}/venues`,
      `/venues/${townHall}`,
      `/venues/${townHall}/archival`,
      `/venues/${townHall}/restoration`,
      `/venues/${townHall}/deletion`,
    ]) {
      const response = await postForm(
        app,
        path,
        { ...libraryRoom, name: 'Ohjaajan lisäämä' },
        { cookie: instructorCookie },
      );
      expect(response.status, path).toBe(403);
    }
    expect(db.select().from(venues).all()).toEqual(venuesBefore);
    expect(db.select().from(localities).all()).toEqual(localitiesBefore);
  });
});
