import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSignIns } from '../../src/features/demo/demo-data';
import {
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  launchBrowser,
  newPage,
  signInInBrowser,
  startServer,
  type RunningServer,
} from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

const codeNow = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

describe('one’s own account in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(temporaryDirectory('e2e-account'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  it('a coordinator turns on two-step sign-in on a phone and signs in with a code', async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    const person = demoSignIns.find((demo) => demo.role === 'coordinator')!;
    await signInInBrowser(page, server.baseUrl, person);
    await page.waitForURL(`${server.baseUrl}/`);

    await page.getByRole('link', { name: 'Oma tili' }).click();
    await page.waitForURL(`${server.baseUrl}/account`);
    expect(await page.locator('#session-table tbody tr').count()).toBe(1);
    expect(await page.locator('#session-table').textContent()).toContain('tämä kirjautuminen');
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    await page.getByRole('button', { name: 'Ota käyttöön' }).click();
    await page.waitForURL(`${server.baseUrl}/account/two-step/enrolment`);
    expect(await page.getByRole('img', { name: /QR-koodi/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    const secret = await page.locator('#totp-secret').inputValue();
    await page.locator('input[name=code]').fill(codeNow(secret));
    await page.getByRole('button', { name: 'Vahvista' }).click();
    await expect.poll(() => page.locator('#recovery-codes li').count()).toBe(10);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await page.waitForURL(`${server.baseUrl}/sign-in`);
    await signInInBrowser(page, server.baseUrl, person);
    await page.waitForURL(`${server.baseUrl}/sign-in/code`);
    await expectNoAxeViolations(page);
    await page.locator('input[name=code]').fill(codeNow(secret));
    await page.getByRole('button', { name: 'Jatka' }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    expect(await page.locator('h1').textContent()).toBe(`Hei, ${person.name}!`);
    await page.context().close();
  });

  it('the admin’s Users page with account actions fits a phone and passes axe', async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await signInInBrowser(
      page,
      server.baseUrl,
      demoSignIns.find((demo) => demo.role === 'admin')!,
    );
    await page.waitForURL(`${server.baseUrl}/`);
    await page.goto(`${server.baseUrl}/admin/users`);
    expect(await page.getByRole('button', { name: /^Poista käytöstä: / }).count()).toBeGreaterThan(
      0,
    );
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await page.goto(`${server.baseUrl}/account/password`);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
