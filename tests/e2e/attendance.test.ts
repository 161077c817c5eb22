import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/db';
import { markAttendance } from '../../src/features/attendance/attendance-commands';
import { demoSignIns } from '../../src/features/demo/demo-data';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { aRunningCourse, storedMark } from '../support/attendance-fixtures';
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
import { aStaffUser, temporaryDirectory, testConfig } from '../support/test-app';

/** Tuesday 13 October 2026, ten minutes into session 2 of a course that began on the 6th. */
const duringSecondSession = '2026-10-13T17:10:00+03:00';

async function onPhone(browser: Browser): Promise<Page> {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  return page;
}

type FocusGlobals = { document: { activeElement: { id: string } | null } };

/** Every page of the journey: WCAG AA by axe, and nothing wider than the phone. */
async function checkPage(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
}

describe('attendance in Chromium on a 390 × 844 phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: AppDatabase;
  let tonight: ReturnType<typeof aRunningCourse>;
  let ended: ReturnType<typeof aRunningCourse>;
  const instructor = {
    email: 'e2e.ohjaaja@kurssipolku.example',
    password: 'ohjaajan salasana 2026',
  };

  beforeAll(async () => {
    const directory = temporaryDirectory('e2e-attendance');
    server = await startServer(directory, { START_TIME: duringSecondSession });
    browser = await launchBrowser();
    db = openDatabase(join(directory, 'e2e.sqlite'));
    const account = await aStaffUser(db, 'instructor', { ...instructor, name: 'Eeva Ohjaaja' });
    tonight = aRunningCourse(db, { participants: 4, instructorUserIds: [account.id] });
    // A course whose six sessions ended in September, marked but for one box.
    ended = aRunningCourse(db, { participants: 3, firstDate: '2026-08-18' });
    const marks = ended.people.flatMap((person, index) =>
      ended.sessions.map((session, sessionIndex) => ({
        sessionId: session.id,
        enrollmentId: person.enrollmentId,
        mark: sessionIndex < 2 + 2 * index ? ('present' as const) : ('absent' as const),
      })),
    );
    markAttendance(
      db,
      { courseId: ended.courseId, marks: marks.slice(0, -1) },
      {
        actor: { id: null, name: 'Paperilta', role: 'coordinator' },
        mail: { ...mailSettingsFrom(testConfig()), now: new Date(duringSecondSession) },
      },
    );
  });

  afterAll(async () => {
    db?.$client.close();
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  it("an instructor opens tonight's session from the home page, marks three people and sees them after a reload", async () => {
    const page = await onPhone(browser);
    await signInInBrowser(page, server.baseUrl, instructor);
    await page.waitForURL(`${server.baseUrl}/`);
    await checkPage(page);
    const card = page.locator('.tonight');
    expect(await card.getByRole('heading').textContent()).toBe('Tänään: kerta 2');
    await expectTouchTargets(page, '.tonight a');
    await card.getByRole('link', { name: 'Merkitse läsnäolot' }).click();

    const sessionUrl = `${server.baseUrl}/sessions/${tonight.sessions[1]!.id}/attendance`;
    await page.waitForURL(sessionUrl);
    await checkPage(page);
    await expectTouchTargets(page, '.mark-button, #rest-present, .attendee-phone a');
    const fontSize = await page
      .locator('.mark-button')
      .first()
      .evaluate(
        (element) =>
          (
            globalThis as unknown as { getComputedStyle: (e: unknown) => { fontSize: string } }
          ).getComputedStyle(element).fontSize,
      );
    expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(16);

    const choices = [
      ['Osallistuja 1', 'Läsnä'],
      ['Osallistuja 2', 'Estynyt'],
      ['Osallistuja 3', 'Poissa'],
    ] as const;
    for (const [name, mark] of choices) {
      const group = page.getByRole('group', { name: `${name}: läsnäolo` });
      await group.getByRole('button', { name: mark }).click();
      await expect
        .poll(() => group.getByRole('button', { name: mark }).getAttribute('aria-pressed'))
        .toBe('true');
      expect(await page.locator('#attendance-notice').textContent()).toContain(name);
    }
    // htmx swapped the list in place: still on the same page, no full reload.
    expect(page.url()).toBe(sessionUrl);
    // By keyboard: the focus stays on the pressed button after the swap.
    const fourth = tonight.people[3]!.enrollmentId;
    await page.locator(`#mark-${fourth}-present`).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator(`#mark-${fourth}-present`).getAttribute('aria-pressed'))
      .toBe('true');
    expect(
      await page.evaluate(() => (globalThis as unknown as FocusGlobals).document.activeElement?.id),
    ).toBe(`mark-${fourth}-present`);
    await checkPage(page);

    await page.reload();
    for (const [name, mark] of choices) {
      const pressed = page
        .getByRole('group', { name: `${name}: läsnäolo` })
        .locator('button[aria-pressed="true"]');
      expect(await pressed.textContent()).toBe(mark);
    }
    const session = tonight.sessions[1]!.id;
    expect(
      tonight.people.map((person) => storedMark(db, session, person.enrollmentId)?.mark),
    ).toEqual(['present', 'excused', 'absent', 'present']);
  });

  it('a coordinator is told which mark is missing, fills it on the grid, closes the course and sees its completers', async () => {
    const page = await onPhone(browser);
    const coordinator = demoSignIns.find((demo) => demo.role === 'coordinator')!;
    await signInInBrowser(page, server.baseUrl, coordinator);
    await page.waitForURL(`${server.baseUrl}/`);
    await page.goto(`${server.baseUrl}/courses/${ended.courseId}/attendance`);
    await checkPage(page);

    await page.getByRole('button', { name: 'Päätä kurssi' }).click();
    const problem = page.locator('#closing-problem');
    await problem.waitFor();
    expect(await problem.locator('li').allTextContents()).toEqual(['Osallistuja 3, kerta 6']);
    await checkPage(page);

    await page.getByRole('link', { name: 'Merkitse kaikki kerrat samaan taulukkoon' }).click();
    await page.waitForURL(`${server.baseUrl}/courses/${ended.courseId}/attendance/grid`);
    await checkPage(page);
    await page.getByLabel('Osallistuja 3, kerta 6').selectOption('present');
    await page.getByRole('button', { name: /Tallenna/ }).click();
    await page.waitForURL(`${server.baseUrl}/courses/${ended.courseId}/attendance`);

    await page.getByRole('button', { name: 'Päätä kurssi' }).click();
    await page.locator('#completers').waitFor();
    await checkPage(page);
    expect(await page.locator('#completers').textContent()).toBe('Suorittaneet: 2');
    const completers = await page.locator('#completers + ul li').allTextContents();
    expect(completers).toEqual(['Osallistuja 2', 'Osallistuja 3']);
  });
});
