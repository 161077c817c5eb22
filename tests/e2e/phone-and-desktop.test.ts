import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db';
import { demoSignIns } from '../../src/features/demo/demo-data';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import {
  expectEveryControlTappable,
  expectNoAxeViolations,
  expectPageFitsWidth,
  launchBrowser,
  signInInBrowser,
  startServer,
  type RunningServer,
} from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

/**
 * A page to visit: a path; the first link on a listing page whose address matches, so that a page
 * of one record (a course, a person) needs no id from the test; a page next to one found so (its
 * roster); or a path found in the demo data.
 */
type Visit =
  | string
  | { from: Visit; link: RegExp }
  | { nextTo: Visit; path: (found: string) => string }
  | (() => string);

/** Found in the demo database once the server has filled it. */
const demoPaths = {
  participant: '',
  interview: '',
  yearReport: '',
  auditOfPerson: '',
  placedPerson: '',
};

const firstLinkTo = (from: Visit, link: RegExp): Visit => ({ from, link });
const tonightsSession = firstLinkTo('/', /^\/sessions\/\d+\/attendance$/);
const itsCourse = firstLinkTo(tonightsSession, /^\/courses\/\d+\/attendance$/);
const aTerm = firstLinkTo('/terms', /^\/terms\/\d+$/);
const aCourse = firstLinkTo(aTerm, /^\/courses\/\d+$/);
const aPerson = firstLinkTo('/people?q=ki', /^\/people\/\d+$/);
/** The demo's past steering meeting, through its open action item on the home page. */
const pastMeeting: Visit = {
  nextTo: firstLinkTo('/', /^\/meetings\/\d+#action-item-\d+$/),
  path: (found) => found.replace(/#.*$/, ''),
};
/** A page of the same course: `/courses/3/attendance` → `/courses/3/roster`. */
const ofCourse = (course: Visit, page: string): Visit => ({
  nextTo: course,
  path: (found) => `${found.match(/^\/courses\/\d+/)![0]}${page}`,
});

/** The pages each role visits; adding a page to the check is one line here. */
const pagesByRole: Record<
  'anonymous' | 'instructor' | 'coordinator' | 'admin' | 'reporting',
  Visit[]
> = {
  anonymous: [
    '/',
    '/apply',
    '/referrals',
    '/nominations',
    '/instructor-applications',
    '/sign-in',
    '/privacy',
    () => demoPaths.participant,
    firstLinkTo(() => demoPaths.participant, /\/withdrawal/),
  ],
  instructor: [
    '/',
    tonightsSession,
    itsCourse,
    ofCourse(itsCourse, '/roster'),
    ofCourse(itsCourse, '/feedback/paper'),
    firstLinkTo('/', /^\/instructors\/\d+\/hours$/),
    '/calls',
    '/people',
    '/account',
    '/calendar-feed',
  ],
  coordinator: [
    '/',
    '/terms',
    aTerm,
    firstLinkTo(aTerm, /^\/terms\/\d+\/proposal$/),
    aCourse,
    ofCourse(aCourse, '/roster'),
    ofCourse(aCourse, '/attendance'),
    ofCourse(aCourse, '/attendance/grid'),
    ofCourse(aCourse, '/feedback'),
    ofCourse(aCourse, '/feedback/paper'),
    ofCourse(aCourse, '/feedback/paper-answers'),
    '/courses/new',
    '/calls',
    () => demoPaths.interview,
    firstLinkTo('/', /^\/letters\/\d+$/),
    '/applications/new',
    '/people?q=ki',
    aPerson,
    firstLinkTo(aPerson, /^\/people\/\d+\/export$/),
    firstLinkTo(aPerson, /^\/people\/\d+\/erasure$/),
    // Someone placed on a running course: attendance and mail in the export, and the box to
    // withdraw them first on the erasure's confirmation.
    () => `${demoPaths.placedPerson}/export`,
    () => `${demoPaths.placedPerson}/erasure`,
    '/instructors',
    firstLinkTo('/instructors', /^\/instructors\/\d+\/edit$/),
    firstLinkTo('/instructors', /^\/instructors\/\d+\/hours$/),
    '/trainings',
    firstLinkTo('/trainings', /^\/trainings\/\d+$/),
    '/candidates',
    '/programs',
    '/localities',
    '/outbox',
    '/texts',
    '/decisions',
    '/hours',
    '/reports',
    firstLinkTo('/reports', /^\/reports\/terms\/\d+$/),
    () => demoPaths.yearReport,
    '/meetings',
    '/meetings/new',
    pastMeeting,
    firstLinkTo(pastMeeting, /^\/meetings\/\d+\/minutes$/),
    firstLinkTo(pastMeeting, /^\/meetings\/\d+\/minutes\/edit$/),
  ],
  reporting: ['/', '/reports', firstLinkTo('/reports', /^\/reports\/terms\/\d+$/), '/account'],
  admin: [
    '/',
    '/admin/users',
    '/admin/audit',
    firstLinkTo('/people?q=ki', /^\/people\/\d+$/),
    () => demoPaths.auditOfPerson,
    '/admin/organisation',
    '/admin/retention',
    '/account',
    firstLinkTo(aPerson, /^\/people\/\d+\/export$/),
  ],
};

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** Each test visits many pages and runs axe on each: minutes, not the default seconds. */
const manyPages = 180_000;

describe('every page fits a 390 px phone and a 1280 px screen, with fingertip-sized controls', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    const directory = temporaryDirectory('e2e-phone-and-desktop');
    // Mid-term in the demo's autumn: courses running, a session tonight, letters to post.
    server = await startServer(directory, { START_TIME: '2026-10-06T12:00:00+03:00' });
    browser = await launchBrowser();
    const db = openDatabase(join(directory, 'e2e.sqlite'));
    const placed = db.$client
      .prepare(
        `select application_id as applicationId, course_id as courseId from enrollments
         where state = 'placed' order by id limit 1`,
      )
      .get() as { applicationId: number; courseId: number };
    demoPaths.auditOfPerson = `/admin/audit?person=${placed.applicationId}`;
    demoPaths.participant = `/p/${issuePersonalLink(db, placed.applicationId, placed.courseId, new Date())}`;
    demoPaths.placedPerson = `/people/${placed.applicationId}`;
    const toCall = db.$client
      .prepare(`select id from applications where state = 'to-call' order by id limit 1`)
      .get() as { id: number };
    demoPaths.interview = `/applications/${toCall.id}/interview`;
    const termIds = db.$client.prepare(`select id from terms order by starts_on`).all() as {
      id: number;
    }[];
    demoPaths.yearReport = `/reports?terms=${termIds.map((term) => term.id).join(',')}`;
    db.$client.close();
  });

  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  async function pathOf(page: Page, visit: Visit): Promise<string> {
    if (typeof visit === 'string') return visit;
    if (typeof visit === 'function') return visit();
    if ('nextTo' in visit) return visit.path(await pathOf(page, visit.nextTo));
    const from = await pathOf(page, visit.from);
    await page.goto(`${server.baseUrl}${from}`);
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const href = hrefs.find((candidate) => visit.link.test(candidate));
    if (!href) throw new Error(`No link matching ${visit.link} on ${from}`);
    return href;
  }

  /** The three checks on one page; every failure names the page and the viewport. */
  async function checkPage(page: Page, path: string) {
    const response = await page.goto(`${server.baseUrl}${path}`);
    expect(response?.status(), path).toBeLessThan(400);
    await expectPageFitsWidth(page);
    await expectEveryControlTappable(page);
    await expectNoAxeViolations(page);
  }

  async function signedIn(role: string, viewport: (typeof viewports)[number]) {
    const context = await browser.newContext({
      bypassCSP: true,
      locale: 'fi-FI',
      viewport: { width: viewport.width, height: viewport.height },
    });
    const page = await context.newPage();
    const person = demoSignIns.find((demo) => demo.role === role);
    if (person) {
      await signInInBrowser(page, server.baseUrl, person);
      await page.waitForURL(`${server.baseUrl}/`);
    }
    return { context, page };
  }

  /** Visits every page before failing, so one run lists every page that needs fixing. */
  async function visitAll(context: BrowserContext, page: Page, visits: Visit[]) {
    const failures: string[] = [];
    try {
      for (const visit of visits) {
        await pathOf(page, visit)
          .then((path) => checkPage(page, path))
          .catch((error: Error) => failures.push(error.message));
      }
    } finally {
      await context.close();
    }
    if (failures.length > 0) throw new Error(failures.join('\n'));
  }

  const journeys: { role: keyof typeof pagesByRole; title: string }[] = [
    {
      role: 'anonymous',
      title: 'an anonymous visitor: the front page, the forms, a personal page',
    },
    { role: 'instructor', title: 'an instructor: home, a session to mark, a roster, own hours' },
    { role: 'coordinator', title: 'a coordinator: the registers, a course and its roster, people' },
    { role: 'admin', title: 'an admin: home, users, the audit log and data retention' },
    { role: 'reporting', title: 'the reporting role: home and the term report' },
  ];

  for (const viewport of viewports) {
    describe(`at ${viewport.width} × ${viewport.height}`, () => {
      it.each(journeys.map(({ title, role }) => [title, role] as const))(
        '%s',
        async (_title, role) => {
          const { context, page } = await signedIn(role, viewport);
          await visitAll(context, page, pagesByRole[role]);
        },
        manyPages,
      );
    });
  }
});
