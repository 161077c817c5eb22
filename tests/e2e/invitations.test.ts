import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSignIns } from '../../src/features/demo/demo-data';
import { readCalendar } from '../support/ical';
import {
  expectNoAxeViolations,
  expectTouchTargets,
  launchBrowser,
  newPage,
  signInInBrowser,
  startServer,
  type RunningServer,
} from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

describe('invitations, letters and calendars in Chromium (no mail server configured)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The demo's autumn courses are fixed in 2026; letters of ended courses leave the list.
    server = await startServer(temporaryDirectory('e2e-invites'), {
      START_TIME: '2026-10-01T09:00:00+03:00',
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

  it('lists the instructor without e-mail as a letter to print, and shows the letter', async () => {
    const letter = page.getByRole('link', { name: 'Kirje: Sanna Saarinen, Arkeen Voimaa · Lapua' });
    expect(await letter.count()).toBe(1);
    await expectNoAxeViolations(page);
    await letter.click();
    expect(await page.locator('.letter').textContent()).toContain('ti 20.10.2026 klo 17.00–19.30');
    await expectNoAxeViolations(page);
  });

  it('marks a letter posted in place, and the list no longer shows it', async () => {
    await page.goto(`${server.baseUrl}/`);
    const letter = page.getByRole('link', { name: 'Kirje: Sanna Saarinen, Arkeen Voimaa · Lapua' });
    expect(await letter.count()).toBe(1);
    await page
      .locator('#letters li', { has: letter })
      .getByRole('button', { name: /^Merkitse postitetuksi\W+Sanna Saarinen$/ })
      .click();
    await page.locator('#letters [role="status"]').waitFor();
    expect(await letter.count()).toBe(0);
    await expectNoAxeViolations(page);
    await expectTouchTargets(page, '#letters button');
  });

  it('shows the queued invitations on the Outgoing mail page, with a preview of the text and the calendar', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Lähtevä posti' }).click();
    expect(await page.locator('main').textContent()).toContain('SMTP_URL');
    await expectNoAxeViolations(page);
    await page.locator('main table a').first().click();
    expect(await page.locator('main').textContent()).toContain('BEGIN:VCALENDAR');
    await expectNoAxeViolations(page);
  });

  it('gives the coordinator a calendar feed address that calendar apps can read', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Kalenteritilaus' }).click();
    await page.getByRole('button', { name: 'Luo tilausosoite' }).click();
    const address = await page.getByLabel('Tilausosoite').inputValue();
    await expectNoAxeViolations(page);
    const feed = await fetch(address.replace(new URL(address).origin, server.baseUrl));
    const { method, events } = readCalendar(await feed.text());
    expect(method).toBe('PUBLISH');
    expect(events.length).toBeGreaterThanOrEqual(3);
  });

  it('links each course page to its calendar file', async () => {
    await page.goto(`${server.baseUrl}/courses/2`);
    const href = await page
      .getByRole('link', { name: 'Lataa kalenteritiedosto (.ics)' })
      .getAttribute('href');
    const response = await page.request.get(`${server.baseUrl}${href}`);
    expect(readCalendar(await response.text()).method).toBe('PUBLISH');
  });
});
