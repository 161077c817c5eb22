import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coordinatorInBrowser,
  expectEveryControlTappable,
  expectNoAxeViolations,
  expectPageFitsWidth,
} from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

describe('the coordinator’s home page at a glance, in Chromium', () => {
  let session: Awaited<ReturnType<typeof coordinatorInBrowser>>;
  let page: Page;

  beforeAll(async () => {
    // Mid-term in the demo's autumn: courses running, calls on the queue.
    session = await coordinatorInBrowser({
      directory: temporaryDirectory('e2e-dashboard'),
      startTime: '2026-10-06T12:00:00+03:00',
    });
    page = session.page;
  }, 60_000);

  afterAll(async () => {
    expect(await session?.close()).toBe(0);
  });

  for (const width of [390, 1280]) {
    it(`shows the summary first, readable and accessible at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`${session.server.baseUrl}/`);
      const glance = page.getByRole('region', { name: 'Yhdellä silmäyksellä' });
      await expect(glance.isVisible()).resolves.toBe(true);
      await expect(glance.getByRole('link', { name: /soittoa jonossa/ }).isVisible()).resolves.toBe(
        true,
      );
      await expectPageFitsWidth(page);
      await expectEveryControlTappable(page);
      await expectNoAxeViolations(page);
    });
  }

  /** Tabs from the top of the page until the link has focus, then presses Enter. */
  async function followWithKeyboard(linkId: string) {
    await page.goto(`${session.server.baseUrl}/`);
    for (let presses = 0; presses < 60; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(`document.activeElement?.id === ${JSON.stringify(linkId)}`)) {
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        return new URL(page.url()).pathname;
      }
    }
    throw new Error(`Tab never reached #${linkId}`);
  }

  it('follows the decisions and call queue links with Tab and Enter', async () => {
    expect(await followWithKeyboard('glance-decisions')).toBe('/decisions');
    expect(await followWithKeyboard('glance-calls')).toBe('/calls');
  }, 60_000);
});
