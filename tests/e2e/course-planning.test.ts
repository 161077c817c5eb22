import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSignIns } from '../../src/features/demo/demo-data';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  signInInBrowser,
  startServer,
  type RunningServer,
} from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

describe('a coordinator plans an autumn course in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The journey starts a course on 6 Oct 2026, so the server's clock starts before that.
    server = await startServer(temporaryDirectory('e2e-planning'), {
      START_TIME: '2026-09-01T09:00:00+03:00',
    });
    browser = await launchBrowser();
    page = await newPage(browser);
    const coordinator = demoSignIns.find((person) => person.role === 'coordinator')!;
    await signInInBrowser(page, server.baseUrl, coordinator);
    await page.waitForURL(`${server.baseUrl}/`);
  });

  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  it('creates a course in Lapua from 2026-10-06 on Tuesdays at 17:00', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Lukukaudet' }).click();
    await page.getByRole('link', { name: 'Syksy 2026' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Lisää kurssi' }).click();
    await expectNoAxeViolations(page);

    await page.getByLabel('Kurssityyppi').selectOption({ label: 'Arkeen Voimaa' });
    await page.getByLabel('Paikkakunta').selectOption({ label: 'Lapua' });
    await page.getByLabel('Ensimmäinen kokoontuminen').fill('2026-10-06');
    await page.getByLabel('Alkamisaika').fill('17:00');
    await page
      .getByLabel('Kokoontumispaikka')
      .selectOption({ label: 'Kulttuurikeskus, kokoushuone 2 (Lapua)' });
    await page.getByLabel('Ohjaaja 1').selectOption({ label: 'Matti Mäkelä' });
    await page.getByLabel('Ohjaaja 2').selectOption({ label: 'Sanna Saarinen' });
    await page.getByRole('button', { name: 'Näytä päivämäärät' }).click();

    const dates = page.locator('.session-dates li');
    await expect.poll(() => dates.count()).toBe(6);
    expect(await dates.allTextContents()).toEqual([
      'ti 6.10.2026 17.00–19.30',
      'ti 20.10.2026 17.00–19.30',
      'ti 27.10.2026 17.00–19.30',
      'ti 3.11.2026 17.00–19.30',
      'ti 10.11.2026 17.00–19.30',
      'ti 17.11.2026 17.00–19.30',
    ]);
    expect(await page.locator('#moved-title + ul').textContent()).toContain(
      'Syysloma (Etelä-Pohjanmaa)',
    );
    // The demo course in Lapua uses the same room and instructors on Tuesdays from 20 Oct.
    expect(await page.locator('.warning').textContent()).toContain(
      'ti 20.10.2026: kokoontumispaikka on samaan aikaan varattu kurssille Arkeen Voimaa · Lapua.',
    );
    await expectNoAxeViolations(page);

    await page.getByLabel('Olen lukenut varoitukset ja tallennan silti').check();
    await page.getByRole('button', { name: 'Tallenna kurssi' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Kurssi tallennettu.');
    expect(await page.locator('h1').textContent()).toBe('Arkeen Voimaa · Lapua');
    await expectNoAxeViolations(page);
  });

  it('sees the generated dates on the term plan, and filters it by locality', async () => {
    const courseUrl = page.url();
    await page.getByRole('link', { name: 'Takaisin lukukauden suunnitelmaan' }).click();
    const lapua = page.locator('#term-courses table', {
      has: page.locator('caption', { hasText: 'Lapua' }),
    });
    expect(await lapua.locator('tbody tr').count()).toBe(2);
    expect(await lapua.textContent()).toContain('ti 6.10.2026 – ti 17.11.2026 (6 kertaa)');
    expect(await page.locator('.calendar-week', { hasText: 'Viikko 41' }).textContent()).toContain(
      'ti 6.10.2026 17.00–19.30: Arkeen Voimaa · Lapua',
    );

    await page.getByLabel('Paikkakunta').selectOption({ label: 'Lapua' });
    await expect.poll(() => page.url()).toContain('locality=');
    await expect
      .poll(() => page.locator('#term-courses caption').allTextContents())
      .toEqual(['Lapua']);
    await expectNoAxeViolations(page);
    await page.goto(courseUrl);
  });

  it('moves one session to another day', async () => {
    await page.getByRole('link', { name: 'Siirrä kerta 3' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Uusi päivä').fill('2026-10-29');
    await page.getByRole('button', { name: 'Siirrä', exact: true }).click();

    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Kokoontuminen siirretty.');
    const third = page.locator('#session-table tbody tr').nth(2);
    expect(await third.textContent()).toContain('to 29.10.2026');
    expect(await third.textContent()).toContain('17.00–19.30');
    expect(await third.textContent()).toContain('Siirretty päivästä ti 27.10.2026.');
    await expectNoAxeViolations(page);
  });
});
