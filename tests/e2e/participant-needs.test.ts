import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, courses, enrollments, interviews } from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
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
import { anOpenCourse, aVenue, aWaitingApplicant } from '../support/planning-fixtures';
import { temporaryDirectory } from '../support/test-app';

describe('needs and transport on a phone-sized roster, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: AppDatabase;
  let courseId = 0;
  let enrollmentId = 0;

  beforeAll(async () => {
    const directory = temporaryDirectory('e2e-needs');
    server = await startServer(directory, { START_TIME: '2026-09-01T09:00:00+03:00' });
    browser = await launchBrowser();
    db = openDatabase(join(directory, 'e2e.sqlite'));
    const lapua = db.query.localities
      .findFirst({ where: (locality, { eq: equals }) => equals(locality.name, 'Lapua') })
      .sync()!;
    const term = db.query.terms.findFirst().sync()!;
    courseId = anOpenCourse(db, { localityId: lapua.id, termId: term.id, seats: 4 });
    // The fixture's venue has step-free access and no hearing loop.
    const venueId = aVenue(db, lapua.id);
    db.update(courses).set({ venueId }).where(eq(courses.id, courseId)).run();
    const now = new Date('2026-09-01T06:00:00Z');
    const applicationId = aWaitingApplicant(db, lapua.id, { name: 'Kerttu Kuljetettava' });
    db.update(applications)
      .set({ state: 'placed' })
      .where(eq(applications.id, applicationId))
      .run();
    db.insert(interviews)
      .values({
        applicationId,
        at: now,
        canAttendAll: 'yes',
        needs: 'transport,hearing',
        outcome: 'place',
      })
      .run();
    enrollmentId = db
      .insert(enrollments)
      .values({
        courseId,
        applicationId,
        state: 'placed',
        queuedAt: now,
        placedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: enrollments.id })
      .get().id;
  });

  afterAll(async () => {
    db?.$client.close();
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  it('the coordinator records arranged transport in place, and the course page warns about the loop', async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    const coordinator = demoSignIns.find((person) => person.role === 'coordinator')!;
    await signInInBrowser(page, server.baseUrl, coordinator);
    await page.waitForURL(`${server.baseUrl}/`);
    const rosterUrl = `${server.baseUrl}/courses/${courseId}/roster`;
    await page.goto(rosterUrl);
    const needs = page.locator(`#needs-${enrollmentId}`);
    expect(await needs.locator('.need-words li').allTextContents()).toEqual([
      'kuljetus',
      'induktiosilmukka',
    ]);
    await expectNoSidewaysScroll(page);
    await expectTouchTargets(page, '.needs select, .needs button');
    await expectNoAxeViolations(page);

    // "Arranged" without how: the message comes into the cell, the page stays.
    await page.locator(`#transport-${enrollmentId}-state`).selectOption('arranged');
    await needs.getByRole('button', { name: 'Tallenna kuljetus: Kerttu Kuljetettava' }).click();
    await expect
      .poll(() => page.locator(`#transport-${enrollmentId}-means-error`).textContent())
      .toBe('Valitse, miten kuljetus on järjestetty.');
    expect(page.url()).toBe(rosterUrl);
    await expectNoAxeViolations(page);

    await page.getByLabel('Miten kuljetus on järjestetty').selectOption('taxi');
    await page.getByRole('button', { name: 'Tallenna kuljetus: Kerttu Kuljetettava' }).click();
    await expect
      .poll(() => page.locator(`#needs-${enrollmentId} .transport-state`).textContent())
      .toBe('Kuljetus järjestetty: taksi');
    expect(page.url()).toBe(rosterUrl);
    const stored = db.select().from(enrollments).where(eq(enrollments.id, enrollmentId)).get()!;
    expect([stored.transportState, stored.transportMeans]).toEqual(['arranged', 'taxi']);

    await page.goto(`${server.baseUrl}/courses/${courseId}`);
    expect(await page.locator('#venue-mismatch li').allTextContents()).toEqual([
      'Tilassa ei ole induktiosilmukkaa. Induktiosilmukkaa tarvitsee: 1.',
    ]);
    // The needs parts fit a phone. The page as a whole is not checked here: its session table
    // scrolls the page sideways and its attendance summary repeats a landmark name (both older).
    for (const part of ['#venue-mismatch', '#needs-summary']) {
      const box = (await page.locator(part).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await page.context().close();
  });
});
