import { load } from 'cheerio';
import { access } from '../../src/http/access';
import { translate } from '../../src/i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

describe('layout, language and error pages', () => {
  const { app, db } = buildTestApp();
  let cookie = '';

  beforeAll(async () => {
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
  });

  it('starts every full page with a doctype, a skip link and a main landmark', async () => {
    const html = await (await getPage(app, '/', cookie)).text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const $ = load(html);
    expect($('a.skip-link').attr('href')).toBe('#main');
    expect($('main#main')).toHaveLength(1);
    expect($('script[src="/assets/htmx.min.js"]')).toHaveLength(1);
  });

  it('answers an htmx request with the fragment only, plus the flash region out of band', async () => {
    const html = await (await getPage(app, '/', cookie, { 'HX-Request': 'true' })).text();
    expect(html).not.toContain('<!DOCTYPE');
    expect(html).not.toContain('<html');
    const $ = load(html, null, false);
    expect($('#flash').attr('hx-swap-oob')).toBe('true');
    expect($('h1').text()).toMatch(/^Hei, /);
  });

  it('follows Accept-Language on a first visit', async () => {
    const response = await getPage(app, '/sign-in', '', { 'Accept-Language': 'en-GB,en;q=0.9' });
    const $ = load(await response.text());
    expect($('html').attr('lang')).toBe('en');
    expect($('h1').text()).toBe('Sign in');
  });

  it('falls back to Finnish for a language we do not have', async () => {
    const response = await getPage(app, '/sign-in', '', { 'Accept-Language': 'de-DE' });
    expect(load(await response.text())('html').attr('lang')).toBe('fi');
  });

  it('remembers the chosen language in a cookie, over Accept-Language, and returns to the page', async () => {
    const switched = await postForm(
      app,
      '/language',
      { language: 'en', returnTo: '/' },
      { cookie },
    );
    expect(switched.status).toBe(303);
    expect(switched.headers.get('Location')).toBe('/');
    const withLanguage = cookiesFrom(switched, cookie);
    const page = await getPage(app, '/', withLanguage, { 'Accept-Language': 'fi' });
    const $ = load(await page.text());
    expect($('html').attr('lang')).toBe('en');
    expect($('#flash').text()).toBe('Language changed to English.');
    expect(
      $('button[name=language]')
        .map((_, button) => $(button).text())
        .get(),
    ).toEqual(['Suomeksi', 'På svenska']);
  });

  it('picks Swedish for a Finland-Swedish browser on the first visit, and offers the other two', async () => {
    const response = await getPage(app, '/sign-in', '', {
      'Accept-Language': 'sv-FI,sv;q=0.9,fi;q=0.8',
    });
    const $ = load(await response.text());
    expect($('html').attr('lang')).toBe('sv');
    expect($('h1').text()).toBe(translate('sv', 'signIn.title'));
    expect($('h1').text()).not.toBe(translate('fi', 'signIn.title'));
    const offered = $('button[name=language]');
    expect(offered.map((_, button) => $(button).attr('value')).get()).toEqual(['fi', 'en']);
    expect(offered.map((_, button) => $(button).attr('lang')).get()).toEqual(['fi', 'en']);
  });

  it('switches to Swedish and says so in Swedish', async () => {
    const switched = await postForm(
      app,
      '/language',
      { language: 'sv', returnTo: '/' },
      { cookie },
    );
    const page = await getPage(app, '/', cookiesFrom(switched, cookie));
    const $ = load(await page.text());
    expect($('html').attr('lang')).toBe('sv');
    expect($('#flash').text()).toBe(translate('sv', 'flash.languageChanged'));
    expect($('h1').text()).toMatch(/^Hej, /);
  });

  it('ignores an unknown language and an outside return address', async () => {
    const response = await postForm(app, '/language', {
      language: 'xx',
      returnTo: 'https://evil.example',
    });
    expect(response.headers.get('Location')).toBe('/');
    expect(response.headers.getSetCookie().some((c) => c.startsWith('kp_lang='))).toBe(false);
  });

  it('shows a localized 404 page in either language', async () => {
    const finnish = await getPage(app, '/no-such-page', cookie);
    expect(finnish.status).toBe(404);
    expect(load(await finnish.text())('h1').text()).toBe('Sivua ei löytynyt');
    const english = await getPage(app, '/no-such-page', 'kp_lang=en');
    expect(load(await english.text())('h1').text()).toBe('Page not found');
  });

  it('shows a localized 500 page for an unexpected error, without its details', async () => {
    const failing = buildTestApp();
    failing.app.get('/fails', access('public'), () => {
      throw new Error('database exploded: secret detail');
    });
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await getPage(failing.app, '/fails', 'kp_lang=en');
      const html = await response.text();
      expect(response.status).toBe(500);
      expect(load(html)('h1').text()).toBe('Something went wrong');
      expect(html).not.toContain('secret detail');
      expect(errors).toHaveLength(1);
    } finally {
      console.error = originalError;
    }
  });

  it('serves htmx from node_modules and our stylesheet', async () => {
    const htmx = await getPage(app, '/assets/htmx.min.js');
    expect(htmx.status).toBe(200);
    expect(await htmx.text()).toContain('htmx');
    expect((await getPage(app, '/assets/app.css')).headers.get('Content-Type')).toContain(
      'text/css',
    );
    expect((await getPage(app, '/assets/secret.txt')).status).toBe(404);
  });

  it('sends a content security policy that forbids inline scripts', async () => {
    const response = await getPage(app, '/sign-in');
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
  });
});
