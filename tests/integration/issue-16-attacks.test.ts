import { load } from 'cheerio';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  auditLog,
  deletionRequests,
  enrollments,
  localities,
  organisationSettings,
  outbox,
  participantLinks,
  trainingCandidates,
  users,
} from '../../db/schema';
import { maxRequestBodyBytes } from '../../src/app';
import { immediateTransaction } from '../../src/db';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import { anonymiseApplicationIn } from '../../src/features/retention/anonymise';
import { aRunningCourse, aWaitlisted, duringSession } from '../support/attendance-fixtures';
import { aLocality, aWaitingApplicant } from '../support/planning-fixtures';
import { privacyNoticeLine } from '../support/privacy-notice';
import { deliverQueuedMail, startTestSmtpServer } from '../support/smtp-server';
import {
  aStaffUser,
  buildTestApp,
  getPage,
  postForm,
  signIn,
  signInEveryRole,
  testOrigin,
} from '../support/test-app';
import { failOnUnexpectedErrors } from '../support/unexpected-errors';

/**
 * Attacks on what issue 16 built — a person's data on request, its erasure, the audit log's
 * filters and the privacy notices — as an outsider would make them: by every role and
 * anonymously, with odd ids, odd filters, marked-up names, oversized and non-form bodies,
 * cross-site posts and many identical requests at once. Each is a regression test; those that
 * found a defect say so.
 */

failOnUnexpectedErrors();

type Setup = ReturnType<typeof buildTestApp>;
type Role = 'coordinator' | 'admin' | 'instructor' | 'reporting';

const applicationOf = ({ db }: Setup, id: number) =>
  db.select().from(applications).where(eq(applications.id, id)).get()!;

const auditCount = ({ db }: Setup, subjectId: number, action: string) =>
  db
    .select({ count: sql<number>`count(*)` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectType, 'application'),
        eq(auditLog.subjectId, subjectId),
        eq(auditLog.action, action as 'read'),
      ),
    )
    .get()!.count;

function rawPost(
  { app }: Setup,
  path: string,
  cookie: string,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Origin: testOrigin, Cookie: cookie, ...headers },
    body,
  });
}

describe('attacks on the export and erasure routes', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let cookies: Record<Role, string>;
  let instructorOfCourse = '';
  let course: ReturnType<typeof aRunningCourse>;
  let participant = 0;
  let requestId = 0;

  beforeAll(async () => {
    const instructorUser = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 2, instructorUserIds: [instructorUser.id] });
    clock.setTo(duringSession(course.sessions, 1));
    cookies = await signInEveryRole(setup);
    instructorOfCourse = await signIn(app, instructorUser);
    participant = course.people[0]!.applicationId;
    requestId = db
      .insert(deletionRequests)
      .values({ applicationId: participant, requestedAt: clock(), channel: 'link' })
      .returning({ id: deletionRequests.id })
      .get().id;
  });

  const routes = () => [
    `/people/${participant}/export`,
    `/people/${participant}/export.json`,
    `/people/${participant}/erasure`,
    `/deletion-requests/${requestId}/erasure`,
  ];

  it('lets only coordinators and admins in, the course’s own instructor included, by GET and POST', async () => {
    for (const path of routes()) {
      for (const role of ['coordinator', 'admin'] as const) {
        expect((await getPage(app, path, cookies[role])).status, `${role} ${path}`).toBe(200);
      }
      for (const cookie of [cookies.instructor, cookies.reporting, instructorOfCourse]) {
        expect((await getPage(app, path, cookie)).status, path).toBe(403);
      }
      const anonymous = await getPage(app, path);
      expect(anonymous.status, path).toBe(303);
      expect(anonymous.headers.get('Location'), path).toContain('/sign-in');
    }
    for (const path of routes().filter((path) => path.endsWith('/erasure'))) {
      for (const cookie of [cookies.instructor, cookies.reporting, instructorOfCourse]) {
        const posted = await postForm(app, path, { withdrawFirst: 'yes' }, { cookie });
        expect(posted.status, path).toBe(403);
      }
      const anonymous = await postForm(app, path, { withdrawFirst: 'yes' });
      expect([302, 303], path).toContain(anonymous.status);
    }
    for (const path of routes().filter((path) => path.includes('/export'))) {
      const posted = await postForm(app, path, {}, { cookie: cookies.admin });
      expect(posted.status, path).toBe(404);
    }
    expect(applicationOf(setup, participant).anonymisedAt).toBeNull();
  });

  it('refuses cross-site posts by Origin or by Sec-Fetch-Site, erasing nothing', async () => {
    const crossSite = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: null, headers: { 'Sec-Fetch-Site': 'cross-site' } },
    ];
    for (const path of routes().filter((path) => path.endsWith('/erasure'))) {
      for (const how of crossSite) {
        const options = { cookie: cookies.coordinator, ...how };
        const response = await postForm(app, path, { withdrawFirst: 'yes' }, options);
        expect(response.status, `${path} ${JSON.stringify(how)}`).toBe(403);
      }
    }
    expect(applicationOf(setup, participant).anonymisedAt).toBeNull();
  });

  it('refuses a 10 MB body and bodies that are not a form, erasing nothing', async () => {
    const form = 'application/x-www-form-urlencoded';
    const bodies: [type: string, body: string, statuses: number[]][] = [
      [form, `withdrawFirst=yes&x=${'x'.repeat(10 * 1024 * 1024)}`, [413]],
      [form, `withdrawFirst=yes&x=${'x'.repeat(maxRequestBodyBytes)}`, [413]],
      ['application/json', JSON.stringify({ withdrawFirst: 'yes' }), [415]],
      ['text/plain', 'withdrawFirst=yes', [415]],
      ['application/xml', '<withdrawFirst>yes</withdrawFirst>', [415]],
      [form, 'withdrawFirst=%E0%A4%A&withdrawFirst=yes&withdrawFirst[]=1', [415, 422]],
    ];
    for (const path of routes().filter((path) => path.endsWith('/erasure'))) {
      for (const [type, body, statuses] of bodies) {
        const response = await rawPost(setup, path, cookies.coordinator, type, body);
        expect(statuses, `${path} ${type} ${body.slice(0, 30)}`).toContain(response.status);
      }
    }
    expect(applicationOf(setup, participant).anonymisedAt).toBeNull();
  });

  it('answers odd ids in the path with "not found", never an error', async () => {
    for (const id of ['0', '-1', '99999999999999999999', '9007199254740993', '1e3', '016', 'abc']) {
      for (const path of [
        `/people/${id}/export`,
        `/people/${id}/export.json`,
        `/people/${id}/erasure`,
        `/deletion-requests/${id}/erasure`,
      ]) {
        const response = await getPage(app, path, cookies.coordinator);
        expect(response.status, path).toBe(404);
        if (path.endsWith('/erasure')) {
          const posted = await postForm(app, path, {}, { cookie: cookies.coordinator });
          expect(posted.status, `POST ${path}`).toBe(404);
        }
      }
    }
    for (const id of ['999999999', '9007199254740991']) {
      const json = await getPage(app, `/people/${id}/export.json`, cookies.coordinator);
      expect(json.status).toBe(404);
      expect(await json.json()).toMatchObject({ error: 'not-found' });
    }
  });
});

const markedUpName =
  '<script>alert(1)</script>"><img src=x onerror=alert(2)>\r\nBcc: thief@evil.example';

describe('marked-up names and line breaks on the export, the erasure and the audit log', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let cookies: Record<Role, string>;
  let localityId = 0;
  const smtp = startTestSmtpServer();
  afterAll(async () => (await smtp).close());

  beforeAll(async () => {
    cookies = await signInEveryRole(setup);
    localityId = aLocality(db);
  });

  const aMarkedUpPerson = (overrides: Partial<typeof applications.$inferInsert> = {}) => {
    const id = aWaitingApplicant(db, localityId, { name: markedUpName });
    db.update(applications)
      .set({
        referrerName: markedUpName,
        goodTimesToCall: '</textarea><script>alert(3)</script>',
        closeNote: 'a\u0000b\u202Ec',
        ...overrides,
      })
      .where(eq(applications.id, id))
      .run();
    return id;
  };

  const expectNoMarkup = (html: string, where: string) => {
    const $ = load(html);
    expect($('main script, main img[onerror], img[src="x"]'), where).toHaveLength(0);
    expect(html, where).not.toContain('<script>alert');
  };

  it('shows the name as text on the export page, the confirmation and the audit log', async () => {
    const person = aMarkedUpPerson();
    for (const path of [
      `/people/${person}/export`,
      `/people/${person}/erasure`,
      `/admin/audit?person=${person}`,
    ]) {
      const response = await getPage(app, path, cookies.admin);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expectNoMarkup(html, path);
      if (!path.startsWith('/admin')) expect(load(html)('main').text(), path).toContain('<script>');
    }
  });

  it('writes the name as a JSON string in the file, which parses', async () => {
    const person = aMarkedUpPerson();
    const response = await getPage(app, `/people/${person}/export.json`, cookies.coordinator);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('application/json');
    const data = JSON.parse(await response.text());
    expect(data.applications[0].name).toBe(markedUpName);
    expect(data.applications[0].referrer.name).toBe(markedUpName);
  });

  it('tells a marked-up person by e-mail without a header the name could add', async () => {
    const person = aMarkedUpPerson({ email: 'merkki@example.fi' });
    const response = await postForm(
      app,
      `/people/${person}/erasure`,
      {},
      { cookie: cookies.coordinator },
    );
    expect(response.status).toBe(303);
    const delivered = await deliverQueuedMail(db, clock, await smtp);
    const notice = delivered.find((mail) => mail.envelopeTo.includes('merkki@example.fi'))!;
    expect(notice).toBeDefined();
    expect(delivered.flatMap((mail) => mail.envelopeTo)).not.toContain('thief@evil.example');
    expect(notice.headers.has('bcc')).toBe(false);
    expect(notice.text).toContain(privacyNoticeLine.fi);
    expect(notice.html || '').not.toContain('<script>alert');
  });

  it('shows a marked-up organisation as text on the privacy notice and in the erasure message', async () => {
    const markup = '<img src=x onerror=alert(4)>';
    const existing = db.select().from(organisationSettings).get();
    const values = {
      name: `Org ${markup}`,
      coordinatorName: markup,
      privacyContact: `tietosuoja@example.fi ${markup}`,
      updatedAt: clock(),
    };
    if (existing) db.update(organisationSettings).set(values).run();
    else
      db.insert(organisationSettings)
        .values({ id: 1, ...values })
        .run();
    const notice = await getPage(app, '/privacy');
    expect(notice.status).toBe(200);
    const html = await notice.text();
    expect(html).not.toContain(markup);
    expect(load(html)('main').text()).toContain(markup);
    const person = aMarkedUpPerson({ email: 'org@example.fi' });
    const erased = await postForm(
      app,
      `/people/${person}/erasure`,
      {},
      { cookie: cookies.coordinator },
    );
    expect(erased.status).toBe(303);
    const message = db.select().from(outbox).where(eq(outbox.applicationId, person)).get()!;
    expect(message.textBody).toContain(markup);
    expect(message.htmlBody).not.toContain(markup);
    expect(message.htmlBody).not.toContain('<script>alert');
  });

  it('prints the erasure letter with the name as text and the link to the privacy notice', async () => {
    const person = aMarkedUpPerson({
      email: '',
      postalStreet: 'Katu 1\r\n<b>2</b>',
      postalCode: '00100',
      postOffice: 'Helsinki',
    });
    const response = await postForm(
      app,
      `/people/${person}/erasure`,
      {},
      { cookie: cookies.coordinator },
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expectNoMarkup(html, 'letter');
    const $ = load(html);
    expect($('.letter').text()).toContain('<script>alert(1)</script>');
    expect($('.letter b')).toHaveLength(0);
    // Every letter points to the privacy notice, the one telling of an erasure too.
    expect($('.letter').text()).toContain(privacyNoticeLine.fi);
  });
});

describe('attacks on a person’s export and erasure through their other applications', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let cookies: Record<Role, string>;
  let course: ReturnType<typeof aRunningCourse>;

  beforeAll(async () => {
    course = aRunningCourse(db, { participants: 2, seats: 2 });
    clock.setTo(duringSession(course.sessions, 2));
    cookies = await signInEveryRole(setup);
  });

  const sharing = (id: number, with_: Partial<typeof applications.$inferInsert>) =>
    db.update(applications).set(with_).where(eq(applications.id, id)).run();

  it('gives a JSON file that parses and holds no token, link hash or password hash', async () => {
    const { applicationId } = course.people[0]!;
    const token = issuePersonalLink(db, applicationId, course.courseId, clock());
    const response = await getPage(app, `/people/${applicationId}/export.json`, cookies.admin);
    expect(response.status).toBe(200);
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.applications[0].personalLink.exists).toBe(true);
    const hashes = db.select({ hash: participantLinks.tokenHash }).from(participantLinks).all();
    const passwordHashes = db.select({ hash: users.passwordHash }).from(users).all();
    for (const secret of [
      token,
      ...hashes.map((row) => row.hash),
      ...passwordHashes.map((row) => row.hash),
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/tokenHash|passwordHash|token_hash|password_hash|"token"/i);
    // The stored messages hold a placeholder for the link, never a working one.
    expect(text).not.toMatch(/\/p\/[A-Za-z0-9_-]{30,}/);
  });

  it('refuses to erase a person who shares an e-mail with someone on the running course, naming it', async () => {
    const other = course.people[1]!;
    const { email } = applicationOf(setup, other.applicationId);
    const person = aWaitingApplicant(db, course.localityId, { email });
    const refused = await postForm(
      app,
      `/people/${person}/erasure`,
      {},
      { cookie: cookies.coordinator },
    );
    expect(refused.status).toBe(422);
    const locality = db
      .select({ name: localities.name })
      .from(localities)
      .where(eq(localities.id, course.localityId))
      .get()!.name;
    expect(load(await refused.text())('main').text()).toContain(locality);
    expect(applicationOf(setup, person).anonymisedAt).toBeNull();
    expect(applicationOf(setup, other.applicationId).anonymisedAt).toBeNull();
    const state = db
      .select({ state: enrollments.state })
      .from(enrollments)
      .where(eq(enrollments.id, other.enrollmentId))
      .get()!.state;
    expect(state).toBe('placed');
  });

  it('exports and erases a person with 300 applications in one go, each audited once', async () => {
    const first = aWaitingApplicant(db, course.localityId, { email: 'moni@example.fi' });
    const { phone } = applicationOf(setup, first);
    const ids = [first];
    for (let index = 1; index < 300; index += 1) {
      const id = aWaitingApplicant(db, course.localityId, {
        email: index % 2 ? '' : 'moni@example.fi',
      });
      sharing(id, { phone });
      ids.push(id);
    }
    const exported = await getPage(app, `/people/${first}/export.json`, cookies.coordinator);
    expect(exported.status).toBe(200);
    expect(((await exported.json()) as { applications: unknown[] }).applications).toHaveLength(300);
    expect((await getPage(app, `/people/${first}/export`, cookies.coordinator)).status).toBe(200);
    expect((await getPage(app, `/people/${first}/erasure`, cookies.coordinator)).status).toBe(200);
    const erased = await postForm(
      app,
      `/people/${first}/erasure`,
      {},
      { cookie: cookies.coordinator },
    );
    expect(erased.status).toBe(303);
    for (const id of ids) {
      expect(applicationOf(setup, id).anonymisedAt, String(id)).not.toBeNull();
      expect(auditCount(setup, id, 'delete'), String(id)).toBe(1);
    }
    const again = await getPage(app, `/people/${ids[150]}/export.json`, cookies.coordinator);
    expect(again.status).toBe(410);
  });

  it('answers 100 identical exports at once, each audited, and 100 identical erasures with one', async () => {
    const person = aWaitingApplicant(db, course.localityId, { email: 'sata@example.fi' });
    const before = auditCount(setup, person, 'export');
    const exports = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        getPage(app, `/people/${person}/export${index % 2 ? '.json' : ''}`, cookies.coordinator),
      ),
    );
    expect(new Set(exports.map((response) => response.status))).toEqual(new Set([200]));
    expect(auditCount(setup, person, 'export')).toBe(before + 100);
    const outboxBefore = db
      .select({ count: sql<number>`count(*)` })
      .from(outbox)
      .get()!.count;
    const erasures = await Promise.all(
      Array.from({ length: 100 }, () =>
        postForm(app, `/people/${person}/erasure`, {}, { cookie: cookies.coordinator }),
      ),
    );
    const statuses = erasures.map((response) => response.status);
    expect(statuses.filter((status) => status === 303)).toHaveLength(1);
    expect(statuses.filter((status) => status === 410)).toHaveLength(99);
    expect(auditCount(setup, person, 'delete')).toBe(1);
    const queued = db
      .select({ count: sql<number>`count(*)` })
      .from(outbox)
      .get()!.count;
    expect(queued).toBe(outboxBefore + 1);
    const requests = db
      .select()
      .from(deletionRequests)
      .where(eq(deletionRequests.applicationId, person))
      .all();
    expect(requests).toHaveLength(1);
  });

  it('erases a participant who is a training candidate too, leaving the candidacy to its own rule', async () => {
    const person = aWaitingApplicant(db, course.localityId, { email: 'ehdokas@example.fi' });
    const { name, phone } = applicationOf(setup, person);
    const candidate = db
      .insert(trainingCandidates)
      .values({
        source: 'phone',
        name,
        phone,
        email: 'ehdokas@example.fi',
        kind: 'peer',
        consentAt: clock(),
        state: 'phoned',
        createdAt: clock(),
        updatedAt: clock(),
      })
      .returning({ id: trainingCandidates.id })
      .get().id;
    expect((await getPage(app, `/people/${person}/export`, cookies.coordinator)).status).toBe(200);
    const erased = await postForm(
      app,
      `/people/${person}/erasure`,
      {},
      { cookie: cookies.coordinator },
    );
    expect(erased.status).toBe(303);
    expect(applicationOf(setup, person).anonymisedAt).not.toBeNull();
    const kept = db
      .select({ state: trainingCandidates.state })
      .from(trainingCandidates)
      .where(eq(trainingCandidates.id, candidate))
      .get()!;
    expect(kept.state).toBe('phoned');
  });

  it('leaves an erased person’s personal link working for nothing, a new request included', async () => {
    const person = aWaitingApplicant(db, course.localityId, { email: 'linkki@example.fi' });
    const token = issuePersonalLink(db, person, course.courseId, clock());
    expect((await getPage(app, `/p/${token}`)).status).toBe(200);
    const erased = await postForm(
      app,
      `/people/${person}/erasure`,
      {},
      { cookie: cookies.coordinator },
    );
    expect(erased.status).toBe(303);
    const page = await getPage(app, `/p/${token}`);
    expect(page.status).not.toBe(200);
    expect(await page.text()).not.toContain('linkki@example.fi');
    const asked = await postForm(app, `/p/${token}/deletion-request`, {});
    expect(asked.status).not.toBe(303);
    const pending = db
      .select()
      .from(deletionRequests)
      .where(and(eq(deletionRequests.applicationId, person), isNull(deletionRequests.handledAt)))
      .all();
    expect(pending).toEqual([]);
  });

  it('withdraws a person placed and waitlisted on one course by two applications, moving up someone else', async () => {
    const full = aRunningCourse(db, { participants: 1, seats: 1 });
    const placed = full.people[0]!;
    const { phone } = applicationOf(setup, placed.applicationId);
    const second = aWaitingApplicant(db, full.localityId, { email: '' });
    sharing(second, { phone });
    const at = clock();
    const ownWait = aWaitlisted(db, full.courseId, second, at);
    const stranger = aWaitingApplicant(db, full.localityId);
    const strangerWait = aWaitlisted(db, full.courseId, stranger, new Date(at.getTime() + 1000));
    const erased = await postForm(
      app,
      `/people/${placed.applicationId}/erasure`,
      { withdrawFirst: 'yes' },
      { cookie: cookies.coordinator },
    );
    expect(erased.status).toBe(303);
    const stateOf = (id: number) =>
      db.select({ state: enrollments.state }).from(enrollments).where(eq(enrollments.id, id)).get()!
        .state;
    expect(stateOf(placed.enrollmentId)).toBe('withdrawn');
    expect(stateOf(ownWait)).toBe('withdrawn');
    expect(stateOf(strangerWait)).toBe('placed');
    expect(applicationOf(setup, second).anonymisedAt).not.toBeNull();
    expect(applicationOf(setup, stranger).anonymisedAt).toBeNull();
    const toErased = db
      .select({ id: outbox.id, state: outbox.state })
      .from(outbox)
      .where(and(eq(outbox.applicationId, second), eq(outbox.state, 'queued')))
      .all();
    expect(toErased).toEqual([]);
  });

  it('exports a person whose message bodies were pruned, saying when', async () => {
    const person = aWaitingApplicant(db, course.localityId);
    db.insert(outbox)
      .values({
        messageId: '<pruned-attack@kurssipolku.test>',
        recipientEmail: '',
        subject: '',
        textBody: '',
        htmlBody: '',
        applicationId: person,
        state: 'sent',
        nextAttemptAt: clock(),
        sentAt: clock(),
        bodyPrunedAt: clock(),
        createdAt: clock(),
      })
      .run();
    const json = await getPage(app, `/people/${person}/export.json`, cookies.coordinator);
    expect(json.status).toBe(200);
    const data = (await json.json()) as { applications: { messages: unknown[] }[] };
    const [message] = data.applications[0]!.messages;
    expect(message).toMatchObject({ textBody: '', bodyRemovedAt: clock().toISOString() });
    const page = await getPage(app, `/people/${person}/export`, cookies.coordinator);
    expect(page.status).toBe(200);
  });
});

describe('attacks on the audit log’s filters', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let cookies: Record<Role, string>;
  let course: ReturnType<typeof aRunningCourse>;

  beforeAll(async () => {
    course = aRunningCourse(db, { participants: 2 });
    clock.setTo(duringSession(course.sessions, 1));
    cookies = await signInEveryRole(setup);
  });

  const audit = (query: string, cookie = cookies.admin) =>
    getPage(app, `/admin/audit?${query}`, cookie);

  it('keeps every role but the admin out, whatever the filter', async () => {
    for (const query of ['', 'person=1', 'action=read&action=delete']) {
      for (const role of ['coordinator', 'instructor', 'reporting'] as const) {
        expect((await audit(query, cookies[role])).status, `${role} ${query}`).toBe(403);
      }
      const anonymous = await getPage(app, `/admin/audit?${query}`);
      expect(anonymous.status).toBe(303);
    }
    const posted = await postForm(app, '/admin/audit', { person: '1' }, { cookie: cookies.admin });
    expect(posted.status).toBe(404);
  });

  it('answers odd filter values with the page or a message at the field, never an error', async () => {
    const odd = [
      'person=99999999999999999999',
      'person=9007199254740993',
      'person=9007199254740991',
      'person=999999999',
      'person=0',
      'person=-1',
      'person=1e3',
      'person=%20%201%20',
      "person=1'%20OR%201=1--",
      'person=1&person=2',
      'actor=99999999999999',
      'actor=1;DROP TABLE audit_log',
      'action=read&action=delete',
      'action[]=read',
      'action=READ',
      "action=read'--",
      'action=%00read',
      'from=0001-01-01',
      'from=0000-01-01',
      'from=1000-02-29',
      'from=1900-01-01&to=1900-01-01',
      'to=0001-01-01',
      'from=9999-12-31',
      'from=9999-12-31&to=9999-12-31',
      'to=9999-12-30',
      'from=10000-01-01',
      'from=+02026-01-01',
      'from=2026-1-1',
      'from=2026-12-03T00:00',
      'from=2026-02-30',
      'to=1970-01-01',
      'from=1969-12-31&to=1970-01-01',
      `from=${'9'.repeat(5000)}`,
      `person=${'1'.repeat(5000)}`,
      'person=%3Cscript%3Ealert(1)%3C/script%3E',
      'after=1&person=1&actor=1&action=read&from=2026-01-01&to=2026-12-31',
    ];
    for (const query of odd) {
      for (const headers of [{}, { 'HX-Request': 'true', 'HX-Target': 'audit-filtered' }] as Record<
        string,
        string
      >[]) {
        const response = await getPage(app, `/admin/audit?${query}`, cookies.admin, headers);
        expect([200, 422], query).toContain(response.status);
        const html = await response.text();
        expect(html, query).not.toContain('<script>alert');
      }
    }
    expect(
      db
        .select({ count: sql<number>`count(*)` })
        .from(auditLog)
        .get()!.count,
    ).toBeGreaterThan(0);
  });

  it('reads the first of repeated values, not a guess at both', async () => {
    const response = await audit('action=read&action=delete');
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('select[name="action"] option[selected]').attr('value')).toBe('read');
  });

  it('lists what was done about an anonymised person, their erasure included', async () => {
    const { applicationId } = course.people[0]!;
    expect((await getPage(app, `/people/${applicationId}`, cookies.coordinator)).status).toBe(200);
    const erased = await postForm(
      app,
      `/people/${applicationId}/erasure`,
      { withdrawFirst: 'yes' },
      { cookie: cookies.coordinator },
    );
    expect(erased.status).toBe(303);
    const response = await audit(`person=${applicationId}`);
    expect(response.status).toBe(200);
    const text = load(await response.text())('main').text();
    expect(text).toContain('erasure');
    expect(text).not.toContain('Osallistuja 1');
  });
});

describe('the audit log filtered by person on a log of 200 000 entries', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let cookies: Record<Role, string>;
  let course: ReturnType<typeof aRunningCourse>;
  let person = 0;
  let staffId = 0;

  beforeAll(async () => {
    course = aRunningCourse(db, { participants: 3 });
    clock.setTo(duringSession(course.sessions, 3));
    cookies = await signInEveryRole(setup);
    person = course.people[0]!.applicationId;
    staffId = db.select({ id: users.id }).from(users).limit(1).get()!.id;
    const start = course.sessions[0]!.startsAt.getTime() - 30 * 86_400_000;
    // 200 000 entries over 60 days: most about other applications, a tenth reads of the person's
    // course roster, a few hundred about the person themselves.
    db.$client.transaction(() => {
      db.$client
        .prepare(
          `with recursive n(i) as (select 1 union all select i + 1 from n where i < 200000)
           insert into audit_log (at, actor_user_id, actor_name, action, subject_type, subject_id, detail)
           select @start + i * 25920, @staff, 'Testi', case i % 3 when 0 then 'read' when 1 then 'update' else 'export' end,
             case when i % 10 = 0 then 'course' else 'application' end,
             case when i % 10 = 0 then @course when i % 500 = 1 then @person else 100000 + i % 5000 end,
             'roster' from n`,
        )
        .run({ start, staff: staffId, course: course.courseId, person });
    })();
  }, 60_000);

  const planOf = (query: string) =>
    db.$client
      .prepare(`explain query plan ${query}`)
      // The plan's shape does not depend on the values; each placeholder gets one.
      .all(...Array.from(query.matchAll(/\?/g), () => 1))
      .map((step) => (step as { detail: string }).detail);

  it('answers the first and a later page of the person’s entries, each a page long', async () => {
    for (const query of [
      `person=${person}`,
      `person=${person}&action=read`,
      `person=${person}&actor=${staffId}`,
      `person=${person}&from=2026-09-01&to=2026-10-31`,
      `person=${person}&from=1900-01-01&to=9999-12-31`,
    ]) {
      const response = await getPage(app, `/admin/audit?${query}`, cookies.admin);
      expect(response.status, query).toBe(200);
      const $ = load(await response.text());
      const more = $('a[href*="after="]').attr('href');
      expect(more, query).toBeDefined();
      const later = await getPage(app, more!, cookies.admin);
      expect(later.status, query).toBe(200);
    }
  });

  it('finds the person’s entries through the subject index, never reading the whole log', async () => {
    const statements: string[] = [];
    const prepare = db.$client.prepare.bind(db.$client);
    db.$client.prepare = ((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof db.$client.prepare;
    try {
      // Run through the app's own query, its SQL taken as it goes to SQLite.
      const response = await getPage(
        app,
        `/admin/audit?person=${person}&from=2026-09-01`,
        cookies.admin,
      );
      expect(response.status).toBe(200);
    } finally {
      db.$client.prepare = prepare;
    }
    const filtered = statements.filter(
      (statement) => /from "audit_log"/.test(statement) && /order by/i.test(statement),
    );
    expect(filtered.length).toBeGreaterThan(0);
    for (const statement of filtered) {
      const scans = planOf(statement).filter((step) => step.startsWith('SCAN audit_log'));
      expect(scans, statement).toEqual([]);
    }
  });

  it('gives the person’s export with the newest 500 of who opened their data', async () => {
    const response = await getPage(app, `/people/${person}/export.json`, cookies.coordinator);
    expect(response.status).toBe(200);
    const data = (await response.json()) as { openedBy: { entries: unknown[]; more: boolean } };
    expect(data.openedBy.entries).toHaveLength(500);
    expect(data.openedBy.more).toBe(true);
  });
});

describe('the privacy notice in English on every public form and message', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let token = '';
  let enrollmentId = 0;
  let coordinator = '';
  let localityId = 0;

  beforeAll(async () => {
    const course = aRunningCourse(db, { participants: 1 });
    localityId = course.localityId;
    clock.setTo(duringSession(course.sessions, 1));
    coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
    const { applicationId } = course.people[0]!;
    enrollmentId = course.people[0]!.enrollmentId;
    db.update(applications).set({ language: 'en' }).where(eq(applications.id, applicationId)).run();
    token = issuePersonalLink(db, applicationId, course.courseId, clock());
  });

  it('shows the short notice with its link in English on each public form and the personal link', async () => {
    for (const path of [
      '/apply',
      '/referrals',
      '/nominations',
      '/instructor-applications',
      `/p/${token}`,
      `/p/${token}/withdrawal/${enrollmentId}`,
    ]) {
      const response = await getPage(app, path, 'kp_lang=en');
      expect(response.status, path).toBe(200);
      const $ = load(await response.text());
      const notice = $('main .privacy-notice');
      expect(notice, path).toHaveLength(1);
      expect(notice.find('a[href="/privacy"]').text(), path).toBe('the full privacy notice');
      expect(notice.text(), path).not.toMatch(/säilytetään|rekisterinpitäjä/);
    }
    const full = await getPage(app, '/privacy', 'kp_lang=en');
    expect(full.status).toBe(200);
    expect(load(await full.text())('main').text()).not.toMatch(/säilytetään|rekisterinpitäjä/);
  });

  it('ends the erasure message to an English speaker with the English link', async () => {
    const person = aWaitingApplicant(db, localityId, {
      email: 'english@example.fi',
      language: 'en',
    });
    const erased = await postForm(app, `/people/${person}/erasure`, {}, { cookie: coordinator });
    expect(erased.status).toBe(303);
    const message = db.select().from(outbox).where(eq(outbox.applicationId, person)).get()!;
    expect(message.textBody).toContain(privacyNoticeLine.en);
    expect(message.htmlBody).toContain(privacyNoticeLine.en);
  });

  it('ends the erasure letter to an English speaker with the English link', async () => {
    const person = aWaitingApplicant(db, localityId, { email: '', language: 'en' });
    db.update(applications)
      .set({ postalStreet: 'Street 1', postalCode: '00100', postOffice: 'Helsinki' })
      .where(eq(applications.id, person))
      .run();
    const erased = await postForm(app, `/people/${person}/erasure`, {}, { cookie: coordinator });
    expect(erased.status).toBe(200);
    expect(load(await erased.text())('.letter').text()).toContain(privacyNoticeLine.en);
  });
});

describe('attacks on the "delete my data" requests on the home page', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let cookies: Record<Role, string>;
  let localityId = 0;

  beforeAll(async () => {
    cookies = await signInEveryRole(setup);
    localityId = aLocality(db);
  });

  const aRequestFrom = (name: string) => {
    const applicationId = aWaitingApplicant(db, localityId, { name });
    const requestId = db
      .insert(deletionRequests)
      .values({ applicationId, requestedAt: clock(), channel: 'link' })
      .returning({ id: deletionRequests.id })
      .get().id;
    return { applicationId, requestId };
  };
  const homeLinks = async (cookie: string) => {
    const $ = load(await (await getPage(app, '/', cookie)).text());
    return $('a[href^="/deletion-requests/"]')
      .map((_, link) => $(link).attr('href'))
      .get();
  };

  it('lists a marked-up name as text, to coordinators and admins only', async () => {
    const { requestId } = aRequestFrom(markedUpName);
    const response = await getPage(app, '/', cookies.coordinator);
    const html = await response.text();
    expect(html).not.toContain('<script>alert');
    expect(await homeLinks(cookies.coordinator)).toContain(
      `/deletion-requests/${requestId}/erasure`,
    );
    expect(await homeLinks(cookies.admin)).toContain(`/deletion-requests/${requestId}/erasure`);
    for (const role of ['instructor', 'reporting'] as const) {
      expect(await homeLinks(cookies[role]), role).toEqual([]);
    }
  });

  it('drops a request from the list once the person’s data is gone another way, never leaving a dead link', async () => {
    const { applicationId, requestId } = aRequestFrom('Vanha Pyytäjä');
    const link = `/deletion-requests/${requestId}/erasure`;
    expect(await homeLinks(cookies.coordinator)).toContain(link);
    // The retention job anonymised the application while the request waited.
    immediateTransaction(db, (tx) => anonymiseApplicationIn(tx, applicationId, clock()));
    expect((await getPage(app, link, cookies.coordinator)).status).toBe(410);
    expect(await homeLinks(cookies.coordinator)).not.toContain(link);
  });
});

describe('the privacy notice on a public form sent back with mistakes', () => {
  const setup = buildTestApp();
  const { app, db, clock } = setup;
  let token = '';
  let enrollmentId = 0;

  beforeAll(() => {
    const course = aRunningCourse(db, { participants: 1 });
    clock.setTo(duringSession(course.sessions, 1));
    enrollmentId = course.people[0]!.enrollmentId;
    token = issuePersonalLink(db, course.people[0]!.applicationId, course.courseId, clock());
  });

  it('keeps the notice on every public form re-shown with messages, in Finnish and English', async () => {
    for (const [path, fields] of [
      ['/apply', { name: '<b>x</b>', phone: 'abc' }],
      ['/referrals', { name: '', phone: '' }],
      ['/nominations', { name: '' }],
      ['/instructor-applications', { name: '' }],
      [`/p/${token}/withdrawal/${enrollmentId}`, { reason: 'x'.repeat(5000) }],
    ] as [string, Record<string, string>][]) {
      // The personal link speaks the person's own language (Finnish here), whatever the cookie.
      const english = path.startsWith('/p/') ? 'koko tietosuojaseloste' : 'the full privacy notice';
      for (const [cookie, link] of [
        ['', 'koko tietosuojaseloste'],
        ['kp_lang=en', english],
      ] as const) {
        const response = await postForm(app, path, fields, { headers: { Cookie: cookie } });
        expect(response.status, `${path} ${cookie}`).toBe(422);
        const $ = load(await response.text());
        const notice = $('main .privacy-notice');
        expect(notice, `${path} ${cookie}`).toHaveLength(1);
        expect(notice.find('a[href="/privacy"]').text(), path).toBe(link);
      }
    }
  });
});
