import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import { aRunningCourse } from '../support/attendance-fixtures';
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

/** The day before the first session (Tue 6 Oct 2026), after the reminder time. */
const dayBefore = '2026-10-05T13:00:00+03:00';

describe('stopping reminder texts in Chromium on a 390 × 844 phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: AppDatabase;
  let applicationId = 0;
  let token = '';

  beforeAll(async () => {
    const directory = temporaryDirectory('e2e-texts');
    server = await startServer(directory, { START_TIME: dayBefore, SEED_DEMO_DATA: 'false' });
    browser = await launchBrowser();
    db = openDatabase(join(directory, 'e2e.sqlite'));
    const course = aRunningCourse(db, { participants: 1 });
    applicationId = course.people[0]!.applicationId;
    token = issuePersonalLink(db, applicationId, course.courseId, new Date(dayBefore));
  });

  afterAll(async () => {
    db?.$client.close();
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  async function onPhone(): Promise<Page> {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    return page;
  }

  it('a participant stops the reminders with one button and turns them back on', async () => {
    const page = await onPhone();
    await page.goto(`${server.baseUrl}/p/${token}`);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await expectTouchTargets(page, '#reminder-choice button');

    await page.click('#reminder-choice button');
    await page.waitForURL(`${server.baseUrl}/p/${token}`);
    expect(await page.locator('#reminder-choice button').textContent()).toBe(
      'Ota muistutusviestit käyttöön',
    );
    const stopped = () =>
      db.select().from(applications).where(eq(applications.id, applicationId)).get()!
        .remindersStoppedAt;
    expect(stopped()).not.toBeNull();
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    await page.click('#reminder-choice button');
    await page.waitForURL(`${server.baseUrl}/p/${token}`);
    expect(await page.locator('#reminder-choice button').textContent()).toBe(
      'Lopeta muistutusviestit',
    );
    expect(stopped()).toBeNull();
    await page.close();
  });
});
