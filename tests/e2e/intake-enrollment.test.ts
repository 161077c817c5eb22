import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, enrollments } from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
import { demoSignIns } from '../../src/features/demo/demo-data';
import { placeOnCourse } from '../../src/features/enrollment/seats';
import { saveApplication } from '../../src/features/intake/queries';
import { organizerFrom } from '../../src/features/invites/invitations';
import { programDefaults } from '../../src/features/programs/program-input';
import { createProgram } from '../../src/features/programs/queries';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  signInInBrowser,
  startServer,
  type RunningServer,
} from '../support/browser';
import { anOpenCourse } from '../support/planning-fixtures';
import { startTestSmtpServer } from '../support/smtp-server';
import { temporaryDirectory } from '../support/test-app';

describe('from application to a freed seat, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: AppDatabase;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let courseId = 0;
  const applicant = { name: 'Elli Esimerkki', phone: '040 765 1234', email: 'elli@e2e.example' };

  beforeAll(async () => {
    const directory = temporaryDirectory('e2e-intake');
    smtp = await startTestSmtpServer();
    server = await startServer(directory, {
      START_TIME: '2026-09-01T09:00:00+03:00',
      SMTP_URL: smtp.url,
    });
    browser = await launchBrowser();
    // A one-seat course, open for enrolment, so that the journey ends with a waitlist moving up.
    db = openDatabase(join(directory, 'e2e.sqlite'));
    const now = new Date('2026-09-01T06:00:00Z');
    const programId = createProgram(
      db,
      {
        ...programDefaults,
        nameFi: 'Pieni ryhmä',
        nameEn: 'Small group',
        minParticipants: 1,
        maxParticipants: 1,
      },
      now,
    );
    const lapua = db.query.localities
      .findFirst({ where: (locality, { eq: equals }) => equals(locality.name, 'Lapua') })
      .sync()!;
    const term = db.query.terms.findFirst().sync()!;
    courseId = anOpenCourse(db, { programId, localityId: lapua.id, termId: term.id });
  });

  afterAll(async () => {
    db?.$client.close();
    await browser?.close();
    expect(await server?.stop()).toBe(0);
    await smtp?.close();
  });

  it('a person applies on the public page, without an account', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/apply`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Nimi').fill(applicant.name);
    await page.getByLabel('Puhelinnumero').fill(applicant.phone);
    await page.getByLabel('Sähköposti').fill(applicant.email);
    await page.getByLabel('Kotikunta').selectOption({ label: 'Lapua' });
    await page.getByLabel('Toivottu kurssi').selectOption(String(courseId));
    await page.locator('input[name=consent]').check();
    await page.getByRole('button', { name: 'Lähetä hakemus' }).click();
    await page.waitForURL(`${server.baseUrl}/apply/thanks`);
    await expectNoAxeViolations(page);
    await page.goto(`${server.baseUrl}/referrals`);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('the coordinator calls twice, interviews and places them on the course', async () => {
    const page = await newPage(browser);
    const coordinator = demoSignIns.find((person) => person.role === 'coordinator')!;
    await signInInBrowser(page, server.baseUrl, coordinator);
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Soittolista' }).click();
    await expectNoAxeViolations(page);
    const row = page.getByRole('group', { name: `Soiton tulos: ${applicant.name}` });
    expect(await page.locator(`a[href="tel:+358407651234"]`).count()).toBe(1);
    await row.getByRole('button', { name: 'Ei vastannut' }).click();
    await page.waitForURL(`${server.baseUrl}/calls`);
    await page
      .getByRole('group', { name: `Soiton tulos: ${applicant.name}` })
      .getByRole('button', { name: 'Tavoitettu' })
      .click();
    await page.waitForURL(/\/applications\/\d+\/interview$/);
    await expectNoAxeViolations(page);

    await page.getByLabel('Pääseekö kaikkiin kuuteen kokoontumiseen?').selectOption('yes');
    await page.getByLabel('Mitä sovittiin').selectOption('place');
    await page.getByLabel('Kurssi', { exact: true }).selectOption(String(courseId));
    await page.getByRole('button', { name: 'Tallenna haastattelu' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).not.toBe('');

    const placed = db.select().from(enrollments).where(eq(enrollments.courseId, courseId)).all();
    expect(placed.map((enrollment) => enrollment.state)).toEqual(['placed']);
    await page.goto(`${server.baseUrl}/courses/${courseId}/roster`);
    expect(await page.locator('main').textContent()).toContain(applicant.name);
    await expectNoAxeViolations(page);
    await page.goto(`${server.baseUrl}/decisions`);
    await expectNoAxeViolations(page);
    await page.goto(`${server.baseUrl}/applications/new`);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('the person withdraws through their personal link, and the first waitlisted person gets the seat', async () => {
    const mail = {
      organizer: organizerFrom('Kurssipolku <no-reply@kurssipolku.example>'),
      now: new Date('2026-09-02T06:00:00Z'),
      publicUrl: new URL(server.baseUrl),
    };
    const waiting = saveApplication(
      db,
      {
        source: 'phone',
        name: 'Wilma Jonottaja',
        phone: '+358407651299',
        email: '',
        municipality: 'Lapua',
        localityId: null,
        preferredCourseId: courseId,
        goodTimesToCall: '',
        consentRecordedBy: null,
        referrerName: '',
        referrerUnit: '',
        referrerContact: '',
        language: 'fi',
      },
      mail.now,
    );
    expect(
      placeOnCourse(db, { applicationId: waiting.id, courseId }, { actor: null, mail }).state,
    ).toBe('waitlisted');

    // The server's worker sends the invitation, making the personal link as it does.
    const invitationFor = () =>
      smtp.messages.find((mail) => mail.envelopeTo.includes(applicant.email));
    await expect.poll(invitationFor, { timeout: 15_000 }).toBeDefined();
    const link = /https?:\/\/\S+\/p\/[\w-]+/.exec(invitationFor()!.text ?? '')![0];

    const page = await newPage(browser);
    await page.goto(link);
    expect(await page.locator('main').textContent()).toContain('ti 6.10.2026');
    expect(await page.locator('main').textContent()).not.toContain('Wilma');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'En pääse kurssille…' }).click();
    await page.getByRole('button', { name: 'Kyllä, en pääse kurssille lainkaan' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Paikkasi on peruttu');
    await expectNoAxeViolations(page);

    const states = db
      .select({ name: applications.name, state: enrollments.state })
      .from(enrollments)
      .innerJoin(applications, eq(applications.id, enrollments.applicationId))
      .where(eq(enrollments.courseId, courseId))
      .all();
    expect(Object.fromEntries(states.map((row) => [row.name, row.state]))).toEqual({
      [applicant.name]: 'withdrawn',
      'Wilma Jonottaja': 'placed',
    });
    await page.context().close();
  });
});
