import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSignIns } from '../../src/features/demo/demo-data';
import {
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  expectTouchTargets,
  launchBrowser,
  newPage,
  signInInBrowser,
  startServer,
  type RunningServer,
} from '../support/browser';
import { access } from '../../src/http/access';
import { buildTestApp, temporaryDirectory } from '../support/test-app';

const demo = (role: string) => demoSignIns.find((person) => person.role === role)!;

describe('staff journeys in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(temporaryDirectory('e2e'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  async function signInAs(page: Page, email: string, password: string) {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: 'Henkilökunnan kirjautuminen' }).click();
    await expect.poll(() => page.url()).toContain('/sign-in');
    await signInInBrowser(page, server.baseUrl, { email, password });
  }

  it.each(['admin', 'coordinator', 'instructor'])(
    'a demo %s signs in, sees their home page and signs out',
    async (role) => {
      const page = await newPage(browser);
      const person = demo(role);

      await page.goto(`${server.baseUrl}/sign-in`);
      expect(await page.locator('h1').textContent()).toBe('Kirjaudu sisään');
      await expectNoAxeViolations(page);

      await signInAs(page, person.email, person.password);
      await page.waitForURL(`${server.baseUrl}/`);
      expect(await page.locator('h1').textContent()).toBe(`Hei, ${person.name}!`);
      expect(await page.getByRole('status').textContent()).toContain('Tervetuloa');
      const users = page.getByRole('navigation').getByRole('link', { name: 'Käyttäjät' });
      expect(await users.count()).toBe(role === 'admin' ? 1 : 0);
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
      await page.waitForURL(`${server.baseUrl}/sign-in`);
      expect(await page.getByRole('status').textContent()).toBe('Olet kirjautunut ulos.');
      await page.context().close();
    },
  );

  it('an anonymous visitor finds the open courses and the public forms on the front page', async () => {
    const page = await newPage(browser);
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto(`${server.baseUrl}/`);
      expect(await page.locator('h1').textContent()).toBe('Arkeen Voimaa -kurssit');
      expect(await page.locator('.front-course').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);
      await expectTouchTargets(page, '#front-page a, .front-page-link, .footer-links a');
    }
    await page.getByRole('link', { name: 'Hae kurssille' }).first().click();
    await page.waitForURL(`${server.baseUrl}/apply`);
    await page.getByRole('link', { name: 'Etusivu' }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    await page.context().close();
  });

  it('a wrong password shows a message and keeps the typed e-mail', async () => {
    const page = await newPage(browser);
    await signInAs(page, 'olli.ohjaaja@kurssipolku.example', 'väärä salasana');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Sähköposti tai salasana on väärin.');
    expect(await page.getByLabel('Sähköposti').inputValue()).toBe(
      'olli.ohjaaja@kurssipolku.example',
    );
    expect(await page.getByLabel('Salasana').inputValue()).toBe('');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('switches the language to English and back, staying on the page', async () => {
    const page = await newPage(browser);
    const coordinator = demo('coordinator');
    await signInAs(page, coordinator.email, coordinator.password);
    await page.waitForURL(`${server.baseUrl}/`);

    await page.getByRole('button', { name: 'In English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(page.url()).toBe(`${server.baseUrl}/`);
    expect(await page.locator('h1').textContent()).toBe(`Hello, ${coordinator.name}!`);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Suomeksi' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fi');
    await page.context().close();
  });

  it('the accessibility check itself fails on a page with a known violation', async () => {
    const page = await newPage(browser);
    await page.setContent('<html lang="fi"><body><main><img src="kuva.png"></main></body></html>');
    await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt/);
    await page.context().close();
  });

  it('the skip link is the first stop of the keyboard and moves focus to the content', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Siirry sisältöön');
    await page.keyboard.press('Enter');
    expect(
      await page.evaluate(() => (globalThis as { location?: { hash: string } }).location?.hash),
    ).toBe('#main');
    await page.context().close();
  });

  it('the error pages are localized and accessible', async () => {
    const page = await newPage(browser);
    const response = await page.goto(`${server.baseUrl}/ei-tällaista-sivua`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Sivua ei löytynyt');
    await expectNoAxeViolations(page);

    const instructor = demo('instructor');
    await signInAs(page, instructor.email, instructor.password);
    await page.waitForURL(`${server.baseUrl}/`);
    const forbidden = await page.goto(`${server.baseUrl}/admin/users`);
    expect(forbidden?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('Ei käyttöoikeutta');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('the 500 page is accessible too', async () => {
    // No route of the real server fails on purpose, so the page the error handler renders is
    // loaded into the browser as it is.
    const failing = buildTestApp();
    failing.app.get('/fails', access('public'), () => {
      throw new Error('on purpose');
    });
    const originalError = console.error;
    console.error = () => undefined;
    const html = await (await failing.app.request('/fails')).text().finally(() => {
      console.error = originalError;
    });
    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.setContent(html.replaceAll('"/assets/', `"${server.baseUrl}/assets/`));
    expect(await page.locator('h1').textContent()).toBe('Jokin meni vikaan');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('an admin adds a user with htmx, and sees field messages for bad input without a reload', async () => {
    const page = await newPage(browser);
    const admin = demo('admin');
    await signInAs(page, admin.email, admin.password);
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole('link', { name: 'Käyttäjät' }).click();
    await page.waitForURL(`${server.baseUrl}/admin/users`);
    await expectNoAxeViolations(page);

    await page.getByLabel('Nimi').fill('Sari Sijainen');
    await page.getByLabel('Sähköposti').fill('ei-osoite');
    await page.getByRole('button', { name: 'Lisää käyttäjä' }).click();
    await expect
      .poll(() => page.locator('#email-error').textContent())
      .toContain('Anna sähköpostiosoite');
    expect(await page.getByLabel('Nimi').inputValue()).toBe('Sari Sijainen');
    await expectNoAxeViolations(page);

    await page.getByLabel('Sähköposti').fill('sari.sijainen@kurssipolku.example');
    await page.getByLabel('Rooli').selectOption('instructor');
    await page.getByLabel('Ensimmäinen salasana').fill('sijaisen-salasana-1');
    await page.getByRole('button', { name: 'Lisää käyttäjä' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Käyttäjä sari.sijainen@kurssipolku.example lisätty.');
    expect(await page.locator('#staff-table').textContent()).toContain('Sari Sijainen');

    await page.getByRole('link', { name: 'Lokitiedot' }).click();
    expect(await page.locator('#audit-table').textContent()).toContain('staff-user');
    await expectNoAxeViolations(page);
    await page.context().close();
  });
  it("an admin changes the organisation's phone at 390 px, and the front page offers the new number", async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    const admin = demo('admin');
    await signInAs(page, admin.email, admin.password);
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Organisaatio' }).click();
    await page.waitForURL(`${server.baseUrl}/admin/organisation`);
    expect(await page.getByLabel('Puhelinnumero').inputValue()).toBe('040 1234500');
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    await page.getByLabel('Postinumero').fill('601');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => page.locator('#postcode-error').textContent()).toContain('viisi');
    expect(await page.getByLabel('Postinumero').inputValue()).toBe('601');
    await expectNoAxeViolations(page);

    await page.getByLabel('Postinumero').fill('60100');
    await page.getByLabel('Puhelinnumero').fill('044 765 4321');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Organisaation tiedot on tallennettu.');
    await expectTouchTargets(page, '#organisation-page button');

    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await page.waitForURL(`${server.baseUrl}/sign-in`);
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/`);
    expect(await page.locator('#contact a.contact-phone').getAttribute('href')).toBe(
      'tel:+358447654321',
    );
    await expectTouchTargets(page, '#contact a');
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });
});
