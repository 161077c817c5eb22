import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { aStaffUser, buildTestApp, getPage, signIn } from '../support/test-app';

const htmx = { 'HX-Request': 'true', 'HX-Target': 'more', 'HX-Current-URL': 'http://localhost/' };

/** Follows the plain "show more" links from `start`; returns the row ids of every page in order. */
async function walkPlainLinks(
  get: (path: string) => Response | Promise<Response>,
  start: string,
  rowSelector: string,
  moreSelector: string,
) {
  const pages: string[][] = [];
  const links: string[] = [];
  let path: string | undefined = start;
  while (path !== undefined) {
    const response = await get(path);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    pages.push(
      $(rowSelector)
        .map((_, row) => $(row).attr('id')!)
        .get(),
    );
    path = $(`${moreSelector} a`).attr('href');
    if (path !== undefined) links.push(path);
    expect(pages.length).toBeLessThan(100);
  }
  return { pages, links };
}

/** Follows the htmx "show more" requests: each answer must be table rows only, no page around them. */
async function walkHtmx(
  get: (path: string) => Response | Promise<Response>,
  start: string,
  rowSelector: string,
  moreSelector: string,
) {
  const first = load(await (await get(start)).text());
  const ids = first(rowSelector)
    .map((_, row) => first(row).attr('id')!)
    .get();
  let path = first(`${moreSelector} a`).attr('hx-get');
  while (path !== undefined) {
    const response = await get(`${path}#htmx`);
    const html = await response.text();
    expect(html).not.toContain('<html');
    expect(html).not.toContain('<h1');
    expect(html.trimStart().startsWith('<tr')).toBe(true);
    const $ = load(`<table><tbody>${html}</tbody></table>`);
    ids.push(
      ...$(rowSelector)
        .map((_, row) => $(row).attr('id')!)
        .get(),
    );
    path = $(`${moreSelector} a`).attr('hx-get');
  }
  return ids;
}

describe('the audit log is read a page at a time', () => {
  const { app, db } = buildTestApp();
  let adminCookie = '';
  let coordinatorCookie = '';
  const get = (path: string) =>
    path.endsWith('#htmx')
      ? getPage(app, path.replace('#htmx', ''), adminCookie, htmx)
      : getPage(app, path, adminCookie);

  beforeAll(async () => {
    adminCookie = await signIn(app, await aStaffUser(db, 'admin'));
    coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    // 130 entries, three at each instant, so the id breaks ties between equal times.
    const start = Date.UTC(2026, 0, 1);
    db.insert(auditLog)
      .values(
        Array.from({ length: 130 }, (_, index) => ({
          at: new Date(start + Math.floor(index / 3) * 60_000),
          actorName: 'Testi',
          action: 'read' as const,
          subjectType: 'instructor',
          subjectId: index,
        })),
      )
      .run();
  });

  const newestFirst = () =>
    db
      .select({ id: auditLog.id, at: auditLog.at })
      .from(auditLog)
      .all()
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id)
      .map((entry) => `audit-${entry.id}`);

  it('shows 50 entries and a link to the next ones, and the links visit every entry once, in order', async () => {
    const expected = newestFirst();
    const { pages, links } = await walkPlainLinks(
      get,
      '/admin/audit',
      '#audit-rows > tr[id^="audit-"]:not(#audit-more)',
      '#audit-more',
    );
    expect(pages[0]).toHaveLength(50);
    expect(pages.map((page) => page.length)).toEqual([50, 50, expected.length - 100]);
    expect(pages.flat()).toEqual(expected);
    expect(links.every((link) => /^\/admin\/audit\?after=\d+$/.test(link))).toBe(true);
  });

  it('answers "show more" with just the next rows, which together make the whole log once', async () => {
    const ids = await walkHtmx(
      get,
      '/admin/audit',
      'tr[id^="audit-"]:not(#audit-more)',
      '#audit-more',
    );
    expect(ids).toEqual(newestFirst());
  });

  it('starts from the newest entries when the cursor is not a row number', async () => {
    for (const bad of ['abc', '-1', '0', '1e3', '99999999999', "1' or 1=1"]) {
      const response = await get(`/admin/audit?after=${encodeURIComponent(bad)}`);
      expect(response.status).toBe(200);
      const $ = load(await response.text());
      expect($('#audit-rows > tr:not(#audit-more)').first().attr('id')).toBe(newestFirst()[0]);
    }
  });

  it('is still for admins only', async () => {
    const response = await getPage(app, '/admin/audit?after=5', coordinatorCookie);
    expect(response.status).toBe(403);
  });
});
