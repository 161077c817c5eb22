import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, instructors, outbox, terms } from '../../db/schema';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

type Get = (path: string, headers?: Record<string, string>) => Response | Promise<Response>;

/** Follows the plain "show more" links from `start`; returns the row ids of every page in order. */
async function walkPlainLinks(get: Get, start: string, rowSelector: string, moreSelector: string) {
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
    expect($(`${rowSelector}[autofocus]`)).toHaveLength(0);
    path = $(`${moreSelector} a`).attr('href');
    if (path !== undefined) links.push(path);
    expect(pages.length).toBeLessThan(100);
  }
  return { pages, links };
}

/** Follows the htmx "show more" requests: each answer must be table rows only, no page around them. */
async function walkHtmx(get: Get, start: string, rowSelector: string, moreSelector: string) {
  const first = load(await (await get(start)).text());
  const ids = first(rowSelector)
    .map((_, row) => first(row).attr('id')!)
    .get();
  let path = first(`${moreSelector} a`).attr('hx-get');
  while (path !== undefined) {
    // As htmx asks: its target is the "show more" row, named by the row's id.
    const response = await get(path, { 'HX-Request': 'true', 'HX-Target': moreSelector.slice(1) });
    const html = await response.text();
    expect(html).not.toContain('<html');
    expect(html).not.toContain('<h1');
    expect(html.trimStart().startsWith('<tr')).toBe(true);
    const $ = load(`<table><tbody>${html}</tbody></table>`);
    // The link that had the focus is gone: the first new row takes it.
    expect($(rowSelector).first().attr('autofocus')).toBeDefined();
    expect($(rowSelector).first().attr('tabindex')).toBe('-1');
    expect($(`${rowSelector}[autofocus]`)).toHaveLength(1);
    ids.push(
      ...$(rowSelector)
        .map((_, row) => $(row).attr('id')!)
        .get(),
    );
    path = $(`${moreSelector} a`).attr('hx-get');
  }
  return ids;
}

/** A cursor that is not a row of the list: the answer is the first page, never an error. */
async function expectFirstPageFor(get: Get, paths: string[], rowSelector: string, firstId: string) {
  for (const path of paths) {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    const $ = load(await response.text());
    expect($(rowSelector).first().attr('id'), path).toBe(firstId);
  }
}

/** The rows' element ids in the list's order: by `key`, ties by id (both reversed for newest first). */
function idsInOrder<Row extends { id: number }>(
  rows: Row[],
  key: (row: Row) => string | number,
  prefix: string,
  direction: 1 | -1 = 1,
) {
  const compare = (a: Row, b: Row) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -1 : x > y ? 1 : a.id - b.id;
  };
  return [...rows].sort((a, b) => direction * compare(a, b)).map((row) => `${prefix}-${row.id}`);
}

type TestApp = ReturnType<typeof buildTestApp>['app'];

/** GETs as the signed-in user. */
function pagesFor(app: TestApp, cookie: () => string): Get {
  return (path, headers = {}) => getPage(app, path, cookie(), headers);
}

describe('the audit log is read a page at a time', () => {
  const { app, db } = buildTestApp();
  let adminCookie = '';
  let coordinatorCookie = '';
  const get = pagesFor(app, () => adminCookie);

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
    idsInOrder(
      db.select({ id: auditLog.id, at: auditLog.at }).from(auditLog).all(),
      (entry) => entry.at.getTime(),
      'audit',
      -1,
    );

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
    await expectFirstPageFor(
      get,
      ['abc', '-1', '0', '1e3', '99999999999', "1' or 1=1"].map(
        (bad) => `/admin/audit?after=${encodeURIComponent(bad)}`,
      ),
      '#audit-rows > tr:not(#audit-more)',
      newestFirst()[0]!,
    );
  });

  it('is still for admins only', async () => {
    const response = await getPage(app, '/admin/audit?after=5', coordinatorCookie);
    expect(response.status).toBe(403);
  });
});

describe('outgoing mail is read a page at a time', () => {
  const { app, db } = buildTestApp();
  let cookie = '';
  let instructorCookie = '';
  const get = pagesFor(app, () => cookie);
  const rows = '#outbox-table tr[id^="outbox-"]:not(#outbox-more)';
  const fragmentRows = 'tr[id^="outbox-"]:not(#outbox-more)';

  beforeAll(async () => {
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    const start = Date.UTC(2026, 0, 1);
    db.insert(outbox)
      .values(
        Array.from({ length: 140 }, (_, index) => ({
          messageId: `<paging-${index}@test.example>`,
          recipientEmail: `person${index}@test.example`,
          subject: `Viesti ${index}`,
          textBody: 'Hei',
          htmlBody: '<p>Hei</p>',
          state: index % 2 === 0 ? ('failed' as const) : ('sent' as const),
          nextAttemptAt: new Date(start),
          // Pairs share an instant, so the id breaks ties.
          createdAt: new Date(start + Math.floor(index / 2) * 60_000),
        })),
      )
      .run();
  });

  const newestFirst = (state?: 'failed') =>
    idsInOrder(
      db
        .select({ id: outbox.id, at: outbox.createdAt, state: outbox.state })
        .from(outbox)
        .all()
        .filter((message) => state === undefined || message.state === state),
      (message) => message.at.getTime(),
      'outbox',
      -1,
    );

  it('shows 50 messages and a link to the next ones, and the links visit every message once, in order', async () => {
    const { pages } = await walkPlainLinks(get, '/outbox', rows, '#outbox-more');
    expect(pages.map((page) => page.length)).toEqual([50, 50, 40]);
    expect(pages.flat()).toEqual(newestFirst());
  });

  it('keeps the chosen state in the next links', async () => {
    const expected = newestFirst('failed');
    const { pages, links } = await walkPlainLinks(
      get,
      '/outbox?state=failed',
      rows,
      '#outbox-more',
    );
    expect(pages[0]).toHaveLength(Math.min(50, expected.length));
    expect(pages.flat()).toEqual(expected);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((link) => /^\/outbox\?state=failed&after=\d+$/.test(link))).toBe(true);
  });

  it('answers "show more" with just the next rows, in both the whole list and one state', async () => {
    expect(await walkHtmx(get, '/outbox', fragmentRows, '#outbox-more')).toEqual(newestFirst());
    expect(await walkHtmx(get, '/outbox?state=failed', fragmentRows, '#outbox-more')).toEqual(
      newestFirst('failed'),
    );
  });

  it('starts from the newest messages when the cursor is not a message', async () => {
    await expectFirstPageFor(
      get,
      ['x', '0', '99999999', '1.5'].map((bad) => `/outbox?after=${bad}`),
      rows,
      newestFirst()[0]!,
    );
  });

  it('is still closed to instructors', async () => {
    const response = await getPage(app, '/outbox?after=3', instructorCookie);
    expect(response.status).toBe(403);
  });
});

describe('the instructor list is read a page at a time, by name', () => {
  const { app, db } = buildTestApp();
  let cookie = '';
  let instructorCookie = '';
  const get = pagesFor(app, () => cookie);
  const rows = '#instructors-rows > tr[id^="instructor-"]';

  beforeAll(async () => {
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    // Inserted out of name order, two of each name, so the id breaks ties between equal names.
    db.insert(instructors)
      .values(
        Array.from({ length: 110 }, (_, index) => ({
          name: `Ohjaaja ${String((index * 37) % 55).padStart(2, '0')}`,
          kind: 'peer' as const,
          createdAt: new Date(),
        })),
      )
      .run();
  });

  const byName = () =>
    idsInOrder(
      db.select({ id: instructors.id, name: instructors.name }).from(instructors).all(),
      (instructor) => instructor.name,
      'instructor',
    );

  it('shows 50 instructors and a link to the next ones, and the links visit everyone once, in order', async () => {
    const { pages, links } = await walkPlainLinks(get, '/instructors', rows, '#instructors-more');
    expect(pages.map((page) => page.length)).toEqual([50, 50, 10]);
    expect(pages.flat()).toEqual(byName());
    expect(links.every((link) => /^\/instructors\?after=\d+$/.test(link))).toBe(true);
  });

  it('answers "show more" with just the next rows', async () => {
    expect(
      await walkHtmx(get, '/instructors', 'tr[id^="instructor-"]', '#instructors-more'),
    ).toEqual(byName());
  });

  it('starts from the first name when the cursor is not an instructor', async () => {
    await expectFirstPageFor(get, ['/instructors?after=nobody'], rows, byName()[0]!);
  });

  it('is still closed to instructors', async () => {
    const response = await getPage(app, '/instructors?after=3', instructorCookie);
    expect(response.status).toBe(403);
  });
});

describe('the term list is read a page at a time, by first day', () => {
  const { app, db } = buildTestApp();
  let cookie = '';
  const get = pagesFor(app, () => cookie);
  const rows = '#terms-rows > tr[id^="term-"]';

  beforeAll(async () => {
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    // 60 years of spring and autumn terms, inserted newest first; some pairs start on one day.
    db.insert(terms)
      .values(
        Array.from({ length: 120 }, (_, index) => {
          const year = 2090 - Math.floor(index / 2);
          const startsOn =
            index % 2 === 0 ? `${year}-08-01` : `${year}-${index % 4 === 1 ? '08' : '01'}-01`;
          return {
            name: `Kausi ${index}`,
            startsOn,
            endsOn: `${year}-12-31`,
            createdAt: new Date(),
          };
        }),
      )
      .run();
  });

  const byStart = () =>
    idsInOrder(
      db.select({ id: terms.id, startsOn: terms.startsOn }).from(terms).all(),
      (term) => term.startsOn,
      'term',
    );

  it('shows 50 terms and a link to the next ones, and the links visit every term once, in order', async () => {
    const { pages } = await walkPlainLinks(get, '/terms', rows, '#terms-more');
    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    expect(pages.flat()).toEqual(byStart());
  });

  it('answers "show more" with just the next rows', async () => {
    expect(await walkHtmx(get, '/terms', 'tr[id^="term-"]', '#terms-more')).toEqual(byStart());
  });

  it('starts from the first term when the cursor is not a term', async () => {
    await expectFirstPageFor(get, ['/terms?after=12345678'], rows, byStart()[0]!);
  });
});

describe('the call queue is read a page at a time, by due time', () => {
  const { app, db } = buildTestApp();
  let cookie = '';
  let instructorCookie = '';
  let instructorId = 0;
  const get = pagesFor(app, () => cookie);
  const rows = '#call-queue-rows > tr[id^="call-"]:not(#call-queue-more)';
  const fragmentRows = 'tr[id^="call-"]:not(#call-queue-more)';

  beforeAll(async () => {
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const instructorUser = await aStaffUser(db, 'instructor');
    instructorCookie = await signIn(app, instructorUser);
    instructorId = db
      .insert(instructors)
      .values({
        name: 'Soittava Ohjaaja',
        kind: 'peer',
        userId: instructorUser.id,
        createdAt: new Date(),
      })
      .returning({ id: instructors.id })
      .get().id;
    const start = Date.UTC(2026, 7, 1);
    db.insert(applications)
      .values(
        Array.from({ length: 125 }, (_, index) => ({
          source: 'phone' as const,
          name: `Soitettava ${index}`,
          phone: `+35840${String(3000000 + index)}`,
          state: 'to-call' as const,
          // Threes share a due time, inserted out of order, so the id breaks ties.
          callDueAt: new Date(start + ((index * 7) % 42) * 3600_000),
          assignedInstructorId: index % 2 === 0 ? instructorId : null,
          createdAt: new Date(start),
          updatedAt: new Date(start),
        })),
      )
      .run();
  });

  const byDue = (assignedTo?: number) =>
    idsInOrder(
      db
        .select({
          id: applications.id,
          due: applications.callDueAt,
          assigned: applications.assignedInstructorId,
        })
        .from(applications)
        .all()
        .filter((row) => assignedTo === undefined || row.assigned === assignedTo),
      (row) => row.due.getTime(),
      'call',
    );

  it('shows 50 calls and a link to the next ones, and the links visit every call once, in order', async () => {
    const { pages } = await walkPlainLinks(get, '/calls', rows, '#call-queue-more');
    expect(pages.map((page) => page.length)).toEqual([50, 50, 25]);
    expect(pages.flat()).toEqual(byDue());
  });

  it('answers "show more" with just the next rows', async () => {
    expect(await walkHtmx(get, '/calls', fragmentRows, '#call-queue-more')).toEqual(byDue());
  });

  it("pages an instructor's own calls only", async () => {
    const { pages } = await walkPlainLinks(
      (path) => getPage(app, path, instructorCookie),
      '/calls',
      rows,
      '#call-queue-more',
    );
    expect(pages.flat()).toEqual(byDue(instructorId));
    expect(pages[0]).toHaveLength(50);
  });

  it('shows a form that came back with a problem on its own row, also beyond the first page', async () => {
    const onThirdPage = Number(byDue()[110]!.replace('call-', ''));
    const response = await postForm(
      app,
      `/applications/${onThirdPage}/call-attempts`,
      { outcome: 'call-back', callBackAt: '' },
      { cookie },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($(`#call-${onThirdPage} .field-error`).length).toBeGreaterThan(0);
    expect($(rows).first().attr('id')).toBe(`call-${onThirdPage}`);
  });

  it('starts from the first call when the cursor is not an application', async () => {
    await expectFirstPageFor(get, ['/calls?after=%27;drop'], rows, byDue()[0]!);
  });
});
