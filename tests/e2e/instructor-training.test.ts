import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingCandidates, trainingDays, trainings } from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
import { demoSignIns } from '../../src/features/demo/demo-data';
import { wallClockToInstant } from '../../src/lib/helsinki-time';
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

const nominee = 'Terttu Tuleva';

describe('from a supervisor’s nomination to a new instructor with a course, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: AppDatabase;
  let page: Page;

  beforeAll(async () => {
    const directory = temporaryDirectory('e2e-training');
    server = await startServer(directory, { START_TIME: '2026-09-01T09:00:00+03:00' });
    browser = await launchBrowser();
    db = openDatabase(join(directory, 'e2e.sqlite'));
    // A training held in August and still open for enrolment, so the journey can finish it.
    const now = new Date('2026-09-01T06:00:00Z');
    const trainingId = db
      .insert(trainings)
      .values({
        name: 'Elokuun ohjaajakoulutus',
        status: 'open',
        capacity: 12,
        calendarUid: 'e2e-training@127.0.0.1',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: trainings.id })
      .get().id;
    for (const day of ['2026-08-18', '2026-08-19', '2026-08-25']) {
      db.insert(trainingDays)
        .values({
          trainingId,
          localDate: day,
          startTime: '09:00',
          endTime: '15:30',
          startsAt: wallClockToInstant(day, '09:00'),
          endsAt: wallClockToInstant(day, '15:30'),
        })
        .run();
    }
  });

  afterAll(async () => {
    db?.$client.close();
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  it('a supervisor nominates an employee on the public form, without an account', async () => {
    page = await newPage(browser);
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.baseUrl}/nominations`);
    await expectNoAxeViolations(page);
    await page.locator('#supervisorName').fill('Sanna Esihenkilö');
    await page.locator('#supervisorUnit').fill('Työikäisten sosiaalipalvelut');
    await page.locator('#supervisorContact').fill('sanna@hyvaks.example');
    await page.locator('#name').fill(nominee);
    await page.locator('#phone').fill('040 555 1212');
    await page.locator('#email').fill('terttu@hyvaks.example');
    await page.locator('#unit').fill('Aikuissosiaalityö, Lapua');
    await page.locator('#kind').selectOption('professional');
    await page.locator('#profession').fill('sosiaaliohjaaja');
    await page.locator('#tookArvoCourse').selectOption('yes');
    await page.getByRole('button', { name: 'Lähetä ehdotus' }).click();
    // Without the consent box the form comes back with the message and what was typed.
    await page.locator('#consent-error').waitFor();
    expect(await page.locator('#name').inputValue()).toBe(nominee);
    await expectNoAxeViolations(page);
    await page.locator('input[name=consent]').check();
    await page.getByRole('button', { name: 'Lähetä ehdotus' }).click();
    await page.waitForURL(`${server.baseUrl}/nominations/thanks`);
    await expectNoAxeViolations(page);
  });

  it('the coordinator phones them from the call queue, enrols and completes them', async () => {
    page = await newPage(browser);
    page.setDefaultTimeout(10_000);
    await signInInBrowser(
      page,
      server.baseUrl,
      demoSignIns.find((demo) => demo.role === 'coordinator')!,
    );
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Soittolista' }).click();
    await page.getByRole('link', { name: `Soita: ${nominee}` }).click();
    await expectNoAxeViolations(page);

    await page.locator('#outcome').selectOption('reached');
    await page.locator('#notes').fill('Kerroin ajankäytöstä: 6 kertaa á 2,5 h ja valmistelu.');
    await page.getByRole('button', { name: 'Tallenna soitto' }).click();
    await expect.poll(() => page.locator('#candidate-state').textContent()).toBe('soitettu');

    await page
      .locator('#trainingId')
      .selectOption({ label: 'Elokuun ohjaajakoulutus (ti 18.8.2026)' });
    await page.getByRole('button', { name: 'Ilmoita' }).click();
    await expect.poll(() => page.locator('#candidate-state').textContent()).toBe('koulutuksessa');
    await expectNoAxeViolations(page);

    await page.locator('#completedOn').fill('2026-08-25');
    await page.locator('#attendedAll').check();
    await page.getByRole('button', { name: 'Merkitse suoritetuksi' }).click();
    await expect.poll(() => page.locator('#candidate-state').textContent()).toBe('koulutettu');
    await page.getByRole('button', { name: 'Tallenna ohjaajaksi' }).click();
    await page.locator('#linked-instructor').waitFor();
    expect(await page.locator('#candidate-history tbody tr').count()).toBe(5);
    await expectNoAxeViolations(page);
  });

  it('sees them as new with "no course planned yet" on the home page, and planning a course clears it', async () => {
    const instructorId = db
      .select({ id: trainingCandidates.instructorId })
      .from(trainingCandidates)
      .where(eq(trainingCandidates.name, nominee))
      .get()!.id!;
    await page.goto(`${server.baseUrl}/instructors`);
    expect(await page.locator('main').textContent()).toContain('koulutettu 25.8.2026');
    await expectNoAxeViolations(page);

    await page.goto(`${server.baseUrl}/`);
    const item = page.locator(`#licence-item-${instructorId}`);
    expect(await item.textContent()).toContain('kurssia ei ole vielä suunniteltu');
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    await item.getByRole('link', { name: 'Suunnittele kurssi' }).click();
    await page.locator('#termId').selectOption({ label: 'Syksy 2026' });
    await page.getByLabel('Kurssityyppi').selectOption({ label: 'Arkeen Voimaa' });
    await page.getByLabel('Paikkakunta').selectOption({ label: 'Lapua' });
    await page.getByLabel('Ensimmäinen kokoontuminen').fill('2026-11-03');
    await page.getByLabel('Alkamisaika').fill('12:00');
    expect(await page.getByLabel('Ohjaaja 1').inputValue()).toBe(String(instructorId));
    await page.getByRole('button', { name: 'Tallenna kurssi' }).click();
    const accept = page.getByLabel('Olen lukenut varoitukset ja tallennan silti');
    if (await accept.isVisible()) {
      await accept.check();
      await page.getByRole('button', { name: 'Tallenna kurssi' }).click();
    }
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Kurssi tallennettu.');

    await page.goto(`${server.baseUrl}/`);
    expect(await page.locator(`#licence-item-${instructorId}`).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
