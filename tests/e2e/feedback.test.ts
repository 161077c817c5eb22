import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseFeedback } from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import { aRunningCourse } from '../support/attendance-fixtures';
import { enrollmentOf } from '../support/planning-fixtures';
import {
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  expectTouchTargets,
  launchBrowser,
  newPage,
  startServer,
  type RunningServer,
} from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

/** Tuesday 10 November 2026, ten minutes into the last of six sessions that began on 6 October. */
const duringLastSession = '2026-11-10T17:10:00+02:00';

async function onPhone(browser: Browser): Promise<Page> {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  return page;
}

async function checkPage(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
}

describe('feedback in Chromium on a 390 × 844 phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: AppDatabase;
  let course: ReturnType<typeof aRunningCourse>;
  let token = '';

  beforeAll(async () => {
    const directory = temporaryDirectory('e2e-feedback');
    server = await startServer(directory, { START_TIME: duringLastSession });
    browser = await launchBrowser();
    db = openDatabase(join(directory, 'e2e.sqlite'));
    course = aRunningCourse(db, { participants: 2 });
    token = issuePersonalLink(
      db,
      course.people[0]!.applicationId,
      course.courseId,
      new Date(duringLastSession),
    );
  });

  afterAll(async () => {
    db?.$client.close();
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  it('a participant gives feedback from the personal link', async () => {
    const page = await onPhone(browser);
    await page.goto(`${server.baseUrl}/p/${token}`);
    const form = page.locator('.participant-feedback');
    expect(await form.getByRole('heading').textContent()).toBe('Kerro mielipiteesi');
    await checkPage(page);
    await expectTouchTargets(
      page,
      '.participant-feedback .field-checkbox label, .participant-feedback button, .participant-feedback textarea',
    );

    const usefulness = page.getByRole('group', { name: 'Kuinka hyödyllinen kurssi oli sinulle?' });
    await usefulness.getByLabel('5 – erittäin hyödyllinen').check();
    const tools = page.getByRole('group', { name: 'Sain kurssilta keinoja arkeeni.' });
    await tools.getByLabel('4', { exact: true }).check();
    await page.getByLabel('Mikä oli parasta? (voit jättää tyhjäksi)').fill('Vertaistuki');
    await page
      .getByRole('group', { name: 'Suosittelisitko kurssia muille?' })
      .getByLabel('Kyllä')
      .check();
    await page.getByRole('button', { name: 'Lähetä vastaukset' }).click();

    await page.waitForURL(`${server.baseUrl}/p/${token}`);
    expect(await page.locator('#flash').textContent()).toBe('Kiitos vastauksistasi!');
    expect(await page.locator('.participant-feedback-note').textContent()).toBe(
      'Olet jo vastannut, kiitos.',
    );
    expect(await page.locator('.participant-feedback form').count()).toBe(0);
    await checkPage(page);

    const rows = db
      .select()
      .from(courseFeedback)
      .where(eq(courseFeedback.courseId, course.courseId))
      .all();
    expect(rows).toEqual([
      expect.objectContaining({
        usefulness: 5,
        everydayTools: 4,
        bestThing: 'Vertaistuki',
        toImprove: '',
        recommend: 'yes',
      }),
    ]);
    expect(enrollmentOf(db, course.people[0]!.applicationId, course.courseId).feedbackGiven).toBe(
      true,
    );
  });
});
