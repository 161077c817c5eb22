import { load } from 'cheerio';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { access, denyRoutesWithoutAccessRule } from '../../src/http/access';
import type { AppEnv } from '../../src/http/app-env';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

describe('roles and access', () => {
  const { app, db } = buildTestApp();
  const cookies: Record<'admin' | 'coordinator' | 'instructor' | 'reporting', string> = {
    admin: '',
    coordinator: '',
    instructor: '',
    reporting: '',
  };

  beforeAll(async () => {
    for (const role of ['admin', 'coordinator', 'instructor', 'reporting'] as const) {
      cookies[role] = await signIn(app, await aStaffUser(db, role));
    }
  });

  const navigationOf = async (cookie: string) => {
    const $ = load(await (await getPage(app, '/', cookie)).text());
    return $('nav[aria-label=Päävalikko] a')
      .map((_, link) => $(link).attr('href'))
      .get();
  };

  it('shows each role only its own navigation', async () => {
    const planning = [
      '/decisions',
      '/terms',
      '/programs',
      '/localities',
      '/instructors',
      '/trainings',
      '/meetings',
      '/candidates',
      '/outbox',
      '/texts',
      '/applications/new',
      '/calls',
      '/people',
    ];
    expect(await navigationOf(cookies.admin)).toEqual([
      '/',
      ...planning,
      '/admin/users',
      '/admin/audit',
      '/admin/organisation',
      '/admin/retention',
      '/reports',
      '/calendar-feed',
    ]);
    expect(await navigationOf(cookies.coordinator)).toEqual([
      '/',
      ...planning,
      '/reports',
      '/calendar-feed',
    ]);
    expect(await navigationOf(cookies.instructor)).toEqual([
      '/',
      '/calls',
      '/people',
      '/calendar-feed',
    ]);
    expect(await navigationOf(cookies.reporting)).toEqual(['/', '/reports']);
  });

  it('refuses the reporting role every staff address but its reports, its account and home', async () => {
    // Every route of the app, with 1 for each id: a route that sends an anonymous visitor to
    // sign-in is for staff, and of those the reporting role may open only these.
    const allowed = /^\/(reports(\/|$)|account(\/|$)|sign-in(\/|$)|sign-out$|$)/;
    const routes = app.routes.filter((route) => route.method === 'GET' || route.method === 'POST');
    let checked = 0;
    for (const route of routes) {
      const path = route.path.replace(
        /:(\w+)(\{[^}]*\})?/g,
        (_match, _name: string, pattern?: string) => (pattern?.includes('csv') ? '1.csv' : '1'),
      );
      if (path.includes('*')) continue;
      const send = (cookie: string) =>
        route.method === 'GET' ? getPage(app, path, cookie) : postForm(app, path, {}, { cookie });
      const anonymous = await send('');
      const toSignIn =
        anonymous.status === 303 && anonymous.headers.get('Location')?.startsWith('/sign-in');
      if (!toSignIn || allowed.test(path)) continue;
      checked += 1;
      expect((await send(cookies.reporting)).status, `${route.method} ${path}`).toBe(403);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('greets each role with what that role does', async () => {
    const $ = load(await (await getPage(app, '/', cookies.instructor)).text());
    expect($('main p').first().text()).toMatch(/^Ohjaajana/);
  });

  it('redirects a staff page without a session to sign-in, remembering the page', async () => {
    const response = await getPage(app, '/admin/users');
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/sign-in?next=%2Fadmin%2Fusers');
  });

  it('tells htmx to go to sign-in instead of swapping a redirect', async () => {
    const response = await getPage(app, '/calls', '', { 'HX-Request': 'true' });
    expect(response.status).toBe(401);
    expect(response.headers.get('HX-Redirect')).toBe('/sign-in?next=%2Fcalls');
  });

  it('refuses the admin pages to a coordinator and an instructor with a localized 403', async () => {
    for (const cookie of [cookies.coordinator, cookies.instructor]) {
      const response = await getPage(app, '/admin/users', cookie);
      expect(response.status).toBe(403);
      expect(load(await response.text())('h1').text()).toBe('Ei käyttöoikeutta');
    }
    const post = await postForm(
      app,
      '/admin/users',
      { name: 'X' },
      { cookie: cookies.coordinator },
    );
    expect(post.status).toBe(403);
  });

  it('refuses the planning registers to an instructor', async () => {
    for (const path of ['/programs', '/localities', '/instructors']) {
      expect((await getPage(app, path, cookies.instructor)).status, path).toBe(403);
      expect((await getPage(app, path, cookies.coordinator)).status, path).toBe(200);
    }
  });

  it('refuses a form post with no Origin, or from another site', async () => {
    const noOrigin = await postForm(app, '/sign-out', {}, { cookie: cookies.admin, origin: null });
    expect(noOrigin.status).toBe(403);
    const otherSite = await postForm(
      app,
      '/sign-out',
      {},
      { cookie: cookies.admin, origin: 'https://evil.example' },
    );
    expect(otherSite.status).toBe(403);
    expect(load(await otherSite.text())('h1').text()).toBe('Ei käyttöoikeutta');
    // The session survived both attempts.
    expect((await getPage(app, '/', cookies.admin)).status).toBe(200);
  });

  it('accepts a same-origin post that only sends Sec-Fetch-Site', async () => {
    const response = await postForm(
      app,
      '/language',
      { language: 'en', returnTo: '/' },
      { origin: null, headers: { 'Sec-Fetch-Site': 'same-origin' } },
    );
    expect(response.status).toBe(303);
  });
});

describe('deny by default', () => {
  const guarded = new Hono<AppEnv>();
  guarded.use(async (c, next) => {
    c.set('user', null);
    await next();
  });
  guarded.use(denyRoutesWithoutAccessRule);
  guarded.get('/forgotten', (c) => c.text('should never be seen'));
  guarded.get('/open', access('public'), (c) => c.text('open'));
  guarded.onError((error, c) => c.text(error.message, 403));

  it('refuses a route that names no access rule', async () => {
    const response = await guarded.request('/forgotten');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('should never be seen');
  });

  it('serves a route that names its rule', async () => {
    expect(await (await guarded.request('/open')).text()).toBe('open');
  });
});
