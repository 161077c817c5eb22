import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSignIns } from '../../src/features/demo/demo-data';
import {
  expectEveryControlTappable,
  expectNoAxeViolations,
  expectPageFitsWidth,
  launchBrowser,
  signInInBrowser,
  startServer,
  type RunningServer,
} from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

describe("the admin's retention page on a 390 px phone in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(temporaryDirectory('e2e-retention'), {
      START_TIME: '2026-10-06T12:00:00+03:00',
    });
    browser = await launchBrowser();
    const context = await browser.newContext({
      bypassCSP: true,
      locale: 'fi-FI',
      viewport: { width: 390, height: 844 },
    });
    page = await context.newPage();
    await signInInBrowser(
      page,
      server.baseUrl,
      demoSignIns.find((p) => p.role === 'admin')!,
    );
    await page.waitForURL(`${server.baseUrl}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  const status = () => page.getByRole('status').textContent();

  async function expectGoodPage() {
    await expectPageFitsWidth(page);
    await expectEveryControlTappable(page);
    await expectNoAxeViolations(page);
  }

  it('is reached from the navigation, fits the phone and passes axe', async () => {
    const link = page.getByRole('navigation').getByRole('link', { name: 'Tietojen säilytys' });
    await expect(link.count()).resolves.toBe(1);
    await page.goto(`${server.baseUrl}/admin/retention`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Henkilötietojen säilytys');
    await expectGoodPage();
  });

  it('refuses a period shorter than the longest course at the field, then saves a good one', async () => {
    const participants = page.getByLabel('Kurssin osallistujat, kuukautta kurssin päättymisestä');
    await participants.fill('1');
    await page.getByRole('button', { name: 'Tallenna säilytysajat' }).click();
    await expect(page.locator('#participantMonths-error').textContent()).resolves.toContain(
      'pisin kurssi',
    );
    await expect(participants.inputValue()).resolves.toBe('1');
    await expectGoodPage();

    await participants.fill('18');
    await page.getByRole('button', { name: 'Tallenna säilytysajat' }).click();
    await page.waitForURL(`${server.baseUrl}/admin/retention`);
    await expect(status()).resolves.toContain('Säilytysajat on tallennettu.');
    await expect(participants.inputValue()).resolves.toBe('18');
  });

  it('runs the removal now with a notice of the counts, and a second time says it ran today', async () => {
    const runNow = page.getByRole('button', { name: 'Tee tämän päivän poisto nyt' });
    await runNow.click();
    await page.waitForURL(`${server.baseUrl}/admin/retention`);
    await expect(status()).resolves.toMatch(/Poisto tehty: \d+ hakemusta/);
    await expect(
      page.getByRole('region', { name: 'Viimeisimmät poistot' }).locator('tbody tr').count(),
    ).resolves.toBe(1);
    await expectGoodPage();
    await runNow.click();
    await page.waitForURL(`${server.baseUrl}/admin/retention`);
    await expect(status()).resolves.toContain('Tämän päivän poisto on jo tehty.');
  });
});
