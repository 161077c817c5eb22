import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDate } from '../../src/i18n/format';
import {
  coordinatorInBrowser,
  expectEveryControlTappable,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  expectPageFitsWidth,
  expectTouchTargets,
} from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

/** What the review page shows of one proposed course. */
type Proposed = { legend: string; locality: string; firstDate: string; startTime: string };

/** The solver may think for up to 20 s, and the browser shares two cores with other tests. */
const solving = 120_000;

async function proposedCourses(page: Page): Promise<Proposed[]> {
  const boxes = page.locator('fieldset.proposal-course');
  const courses: Proposed[] = [];
  for (let index = 0; index < (await boxes.count()); index++) {
    const box = boxes.nth(index);
    const legend = ((await box.locator('legend').textContent()) ?? '').trim();
    courses.push({
      legend,
      locality: legend.match(/^Kurssi \d+: (.+), \S+ klo /)?.[1] ?? '',
      firstDate: await box.getByLabel('Ensimmäinen tapaaminen').inputValue(),
      startTime: await box.getByLabel('Alkaa klo').inputValue(),
    });
  }
  return courses;
}

async function termCourseIds(page: Page): Promise<string[]> {
  return page.locator('#term-courses tbody tr').evaluateAll((rows) => rows.map((row) => row.id));
}

/** The checks every page of the journey passes, at the width the browser has. */
async function expectFitsAndAccessible(page: Page, controls: string) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await expectPageFitsWidth(page);
  await expectTouchTargets(page, controls);
  await expectEveryControlTappable(page);
}

const formControls = 'main button, main select, main input:not([type=hidden]):not([type=checkbox])';

describe('a coordinator has the next term proposed on a phone, drops one course and accepts the rest', () => {
  let session: Awaited<ReturnType<typeof coordinatorInBrowser>>;
  let page: Page;
  let proposed: Proposed[];
  let coursesBefore: string[];

  beforeAll(async () => {
    session = await coordinatorInBrowser({
      directory: temporaryDirectory('e2e-term-proposal'),
      startTime: '2026-12-03T09:00:00+02:00',
      width: 390,
    });
    page = session.page;
  });

  afterAll(async () => {
    expect(await session?.close()).toBe(0);
  });

  it('opens "Ehdota suunnitelmaa" on the spring term and reads what a good plan means', async () => {
    await page.goto(`${session.server.baseUrl}/terms`);
    await page.getByRole('link', { name: 'Kevät 2027' }).click();
    await page.waitForURL(/\/terms\/\d+$/);
    coursesBefore = await termCourseIds(page);
    await page.locator('#propose-plan').click();
    await page.waitForURL(/\/terms\/\d+\/proposal$/);
    expect(await page.locator('h1').textContent()).toBe('Ehdota suunnitelmaa: Kevät 2027');
    expect(await page.locator('#good-plan li').count()).toBeGreaterThan(0);
    expect(await page.locator('#hard-rules li').count()).toBeGreaterThan(0);
    await expectFitsAndAccessible(page, formControls);
  });

  it(
    'asks for 3 courses and gets 3, each with why it was chosen',
    async () => {
      await page.getByLabel('Kurssien määrä').fill('3');
      await page.getByRole('button', { name: 'Ehdota kursseja' }).click();
      await page.waitForURL(/\/terms\/\d+\/proposal$/);
      await page.locator('h1', { hasText: 'Ehdotus: Kevät 2027' }).waitFor({ timeout: solving });

      proposed = await proposedCourses(page);
      expect(proposed).toHaveLength(3);
      for (const [index, course] of proposed.entries()) {
        expect(course.legend).toMatch(new RegExp(`^Kurssi ${index + 1}: \\S.*, \\S+ klo \\d`));
        expect(course.locality).not.toBe('');
        expect(course.firstDate).toMatch(/^2027-\d{2}-\d{2}$/);
        expect(course.legend).toContain(`klo ${course.startTime}`);
      }
      const reasons = page.locator('fieldset.proposal-course .proposal-reasons');
      for (let index = 0; index < 3; index++) {
        expect(await reasons.nth(index).locator('li').count()).toBeGreaterThan(0);
      }
      expect(await page.getByLabel('Pidä tämä kurssi').count()).toBe(3);
      for (const keep of await page.getByLabel('Pidä tämä kurssi').all()) {
        expect(await keep.isChecked()).toBe(true);
      }
      await expectFitsAndAccessible(page, formControls);
    },
    solving,
  );

  it('fits a 1280 px screen too', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page);
    await expectPageFitsWidth(page);
    await expectEveryControlTappable(page);
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it(
    'unticks the second course, accepts the others and finds them on the term plan',
    async () => {
      const dropped = proposed[1]!;
      const kept = [proposed[0]!, proposed[2]!];
      await page
        .locator('fieldset.proposal-course')
        .nth(1)
        .getByLabel('Pidä tämä kurssi')
        .uncheck();
      await page.getByRole('button', { name: 'Hyväksy pidetyt kurssit' }).click();
      await page.waitForURL(/\/terms\/\d+(\/proposal\/review)?$/, { timeout: solving });
      const refused = page.locator('.error-summary');
      expect(
        page.url(),
        (await refused.count()) > 0 ? await refused.innerText() : 'no error summary',
      ).toMatch(/\/terms\/\d+$/);

      expect(await page.getByRole('status').textContent()).toContain(
        'Lukukauteen lisättiin 2 kurssia.',
      );
      const added = (await termCourseIds(page)).filter((id) => !coursesBefore.includes(id));
      expect(added).toHaveLength(2);

      const shown: string[] = [];
      for (const rowId of added) {
        const row = page.locator(`#${rowId}`);
        const locality = await row.locator('xpath=ancestor::table/caption').textContent();
        const dates = (await row.locator('td').nth(1).textContent()) ?? '';
        const courseHref = (await row.locator('a').first().getAttribute('href')) ?? '';
        const firstSession = page.locator(`.calendar-week a[href="${courseHref}"]`).first();
        const time = ((await firstSession.textContent()) ?? '').match(/ (\d{1,2})\.(\d{2})–/);
        shown.push(
          `${locality}, ${dates.split(' – ')[0]} klo ${time?.[1]?.padStart(2, '0')}:${time?.[2]}`,
        );
      }
      // The two kept courses, and so not the dropped one (unless it was their twin).
      const asShown = (course: Proposed) =>
        `${course.locality}, ${formatLocalDate(course.firstDate, 'fi')} klo ${course.startTime}`;
      expect(shown.sort()).toEqual(kept.map(asShown).sort());
      expect(shown.filter((one) => one === asShown(dropped)).length).toBe(
        kept.filter((course) => asShown(course) === asShown(dropped)).length,
      );
      await expectNoAxeViolations(page);
    },
    solving,
  );
});
