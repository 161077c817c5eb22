import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
  testConfig,
} from '../support/test-app';

describe('staff sign-in', () => {
  const { app, db, clock, config } = buildTestApp();
  let coordinator: Awaited<ReturnType<typeof aStaffUser>>;

  beforeAll(async () => {
    coordinator = await aStaffUser(db, 'coordinator', { email: 'kaisa@test.example' });
  });

  it('serves the sign-in page in Finnish by default', async () => {
    const response = await getPage(app, '/sign-in');
    const $ = load(await response.text());
    expect(response.status).toBe(200);
    expect($('html').attr('lang')).toBe('fi');
    expect($('h1').text()).toBe('Kirjaudu sisään');
    expect($('label[for=email]').text()).toContain('Sähköposti');
  });

  it('signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const response = await postForm(app, '/sign-in', {
      email: coordinator.email,
      password: coordinator.password,
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/');
    const sessionCookie = response.headers.getSetCookie().find((c) => c.startsWith('kp_session='));
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).not.toMatch(/Secure/);
    const flashCookie = response.headers.getSetCookie().find((c) => c.startsWith('kp_flash='));
    expect(flashCookie).toMatch(/HttpOnly/);
    expect(flashCookie).not.toMatch(/Secure/);

    const home = await getPage(app, '/', cookiesFrom(response));
    const $ = load(await home.text());
    expect($('h1').text()).toBe(`Hei, ${coordinator.name}!`);
    expect($('#flash').text()).toContain('Tervetuloa');
  });

  it('accepts the e-mail in any case and with spaces around it', async () => {
    const response = await postForm(app, '/sign-in', {
      email: '  KAISA@Test.Example ',
      password: coordinator.password,
    });
    expect(response.status).toBe(303);
  });

  it('returns to the page that asked for sign-in, but never to another site', async () => {
    const inside = await postForm(app, '/sign-in', { ...coordinator, next: '/admin/users' });
    expect(inside.headers.get('Location')).toBe('/admin/users');
    const outside = await postForm(app, '/sign-in', { ...coordinator, next: '//evil.example/' });
    expect(outside.headers.get('Location')).toBe('/');
  });

  it('shows a message on a wrong password and keeps the typed e-mail', async () => {
    const response = await postForm(app, '/sign-in', {
      email: 'someone@test.example',
      password: 'wrong',
    });
    const $ = load(await response.text());
    expect(response.status).toBe(401);
    expect($('[role=alert]').text()).toBe('Sähköposti tai salasana on väärin.');
    expect($('input[name=email]').val()).toBe('someone@test.example');
    expect($('input[name=password]').val()).toBeUndefined();
  });

  it('re-renders an empty or malformed form with messages at the fields (422)', async () => {
    const response = await postForm(app, '/sign-in', { email: 'not-an-address', password: '' });
    const $ = load(await response.text());
    expect(response.status).toBe(422);
    expect($('#email-error').text()).toBe('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.');
    expect($('input[name=email]').attr('aria-invalid')).toBe('true');
    expect($('#password-error').text()).toBe('Tämä tieto puuttuu.');
    expect($('input[name=email]').val()).toBe('not-an-address');
  });

  it('answers a form with 10,000 characters in the e-mail with a message, not a crash', async () => {
    const response = await postForm(app, '/sign-in', { email: 'a'.repeat(10_000), password: 'x' });
    expect(response.status).toBe(422);
  });

  it('makes each attempt after the third wrong password in a row wait longer, with a clear message', async () => {
    const victim = await aStaffUser(db, 'instructor');
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const wrong = await postForm(app, '/sign-in', {
        email: victim.email,
        password: `guess ${attempt}`,
      });
      expect(wrong.status, `attempt ${attempt}`).toBe(401);
    }
    const tooSoon = await postForm(app, '/sign-in', victim);
    const $ = load(await tooSoon.text());
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.headers.get('Retry-After')).toBe('1');
    expect($('[role=alert]').text()).toBe(
      'Liian monta väärää yritystä. Yritä uudelleen 1 minuutin kuluttua.',
    );

    clock.advanceMinutes(1);
    expect((await postForm(app, '/sign-in', { ...victim, password: 'guess 4' })).status).toBe(401);
    const fifth = await postForm(app, '/sign-in', victim);
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('Retry-After')).toBe('2');

    clock.advanceMinutes(1);
    expect((await postForm(app, '/sign-in', victim)).status).toBe(303);
    // The successful sign-in ended the run: three free attempts again.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const wrong = await postForm(app, '/sign-in', { ...victim, password: 'typo' });
      expect(wrong.status, `attempt ${attempt} after signing in`).toBe(401);
    }
  });

  it('lets the owner in a minute after five wrong guesses by a stranger, not fifteen minutes later', async () => {
    const owner = await aStaffUser(db, 'coordinator');
    const stranger = { address: '203.0.113.50' };
    for (let guess = 1; guess <= 5; guess += 1) {
      if (guess > 3) clock.advanceMinutes(1);
      const response = await postForm(
        app,
        '/sign-in',
        { email: owner.email, password: `guess ${guess}` },
        stranger,
      );
      expect(response.status, `guess ${guess}`).toBe(401);
    }
    clock.advanceMinutes(1);
    expect((await postForm(app, '/sign-in', owner, { address: '192.0.2.8' })).status).toBe(303);
  });

  it('never locks the owner out for longer than fifteen minutes, however many guesses others make', async () => {
    const owner = await aStaffUser(db, 'coordinator');
    for (let guess = 1; guess <= 30; guess += 1) {
      const response = await postForm(
        app,
        '/sign-in',
        { email: owner.email, password: `guess ${guess}` },
        { address: `198.51.100.${guess}` },
      );
      if (response.status === 429) clock.advanceMinutes(15);
      else expect(response.status, `guess ${guess}`).toBe(401);
    }
    clock.advanceMinutes(15);
    expect((await postForm(app, '/sign-in', owner)).status).toBe(303);
  });

  it('refuses an address after 20 failures on any accounts, but not other addresses', async () => {
    const guesser = { address: '192.0.2.66' };
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const email = `nobody${attempt}@test.example`;
      const wrong = await postForm(app, '/sign-in', { email, password: 'x' }, guesser);
      expect(wrong.status, `attempt ${attempt}`).toBe(401);
    }
    const fromGuesser = await postForm(app, '/sign-in', coordinator, guesser);
    expect(fromGuesser.status).toBe(429);
    const fromElsewhere = await postForm(app, '/sign-in', coordinator, { address: '192.0.2.7' });
    expect(fromElsewhere.status).toBe(303);
  });

  it('counts a spoofed left-most X-Forwarded-For against the address our proxy added', async () => {
    const behindProxy = buildTestApp({ config: testConfig({ TRUST_PROXY: 'true' }) });
    const user = await aStaffUser(behindProxy.db, 'instructor');
    const proxy = { address: '10.0.0.2' };
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const spoofed = { 'X-Forwarded-For': `203.0.113.${attempt}, 192.0.2.66` };
      const wrong = await postForm(
        behindProxy.app,
        '/sign-in',
        { email: `nobody${attempt}@test.example`, password: 'x' },
        { ...proxy, headers: spoofed },
      );
      expect(wrong.status, `attempt ${attempt}`).toBe(401);
    }
    const freshSpoof = { 'X-Forwarded-For': '203.0.113.99, 192.0.2.66' };
    const refused = await postForm(behindProxy.app, '/sign-in', user, {
      ...proxy,
      headers: freshSpoof,
    });
    expect(refused.status).toBe(429);
    const anotherClient = { 'X-Forwarded-For': '192.0.2.67' };
    const allowed = await postForm(behindProxy.app, '/sign-in', user, {
      ...proxy,
      headers: anotherClient,
    });
    expect(allowed.status).toBe(303);
  });

  it('marks the session and flash cookies Secure when PUBLIC_URL is https', async () => {
    const secureOrigin = 'https://kurssipolku.example.fi';
    const https = buildTestApp({ config: testConfig({ PUBLIC_URL: secureOrigin }) });
    const user = await aStaffUser(https.db, 'coordinator');
    const signedIn = await postForm(https.app, '/sign-in', user, { origin: secureOrigin });
    expect(signedIn.status).toBe(303);
    const cookies = signedIn.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('kp_session='))).toMatch(/; Secure/);
    expect(cookies.find((c) => c.startsWith('kp_flash='))).toMatch(/; Secure/);

    const shown = await getPage(https.app, '/', cookiesFrom(signedIn));
    const deleted = shown.headers.getSetCookie().find((c) => c.startsWith('kp_flash='));
    expect(deleted).toMatch(/Max-Age=0/);
    expect(deleted).toMatch(/; Secure/);
  });

  it('ends the session after SESSION_HOURS without use and asks to sign in again', async () => {
    const cookie = await signIn(app, coordinator);
    clock.advanceMinutes(config.sessionMilliseconds / 60_000 + 1);
    const response = await getPage(app, '/', cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/sign-in');
    const signInPage = await getPage(app, '/sign-in', cookiesFrom(response, cookie));
    expect(load(await signInPage.text())('#flash').text()).toContain('sinut kirjattiin ulos');
  });

  it('keeps a session alive while it is used', async () => {
    const cookie = await signIn(app, coordinator);
    const hours = config.sessionMilliseconds / 3_600_000;
    for (let step = 0; step < 3; step += 1) {
      clock.advanceMinutes(hours * 60 * 0.6);
      expect((await getPage(app, '/', cookie)).status).toBe(200);
    }
  });

  it('signs out: the old cookie no longer opens staff pages', async () => {
    const cookie = await signIn(app, coordinator);
    const response = await postForm(app, '/sign-out', {}, { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/sign-in');
    const afterwards = await getPage(app, '/', cookie);
    expect(afterwards.status).toBe(303);
  });
});
