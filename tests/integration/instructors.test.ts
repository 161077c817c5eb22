import { load } from 'cheerio';
import { systemActor } from '../../src/features/audit/audit-log';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { instructorLocalities, instructors } from '../../db/schema';
import { saveInstructor, listInstructorsForPlanning } from '../../src/features/instructors/queries';
import { createLocality } from '../../src/features/places/queries';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  signIn,
  testOrigin,
} from '../support/test-app';

type TestApp = ReturnType<typeof buildTestApp>['app'];
type Fields = Record<string, string | string[]>;

/** Like postForm, but a list sends one field per value, as ticked checkboxes do. */
function postFields(app: TestApp, path: string, fields: Fields, cookie: string) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of [value].flat()) body.append(name, one);
  }
  return app.request(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: testOrigin,
      Cookie: cookie,
    },
    body,
  });
}

function createdId(result: { ok: true; id: number } | { ok: false }): number {
  if (!result.ok) throw new Error('not created');
  return result.id;
}

describe('the coordinator keeps the instructors', () => {
  const { app, db } = buildTestApp();
  let coordinatorCookie = '';
  let instructorCookie = '';
  let instructorAccount = { id: 0, name: '', email: '' };
  let freeAccount = { id: 0, name: '', email: '' };
  let seinajoki = 0;
  let lapua = 0;
  let kurikka = 0;
  let existingId = 0;

  const allInstructors = () => db.select().from(instructors).all();
  const allLinks = () => db.select().from(instructorLocalities).all();
  const localityIdsOf = (id: number) =>
    db
      .select()
      .from(instructorLocalities)
      .where(eq(instructorLocalities.instructorId, id))
      .all()
      .map((row) => row.localityId)
      .sort();

  beforeAll(async () => {
    coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const signedInInstructor = await aStaffUser(db, 'instructor', { name: 'Olli Ohjaaja' });
    instructorAccount = signedInInstructor;
    instructorCookie = await signIn(app, signedInInstructor);
    freeAccount = await aStaffUser(db, 'instructor', { name: 'Pirjo Vertainen' });
    seinajoki = createdId(createLocality(db, { name: 'Seinäjoki', region: '' }, new Date()));
    lapua = createdId(createLocality(db, { name: 'Lapua', region: '' }, new Date()));
    kurikka = createdId(createLocality(db, { name: 'Kurikka', region: '' }, new Date()));
    existingId = createdId(
      saveInstructor(
        db,
        null,
        {
          name: 'Olli Ohjaaja',
          email: 'olli@test.example',
          phone: '+35861234567',
          kind: 'professional',
          employerUnit: 'Seinäjoen terveyskeskus',
          localityIds: [seinajoki],
          userId: instructorAccount.id,
        },
        systemActor,
        new Date(),
      ),
    );
  });

  const pirjo: Fields = {
    name: 'Pirjo Vertainen',
    email: 'Pirjo.Vertainen@Test.Example',
    phone: '040 123 4567',
    kind: 'peer',
    employerUnit: 'Sydänyhdistys',
    localities: [],
    userId: '',
  };

  it('offers only instructor accounts not yet linked to another instructor', async () => {
    const $ = load(await (await getPage(app, '/instructors/new', coordinatorCookie)).text());
    const offered = $('select[name=userId] option')
      .map((_, option) => $(option).attr('value'))
      .get();
    expect(offered).toEqual(['', String(freeAccount.id)]);
    expect($('select[name=userId] option').first().text()).toBe('Ei käyttäjätunnusta');
    expect($('#instructor-form fieldset legend').text()).toBe(
      'Paikkakunnat, joilla ohjaaja voi ohjata',
    );
    expect($(`input#localities-${lapua}`).attr('name')).toBe('localities');
  });

  it('adds an instructor with two localities and a linked account, and lists them', async () => {
    const response = await postFields(
      app,
      '/instructors',
      { ...pirjo, localities: [String(lapua), String(kurikka)], userId: String(freeAccount.id) },
      coordinatorCookie,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/instructors');

    const stored = db
      .select()
      .from(instructors)
      .where(eq(instructors.name, 'Pirjo Vertainen'))
      .get();
    expect(stored).toMatchObject({
      email: 'pirjo.vertainen@test.example',
      phone: '+358401234567',
      kind: 'peer',
      employerUnit: 'Sydänyhdistys',
      userId: freeAccount.id,
    });
    expect(localityIdsOf(stored!.id)).toEqual([lapua, kurikka].sort());

    const $ = load(
      await (await getPage(app, '/instructors', cookiesFrom(response, coordinatorCookie))).text(),
    );
    expect($('#flash').text()).toBe('Ohjaaja Pirjo Vertainen lisätty.');
    const row = $(`#instructor-${stored!.id}`);
    expect(row.find('.instructor-name').text()).toBe('Pirjo Vertainen');
    expect(row.find('.instructor-kind').text()).toBe('vertaisohjaaja (kokemusasiantuntija)');
    expect(row.find('.instructor-unit').text()).toBe('Sydänyhdistys');
    expect(row.find('.instructor-localities').text()).toBe('Kurikka, Lapua');
    expect(row.find('.instructor-phone a').attr('href')).toBe('tel:+358401234567');
    expect(row.find('.instructor-phone a').text()).toBe('040 1234567');
    expect(row.find('.instructor-email a').attr('href')).toBe(
      'mailto:pirjo.vertainen@test.example',
    );
    expect(row.find('.instructor-account').text()).toBe(`Pirjo Vertainen (${freeAccount.email})`);
    expect($(`#instructor-${existingId} .instructor-kind`).text()).toBe('ammattilainen');
    expect($(`#instructor-${existingId} .instructor-phone a`).text()).toBe('06 1234567');

    expect(listInstructorsForPlanning(db)).toContainEqual({
      id: stored!.id,
      name: 'Pirjo Vertainen',
      kind: 'peer',
      localityIds: [kurikka, lapua],
    });
  });

  it('adds an instructor with only a name and a kind', async () => {
    const response = await postFields(
      app,
      '/instructors',
      { name: 'Matti Mäkelä', kind: 'professional' },
      coordinatorCookie,
    );
    expect(response.status).toBe(303);
    const stored = db.select().from(instructors).where(eq(instructors.name, 'Matti Mäkelä')).get();
    expect(stored).toMatchObject({ email: '', phone: '', employerUnit: '', userId: null });
    expect(localityIdsOf(stored!.id)).toEqual([]);
  });

  it('edits an instructor, replacing their localities', async () => {
    const form = load(
      await (await getPage(app, `/instructors/${existingId}/edit`, coordinatorCookie)).text(),
    );
    expect(form('input[name=phone]').val()).toBe('06 1234567');
    expect(form(`#localities-${seinajoki}`).attr('checked')).toBeDefined();
    expect(form(`#localities-${lapua}`).attr('checked')).toBeUndefined();
    expect(form('select[name=userId] option[selected]').val()).toBe(String(instructorAccount.id));

    const response = await postFields(
      app,
      `/instructors/${existingId}`,
      {
        name: 'Olli Ohjaaja',
        email: '',
        phone: '+46 70 123 45 67',
        kind: 'professional',
        employerUnit: 'Lapuan terveysasema',
        localities: String(lapua),
        userId: String(instructorAccount.id),
      },
      coordinatorCookie,
    );
    expect(response.status).toBe(303);
    expect(db.select().from(instructors).where(eq(instructors.id, existingId)).get()).toMatchObject(
      { email: '', phone: '+46701234567', employerUnit: 'Lapuan terveysasema' },
    );
    expect(localityIdsOf(existingId)).toEqual([lapua]);
    const $ = load(await (await getPage(app, '/instructors', coordinatorCookie)).text());
    expect($(`#instructor-${existingId} .instructor-localities`).text()).toBe('Lapua');
    expect($(`#instructor-${existingId} .instructor-phone a`).text()).toBe('+46 70 123 45 67');
  });

  it.each([
    [
      'a phone number that is not one',
      { phone: 'abc123' },
      'phone',
      'Tarkista puhelinnumero, esimerkiksi 040 123 4567.',
    ],
    [
      'an invalid e-mail',
      { email: 'ei-osoite' },
      'email',
      'Anna sähköpostiosoite muodossa nimi@esimerkki.fi.',
    ],
    [
      'a name of 10,000 characters',
      { name: 'x'.repeat(10_000) },
      'name',
      'Teksti on liian pitkä (enintään 200 merkkiä).',
    ],
    ['an empty name', { name: '  ' }, 'name', 'Tämä tieto puuttuu.'],
  ])('refuses %s at that field, keeping what was typed', async (_case, change, field, message) => {
    for (const path of ['/instructors', `/instructors/${existingId}`]) {
      const before = { instructors: allInstructors(), links: allLinks() };
      const typed = { ...pirjo, localities: [String(seinajoki), String(kurikka)], ...change };
      const response = await postFields(app, path, typed, coordinatorCookie);
      const $ = load(await response.text());
      expect(response.status, path).toBe(422);
      expect($(`#${field}-error`).text(), path).toBe(message);
      expect($(`input[name=${field}]`).val(), path).toBe(typed[field as keyof typeof typed]);
      expect($(`#localities-${seinajoki}`).attr('checked'), path).toBeDefined();
      expect($(`#localities-${kurikka}`).attr('checked'), path).toBeDefined();
      expect($(`#localities-${lapua}`).attr('checked'), path).toBeUndefined();
      expect($('select[name=kind] option[selected]').val(), path).toBe('peer');
      expect({ instructors: allInstructors(), links: allLinks() }, path).toEqual(before);
    }
  });

  it.each([
    ['an unknown locality id', { localities: [String(seinajoki), '9999'] }, 'localities'],
    ['a locality id that is not a number', { localities: 'Seinäjoki' }, 'localities'],
    ['an unknown kind', { kind: 'volunteer' }, 'kind'],
    ['an account that is not an instructor’s', { userId: '1' }, 'userId'],
    ['an unknown account', { userId: '9999' }, 'userId'],
  ])('refuses %s', async (_case, change, field) => {
    for (const path of ['/instructors', `/instructors/${existingId}`]) {
      const before = { instructors: allInstructors(), links: allLinks() };
      const response = await postFields(app, path, { ...pirjo, ...change }, coordinatorCookie);
      const $ = load(await response.text());
      expect(response.status, path).toBe(422);
      expect($(`#${field}-error`).text(), path).not.toBe('');
      expect($('input[name=name]').val(), path).toBe('Pirjo Vertainen');
      expect({ instructors: allInstructors(), links: allLinks() }, path).toEqual(before);
    }
    const $ = load(
      await (
        await postFields(app, '/instructors', { ...pirjo, ...change }, coordinatorCookie)
      ).text(),
    );
    const messages: Record<string, string> = {
      localities: 'Valitse paikkakunnat listasta.',
      kind: 'Valitse ohjaajatyyppi listasta.',
      userId: 'Valitse käyttäjätunnus listasta.',
    };
    expect($(`#${field}-error`).text()).toBe(messages[field]);
  });

  it('refuses an account already linked to another instructor', async () => {
    const before = { instructors: allInstructors(), links: allLinks() };
    const response = await postFields(
      app,
      '/instructors',
      { ...pirjo, name: 'Toinen Olli', userId: String(instructorAccount.id) },
      coordinatorCookie,
    );
    const $ = load(await response.text());
    expect(response.status).toBe(422);
    expect($('#userId-error').text()).toBe('Tämä käyttäjätunnus on jo liitetty toiseen ohjaajaan.');
    expect($('input[name=name]').val()).toBe('Toinen Olli');
    expect({ instructors: allInstructors(), links: allLinks() }).toEqual(before);
  });

  it('answers an unknown instructor with 404', async () => {
    const before = allInstructors();
    expect((await getPage(app, '/instructors/9999/edit', coordinatorCookie)).status).toBe(404);
    for (const fields of [pirjo, { ...pirjo, phone: 'abc123' }]) {
      expect((await postFields(app, '/instructors/9999', fields, coordinatorCookie)).status).toBe(
        404,
      );
    }
    expect(allInstructors()).toEqual(before);
  });

  it('refuses every instructor page and form to an instructor', async () => {
    const before = { instructors: allInstructors(), links: allLinks() };
    for (const path of ['/instructors', '/instructors/new', `/instructors/${existingId}/edit`]) {
      expect((await getPage(app, path, instructorCookie)).status, path).toBe(403);
    }
    for (const path of ['/instructors', `/instructors/${existingId}`]) {
      expect((await postFields(app, path, pirjo, instructorCookie)).status, path).toBe(403);
    }
    expect({ instructors: allInstructors(), links: allLinks() }).toEqual(before);
  });
});
