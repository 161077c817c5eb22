import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from '../../bench/free-port';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { demoSignIns } from '../../src/features/demo/demo-data';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const axeSource = createRequire(import.meta.url)('axe-core').source as string;

export { freePort };

export type RunningServer = {
  baseUrl: string;
  process: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop: () => Promise<number | null>;
};

/** Starts the real server (`node --import tsx src/server.ts`) as one process on a free port. */
export async function startServer(
  databaseDirectory: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningServer> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_PATH: join(databaseDirectory, 'e2e.sqlite'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  const deadline = Date.now() + 30_000;
  while (!output.includes('is running at')) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`Server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install it with apt-get install -y chromium`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Our CSP forbids inline scripts, so the test context bypasses it to inject axe-core. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, locale: 'fi-FI' });
  return context.newPage();
}

type AxeViolation = { id: string; help: string; nodes: { target: unknown }[] };
/** What the page's global scope holds once axe-core is injected (tests compile without DOM types). */
type AxePageGlobals = {
  document: unknown;
  axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
};

const axeRuleTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules and best practices) and fails on any violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (tags) => {
    const { axe, document } = globalThis as unknown as AxePageGlobals;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  }, axeRuleTags);
  if (violations.length > 0) {
    const lines = violations.map(
      (violation) => `- ${violation.id}: ${violation.help} at ${violation.targets.join(', ')}`,
    );
    throw new Error(
      `axe found ${violations.length} violations on ${page.url()}:\n${lines.join('\n')}`,
    );
  }
}

type Box = { right: number; width: number; height: number };
type PageGlobals = {
  innerWidth: number;
  document: {
    querySelectorAll: (selector: string) => {
      tagName: string;
      id: string;
      className: string;
      textContent: string;
      getBoundingClientRect: () => Box;
      closest: (selector: string) => unknown;
    }[];
  };
};

/** Nothing may make a 390 px phone screen scroll sideways (wide tables scroll on their own). */
export async function expectNoSidewaysScroll(page: Page) {
  const tooWide = await page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as PageGlobals;
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > innerWidth + 1)
      .filter((element) => !element.closest('.table-scroll'))
      .map((element) => `${element.tagName}#${element.id}.${element.className}`);
  });
  expect(tooWide).toEqual([]);
}

/** Every control the selector finds is at least 44 × 44 CSS pixels (WCAG 2.5.5 target size). */
export async function expectTouchTargets(page: Page, selector: string) {
  const small = await page.evaluate((query) => {
    const { document } = globalThis as unknown as PageGlobals;
    return [...document.querySelectorAll(query)]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ element, box }) => `${element.textContent.trim()} ${box.width}×${box.height}`);
  }, selector);
  expect(small).toEqual([]);
}

/** Signs in through the real form, as a person would. */
export async function signInInBrowser(
  page: Page,
  baseUrl: string,
  person: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Sähköposti').fill(person.email);
  await page.getByLabel('Salasana').fill(person.password);
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
}

/**
 * A server on a fresh demo database with its clock at `startTime`, and a Chromium page of the
 * given width with the demo coordinator signed in on the home page. `close` stops both.
 */
export async function coordinatorInBrowser(options: {
  directory: string;
  startTime: string;
  width?: number;
}) {
  const server = await startServer(options.directory, { START_TIME: options.startTime });
  const browser = await launchBrowser();
  const page = await newPage(browser);
  if (options.width) await page.setViewportSize({ width: options.width, height: 844 });
  const coordinator = demoSignIns.find((person) => person.role === 'coordinator')!;
  await signInInBrowser(page, server.baseUrl, coordinator);
  await page.waitForURL(`${server.baseUrl}/`);
  return {
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      return server.stop();
    },
  };
}

/** What the control check reads from the page (tests compile without DOM types). */
type ControlGlobals = {
  innerWidth: number;
  document: {
    querySelectorAll: (selector: string) => ArrayLike<ControlElement>;
    documentElement: { scrollWidth: number; clientWidth: number };
  };
  getComputedStyle: (element: ControlElement) => { visibility: string; display: string };
};
type ControlElement = {
  tagName: string;
  id: string;
  type?: string;
  textContent: string | null;
  parentElement: ControlElement | null;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  labels?: ArrayLike<ControlElement> | null;
  getAttribute: (name: string) => string | null;
  getBoundingClientRect: () => Box & { left: number; top: number; bottom: number };
  closest: (selector: string) => ControlElement | null;
};

/** The page itself never scrolls sideways: its content is no wider than the window. */
export async function expectPageFitsWidth(page: Page) {
  const widths = await page.evaluate(() => {
    const { document } = globalThis as unknown as ControlGlobals;
    const { scrollWidth, clientWidth } = document.documentElement;
    // The innermost elements reaching past the window name the culprit in the failure.
    const beyond = Array.from(document.querySelectorAll('body *')).filter(
      (element) => element.getBoundingClientRect().right > clientWidth + 1,
    );
    const culprits = beyond
      .filter((element) => !beyond.some((other) => other.parentElement === element))
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.textContent ?? '').trim().slice(0, 30)}"`,
      );
    return { scrollWidth, clientWidth, culprits };
  });
  if (widths.scrollWidth > widths.clientWidth) {
    throw new Error(
      `${page.url()} scrolls sideways: ${widths.scrollWidth} px wide in a ${widths.clientWidth} px window; past the edge: ${widths.culprits.join(', ')}`,
    );
  }
}

/**
 * Every interactive control a finger can reach is at least 44 CSS pixels tall (so at least 44 px in
 * one dimension) and never narrower than 24 px (WCAG 2.5.5 and 2.5.8). A checkbox or radio
 * button is measured together with its label, because tapping the label ticks it. A link inside
 * running text — a paragraph or list item with words of its own around the link — is exempt,
 * as WCAG 2.5.8 exempts targets "in a sentence or block of text".
 */
export async function expectEveryControlTappable(page: Page) {
  const small = await page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as ControlGlobals;
    const controls = [
      ...Array.from(
        document.querySelectorAll(
          'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])',
        ),
      ),
    ];
    const visible = (element: ControlElement) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0;
    };
    const inRunningText = (element: ControlElement) => {
      if (element.tagName !== 'A') return false;
      const parent = element.parentElement;
      if (!parent) return false;
      return Array.from(parent.childNodes).some(
        (node) =>
          node !== (element as unknown) &&
          (node.nodeType === 3 || (node as unknown as ControlElement).tagName !== 'A') &&
          (node.textContent ?? '').trim().length > 0,
      );
    };
    const targetBox = (element: ControlElement) => {
      const box = element.getBoundingClientRect();
      if (element.type !== 'checkbox' && element.type !== 'radio') return box;
      const boxes = [
        box,
        ...Array.from(element.labels ?? []).map((label) => label.getBoundingClientRect()),
      ];
      const left = Math.min(...boxes.map((b) => b.left));
      const right = Math.max(...boxes.map((b) => b.right));
      const top = Math.min(...boxes.map((b) => b.top));
      const bottom = Math.max(...boxes.map((b) => b.bottom));
      return { width: right - left, height: bottom - top };
    };
    return controls
      .filter(visible)
      .filter((element) => !element.closest('.skip-link, .visually-hidden'))
      .filter((element) => !inRunningText(element))
      .map((element) => ({ element, box: targetBox(element) }))
      .filter(({ box }) => box.height < 43.5 || Math.min(box.width, box.height) < 24)
      .map(
        ({ element, box }) =>
          `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(
            element.textContent ??
            element.getAttribute('name') ??
            ''
          )
            .trim()
            .replace(/\s+/g, ' ')
            .slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
  });
  if (small.length > 0) {
    throw new Error(`controls smaller than a fingertip on ${page.url()}:\n  ${small.join('\n  ')}`);
  }
}
