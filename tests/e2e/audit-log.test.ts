import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db';
import { demoSignIns } from '../../src/features/demo/demo-data';
import {
  expectEveryControlTappable,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  expectPageFitsWidth,
  expectTouchTargets,
  launchBrowser,
  signInInBrowser,
  startServer,
  type RunningServer,
} from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

describe('the admin reads who opened a person’s data', () => {
  let server: RunningServer;
  let browser: Browser;
  let person = 0;

  beforeAll(async () => {
    const directory = temporaryDirectory('e2e-audit-log');
    server = await startServer(directory, { START_TIME: '2026-10-06T12:00:00+03:00' });
    browser = await launchBrowser();
    const db = openDatabase(join(directory, 'e2e.sqlite'));
    person = (
      db.$client
        .prepare(`select application_id as id from enrollments where state = 'placed' limit 1`)
        .get() as { id: number }
    ).id;
    db.$client.close();
  });

  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  async function signedIn(role: string, width: number): Promise<Page> {
    const context = await browser.newContext({
      bypassCSP: true,
      locale: 'fi-FI',
      viewport: { width, height: 844 },
    });
    const page = await context.newPage();
    await signInInBrowser(
      page,
      server.baseUrl,
      demoSignIns.find((demo) => demo.role === role)!,
    );
    await page.waitForURL(`${server.baseUrl}/`);
    return page;
  }

  it.each([390, 1280])(
    'at %i px: from the person’s page to their entries, filled form, axe clean',
    async (width) => {
      // The coordinator opens the person's page, then the admin: two reads to find.
      const coordinator = await signedIn('coordinator', width);
      await coordinator.goto(`${server.baseUrl}/people/${person}`);
      await coordinator.context().close();

      const page = await signedIn('admin', width);
      await page.goto(`${server.baseUrl}/people/${person}`);
      await page.getByRole('link', { name: 'Kuka on avannut tämän henkilön tiedot' }).click();
      await page.waitForURL(`${server.baseUrl}/admin/audit?person=${person}`);

      await expect.poll(() => page.getByLabel('Henkilön numero').inputValue()).toBe(String(person));
      const rows = page.locator('#audit-rows > tr:not(#audit-more)');
      expect(await rows.count()).toBeGreaterThanOrEqual(2);
      const subjects = await page.locator('#audit-rows td:nth-child(4)').allTextContents();
      expect(
        subjects.every((subject) =>
          /^(application|enrollment|course|outbox-message|invitation)/.test(subject),
        ),
      ).toBe(true);
      const details = await page.locator('#audit-rows td:nth-child(5)').allTextContents();
      expect(details.filter((detail) => detail === 'person page').length).toBeGreaterThanOrEqual(2);

      await expectPageFitsWidth(page);
      await expectNoSidewaysScroll(page);
      await expectEveryControlTappable(page);
      await expectTouchTargets(
        page,
        '#audit-filtered button, #audit-filtered select, #audit-filtered input',
      );
      await expectNoAxeViolations(page);

      // Narrowed to one action with htmx: the form and list swap, the address follows.
      await page.getByLabel('Toiminto').selectOption('read');
      const htmxRequest = page.waitForRequest(
        (request) =>
          request.headers()['hx-request'] === 'true' &&
          request.headers()['hx-target'] === 'audit-filtered',
      );
      await page.getByRole('button', { name: 'Näytä kirjaukset' }).click();
      await htmxRequest;
      await page.waitForURL(/action=read/);
      expect(new URL(page.url()).searchParams.get('person')).toBe(String(person));
      const actions = await page.locator('#audit-rows td:nth-child(3)').allTextContents();
      expect(actions.length).toBeGreaterThan(0);
      expect(new Set(actions)).toEqual(new Set(['luki']));

      // A date that cannot be read: the message is at the field, no entries.
      await page.goto(`${server.baseUrl}/admin/audit?person=${person}&from=2026-02-30`);
      await expect
        .poll(() => page.locator('#from-error').textContent())
        .toContain('vuosi-kuukausi-päivä');
      expect(await page.locator('#audit-rows').count()).toBe(0);
      await expectNoAxeViolations(page);
      await page.context().close();
    },
    120_000,
  );
});
