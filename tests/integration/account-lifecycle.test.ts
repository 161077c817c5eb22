import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../db/schema';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

const firefoxOnWindows =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const chromeOnAndroid =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

describe('the staff account lifecycle', () => {
  const { app, db, clock } = buildTestApp();
  let admin: Awaited<ReturnType<typeof aStaffUser>>;
  let adminCookie = '';

  beforeAll(async () => {
    admin = await aStaffUser(db, 'admin');
    adminCookie = await signIn(app, admin);
  });

  const isSignedIn = async (cookie: string) =>
    (await getPage(app, '/account', cookie)).status === 200;
  const sessionCount = (userId: number) =>
    db.select().from(sessions).where(eq(sessions.userId, userId)).all().length;
  const auditDetails = (userId: number) =>
    db
      .select({ detail: auditLog.detail, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'staff-user'), eq(auditLog.subjectId, userId)))
      .all();

  /** Makes the person's calendar feed; answers with its path, shown only this once. */
  const aFeedOf = async (person: { email: string; password: string }) => {
    const created = await postForm(
      app,
      '/calendar-feed',
      {},
      { cookie: await signIn(app, person) },
    );
    return new URL(String(load(await created.text())('#feed-url').val())).pathname;
  };

  it('an admin disables an account: its open session ends at once and it cannot sign in', async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    const cookie = await signIn(app, coordinator);

    const disabled = await postForm(
      app,
      `/admin/users/${coordinator.id}/disabling`,
      {},
      { cookie: adminCookie },
    );
    expect(disabled.status).toBe(303);
    const list = load(
      await (await getPage(app, '/admin/users', cookiesFrom(disabled, adminCookie))).text(),
    );
    expect(list('#flash').text()).toContain('poistettu käytöstä');
    expect(list(`#staff-table tr:contains("${coordinator.email}")`).text()).toContain(
      'poistettu käytöstä',
    );

    const next = await getPage(app, '/calls', cookie);
    expect(next.status).toBe(303);
    expect(next.headers.get('Location')).toBe('/sign-in?next=%2Fcalls');
    expect(sessionCount(coordinator.id)).toBe(0);

    const attempt = await postForm(app, '/sign-in', coordinator);
    expect(attempt.status).toBe(403);
    expect(load(await attempt.text())('[role=alert]').text()).toBe(
      'Käyttäjätunnuksesi ei ole enää käytössä. Ota yhteyttä pääkäyttäjään.',
    );
    expect(auditDetails(coordinator.id)).toContainEqual({ detail: 'disabled', actor: admin.id });
  });

  it('stops the calendar feed of a disabled account', async () => {
    const instructor = await aStaffUser(db, 'instructor');
    const feedPath = await aFeedOf(instructor);
    expect((await getPage(app, feedPath)).status).toBe(200);
    await postForm(app, `/admin/users/${instructor.id}/disabling`, {}, { cookie: adminCookie });
    expect((await getPage(app, feedPath)).status).toBe(404);
  });

  it('refuses an open session as soon as its account is marked disabled', async () => {
    const instructor = await aStaffUser(db, 'instructor');
    const cookie = await signIn(app, instructor);
    expect(await isSignedIn(cookie)).toBe(true);
    db.update(users).set({ disabledAt: clock() }).where(eq(users.id, instructor.id)).run();
    expect(await isSignedIn(cookie)).toBe(false);
    expect(sessionCount(instructor.id)).toBe(0);
  });

  it('re-enabling lets the account sign in again, with its history kept', async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    await postForm(app, `/admin/users/${coordinator.id}/disabling`, {}, { cookie: adminCookie });
    const enabled = await postForm(
      app,
      `/admin/users/${coordinator.id}/enabling`,
      {},
      { cookie: adminCookie },
    );
    expect(enabled.status).toBe(303);
    expect(await isSignedIn(await signIn(app, coordinator))).toBe(true);
    expect(auditDetails(coordinator.id).map((entry) => entry.detail)).toEqual([
      'disabled',
      'enabled',
    ]);
  });

  it('disables once however often it is asked: one state, one audit entry', async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    const path = `/admin/users/${coordinator.id}/disabling`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postForm(app, path, {}, { cookie: adminCookie })),
    );
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([303]));
    expect(auditDetails(coordinator.id).map((entry) => entry.detail)).toEqual(['disabled']);
  });

  it('a password reset also ends the calendar address, which could be in the wrong hands', async () => {
    const instructor = await aStaffUser(db, 'instructor');
    const feedPath = await aFeedOf(instructor);
    await postForm(
      app,
      `/admin/users/${instructor.id}/password-reset`,
      {},
      { cookie: adminCookie },
    );
    expect((await getPage(app, feedPath)).status).toBe(404);
  });

  it('an admin cannot disable their own account, and only admins can disable any', async () => {
    const own = await postForm(
      app,
      `/admin/users/${admin.id}/disabling`,
      {},
      { cookie: adminCookie },
    );
    expect(own.status).toBe(422);
    expect(load(await own.text())('[role=alert]').text()).toBe(
      'Et voi poistaa omaa tunnustasi käytöstä.',
    );
    expect(await isSignedIn(adminCookie)).toBe(true);

    const coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const byCoordinator = await postForm(
      app,
      `/admin/users/${admin.id}/disabling`,
      {},
      { cookie: coordinatorCookie },
    );
    expect(byCoordinator.status).toBe(403);
    expect(await isSignedIn(adminCookie)).toBe(true);
  });

  it('answers an action on an account that does not exist with 404', async () => {
    const response = await postForm(
      app,
      '/admin/users/99999/disabling',
      {},
      { cookie: adminCookie },
    );
    expect(response.status).toBe(404);
  });

  it('changing one’s own password needs the current one: a wrong one is a message at the field', async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    const cookie = await signIn(app, coordinator);
    const response = await postForm(
      app,
      '/account/password',
      {
        currentPassword: 'not my password',
        newPassword: 'uusi pitkä salasana',
        newPasswordAgain: 'uusi pitkä salasana',
      },
      { cookie },
    );
    const $ = load(await response.text());
    expect(response.status).toBe(422);
    expect($('#currentPassword-error').text()).toBe('Salasana on väärin.');
    expect($('input[name=currentPassword]').val()).toBeUndefined();
    expect((await postForm(app, '/sign-in', coordinator)).status).toBe(303);
  });

  it('re-renders a new password that is too short or typed differently twice', async () => {
    const cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const response = await postForm(
      app,
      '/account/password',
      { currentPassword: 'correct horse battery', newPassword: 'short', newPasswordAgain: 'other' },
      { cookie },
    );
    const $ = load(await response.text());
    expect(response.status).toBe(422);
    expect($('#newPassword-error').text()).toBe('Salasanassa pitää olla vähintään 12 merkkiä.');
    expect($('#newPasswordAgain-error').text()).toBe('Salasanat eivät ole samat.');
  });

  it('changing one’s own password ends the other sessions and keeps this one', async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    const here = await signIn(app, coordinator);
    const elsewhere = await signIn(app, coordinator);
    const newPassword = 'vaihdettu salasana 2026';

    const changed = await postForm(
      app,
      '/account/password',
      { currentPassword: coordinator.password, newPassword, newPasswordAgain: newPassword },
      { cookie: here },
    );
    expect(changed.status).toBe(303);
    expect(changed.headers.get('Location')).toBe('/account');
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(false);
    expect((await postForm(app, '/sign-in', coordinator)).status).toBe(401);
    expect(
      (await postForm(app, '/sign-in', { ...coordinator, password: newPassword })).status,
    ).toBe(303);
    expect(auditDetails(coordinator.id)).toContainEqual({
      detail: 'password changed',
      actor: coordinator.id,
    });
  });

  it('an admin’s password reset shows a one-time password once and ends the user’s sessions', async () => {
    const instructor = await aStaffUser(db, 'instructor');
    const cookie = await signIn(app, instructor);
    const reset = await postForm(
      app,
      `/admin/users/${instructor.id}/password-reset`,
      {},
      { cookie: adminCookie },
    );
    expect(reset.status).toBe(200);
    expect(reset.headers.get('Cache-Control')).toBe('no-store');
    const oneTimePassword = String(load(await reset.text())('#one-time-password').val());
    expect(oneTimePassword).toMatch(/^\w{5}-\w{5}-\w{5}-\w{5}$/);
    expect(await isSignedIn(cookie)).toBe(false);
    expect((await postForm(app, '/sign-in', instructor)).status).toBe(401);
    const stored = db.select().from(users).where(eq(users.id, instructor.id)).get()!;
    expect(stored.mustChangePassword).toBe(true);
    expect(stored.passwordHash).not.toContain(oneTimePassword);
    expect(auditDetails(instructor.id)).toContainEqual({
      detail: 'password reset',
      actor: admin.id,
    });
  });

  it('the one-time password leads straight to choosing a new one, nothing else opens before, and it works once', async () => {
    const instructor = await aStaffUser(db, 'instructor');
    const reset = await postForm(
      app,
      `/admin/users/${instructor.id}/password-reset`,
      {},
      { cookie: adminCookie },
    );
    const oneTimePassword = String(load(await reset.text())('#one-time-password').val());
    const withOneTime = { email: instructor.email, password: oneTimePassword };

    const signedIn = await postForm(app, '/sign-in', { ...withOneTime, next: '/calls' });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('Location')).toBe('/account/password');
    const cookie = cookiesFrom(signedIn);
    for (const path of ['/', '/calls', '/account', '/calendar-feed']) {
      const response = await getPage(app, path, cookie);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('Location'), path).toBe('/account/password');
    }
    const viaHtmx = await getPage(app, '/', cookie, { 'HX-Request': 'true' });
    expect(viaHtmx.headers.get('HX-Redirect')).toBe('/account/password');
    const form = load(await (await getPage(app, '/account/password', cookie)).text());
    expect(form('label[for=currentPassword]').text()).toContain('Kertakäyttöinen salasana');

    const newPassword = 'oma uusi salasana 2026';
    const changed = await postForm(
      app,
      '/account/password',
      { currentPassword: oneTimePassword, newPassword, newPasswordAgain: newPassword },
      { cookie },
    );
    expect(changed.status).toBe(303);
    expect(changed.headers.get('Location')).toBe('/');
    expect(await isSignedIn(cookie)).toBe(true);
    expect((await postForm(app, '/sign-in', withOneTime)).status).toBe(401);
    expect(
      (await postForm(app, '/sign-in', { ...withOneTime, password: newPassword })).status,
    ).toBe(303);
  });

  it('lists one’s sessions with browser, address, start and last use, and marks this one', async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    const onLaptop = cookiesFrom(
      await postForm(app, '/sign-in', coordinator, {
        headers: { 'User-Agent': firefoxOnWindows },
        address: '192.0.2.10',
      }),
    );
    clock.advanceMinutes(30);
    const onPhone = cookiesFrom(
      await postForm(app, '/sign-in', coordinator, {
        headers: { 'User-Agent': chromeOnAndroid },
        address: '192.0.2.20',
      }),
    );
    clock.advanceMinutes(10);

    const $ = load(await (await getPage(app, '/account', onLaptop)).text());
    const rows = $('#session-table tbody tr')
      .map((_, row) => $(row).text())
      .get();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Firefox 128, Windows (tämä kirjautuminen)');
    expect(rows[0]).toContain('192.0.2.10');
    expect(rows[1]).toContain('Chrome 126, Android');
    expect(rows[1]).not.toContain('tämä kirjautuminen');
    expect(await isSignedIn(onPhone)).toBe(true);

    const laptopSession = db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, coordinator.id), eq(sessions.address, '192.0.2.10')))
      .get()!;
    expect(laptopSession.lastSeenAt).toEqual(clock());
    expect(laptopSession.userAgent).toBe(firefoxOnWindows);
  });

  it('signs out everywhere: every session of the account ends, others’ stay', async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    const here = await signIn(app, coordinator);
    const elsewhere = await signIn(app, coordinator);
    const response = await postForm(app, '/account/sessions/ending', {}, { cookie: here });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/sign-in');
    expect(await isSignedIn(here)).toBe(false);
    expect(await isSignedIn(elsewhere)).toBe(false);
    expect(await isSignedIn(adminCookie)).toBe(true);
    expect(auditDetails(coordinator.id)).toContainEqual({
      detail: 'signed out everywhere',
      actor: coordinator.id,
    });
  });

  it('links the account page from the header of every signed-in page', async () => {
    const $ = load(await (await getPage(app, '/', adminCookie)).text());
    expect($('.account a[href="/account"]').text()).toBe('Oma tili');
    expect((await getPage(app, '/account')).headers.get('Location')).toBe(
      '/sign-in?next=%2Faccount',
    );
  });
});
