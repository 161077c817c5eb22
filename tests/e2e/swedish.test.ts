import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import { translate, type MessageKey } from '../../src/i18n';
import {
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  expectEveryControlTappable,
  launchBrowser,
  startServer,
  type RunningServer,
} from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

const sv = (key: MessageKey) => translate('sv', key);

describe('a Finland-Swedish browser gets the public pages in Swedish', () => {
  let server: RunningServer;
  let browser: Browser;
  let personalLink = '';

  beforeAll(async () => {
    const directory = temporaryDirectory('e2e-swedish');
    server = await startServer(directory, { START_TIME: '2026-10-06T12:00:00+03:00' });
    browser = await launchBrowser();
    const db = openDatabase(join(directory, 'e2e.sqlite'));
    const placed = db.$client
      .prepare(
        `select application_id as applicationId, course_id as courseId from enrollments
         where state = 'placed' order by id limit 1`,
      )
      .get() as { applicationId: number; courseId: number };
    // The personal link speaks the person's own language, whatever the browser says.
    db.$client
      .prepare(`update applications set language = 'sv' where id = ?`)
      .run(placed.applicationId);
    personalLink = issuePersonalLink(db, placed.applicationId, placed.courseId, new Date());
    db.$client.close();
  });

  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  async function swedishPhone(): Promise<Page> {
    const context = await browser.newContext({
      bypassCSP: true,
      locale: 'sv-FI',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  async function expectFitsAndPasses(page: Page) {
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await expectEveryControlTappable(page);
  }

  it('applies for a course in Swedish, from the form to the thanks page', async () => {
    const page = await swedishPhone();
    await page.goto(`${server.baseUrl}/apply`);
    await expect(page.locator('h1').textContent()).resolves.toBe(sv('intake.applyTitle'));
    await expectFitsAndPasses(page);
    await page.getByLabel(sv('intake.name')).fill('Elsa Lindqvist');
    await page.getByLabel(sv('intake.phone')).fill('040 765 4321');
    await page.getByLabel(sv('intake.email')).fill('elsa.lindqvist@example.fi');
    await page.getByLabel(sv('intake.municipality')).selectOption({ label: 'Lapua' });
    const courseChoice = page.getByLabel(sv('intake.preferredCourse'));
    const offered = await courseChoice
      .locator('option:not([value=""])')
      .first()
      .getAttribute('value');
    await courseChoice.selectOption(offered!);
    await page.locator('input[name=consent]').check();
    await page.getByRole('button', { name: sv('intake.submitApplication') }).click();
    await page.waitForURL(`${server.baseUrl}/apply/thanks`);
    await expect(page.locator('h1').textContent()).resolves.toBe(sv('intake.thanksTitle'));
    await expectFitsAndPasses(page);
    await page.context().close();
  });

  it('opens the personal link of a Swedish-speaking participant in Swedish', async () => {
    const page = await swedishPhone();
    await page.goto(`${server.baseUrl}/p/${personalLink}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(sv('participant.title'));
    await expectFitsAndPasses(page);
    await page.context().close();
  });
});
