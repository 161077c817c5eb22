import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

describe('the admin manages staff accounts', () => {
  const { app, db } = buildTestApp();
  let adminCookie = '';
  const newCoordinator = {
    name: 'Maija Meikäläinen',
    email: 'maija@test.example',
    role: 'coordinator',
    password: 'pitkä-salasana-2026',
  };

  beforeAll(async () => {
    adminCookie = await signIn(app, await aStaffUser(db, 'admin'));
  });

  it('adds a read-only reporting user, offered on the form as a role', async () => {
    const form = load(await (await getPage(app, '/admin/users', adminCookie)).text());
    expect(form('select[name=role] option[value=reporting]').text()).toBe(
      'raportointi (vain luvut)',
    );
    const response = await postForm(
      app,
      '/admin/users',
      { ...newCoordinator, email: 'raportti@test.example', role: 'reporting' },
      { cookie: adminCookie },
    );
    expect(response.status).toBe(303);
    const saved = db.select().from(users).where(eq(users.email, 'raportti@test.example')).get();
    expect(saved?.role).toBe('reporting');
  });

  it('adds a user who can then sign in, and lists them', async () => {
    const response = await postForm(app, '/admin/users', newCoordinator, { cookie: adminCookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/admin/users');

    const list = await getPage(app, '/admin/users', cookiesFrom(response, adminCookie));
    const $ = load(await list.text());
    expect($('#flash').text()).toBe('Käyttäjä maija@test.example lisätty.');
    expect($('#staff-table td:contains("maija@test.example")')).toHaveLength(1);

    const stored = db.select().from(users).where(eq(users.email, newCoordinator.email)).get();
    expect(stored?.passwordHash).not.toContain(newCoordinator.password);
    expect((await postForm(app, '/sign-in', newCoordinator)).status).toBe(303);
  });

  it('re-renders bad input with messages at the fields, keeps what was typed, saves nothing', async () => {
    const before = db.select().from(users).all().length;
    const response = await postForm(
      app,
      '/admin/users',
      { name: 'x'.repeat(10_000), email: 'ei-osoite', role: 'superuser', password: 'short' },
      { cookie: adminCookie },
    );
    const $ = load(await response.text());
    expect(response.status).toBe(422);
    expect($('#name-error').text()).toBe('Teksti on liian pitkä (enintään 200 merkkiä).');
    expect($('#email-error').text()).toBe('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.');
    expect($('#role-error').text()).toBe('Valitse rooli listasta.');
    expect($('#password-error').text()).toBe('Salasanassa pitää olla vähintään 12 merkkiä.');
    expect($('input[name=email]').val()).toBe('ei-osoite');
    expect($('input[name=password]').val()).toBeUndefined();
    expect(db.select().from(users).all()).toHaveLength(before);
  });

  it('refuses a second account with the same e-mail in any case', async () => {
    const response = await postForm(
      app,
      '/admin/users',
      { ...newCoordinator, email: 'MAIJA@test.example', name: 'Toinen Maija' },
      { cookie: adminCookie },
    );
    const $ = load(await response.text());
    expect(response.status).toBe(422);
    expect($('#email-error').text()).toBe('Tällä sähköpostiosoitteella on jo käyttäjä.');
    expect($('input[name=name]').val()).toBe('Toinen Maija');
  });

  it('answers an htmx post of bad input with the form section only', async () => {
    const response = await postForm(
      app,
      '/admin/users',
      { name: '', email: '', role: '', password: '' },
      { cookie: adminCookie, headers: { 'HX-Request': 'true' } },
    );
    const html = await response.text();
    expect(response.status).toBe(422);
    expect(html).not.toContain('<html');
    expect(load(html, null, false)('#users-page #name-error').text()).toBe('Tämä tieto puuttuu.');
  });
});
