import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  applications,
  auditLog,
  enrollments,
  interviews,
  localities,
  localityNeighbours,
  organisationSettings,
  outbox,
} from '../../db/schema';
import { maxRequestBodyBytes } from '../../src/app';
import type { AppDatabase } from '../../src/db';
import { aRunningCourse, aWaitlisted } from '../support/attendance-fixtures';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import { aLocality, anOpenCourse, aWaitingApplicant } from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  getPage,
  postForm,
  signIn,
  testOrigin,
} from '../support/test-app';
import { failOnUnexpectedErrors } from '../support/unexpected-errors';

/**
 * Attacks on what issue 13 added, as an outsider would make them: the organisation settings, the
 * transport follow-through, locality neighbours and the people pages, by every role, with odd and
 * oversized input, many requests at once, cross-site posts and markup in names. Each attack is a
 * regression test; those that found a defect (since fixed) say so.
 */

failOnUnexpectedErrors();

const settingsPath = '/admin/organisation';
const savedSettings = {
  name: 'Järvi-Suomen hyvinvointialue',
  coordinatorName: 'Kerttu Kurssivastaava',
  phone: '+358447654321',
  email: 'kurssit@hyvinvointialue.example',
  streetAddress: 'Sairaalakatu 3',
  postcode: '50100',
  postOffice: 'Mikkeli',
  privacyContact: 'Tietosuojavastaava Tea Turva',
};

function storeSettings(db: AppDatabase, settings: Partial<typeof savedSettings> = {}) {
  const row = { ...savedSettings, ...settings, updatedAt: new Date() };
  db.insert(organisationSettings)
    .values({ id: 1, ...row })
    .onConflictDoUpdate({ target: organisationSettings.id, set: row })
    .run();
}

const storedSettings = (db: AppDatabase) =>
  db.select().from(organisationSettings).where(eq(organisationSettings.id, 1)).get();

/** An interview that ticked transport, so the person has transport to follow through. */
function needsTransport(db: AppDatabase, applicationId: number) {
  db.insert(interviews)
    .values({
      applicationId,
      at: new Date('2026-08-20T09:00:00Z'),
      canAttendAll: 'yes',
      needs: 'transport',
      otherNeeds: '',
      outcome: 'place',
    })
    .run();
}

const enrollmentRow = (db: AppDatabase, id: number) =>
  db.select().from(enrollments).where(eq(enrollments.id, id)).get()!;

const neighbourPairs = (db: AppDatabase) =>
  db
    .select()
    .from(localityNeighbours)
    .all()
    .map((row) => `${row.localityId}-${row.neighbourId}`)
    .sort();

const auditCount = (db: AppDatabase) => db.select().from(auditLog).all().length;

/** A form body as the browser sends it, with the same field as many times as given. */
function rawPost(
  app: ReturnType<typeof buildTestApp>['app'],
  path: string,
  body: string,
  options: { cookie: string; headers?: Record<string, string> },
) {
  return app.request(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: testOrigin,
      Cookie: options.cookie,
      ...options.headers,
    },
    body,
  });
}

/** The one course, its people, the staff of every role and three localities in two regions. */
function theWalkthrough() {
  const test = buildTestApp();
  const { db, clock } = test;
  const state = {
    admin: '',
    coordinator: '',
    ownInstructor: '',
    otherInstructor: '',
    courseId: 0,
    /** Placed, transport ticked at the interview. */
    aino: 0,
    ainoApplication: 0,
    /** Placed on another course, transport ticked. */
    stranger: 0,
    strangerApplication: 0,
    waitlisted: 0,
    here: 0,
    sameRegion: 0,
    otherRegion: 0,
  };
  beforeAll(async () => {
    clock.setTo(new Date('2026-09-15T09:00:00Z'));
    storeSettings(db);
    const ownUser = await aStaffUser(db, 'instructor');
    const otherUser = await aStaffUser(db, 'instructor');
    const course = aRunningCourse(db, { participants: 2, instructorUserIds: [ownUser.id] });
    const other = aRunningCourse(db, { participants: 1, instructorUserIds: [otherUser.id] });
    state.courseId = course.courseId;
    state.aino = course.people[0]!.enrollmentId;
    state.ainoApplication = course.people[0]!.applicationId;
    db.update(applications)
      .set({ name: 'Aino <b>Kuljetettava</b>' })
      .where(eq(applications.id, state.ainoApplication))
      .run();
    needsTransport(db, state.ainoApplication);
    state.stranger = other.people[0]!.enrollmentId;
    state.strangerApplication = other.people[0]!.applicationId;
    needsTransport(db, state.strangerApplication);
    const waiting = aWaitingApplicant(db, course.localityId, { name: 'Eeva Jonossa' });
    needsTransport(db, waiting);
    state.waitlisted = aWaitlisted(db, course.courseId, waiting, clock());
    state.here = course.localityId;
    state.sameRegion = aLocality(db);
    state.otherRegion = db
      .insert(localities)
      .values({ name: 'Kaukainen', region: 'Lappi', createdAt: new Date() })
      .returning({ id: localities.id })
      .get().id;
    state.admin = await signIn(test.app, await aStaffUser(db, 'admin'));
    state.coordinator = await signIn(test.app, await aStaffUser(db, 'coordinator'));
    state.ownInstructor = await signIn(test.app, ownUser);
    state.otherInstructor = await signIn(test.app, otherUser);
  });
  return { ...test, state };
}

describe('who may use the new routes', () => {
  const { app, db, state } = theWalkthrough();

  it('sends anonymous visitors to sign in and changes nothing', async () => {
    const page = await getPage(app, settingsPath);
    expect(page.status).toBe(303);
    expect(page.headers.get('Location')).toBe('/sign-in?next=%2Fadmin%2Forganisation');
    for (const path of ['/people?q=Aino', `/people/${state.ainoApplication}`]) {
      const response = await getPage(app, path);
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toMatch(/^\/sign-in/);
    }
    const before = { settings: storedSettings(db), pairs: neighbourPairs(db) };
    const posts: [string, Record<string, string>][] = [
      [settingsPath, { name: 'Vieras' }],
      [`/enrollments/${state.aino}/transport`, { state: 'not-needed' }],
      [`/localities/${state.here}/neighbours`, { neighbours: String(state.sameRegion) }],
    ];
    for (const [path, fields] of posts) {
      const response = await postForm(app, path, fields);
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe('/sign-in');
      const htmx = await postForm(app, path, fields, { headers: { 'HX-Request': 'true' } });
      expect(htmx.status).toBe(401);
      expect(htmx.headers.get('HX-Redirect')).toBe('/sign-in');
    }
    expect(storedSettings(db)).toEqual(before.settings);
    expect(neighbourPairs(db)).toEqual(before.pairs);
    expect(enrollmentRow(db, state.aino).transportState).toBe('');
  });

  it('keeps the organisation settings to admins, without showing them to anyone refused', async () => {
    for (const cookie of [state.coordinator, state.ownInstructor, state.otherInstructor]) {
      const page = await getPage(app, settingsPath, cookie);
      expect(page.status).toBe(403);
      const html = await page.text();
      expect(html).not.toContain('Sairaalakatu');
      expect(html).not.toContain('Tea Turva');
      const post = await postForm(app, settingsPath, { name: 'Kaapattu' }, { cookie });
      expect(post.status).toBe(403);
    }
    expect(storedSettings(db)?.name).toBe(savedSettings.name);
    expect((await getPage(app, settingsPath, state.admin)).status).toBe(200);
  });

  it("refuses transport to instructors, the course's own included, without the person's details", async () => {
    for (const cookie of [state.ownInstructor, state.otherInstructor]) {
      const response = await postForm(
        app,
        `/enrollments/${state.aino}/transport`,
        { state: 'arranged', means: 'taxi' },
        { cookie, headers: { 'HX-Request': 'true', 'HX-Target': `needs-${state.aino}` } },
      );
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('Kuljetettava');
    }
    expect(enrollmentRow(db, state.aino).transportState).toBe('');
  });

  it('refuses neighbours to instructors', async () => {
    for (const cookie of [state.ownInstructor, state.otherInstructor]) {
      const response = await postForm(
        app,
        `/localities/${state.here}/neighbours`,
        { neighbours: String(state.sameRegion) },
        { cookie },
      );
      expect(response.status).toBe(403);
    }
    expect(neighbourPairs(db)).toEqual([]);
  });

  it("shows an instructor only the people of their own courses, and the roster's needs only there", async () => {
    const own = await getPage(app, `/people/${state.ainoApplication}`, state.ownInstructor);
    expect(own.status).toBe(200);
    const refused = await getPage(app, `/people/${state.ainoApplication}`, state.otherInstructor);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('Kuljetettava');
    const search = await getPage(app, '/people?q=Kuljetettava', state.otherInstructor);
    expect(search.status).toBe(200);
    expect(load(await search.text())('#people-results').text()).not.toContain('Kuljetettava');
    const roster = await getPage(app, `/courses/${state.courseId}/roster`, state.otherInstructor);
    expect(roster.status).toBe(403);
    expect(await roster.text()).not.toContain('Kuljetettava');
  });

  it('shows an instructor only the enrolments of a person on the courses they lead', async () => {
    const courseOf = (enrollmentId: number) => enrollmentRow(db, enrollmentId).courseId;
    const otherCourse = courseOf(state.stranger);
    // Aino was once on the other instructor's course too, and was sent its messages.
    const other = db
      .insert(enrollments)
      .values({
        courseId: otherCourse,
        applicationId: state.ainoApplication,
        state: 'withdrawn',
        queuedAt: new Date('2026-08-01T09:00:00Z'),
        createdAt: new Date('2026-08-01T09:00:00Z'),
        updatedAt: new Date('2026-08-01T09:00:00Z'),
      })
      .returning({ id: enrollments.id })
      .get().id;
    try {
      const mine = await (
        await getPage(app, `/people/${state.ainoApplication}`, state.ownInstructor)
      ).text();
      expect(mine).toContain(`/courses/${state.courseId}/roster`);
      expect(mine).not.toContain(`/courses/${otherCourse}`);
      const all = await (
        await getPage(app, `/people/${state.ainoApplication}`, state.coordinator)
      ).text();
      expect(all).toContain(`/courses/${otherCourse}`);
      // She was on the other instructor's course once: they see that enrolment, not the other.
      const theirs = await getPage(app, `/people/${state.ainoApplication}`, state.otherInstructor);
      expect(theirs.status).toBe(200);
      const theirHtml = await theirs.text();
      expect(theirHtml).toContain(`/courses/${otherCourse}`);
      expect(theirHtml).not.toContain(`/courses/${state.courseId}`);
    } finally {
      db.delete(enrollments).where(eq(enrollments.id, other)).run();
    }
  });

  it('shows courses at risk to planning staff only', async () => {
    // Open, its decision 14 days away, nobody placed of the minimum one.
    const atRisk = anOpenCourse(db, { seats: 2 });
    const home = load(await (await getPage(app, '/', state.coordinator)).text());
    expect(home(`#at-risk-courses a[href="/courses/${atRisk}"]`)).toHaveLength(1);
    for (const cookie of [state.ownInstructor, state.otherInstructor]) {
      const instructorHome = load(await (await getPage(app, '/', cookie)).text());
      expect(instructorHome('#at-risk-courses')).toHaveLength(0);
      for (const path of ['/decisions', '/terms', `/courses/${atRisk}`]) {
        expect((await getPage(app, path, cookie)).status, path).toBe(403);
      }
    }
    const anonymous = await getPage(app, '/decisions');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('Location')).toBe('/sign-in?next=%2Fdecisions');
  });

  it('answers 404 for ids that are not digits, not there or of the wrong kind', async () => {
    const cookie = state.coordinator;
    for (const path of ['/people/1abc', '/people/0', '/people/999999', '/people/00001']) {
      expect((await getPage(app, path, cookie)).status).toBe(404);
    }
    const transport = { state: 'to-arrange' };
    for (const id of ['1abc', '0', '999999', `0${state.aino}`, '1e3', '-1']) {
      const response = await postForm(app, `/enrollments/${id}/transport`, transport, { cookie });
      expect(response.status).toBe(404);
    }
    for (const id of ['1abc', '999999', '1e3']) {
      const response = await postForm(
        app,
        `/localities/${id}/neighbours`,
        { neighbours: String(state.sameRegion) },
        { cookie },
      );
      expect(response.status).toBe(404);
    }
    // A waitlisted person has no transport to follow through.
    const waitlisted = await postForm(
      app,
      `/enrollments/${state.waitlisted}/transport`,
      transport,
      { cookie },
    );
    expect(waitlisted.status).toBe(404);
    expect(enrollmentRow(db, state.waitlisted).transportState).toBe('');
    expect(neighbourPairs(db)).toEqual([]);
  });
});

describe('odd input on the new forms', () => {
  const { app, db, state } = theWalkthrough();
  beforeEach(() => {
    storeSettings(db);
    db.update(enrollments)
      .set({ transportState: 'to-arrange', transportMeans: '' })
      .where(eq(enrollments.id, state.aino))
      .run();
    db.delete(localityNeighbours).run();
    db.insert(localityNeighbours)
      .values([
        { localityId: state.here, neighbourId: state.sameRegion },
        { localityId: state.sameRegion, neighbourId: state.here },
      ])
      .run();
  });
  const unchanged = () => {
    expect(storedSettings(db)).toMatchObject(savedSettings);
    expect(enrollmentRow(db, state.aino)).toMatchObject({
      transportState: 'to-arrange',
      transportMeans: '',
    });
    expect(neighbourPairs(db)).toEqual(
      [`${state.here}-${state.sameRegion}`, `${state.sameRegion}-${state.here}`].sort(),
    );
  };

  it('refuses odd transport values with a message at the field', async () => {
    const path = `/enrollments/${state.aino}/transport`;
    const bodies = [
      'state=arranged&state=not-needed&means=taxi',
      'state[]=arranged&means=taxi',
      `state=${'a'.repeat(10_000)}`,
      'state=arranged&means=taxi&means=bus-ticket',
      'state=arrang%C3%A9d',
      'state=not-needed%00x',
      'state=%F0%9F%9A%95',
      'state=arranged&means=' + encodeURIComponent('<script>alert(1)</script>'),
      'state=arranged',
      '',
    ];
    for (const body of bodies) {
      const response = await rawPost(app, path, body, { cookie: state.coordinator });
      expect(response.status, body.slice(0, 60)).toBe(422);
      const $ = load(await response.text());
      const messages = $(
        `#transport-${state.aino}-state-error, #transport-${state.aino}-means-error`,
      ).text();
      expect(messages, body.slice(0, 60)).not.toBe('');
    }
    unchanged();
  });

  it('refuses odd neighbours with a message at the field', async () => {
    const path = `/localities/${state.here}/neighbours`;
    const bodies = [
      `neighbours=${state.here}`,
      `neighbours=${state.otherRegion}`,
      'neighbours=999999',
      `neighbours=${state.sameRegion}&neighbours=999999`,
      'neighbours=1abc',
      `neighbours=${'9'.repeat(10_000)}`,
      'neighbours=%D9%A3',
      'neighbours=-1',
      'neighbours=',
    ];
    for (const body of bodies) {
      const response = await rawPost(app, path, body, { cookie: state.coordinator });
      expect(response.status, body.slice(0, 60)).toBe(422);
      const $ = load(await response.text());
      expect($(`#neighbours-${state.here}-error, [id$="neighbours-error"]`).text()).not.toBe('');
    }
    unchanged();
  });

  it('refuses odd organisation settings with a message at the field and keeps what was saved', async () => {
    const cases: [string, string][] = [
      [`name=${'x'.repeat(10_000)}`, 'name'],
      ['name=A&name=B', 'name'],
      [`privacyContact=${'y'.repeat(10_000)}`, 'privacyContact'],
      ['postcode=5010%00', 'postcode'],
      ['postcode=%D9%A5%D9%A0%D9%A1%D9%A0%D9%A0', 'postcode'],
      ['phone=%3Cscript%3E', 'phone'],
      ['email=a%40b%00.example%3E', 'email'],
    ];
    for (const [body, field] of cases) {
      const response = await rawPost(app, settingsPath, body, { cookie: state.admin });
      expect(response.status, body.slice(0, 60)).toBe(422);
      const $ = load(await response.text());
      expect($(`#${field}-error`).text(), body.slice(0, 60)).not.toBe('');
    }
    unchanged();
  });

  it('searches people with wildcards, NUL bytes and very long queries as plain text, never 500', async () => {
    // Found: a query starting with a NUL byte listed everyone (SQLite ends the pattern at NUL).
    const queries = [
      '%%',
      '__',
      '\\%',
      '\u0000Qx',
      'Qx\u0000Qx',
      'x'.repeat(10_000),
      '👩‍⚕️👩‍⚕️',
      "' or 1=1 --",
    ];
    for (const query of queries) {
      const response = await getPage(
        app,
        `/people?q=${encodeURIComponent(query)}`,
        state.coordinator,
      );
      expect(response.status, query.slice(0, 20)).toBe(200);
      const results = load(await response.text())('#people-results');
      expect(results.find('a[href^="/people/"]'), query.slice(0, 20)).toHaveLength(0);
    }
    for (const query of [
      'q=Kuljetettava&q=%25',
      'q[]=Aino',
      'q=Kuljetettava&page=-1',
      'q=Kuljetettava&page=99999999999',
    ]) {
      const response = await getPage(app, `/people?${query}`, state.coordinator);
      expect(response.status, query).toBe(200);
    }
  });

  it('takes thousands of ticked neighbours without a 500: repeats once, unknown ones refused', async () => {
    const repeated = Array(4_000).fill(`neighbours=${state.sameRegion}`).join('&');
    const saved = await rawPost(app, `/localities/${state.here}/neighbours`, repeated, {
      cookie: state.coordinator,
    });
    expect(saved.status).toBe(303);
    unchanged();
    const unknown = Array.from({ length: 3_000 }, (_, index) => `neighbours=${100_000 + index}`);
    const refused = await rawPost(app, `/localities/${state.here}/neighbours`, unknown.join('&'), {
      cookie: state.coordinator,
    });
    expect(refused.status).toBe(422);
    unchanged();
  });

  it('ignores fields no form has: ids and timestamps in the body change nothing else', async () => {
    const settings = await rawPost(
      app,
      settingsPath,
      `id=7&updatedAt=0&name=Uusi+nimi&postcode=50100`,
      { cookie: state.admin },
    );
    expect(settings.status).toBe(303);
    expect(
      db
        .select()
        .from(organisationSettings)
        .all()
        .map((row) => row.id),
    ).toEqual([1]);
    expect(storedSettings(db)?.name).toBe('Uusi nimi');
    const transport = await rawPost(
      app,
      `/enrollments/${state.aino}/transport`,
      `state=not-needed&enrollmentId=${state.stranger}&id=${state.stranger}&transportState=arranged`,
      { cookie: state.coordinator },
    );
    expect(transport.status).toBe(303);
    expect(enrollmentRow(db, state.aino).transportState).toBe('not-needed');
    expect(enrollmentRow(db, state.stranger).transportState).toBe('');
    const neighbours = await rawPost(
      app,
      `/localities/${state.sameRegion}/neighbours`,
      `localityId=${state.otherRegion}&neighbours=${state.here}`,
      { cookie: state.coordinator },
    );
    expect(neighbours.status).toBe(303);
    expect(neighbourPairs(db)).toEqual(
      [`${state.here}-${state.sameRegion}`, `${state.sameRegion}-${state.here}`].sort(),
    );
  });

  it('saves unicode as typed and removes control characters', async () => {
    const name = 'Åland–Pohjanmaa 👩‍⚕️ hyvinvointialue';
    const response = await postForm(
      app,
      settingsPath,
      { ...savedSettings, name: `${name}\u0000\u202E`, coordinatorName: 'Kerttu\u0007 K.' },
      { cookie: state.admin },
    );
    expect(response.status).toBe(303);
    expect(storedSettings(db)).toMatchObject({ name, coordinatorName: 'Kerttu K.' });
  });

  it('does not treat a body that is not a form as an empty form', async () => {
    // Found: a JSON or plain-text post from the app's own origin reached the handler with no
    // fields, so the organisation settings were wiped and a locality's neighbours removed.
    for (const contentType of ['application/json', 'text/plain']) {
      const headers = { 'Content-Type': contentType };
      const settings = await rawPost(app, settingsPath, '{}', { cookie: state.admin, headers });
      expect(settings.status).toBe(415);
      const neighbours = await rawPost(app, `/localities/${state.here}/neighbours`, '{}', {
        cookie: state.coordinator,
        headers,
      });
      expect(neighbours.status).toBe(415);
    }
    unchanged();
  });

  it('refuses a body over the limit with 413 on every new form and stores nothing', async () => {
    const audits = auditCount(db);
    const huge = 'x'.repeat(10 * 1024 * 1024);
    expect(huge.length).toBeGreaterThan(maxRequestBodyBytes);
    const posts: [string, string, string][] = [
      [settingsPath, `name=${huge}`, state.admin],
      [`/enrollments/${state.aino}/transport`, `state=not-needed&x=${huge}`, state.coordinator],
      [`/localities/${state.here}/neighbours`, `neighbours=&x=${huge}`, state.coordinator],
    ];
    for (const [path, body, cookie] of posts) {
      const response = await rawPost(app, path, body, { cookie });
      expect(response.status).toBe(413);
    }
    unchanged();
    expect(auditCount(db)).toBe(audits);
  });
});

describe('many identical saves at once', () => {
  const { app, db, state } = theWalkthrough();

  it('leaves one consistent transport state and an audit entry for each save', async () => {
    const path = `/enrollments/${state.aino}/transport`;
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        postForm(app, path, { state: 'arranged', means: 'kyyti' }, { cookie: state.coordinator }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(303));
    expect(enrollmentRow(db, state.aino)).toMatchObject({
      transportState: 'arranged',
      transportMeans: 'kyyti',
    });
    const audits = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'enrollment'), eq(auditLog.subjectId, state.aino)))
      .all()
      .filter((entry) => entry.action === 'update');
    expect(audits).toHaveLength(100);
  });

  it('stores the neighbours once each way round, with no duplicates', async () => {
    const path = `/localities/${state.here}/neighbours`;
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        postForm(
          app,
          path,
          { neighbours: String(state.sameRegion) },
          { cookie: state.coordinator },
        ),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(303));
    expect(neighbourPairs(db)).toEqual(
      [`${state.here}-${state.sameRegion}`, `${state.sameRegion}-${state.here}`].sort(),
    );
  });

  it('keeps neighbours symmetric when both sides are saved at once', async () => {
    const third = aLocality(db);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        index % 2 === 0
          ? postForm(
              app,
              `/localities/${state.here}/neighbours`,
              { neighbours: String(third) },
              { cookie: state.coordinator },
            )
          : postForm(
              app,
              `/localities/${state.sameRegion}/neighbours`,
              { neighbours: String(state.here) },
              { cookie: state.coordinator },
            ),
      ),
    );
    expect(responses.every((response) => response.status === 303)).toBe(true);
    const pairs = neighbourPairs(db);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const pair of pairs) {
      const [from, to] = pair.split('-');
      expect(pairs).toContain(`${to}-${from}`);
    }
  });
});

describe('the audit trail of the new pages', () => {
  const { app, db, state } = theWalkthrough();
  const entriesSince = (count: number) => db.select().from(auditLog).all().slice(count);

  it('names the record of every change and read without copying its content', async () => {
    const before = auditCount(db);
    await postForm(
      app,
      settingsPath,
      { ...savedSettings, phone: '044 111 2222' },
      {
        cookie: state.admin,
      },
    );
    await postForm(
      app,
      `/enrollments/${state.aino}/transport`,
      { state: 'arranged', means: 'taxi' },
      { cookie: state.coordinator },
    );
    await postForm(
      app,
      `/localities/${state.here}/neighbours`,
      { neighbours: String(state.sameRegion) },
      { cookie: state.coordinator },
    );
    await getPage(app, `/people/${state.ainoApplication}`, state.coordinator);
    await getPage(app, '/people?q=Kuljetettava', state.coordinator);
    const entries = entriesSince(before);
    expect(entries.map((entry) => [entry.action, entry.subjectType, entry.subjectId])).toEqual([
      ['update', 'organisation-settings', 1],
      ['update', 'enrollment', state.aino],
      ['update', 'locality', state.here],
      ['read', 'application', state.ainoApplication],
      ['read', 'application', null],
    ]);
    // Found: the transport entry said how the person travels ("transport arranged (taxi)").
    const details = entries.map((entry) => entry.detail).join(' | ');
    for (const content of ['111', '2222', 'taxi', 'taksi', 'Kuljetettava', 'Aino', 'Kerttu']) {
      expect(details).not.toContain(content);
    }
  });
  it("audits the person's needs shown again after a refused htmx transport save", async () => {
    // Found: the refused save answered an htmx request with the person's needs and no read entry.
    const before = auditCount(db);
    const response = await postForm(
      app,
      `/enrollments/${state.aino}/transport`,
      { state: 'arranged', means: '' },
      {
        cookie: state.coordinator,
        headers: { 'HX-Request': 'true', 'HX-Target': `needs-${state.aino}` },
      },
    );
    expect(response.status).toBe(422);
    expect(load(await response.text())(`#transport-${state.aino}-means-error`).text()).not.toBe('');
    const entries = db.select().from(auditLog).all().slice(before);
    expect(entries.map((entry) => [entry.action, entry.subjectType, entry.subjectId])).toEqual([
      ['read', 'enrollment', state.aino],
    ]);
    expect(entries[0]?.detail).not.toMatch(/Aino|Kuljetettava|kuljetus/i);
  });
});

describe('markup in names and contact details', () => {
  const { app, db, state, clock } = theWalkthrough();
  const hostile = {
    name: '<script>alert("nimi")</script> Alue',
    coordinatorName: '"><img src=x onerror=alert(1)> Kerttu',
    postOffice: 'Mikkeli\'"><svg onload=alert(2)>',
    privacyContact: '<a href="javascript:alert(3)">Tietosuoja</a>',
  };

  beforeAll(() => storeSettings(db, hostile));

  const expectEscaped = (html: string) => {
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toMatch(/<svg/);
    expect(html).not.toMatch(/<a href="javascript:/);
  };

  it("shows the organisation escaped on public pages, error pages, privacy notices and the participant's pages", async () => {
    const token = issuePersonalLink(db, state.ainoApplication, state.courseId, clock());
    const pages = [
      '/',
      '/apply',
      '/referrals',
      '/no-such-page',
      '/p/not-a-real-token',
      `/p/${token}`,
      `/p/${token}/withdrawal/${state.aino}`,
    ];
    for (const path of pages) {
      const html = await (await getPage(app, path)).text();
      expectEscaped(html);
      expect(load(html)('main').text(), path).toContain(hostile.name);
    }
    // The privacy notices name the privacy contact as text, not as a link.
    const apply = load(await (await getPage(app, '/apply')).text());
    expect(apply('main').text()).toContain(hostile.privacyContact);
  });

  it('sends the organisation escaped in the HTML mail', async () => {
    clock.setTo(new Date('2026-09-15T09:00:00Z'));
    const before = db.select().from(outbox).all().length;
    // A new course's participant gets an invitation that ends with the organisation's contact.
    aRunningCourse(db, { participants: 1 });
    const mail = db.select().from(outbox).all().slice(before);
    expect(mail.length).toBeGreaterThan(0);
    for (const row of mail) {
      expectEscaped(row.htmlBody);
      expect(load(row.htmlBody)('body').text()).toContain(hostile.name);
      expect(load(row.htmlBody)('body').text()).toContain(hostile.coordinatorName);
    }
  });

  it("shows a person's name with markup escaped on the roster, the needs and the person page", async () => {
    const paths = [
      `/courses/${state.courseId}/roster`,
      `/people/${state.ainoApplication}`,
      '/people?q=Kuljetettava',
    ];
    for (const path of paths) {
      const html = await (await getPage(app, path, state.coordinator)).text();
      expect(html).not.toContain('<b>Kuljetettava</b>');
      expect(html).toContain('Aino &lt;b&gt;Kuljetettava&lt;/b&gt;');
    }
    const needs = await postForm(
      app,
      `/enrollments/${state.aino}/transport`,
      { state: 'not-needed' },
      {
        cookie: state.coordinator,
        headers: { 'HX-Request': 'true', 'HX-Target': `needs-${state.aino}` },
      },
    );
    expect(await needs.text()).not.toContain('<b>Kuljetettava</b>');
  });
});

describe('cross-site posts', () => {
  const { app, db, state } = theWalkthrough();

  it('refuses the new forms from another origin and changes nothing', async () => {
    const before = { settings: storedSettings(db), pairs: neighbourPairs(db) };
    const posts: [string, Record<string, string>, string][] = [
      [settingsPath, { name: 'Kaapattu' }, state.admin],
      [`/enrollments/${state.aino}/transport`, { state: 'not-needed' }, state.coordinator],
      [
        `/localities/${state.here}/neighbours`,
        { neighbours: String(state.sameRegion) },
        state.coordinator,
      ],
    ];
    for (const [path, fields, cookie] of posts) {
      for (const headers of [
        { origin: 'https://evil.example' },
        { origin: null, headers: { 'Sec-Fetch-Site': 'cross-site' } },
        { origin: 'null' },
        { origin: null },
      ]) {
        const response = await postForm(app, path, fields, { cookie, ...headers });
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
      const plain = await rawPost(app, path, 'name=x', {
        cookie,
        headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      });
      expect(plain.status).toBe(403);
    }
    expect(storedSettings(db)).toEqual(before.settings);
    expect(neighbourPairs(db)).toEqual(before.pairs);
    expect(enrollmentRow(db, state.aino).transportState).toBe('');
  });
});

describe("the interview page's correction form and the participant's withdrawal", () => {
  const { app, db, state, clock } = theWalkthrough();
  let toCall = 0;
  const detailsOf = (id: number) =>
    db.select().from(applications).where(eq(applications.id, id)).get()!;
  beforeAll(() => {
    toCall = aWaitingApplicant(db, state.here, { name: 'Hilda Soitettava' });
    db.update(applications)
      .set({ state: 'to-call', goodTimesToCall: 'aamuisin' })
      .where(eq(applications.id, toCall))
      .run();
  });

  it('refuses corrections to instructors not assigned the call, and unknown or odd ids', async () => {
    const before = detailsOf(toCall);
    for (const cookie of [state.ownInstructor, state.otherInstructor]) {
      const response = await postForm(
        app,
        `/applications/${toCall}/details`,
        { phone: '040 111 2222', email: '', homeLocalityId: '', goodTimesToCall: 'illalla' },
        { cookie },
      );
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('Soitettava');
    }
    for (const id of ['1abc', '999999', '0']) {
      const response = await postForm(
        app,
        `/applications/${id}/details`,
        { phone: '040 1' },
        {
          cookie: state.coordinator,
        },
      );
      expect(response.status).toBe(404);
    }
    expect(detailsOf(toCall)).toEqual(before);
  });

  it('refuses odd corrections with a message at the field and changes nothing', async () => {
    const before = detailsOf(toCall);
    const valid = `phone=040+111+2222&email=&homeLocalityId=${state.here}&goodTimesToCall=illalla`;
    const cases: [string, string][] = [
      [`${valid}&goodTimesToCall=${'z'.repeat(10_000)}`, 'goodTimesToCall'],
      [valid.replace(`homeLocalityId=${state.here}`, 'homeLocalityId=1abc'), 'homeLocalityId'],
      [valid.replace(`homeLocalityId=${state.here}`, 'homeLocalityId=999999'), 'homeLocalityId'],
      [valid.replace('phone=040+111+2222', 'phone=%3Cscript%3E'), 'phone'],
      [valid.replace('email=', 'email=a%00%40%3Cb%3E'), 'email'],
    ];
    for (const [body, field] of cases) {
      const response = await rawPost(app, `/applications/${toCall}/details`, body, {
        cookie: state.coordinator,
      });
      expect(response.status, body.slice(0, 80)).toBe(422);
      expect(load(await response.text())(`#${field}-error`).text(), field).not.toBe('');
    }
    const huge = await rawPost(
      app,
      `/applications/${toCall}/details`,
      `${valid}&x=${'x'.repeat(maxRequestBodyBytes)}`,
      { cookie: state.coordinator },
    );
    expect(huge.status).toBe(413);
    const crossSite = await rawPost(app, `/applications/${toCall}/details`, valid, {
      cookie: state.coordinator,
      headers: { Origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(detailsOf(toCall)).toEqual(before);
  });

  it('audits a correction by the record, without the new number', async () => {
    const before = auditCount(db);
    const response = await postForm(
      app,
      `/applications/${toCall}/details`,
      { phone: '040 999 8877', email: '', homeLocalityId: '', goodTimesToCall: 'iltaisin' },
      { cookie: state.coordinator },
    );
    expect(response.status).toBe(303);
    const entries = db.select().from(auditLog).all().slice(before);
    expect(entries.map((entry) => [entry.action, entry.subjectId])).toContainEqual([
      'update',
      toCall,
    ]);
    const details = entries.map((entry) => entry.detail).join(' | ');
    for (const content of ['999', '8877', 'iltaisin', 'Hilda']) {
      expect(details).not.toContain(content);
    }
  });

  it("keeps a participant's link to their own enrolments", async () => {
    const token = issuePersonalLink(db, state.ainoApplication, state.courseId, clock());
    const own = await getPage(app, `/p/${token}/withdrawal/${state.aino}`);
    expect(own.status).toBe(200);
    for (const id of [state.stranger, state.waitlisted, '1abc', '999999', `0${state.aino}`]) {
      const page = await getPage(app, `/p/${token}/withdrawal/${id}`);
      expect(page.status, String(id)).toBe(404);
      const post = await postForm(app, `/p/${token}/withdrawal/${id}`, { reason: '' });
      expect(post.status, String(id)).toBe(404);
    }
    const long = await postForm(app, `/p/${token}/withdrawal/${state.aino}`, {
      reason: 'r'.repeat(10_000),
    });
    expect(long.status).toBe(422);
    expect(load(await long.text())('[id$="reason-error"]').text()).not.toBe('');
    const crossSite = await postForm(
      app,
      `/p/${token}/withdrawal/${state.aino}`,
      { reason: '' },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    const notAForm = await rawPost(app, `/p/${token}/withdrawal/${state.aino}`, '{}', {
      cookie: '',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(notAForm.status).toBe(415);
    for (const id of [state.aino, state.stranger, state.waitlisted]) {
      expect(enrollmentRow(db, id).state, String(id)).not.toBe('withdrawn');
    }
  });
});
