import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coordinatorInBrowser,
  expectEveryControlTappable,
  expectNoAxeViolations,
  expectPageFitsWidth,
} from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

/** What the print check reads from the page (tests compile without DOM types). */
type StyleGlobals = { getComputedStyle: (element: unknown) => { breakInside: string } };

describe('the term report with its charts, on screen and in print, in Chromium', () => {
  let session: Awaited<ReturnType<typeof coordinatorInBrowser>>;
  let page: Page;
  let termReport = '';
  let yearView = '';

  beforeAll(async () => {
    // Mid-term in the demo's autumn: people placed, sessions held.
    session = await coordinatorInBrowser({
      directory: temporaryDirectory('e2e-report-charts'),
      startTime: '2026-10-06T12:00:00+03:00',
      width: 390,
    });
    page = session.page;
    await page.goto(`${session.server.baseUrl}/reports`);
    const hrefs = await page
      .locator('main a[href^="/reports/terms/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    termReport = hrefs[0]!;
    const termIds = await page
      .locator('input[name="terms"]')
      .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('value') ?? ''));
    yearView = `/reports?terms=${termIds.join(',')}`;
  }, 60_000);

  afterAll(async () => {
    expect(await session?.close()).toBe(0);
  });

  /** Each chart on the page: visible, named by its title, and with its table beside it. */
  async function expectChartsShown(count: number) {
    const charts = page.locator('#report-charts figure');
    await expect(charts.count()).resolves.toBe(count);
    for (let index = 0; index < count; index += 1) {
      const chart = charts.nth(index);
      const picture = chart.getByRole('img');
      await expect(picture.isVisible()).resolves.toBe(true);
      const caption = await chart.locator('figcaption').textContent();
      await expect(picture.getAttribute('aria-labelledby')).resolves.toMatch(/-title$/);
      await expect(chart.getByRole('img', { name: caption! }).count()).resolves.toBe(1);
      await expect(chart.locator('table').isVisible()).resolves.toBe(true);
      const box = await picture.boundingBox();
      expect(box!.height).toBeGreaterThan(50);
    }
  }

  it('fits a 390 px phone with three charts and passes axe', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${session.server.baseUrl}${termReport}`);
    await expectChartsShown(3);
    await expectPageFitsWidth(page);
    await expectEveryControlTappable(page);
    await expectNoAxeViolations(page);
  });

  it('prints the charts on A4 with the navigation hidden, and passes axe', async () => {
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.goto(`${session.server.baseUrl}${termReport}`);
    await page.emulateMedia({ media: 'print' });
    try {
      await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
      await expect(page.locator('.no-print').first().isVisible()).resolves.toBe(false);
      await expectChartsShown(3);
      const breakInside = await page
        .locator('#report-charts figure')
        .first()
        .evaluate(
          (figure) => (globalThis as unknown as StyleGlobals).getComputedStyle(figure).breakInside,
        );
      expect(breakInside).toBe('avoid');
      await expectNoAxeViolations(page);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('shows the year view with its funnel and trend at 390 px and 1280 px', async () => {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`${session.server.baseUrl}${yearView}`);
      await expectChartsShown(2);
      await expectPageFitsWidth(page);
      await expectNoAxeViolations(page);
    }
  });
});
