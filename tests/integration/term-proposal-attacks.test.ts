import { load } from 'cheerio';
import { count, eq, ne } from 'drizzle-orm';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  courseSessions,
  courses,
  instructorLocalities,
  localities,
  terms,
  venues,
} from '../../db/schema';
import { maxRequestBodyBytes } from '../../src/app';
import { openDatabase } from '../../src/db';
import { demoSignIns, loadDemoData } from '../../src/features/demo/demo-data';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { startServer, type RunningServer } from '../support/browser';
import { signInAt } from '../support/server-requests';
import {
  aStaffUser,
  buildTestApp,
  getPage,
  postForm,
  signIn,
  temporaryDirectory,
  testConfig,
  testOrigin,
} from '../support/test-app';
import { formFields, text } from '../support/page-forms';
import { failOnUnexpectedErrors } from '../support/unexpected-errors';

/**
 * Issue 18's "propose a term" attacked as an outsider would: every role, cross-site and odd bodies,
 * forged and repeated fields on the review page, the calendar's edges, and crowds of identical
 * posts. Nothing of it may answer 500 or create a course it should not.
 */

failOnUnexpectedErrors();

const now = new Date('2026-12-03T10:00:00Z');

describe('attacks on proposing a term', () => {
  const { app, db, clock, config } = buildTestApp();
  let cookies: Record<'coordinator' | 'admin' | 'instructor' | 'reporting', string>;
  let springId = 0;
  let spring: typeof terms.$inferSelect;

  const courseCount = () => db.select({ n: count() }).from(courses).get()!.n;
  const path = () => `/terms/${springId}/proposal`;

  const proposalForm = async (cookie = cookies.coordinator) => {
    const response = await getPage(app, path(), cookie);
    expect(response.status).toBe(200);
    return formFields(load(await response.text()), 'form[action$="/proposal"]');
  };

  const propose = async (
    changes: Record<string, string | undefined> = {},
    options: { cookie?: string; headers?: Record<string, string> } = {},
  ) => {
    const fields: Record<string, string> = { ...(await proposalForm()) };
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) delete fields[name];
      else fields[name] = value;
    }
    const response = await postForm(app, path(), fields, {
      cookie: options.cookie ?? cookies.coordinator,
      headers: options.headers,
    });
    return { response, $: load(await response.text()) };
  };

  /** A proposal's review form for `courseCount` courses from `earliestStart`. */
  const reviewForm = async (courseCount: string, earliestStart: string) => {
    const { response, $ } = await propose({ courseCount, earliestStart, maxHours: '1000' });
    expect(response.status).toBe(200);
    const fields = formFields($, 'form[action$="/proposal/review"]');
    expect(fields.courses).toBe(courseCount);
    return fields;
  };

  /** A review post; repeated fields are appended as a browser (or a forger) would send them. */
  const review = (
    fields: Record<string, string>,
    options: { repeated?: [string, string][]; headers?: Record<string, string> } = {},
  ) => {
    const body = new URLSearchParams(fields);
    for (const [name, value] of options.repeated ?? []) body.append(name, value);
    return app.request(`${path()}/review`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: testOrigin,
        Cookie: cookies.coordinator,
        ...options.headers,
      },
      body,
    });
  };

  beforeAll(async () => {
    clock.setTo(now);
    await loadDemoData(db, now, mailSettingsFrom(config));
    cookies = {
      coordinator: await signIn(
        app,
        demoSignIns.find((one) => one.role === 'coordinator')!,
      ),
      admin: await signIn(app, await aStaffUser(db, 'admin')),
      instructor: await signIn(app, await aStaffUser(db, 'instructor')),
      reporting: await signIn(app, await aStaffUser(db, 'reporting')),
    };
    spring = db.select().from(terms).where(eq(terms.name, 'Kevät 2027')).get()!;
    springId = spring.id;
  });

  it('lets admins and coordinators in, refuses instructors and reporting, sends anonymous to sign in', async () => {
    const before = courseCount();
    const targets = await proposalForm();
    for (const role of ['admin', 'coordinator'] as const) {
      expect((await getPage(app, path(), cookies[role])).status, role).toBe(200);
      const changed = await postForm(
        app,
        `${path()}/review`,
        { ...targets, intent: 'targets' },
        {
          cookie: cookies[role],
        },
      );
      expect(changed.status, role).toBe(200);
    }
    const byAdmin = await propose({ courseCount: '1' }, { cookie: cookies.admin });
    expect(byAdmin.response.status).toBe(200);
    expect(byAdmin.$('form[action$="/proposal/review"]').length).toBe(1);
    for (const role of ['instructor', 'reporting'] as const) {
      expect((await getPage(app, path(), cookies[role])).status, role).toBe(403);
      for (const target of [path(), `${path()}/review`]) {
        const response = await postForm(
          app,
          target,
          { ...targets, intent: 'accept' },
          {
            cookie: cookies[role],
          },
        );
        expect(response.status, `${role} ${target}`).toBe(403);
      }
    }
    for (const target of [path(), `${path()}/review`]) {
      const response = await postForm(app, target, { ...targets, intent: 'accept' });
      expect(response.status, target).toBe(303);
      expect(response.headers.get('Location') ?? '', target).toMatch(/^\/sign-in/);
    }
    const anonymous = await getPage(app, path());
    expect(anonymous.headers.get('Location') ?? '').toMatch(/^\/sign-in/);
    expect(courseCount()).toBe(before);
  });

  it('refuses cross-site posts, a 10 MB body, JSON and plain text, and creates nothing', async () => {
    const before = courseCount();
    const targets = await proposalForm();
    const form = 'application/x-www-form-urlencoded';
    const post = (target: string, headers: Record<string, string>, body: string) =>
      app.request(target, {
        method: 'POST',
        headers: { Cookie: cookies.coordinator, ...headers },
        body,
      });
    const body = new URLSearchParams({ ...targets, intent: 'accept' }).toString();
    for (const target of [path(), `${path()}/review`]) {
      for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null']) {
        const crossSite = await post(target, { 'Content-Type': form, Origin: origin }, body);
        expect(crossSite.status, `${target} ${origin}`).toBe(403);
      }
      const huge = await post(
        target,
        { 'Content-Type': form, Origin: testOrigin },
        `${body}&targetService_0=${'x'.repeat(maxRequestBodyBytes + 10 * 1024 * 1024)}`,
      );
      expect(huge.status, target).toBe(413);
      for (const type of ['application/json', 'text/plain']) {
        const other = await post(
          target,
          { 'Content-Type': type, Origin: testOrigin },
          type === 'text/plain' ? body : JSON.stringify(targets),
        );
        expect(other.status, `${target} ${type}`).toBe(415);
      }
    }
    expect(courseCount()).toBe(before);
  });

  it('answers htmx requests of every kind without a 500', async () => {
    const targets = await proposalForm();
    for (const hx of [
      { 'HX-Request': 'true' },
      { 'HX-Request': 'true', 'HX-Boosted': 'true' },
      { 'HX-Request': 'false' },
      { 'HX-Request': '<script>' },
      { 'HX-Request': 'true', 'HX-Target': 'main', 'HX-Current-URL': 'https://evil.example/' },
    ] as Record<string, string>[]) {
      const page = await getPage(app, path(), cookies.coordinator, hx);
      expect(page.status, JSON.stringify(hx)).toBe(200);
      const invalid = await postForm(
        app,
        path(),
        { ...targets, courseCount: 'x' },
        {
          cookie: cookies.coordinator,
          headers: hx,
        },
      );
      expect(invalid.status, JSON.stringify(hx)).toBe(422);
      expect(text(load(await invalid.text()), '#courseCount-error')).not.toBe('');
      const back = await review({ ...targets, intent: 'targets' }, { headers: hx });
      expect(back.status, JSON.stringify(hx)).toBe(200);
    }
  });

  it('refuses odd and forged review values at their fields, never 500, creates nothing', async () => {
    const fields = await reviewForm('2', '2027-03-01');
    const before = courseCount();
    const otherLocalityVenue = db
      .select()
      .from(venues)
      .where(ne(venues.localityId, Number(fields.locality_0)))
      .get()!;
    const here = db
      .select({ id: instructorLocalities.instructorId })
      .from(instructorLocalities)
      .where(eq(instructorLocalities.localityId, Number(fields.locality_0)))
      .all()
      .map((row) => row.id);
    const elsewhere = db
      .select({ id: instructorLocalities.instructorId })
      .from(instructorLocalities)
      .all()
      .find((row) => !here.includes(row.id))!.id;
    const cases: [string, Record<string, string | undefined>, string | null][] = [
      ['count -1', { courses: '-1' }, null],
      ['count abc', { courses: 'abc' }, null],
      ['count empty', { courses: '' }, null],
      ['count 1e1', { courses: '1e1' }, null],
      ['venue of another locality', { venue_0: String(otherLocalityVenue.id) }, 'venue_0'],
      ['venue 0', { venue_0: '0' }, 'venue_0'],
      ['venue text', { venue_0: 'abc' }, 'venue_0'],
      ['venue huge', { venue_0: '99999999999999999999' }, 'venue_0'],
      ['no venue', { venue_0: undefined }, 'venue_0'],
      ['locality unknown', { locality_0: '999999' }, 'venue_0'],
      ['instructor unknown', { instructor1_0: '999999' }, 'instructor1_0'],
      ['instructor text', { instructor2_0: 'x' }, 'instructor2_0'],
      ['instructor of another locality', { instructor1_0: String(elsewhere) }, 'instructor1_0'],
      ['instructor twice', { instructor2_0: fields.instructor1_0 }, 'instructor2_0'],
      ['no instructors', { instructor1_0: '', instructor2_0: '' }, 'instructor1_0'],
      ['first date 0001', { firstDate_0: '0001-01-01' }, 'firstDate_0'],
      ['first date 9999', { firstDate_0: '9999-12-31' }, 'firstDate_0'],
      ['first date after the term', { firstDate_0: '2027-12-06' }, 'firstDate_0'],
      ['first date 2027-02-30', { firstDate_0: '2027-02-30' }, 'firstDate_0'],
      ['first date text', { firstDate_0: 'huomenna' }, 'firstDate_0'],
      ['start 24:00', { startTime_0: '24:00' }, 'startTime_0'],
      ['start 7:5', { startTime_0: '7:5' }, 'startTime_0'],
      ['start -1:00', { startTime_0: '-1:00' }, 'startTime_0'],
      ['audience odd', { audience_0: 'everyone' }, 'audience_0'],
      [
        'targeted without service',
        { audience_0: 'targeted', targetService_0: '' },
        'targetService_0',
      ],
      [
        'service of 10 000 characters',
        { audience_0: 'targeted', targetService_0: 'x'.repeat(10_000) },
        'targetService_0',
      ],
      ['keep odd', { keep_1: 'maybe', venue_1: 'x' }, 'venue_1'],
    ];
    for (const [name, change, field] of cases) {
      const sent: Record<string, string> = { ...fields, intent: 'accept' };
      for (const [key, value] of Object.entries(change)) {
        if (value === undefined) delete sent[key];
        else sent[key] = value;
      }
      const response = await review(sent);
      expect(response.status, name).toBe(422);
      const page = load(await response.text());
      if (field) expect(text(page, `#${field}-error`), name).not.toBe('');
      else expect(text(page, '.error-summary'), name).not.toBe('');
      expect(courseCount(), name).toBe(before);
    }
  });

  it('takes repeated fields, forged names and indices beyond the count without a 500 or a course', async () => {
    const fields = await reviewForm('2', '2027-03-08');
    const before = courseCount();
    // Two values for one field: the form is refused as a whole, as no browser sends it.
    for (const name of [
      'venue_0',
      'keep_0',
      'intent',
      'courses',
      'programId',
      'place_1',
      'region',
    ]) {
      const response = await review(
        { ...fields, intent: 'accept' },
        { repeated: [[name, fields[name] ?? 'accept']] },
      );
      expect(response.status, name).toBe(422);
      expect(courseCount(), name).toBe(before);
    }
    // Odd names are carried along as text, never used as anything else.
    const oddNames = {
      ['__proto__']: 'x',
      constructor: 'x',
      toString: 'x',
      'place_1[]': 'must',
      '"><script>alert(1)</script>': '"><script>alert(2)</script>',
      keep_7: 'on',
      venue_7: '1',
      keep_99: 'on',
    };
    for (const intent of ['check', 'targets']) {
      const forged = await review({ ...fields, ...oddNames, intent });
      expect(forged.status, intent).toBeLessThan(500);
      expect(await forged.text(), intent).not.toContain('<script>');
    }
    // As many fields as the body limit lets through: a place choice for localities nobody has.
    const crowded = Object.fromEntries(
      Array.from({ length: 3000 }, (_, index) => [`place_${100_000 + index}`, 'may']),
    );
    const many = await review({ ...fields, ...crowded, intent: 'check' });
    expect([200, 422]).toContain(many.status);
    // A course beyond the count is not read; a check of the count at its most reads 40 courses.
    const beyond = await review({
      ...fields,
      courses: '1',
      keep_1: 'on',
      venue_1: 'x',
      intent: 'check',
    });
    expect(beyond.status).toBe(200);
    const forty = await review({ ...fields, courses: '40', intent: 'check' });
    expect(forty.status).toBe(200);
    const ninetyNine = await review({ ...fields, courses: '99', intent: 'check' });
    expect(ninetyNine.status).toBe(200);
    expect(load(await ninetyNine.text())('.proposal-course').length).toBeLessThanOrEqual(40);
    expect(courseCount()).toBe(before);
  });

  it('keeps proposals and reviews inside the chosen region', async () => {
    const fields = await reviewForm('1', '2027-03-15');
    const before = courseCount();
    const elsewhere = db
      .insert(localities)
      .values({ name: 'Vaasa', region: 'Pohjanmaa', createdAt: now })
      .returning()
      .get();
    const farVenue = db
      .insert(venues)
      .values({
        localityId: elsewhere.id,
        name: 'Vaasan kirjasto',
        kind: 'in-person',
        capacity: 40,
        stepFreeAccess: true,
        createdAt: now,
      })
      .returning()
      .get();
    // A locality of another region cannot be required or excluded; "may" changes nothing.
    for (const choice of ['must', 'no']) {
      const { response, $ } = await propose({
        region: 'Etelä-Pohjanmaa',
        [`place_${elsewhere.id}`]: choice,
      });
      expect(response.status, choice).toBe(422);
      // No field of it is on the form: the page says only that something must be checked.
      expect(text($, '.error-summary'), choice).not.toBe('');
      expect($(`[name="place_${elsewhere.id}"]`).length, choice).toBe(0);
    }
    const may = await propose({
      region: 'Etelä-Pohjanmaa',
      courseCount: '3',
      [`place_${elsewhere.id}`]: 'may',
    });
    expect(may.response.status).toBe(200);
    expect(text(may.$, 'main')).not.toContain('Vaasa');
    // A region that does not exist falls back to all regions; another region is its own problem.
    for (const region of ['Atlantis', 'Pohjanmaa', '<b>x</b>']) {
      const response = await review({ ...fields, region, intent: 'check' });
      expect(response.status, region).toBeLessThan(500);
    }
    // The review's course moved to the other region's venue is refused.
    const moved = await review({
      ...fields,
      region: 'Etelä-Pohjanmaa',
      locality_0: String(elsewhere.id),
      venue_0: String(farVenue.id),
      intent: 'accept',
    });
    expect(moved.status).toBe(422);
    expect(courseCount()).toBe(before);
  });

  it('treats a holiday as a first date and a start near midnight without a surprise', async () => {
    const fields = await reviewForm('1', '2027-01-04');
    const before = courseCount();
    // 2027-01-06 is Loppiainen (Epiphany): no course starts on a day off.
    const epiphany = await review({ ...fields, firstDate_0: '2027-01-06', intent: 'accept' });
    expect(epiphany.status).toBe(422);
    expect(text(load(await epiphany.text()), '#firstDate_0-error')).toMatch(/loppiainen/i);
    // A session from 23:59 would end on the next day: refused, in the targets and on review.
    for (const startTime of ['23:59', '23:00']) {
      const late = await review({ ...fields, startTime_0: startTime, intent: 'accept' });
      expect(late.status, startTime).toBe(422);
      expect(text(load(await late.text()), '#startTime_0-error'), startTime).toBe(
        'Tapaaminen päättyisi vasta puolenyön jälkeen. Valitse aikaisempi aloitusaika.',
      );
      const targets = await propose({ startTimes: `10:00, ${startTime}` });
      expect(targets.response.status, startTime).toBe(422);
      expect(text(targets.$, '#startTimes-error'), startTime).toContain('puolenyön');
    }
    // Midnight itself is a start like any other (odd, but no rule forbids it): checked, not saved.
    const midnight = await review({ ...fields, startTime_0: '00:00', intent: 'check' });
    expect(midnight.status).toBe(200);
    expect(courseCount()).toBe(before);
  });

  it('answers the widest targets within the time limit, in plain words', async () => {
    const everyDay = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].map((day) => [`weekday${day}`, 'on']),
    );
    for (const courseCount of ['40', '12']) {
      const started = Date.now();
      const { response, $ } = await propose({
        ...everyDay,
        earliestStart: spring.startsOn,
        latestStart: spring.endsOn,
        startTimes: '8:00, 10:00, 12:00; 14:00 16:00,18:00',
        courseCount,
        maxHours: '1000',
      });
      const seconds = (Date.now() - started) / 1000;
      // The solver stops at 20 s and shows the best plan it has.
      expect(seconds, courseCount).toBeLessThan(40);
      expect([200, 422], courseCount).toContain(response.status);
      if (response.status === 422) {
        expect(text($, '#proposal-blockers'), courseCount).not.toBe('');
      } else {
        expect(text($, '#proposal-summary'), courseCount).toMatch(/jonossa olevalle/);
        expect($('.proposal-course').length, courseCount).toBe(Number(courseCount));
      }
    }
    // Six times with repeats are one time each; seven distinct ones are too many.
    const repeated = await propose({
      startTimes: '10:00,10.00, 10:00;10:00 10:00,10:00',
      courseCount: '1',
    });
    expect(repeated.response.status).toBe(200);
  }, 120_000);

  it('answers 100 identical proposals at once: review pages or a busy message, never a course', async () => {
    const before = courseCount();
    const fields = { ...(await proposalForm()), courseCount: '2' };
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        postForm(app, path(), fields, {
          cookie: cookies.coordinator,
          headers: { 'Accept-Language': 'sv' },
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(
      statuses.every((status) => status === 200 || status === 503),
      String(statuses),
    ).toBe(true);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    for (const answer of answers) {
      const $ = load(await answer.text());
      if (answer.status === 503) {
        expect(answer.headers.get('Retry-After')).toBe('30');
        expect(text($, '.error-summary')).toContain('Just nu räknas många förslag.');
        // What was typed stays, so sending again is one press.
        expect(formFields($, 'form[action$="/proposal"]').courseCount).toBe('2');
      } else {
        expect($('form[action$="/proposal/review"]').length).toBe(1);
      }
    }
    expect(courseCount()).toBe(before);
  }, 300_000);

  it('saves one plan when 100 identical acceptances arrive at once', async () => {
    const fields = await reviewForm('2', '2027-04-12');
    const before = courseCount();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => review({ ...fields, intent: 'accept' })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 303)).toHaveLength(1);
    expect(
      statuses.every((status) => [303, 409, 422].includes(status)),
      String(statuses),
    ).toBe(true);
    expect(courseCount()).toBe(before + 2);
  }, 120_000);

  it('creates the kept courses as shown when the count says more courses than the page has', async () => {
    const fields = await reviewForm('1', '2027-04-26');
    const before = courseCount();
    const response = await review({
      ...fields,
      courses: '99',
      audience_0: 'targeted',
      // Control and bidirectional characters are dropped as anywhere else in the app.
      targetService_0: 'Mielen\u0000terveys\u202Epalvelut\u0007',
      intent: 'accept',
    });
    expect(response.status).toBe(303);
    expect(courseCount()).toBe(before + 1);
    const created = db.select().from(courses).all().at(-1)!;
    expect(created.targetService).toBe('Mielenterveyspalvelut');
    const first = db
      .select()
      .from(courseSessions)
      .where(eq(courseSessions.courseId, created.id))
      .all()
      .sort((a, b) => a.ordinal - b.ordinal)[0]!;
    expect([created.venueId, first.localDate, first.startTime]).toEqual([
      Number(fields.venue_0),
      fields.firstDate_0,
      fields.startTime_0,
    ]);
  });
});

/**
 * Two real server processes on one database file, the same reviewed form accepted on both at once:
 * the immediate transaction and its conflict check are the only guard between them.
 */
describe('accepting one proposal on two server processes at once', () => {
  const directory = temporaryDirectory('proposal-processes');
  const file = join(directory, 'e2e.sqlite');
  let servers: RunningServer[] = [];
  let springId = 0;

  const countCourses = () => {
    const db = openDatabase(file);
    try {
      return db.select({ n: count() }).from(courses).get()!.n;
    } finally {
      db.$client.close();
    }
  };

  beforeAll(async () => {
    const db = openDatabase(file);
    await loadDemoData(db, new Date(), mailSettingsFrom(testConfig()));
    springId = db.select().from(terms).where(eq(terms.name, 'Kevät 2027')).get()!.id;
    db.$client.close();
    servers = await Promise.all([
      startServer(directory, { SEED_DEMO_DATA: 'false' }),
      startServer(directory, { SEED_DEMO_DATA: 'false' }),
    ]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  const send = (
    server: RunningServer,
    path: string,
    cookie: string,
    fields?: Record<string, string>,
  ) =>
    fetch(`${server.baseUrl}${path}`, {
      method: fields ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        Cookie: cookie,
        ...(fields
          ? { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.baseUrl }
          : {}),
      },
      body: fields ? new URLSearchParams(fields) : undefined,
    });

  it('saves the plan once', async () => {
    const [first, second] = servers as [RunningServer, RunningServer];
    const cookie = await signInAt(
      first,
      demoSignIns.find((one) => one.role === 'coordinator')!,
    );
    const path = `/terms/${springId}/proposal`;
    const targets = formFields(
      load(await (await send(first, path, cookie)).text()),
      'form[action$="/proposal"]',
    );
    const proposed = await send(first, path, cookie, {
      ...targets,
      courseCount: '2',
      earliestStart: '2027-05-03',
      maxHours: '1000',
    });
    expect(proposed.status).toBe(200);
    const fields = formFields(load(await proposed.text()), 'form[action$="/proposal/review"]');
    expect(fields.courses).toBe('2');
    const before = countCourses();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        send(index % 2 === 0 ? first : second, `${path}/review`, cookie, {
          ...fields,
          intent: 'accept',
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(
      statuses.filter((status) => status === 303),
      String(statuses),
    ).toHaveLength(1);
    expect(
      statuses.every((status) => [303, 409, 422].includes(status)),
      String(statuses),
    ).toBe(true);
    expect(countCourses()).toBe(before + 2);
    for (const server of servers) expect(server.output()).not.toContain('Unexpected error');
  }, 120_000);
});
