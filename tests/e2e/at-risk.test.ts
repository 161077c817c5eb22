import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as browser from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

describe('a coordinator marks neighbouring localities and finds the decisions, on a phone', () => {
  let session: Awaited<ReturnType<typeof browser.coordinatorInBrowser>>;

  beforeAll(async () => {
    session = await browser.coordinatorInBrowser({
      directory: temporaryDirectory('e2e-at-risk'),
      startTime: '2026-09-01T09:00:00+03:00',
      width: 390,
    });
  });

  afterAll(async () => {
    expect(await session?.close()).toBe(0);
  });

  it('ticks Alajärvi as a neighbour of Lapua and sees the pair on both localities', async () => {
    const { page, server } = session;
    await page.goto(`${server.baseUrl}/localities`);
    await browser.expectNoAxeViolations(page);
    await browser.expectNoSidewaysScroll(page);
    const lapua = page.locator('.locality', { has: page.getByRole('heading', { name: 'Lapua' }) });
    await lapua.getByText('Valitse naapuripaikkakunnat: Lapua').click();
    await browser.expectTouchTargets(
      page,
      '.neighbours summary, .neighbours label, .neighbours button',
    );
    await lapua.getByLabel('Alajärvi').check();
    await lapua.getByRole('button', { name: 'Tallenna naapurit Lapua' }).click();
    await page.waitForURL(/\/localities/);
    expect(await page.locator('#flash').textContent()).toContain('Paikkakunnan Lapua naapurit');
    const alajarvi = page.locator('.locality', {
      has: page.getByRole('heading', { name: 'Alajärvi' }),
    });
    expect(await alajarvi.locator('.neighbours p').first().textContent()).toBe(
      'Naapuripaikkakunnat: Lapua',
    );
    await browser.expectNoAxeViolations(page);
  });

  it('opens the go/no-go decisions from the menu', async () => {
    const { page, server } = session;
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Kurssipäätökset' }).click();
    await page.waitForURL(`${server.baseUrl}/decisions`);
    await browser.expectNoAxeViolations(page);
    await browser.expectNoSidewaysScroll(page);
  });
});
