import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, courses, outbox, retentionSettings } from '../../db/schema';
import {
  auditEntriesAboutPerson,
  recordAudit,
  systemActor,
} from '../../src/features/audit/audit-log';
import { immediateTransaction } from '../../src/db';
import { aRunningCourse, duringSession } from '../support/attendance-fixtures';
import { aLocality, aWaitingApplicant } from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

type Row = typeof auditLog.$inferSelect;

describe('every staff read of a person’s data is in the audit log', () => {
  const { app, db, clock } = buildTestApp();
  const cookies = { coordinator: '', instructor: '', admin: '' };
  let coordinatorId = 0;
  let course: ReturnType<typeof aRunningCourse>;
  let toCall = 0;
  const personal: string[] = [];

  const newEntries = async (path: string, cookie = cookies.coordinator) => {
    const before = db.select().from(auditLog).all().length;
    const response = await getPage(app, path, cookie);
    expect(response.status, path).toBe(200);
    await response.arrayBuffer();
    return db.select().from(auditLog).all().slice(before);
  };
  const expectNoPersonalData = (rows: Row[]) => {
    const text = JSON.stringify(rows);
    for (const value of personal) expect(text).not.toContain(value);
  };

  beforeAll(async () => {
    const instructor = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 2, instructorUserIds: [instructor.id] });
    clock.setTo(duringSession(course.sessions, 2));
    const coordinator = await aStaffUser(db, 'coordinator');
    coordinatorId = coordinator.id;
    cookies.coordinator = await signIn(app, coordinator);
    cookies.instructor = await signIn(app, instructor);
    cookies.admin = await signIn(app, await aStaffUser(db, 'admin'));
    toCall = aWaitingApplicant(db, aLocality(db), {
      name: 'Kalle Kutsuttava',
      email: 'kalle.kutsuttava@example.fi',
    });
    db.update(applications).set({ state: 'to-call' }).where(eq(applications.id, toCall)).run();
    for (const row of db.select().from(applications).all()) {
      personal.push(row.name, row.phone, row.email.split('@')[0]!);
    }
  });

  it('names the application when a person’s page is opened', async () => {
    const person = course.people[0]!.applicationId;
    const rows = await newEntries(`/people/${person}`);
    expect(rows).toEqual([
      expect.objectContaining({
        actorUserId: coordinatorId,
        action: 'read',
        subjectType: 'application',
        subjectId: person,
        detail: 'person page',
      }),
    ]);
    expectNoPersonalData(rows);
  });

  it('names the course when its roster is opened', async () => {
    const rows = await newEntries(`/courses/${course.courseId}/roster`);
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'read',
        subjectType: 'course',
        subjectId: course.courseId,
        detail: 'roster',
      }),
    );
    expectNoPersonalData(rows);
  });

  it('names the application when a call queue item comes back with its form', async () => {
    const before = db.select().from(auditLog).all().length;
    const response = await postForm(
      app,
      `/applications/${toCall}/call-attempts`,
      { outcome: 'no-such-outcome' },
      { cookie: cookies.coordinator },
    );
    expect(response.status).toBe(422);
    const rows = db.select().from(auditLog).all().slice(before);
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'read',
        subjectType: 'application',
        subjectId: toCall,
        detail: 'call queue item',
      }),
    );
    expectNoPersonalData(rows);
  });

  it('records each read of the call queue as a list read', async () => {
    const rows = await newEntries('/calls');
    expect(rows).toEqual([
      expect.objectContaining({ action: 'read', subjectType: 'application', subjectId: null }),
    ]);
    expect(rows[0]!.detail).toBe('call-queue');
  });

  it('names the application when its interview is opened', async () => {
    const rows = await newEntries(`/applications/${toCall}/interview`);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'read',
        subjectType: 'application',
        subjectId: toCall,
        detail: 'interview',
      }),
    ]);
    expectNoPersonalData(rows);
  });

  it('names the course on every attendance page, for instructors and coordinators', async () => {
    const session = course.sessions[1]!.id;
    const cases: [string, string, string][] = [
      [`/courses/${course.courseId}/attendance`, 'attendance', cookies.coordinator],
      [`/sessions/${session}/attendance`, `attendance, session ${session}`, cookies.instructor],
      [`/courses/${course.courseId}/attendance/grid`, 'attendance grid', cookies.coordinator],
      [`/courses/${course.courseId}/attendance/print`, 'printed roster', cookies.instructor],
      [`/courses/${course.courseId}`, 'attendance', cookies.coordinator],
    ];
    for (const [path, detail, cookie] of cases) {
      const rows = await newEntries(path, cookie);
      expect(rows, path).toContainEqual(
        expect.objectContaining({
          action: 'read',
          subjectType: 'course',
          subjectId: course.courseId,
          detail,
        }),
      );
      expectNoPersonalData(rows);
    }
  });

  it('records the attendance CSV as an export of the course', async () => {
    const rows = await newEntries(`/courses/${course.courseId}/attendance.csv`);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'export',
        subjectType: 'course',
        subjectId: course.courseId,
        detail: 'roster with attendance CSV',
      }),
    ]);
    expectNoPersonalData(rows);
  });

  it('records the term report download as an export of the term', async () => {
    const termId = db.select().from(courses).where(eq(courses.id, course.courseId)).get()!.termId;
    const rows = await newEntries(`/reports/terms/${termId}.csv`);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'export',
        subjectType: 'term-report',
        subjectId: termId,
      }),
    ]);
  });

  it('names the message when a message sent to a person is opened', async () => {
    const message = db
      .select()
      .from(outbox)
      .where(eq(outbox.applicationId, course.people[0]!.applicationId))
      .get()!;
    const rows = await newEntries(`/outbox/${message.id}`);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'read',
        subjectType: 'outbox-message',
        subjectId: message.id,
      }),
    ]);
    expectNoPersonalData(rows);
  });

  it('gives a person’s entries, newest first, to the subject access export', () => {
    const person = course.people[0]!.applicationId;
    const entries = auditEntriesAboutPerson(db, person);
    expect(entries.map((entry) => [entry.subjectType, entry.detail])).toEqual(
      expect.arrayContaining([
        ['application', 'person page'],
        ['course', 'roster'],
        ['course', 'attendance grid'],
        ['course', 'roster with attendance CSV'],
        ['outbox-message', ''],
      ]),
    );
    // Nothing about someone else: the other applicant's interview and call item are left out.
    expect(entries.some((entry) => entry.subjectId === toCall)).toBe(false);
    const times = entries.map((entry) => [entry.at.getTime(), entry.id]);
    expect(times).toEqual([...times].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]!));
    expect(auditEntriesAboutPerson(db, person, { limit: 2 })).toEqual(entries.slice(0, 2));
    // The export reads it in its own transaction.
    expect(immediateTransaction(db, (tx) => auditEntriesAboutPerson(tx, person))).toEqual(entries);
  });

  it('offers the admin a link from the person’s page to who opened it, and no one else', async () => {
    const person = course.people[0]!.applicationId;
    const link = `a[href="/admin/audit?person=${person}"]`;
    const admin = load(await (await getPage(app, `/people/${person}`, cookies.admin)).text());
    expect(admin(link).text()).toBe('Kuka on avannut tämän henkilön tiedot');
    const coordinator = load(
      await (await getPage(app, `/people/${person}`, cookies.coordinator)).text(),
    );
    expect(coordinator(link)).toHaveLength(0);
    const instructor = load(
      await (await getPage(app, `/people/${person}`, cookies.instructor)).text(),
    );
    expect(instructor(link)).toHaveLength(0);
  });
});

describe('the admin filters the audit log', () => {
  const { app, db } = buildTestApp();
  const cookies = { admin: '', coordinator: '', instructor: '', reporting: '' };
  const staff = { reader: { id: 0, name: '' }, other: { id: 0, name: '' } };
  let course: ReturnType<typeof aRunningCourse>;
  let elsewhere: ReturnType<typeof aRunningCourse>;
  let person = 0;
  let someoneElse = 0;
  const start = new Date('2026-11-01T08:00:00Z').getTime();
  const at = (minutes: number) => new Date(start + minutes * 60_000);

  const audit = (page: string, cookie = cookies.admin, headers = {}) =>
    getPage(app, page, cookie, headers);
  const shownIds = (html: string) =>
    load(html)('#audit-rows > tr[id^="audit-"]:not(#audit-more)')
      .map((_, row) => Number(row.attribs.id!.slice('audit-'.length)))
      .get();
  /** Every page, following the "show more" links as a browser without JavaScript would. */
  const allPages = async (first: string) => {
    const ids: number[] = [];
    const links: string[] = [];
    let next: string | undefined = first;
    while (next) {
      const response = await audit(next);
      expect(response.status, next).toBe(200);
      const html = await response.text();
      ids.push(...shownIds(html));
      next = load(html)('#audit-more a').attr('href');
      if (next) links.push(next);
    }
    return { ids, links };
  };
  const idsWhere = (keep: (row: Row) => boolean) =>
    db
      .select()
      .from(auditLog)
      .all()
      .filter(keep)
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id)
      .map((row) => row.id);

  beforeAll(async () => {
    const admin = await aStaffUser(db, 'admin');
    const reader = await aStaffUser(db, 'coordinator', { name: 'Lukija Liisa' });
    const other = await aStaffUser(db, 'coordinator', { name: 'Toinen Tuula' });
    staff.reader = reader;
    staff.other = other;
    cookies.admin = await signIn(app, admin);
    cookies.coordinator = await signIn(app, reader);
    cookies.instructor = await signIn(app, await aStaffUser(db, 'instructor'));
    cookies.reporting = await signIn(app, await aStaffUser(db, 'reporting'));
    course = aRunningCourse(db, { participants: 2 });
    elsewhere = aRunningCourse(db, { participants: 1 });
    person = course.people[0]!.applicationId;
    someoneElse = course.people[1]!.applicationId;
    // Sixty reads of the person's page: more than one page of the log.
    for (let minute = 0; minute < 60; minute++) {
      recordAudit(
        db,
        { actor: reader, action: 'read', subjectType: 'application', subjectId: person },
        at(minute),
      );
    }
    const about = (subjectType: string, subjectId: number, detail = '') => ({
      subjectType,
      subjectId,
      detail,
    });
    recordAudit(
      db,
      { actor: other, action: 'read', ...about('course', course.courseId, 'roster') },
      at(70),
    );
    recordAudit(
      db,
      {
        actor: other,
        action: 'export',
        ...about('course', course.courseId, 'roster with attendance CSV'),
      },
      at(71),
    );
    recordAudit(
      db,
      {
        actor: other,
        action: 'update',
        ...about('enrollment', course.people[0]!.enrollmentId, 'transport'),
      },
      at(72),
    );
    // Not about the person: a roster read before they applied (20.8.), someone else's page,
    // another course's roster, a change of the course.
    recordAudit(
      db,
      { actor: other, action: 'read', ...about('course', course.courseId, 'roster') },
      new Date('2026-08-01T09:00:00Z'),
    );
    recordAudit(
      db,
      { actor: reader, action: 'read', ...about('application', someoneElse) },
      at(73),
    );
    recordAudit(
      db,
      { actor: reader, action: 'read', ...about('course', elsewhere.courseId, 'roster') },
      at(74),
    );
    recordAudit(
      db,
      { actor: other, action: 'update', ...about('course', course.courseId, 'status') },
      at(75),
    );
    recordAudit(
      db,
      { actor: systemActor, action: 'delete', ...about('application', 999_999) },
      at(76),
    );
  });

  it('shows a person’s entries, the lists they were on included, a page at a time', async () => {
    const { ids, links } = await allPages(`/admin/audit?person=${person}`);
    const expected = idsWhere(
      (row) =>
        (row.subjectType === 'application' && row.subjectId === person) ||
        (row.subjectType === 'enrollment' && row.subjectId === course.people[0]!.enrollmentId) ||
        (row.subjectType === 'course' &&
          row.subjectId === course.courseId &&
          row.action !== 'update' &&
          row.at >= new Date('2026-08-20T09:00:00Z')),
    );
    expect(expected).toHaveLength(63);
    expect(ids).toEqual(expected);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(new RegExp(`^/admin/audit\\?person=${person}&after=\\d+$`));
  });

  it('fills the form with the filters shown and says the list is filtered', async () => {
    const response = await audit(
      `/admin/audit?person=${person}&actor=${staff.other.id}&action=read`,
    );
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('input[name="person"]').val()).toBe(String(person));
    expect($('select[name="actor"] option[selected]').text()).toContain('Toinen Tuula');
    expect($('select[name="action"] option[selected]').val()).toBe('read');
    expect($('#audit-filtered-note').text()).toContain('rajausta');
    expect(shownIds($.html())).toEqual(
      idsWhere(
        (row) =>
          row.actorUserId === staff.other.id &&
          row.action === 'read' &&
          row.subjectType === 'course' &&
          row.at >= new Date('2026-08-20T09:00:00Z'),
      ),
    );
  });

  it('filters by staff member and by action, keeping both in the paging links', async () => {
    const byReader = await allPages(`/admin/audit?actor=${staff.reader.id}`);
    expect(byReader.ids).toEqual(idsWhere((row) => row.actorUserId === staff.reader.id));
    expect(byReader.links.every((link) => link.includes(`actor=${staff.reader.id}&after=`))).toBe(
      true,
    );
    const reads = await allPages(`/admin/audit?action=read&actor=${staff.reader.id}`);
    expect(reads.ids).toEqual(
      idsWhere((row) => row.action === 'read' && row.actorUserId === staff.reader.id),
    );
    for (const link of reads.links) {
      const query = new URL(link, 'http://localhost').searchParams;
      expect([query.get('action'), query.get('actor')]).toEqual(['read', String(staff.reader.id)]);
    }
    const deletes = await allPages('/admin/audit?action=delete');
    expect(deletes.ids).toEqual(idsWhere((row) => row.action === 'delete'));
  });

  it('reads the date range as whole Helsinki days', async () => {
    const entries = {
      // 2.12. 23:30 and 4.12. 00:30 in Helsinki: outside. 3.12. 00:30 and 23:30: inside.
      before: new Date('2026-12-02T21:30:00Z'),
      firstMinutes: new Date('2026-12-02T22:30:00Z'),
      lastMinutes: new Date('2026-12-03T21:30:00Z'),
      after: new Date('2026-12-03T22:30:00Z'),
    };
    for (const [detail, when] of Object.entries(entries)) {
      recordAudit(db, { actor: staff.other, action: 'read', subjectType: 'meeting', detail }, when);
    }
    const day = await allPages(
      `/admin/audit?from=2026-12-03&to=2026-12-03&actor=${staff.other.id}`,
    );
    const rows = db.select().from(auditLog).all();
    const details = day.ids.map((id) => rows.find((row) => row.id === id)!.detail);
    expect(details).toEqual(['lastMinutes', 'firstMinutes']);
    const fromOnly = await allPages('/admin/audit?from=2026-12-04');
    expect(fromOnly.ids).toEqual(idsWhere((row) => row.at >= new Date('2026-12-03T22:00:00Z')));
    const toOnly = await allPages('/admin/audit?to=2026-11-01');
    expect(toOnly.ids).toEqual(idsWhere((row) => row.at < new Date('2026-11-01T22:00:00Z')));
    expect(toOnly.ids.length).toBeGreaterThan(50);
    const widest = await allPages('/admin/audit?from=0001-01-01&to=9999-12-31');
    expect(widest.ids).toEqual(idsWhere(() => true));
  });

  it('answers a filter it cannot read with a message at the field and no entries', async () => {
    const cases: [string, string, string][] = [
      ['person=abc', 'person', 'Kirjoita pelkkä numero'],
      ['person=-1', 'person', 'Kirjoita pelkkä numero'],
      ['person=1.5', 'person', 'Kirjoita pelkkä numero'],
      ['actor=1x', 'actor', 'Kirjoita pelkkä numero'],
      ['actor=999999', 'actor', 'Tällaista käyttäjää ei ole'],
      ['action=steal', 'action', 'Valitse toiminto listasta'],
      ['from=2026-02-30', 'from', 'vuosi-kuukausi-päivä'],
      ['to=3.12.2026', 'to', 'vuosi-kuukausi-päivä'],
      ['from=2026-12-04&to=2026-12-03', 'to', 'Loppupäivä on ennen alkupäivää'],
      [`person=${'9'.repeat(30)}`, 'person', 'Kirjoita pelkkä numero'],
    ];
    for (const [query, field, message] of cases) {
      const response = await audit(`/admin/audit?${query}`);
      expect(response.status, query).toBe(422);
      const $ = load(await response.text());
      expect($(`#${field}-error`).text(), query).toContain(message);
      expect($(`[name="${field}"]`).attr('aria-describedby'), query).toContain(`${field}-error`);
      expect($('#audit-rows'), query).toHaveLength(0);
      expect($('#audit-none').length, query).toBe(1);
    }
    const english = await audit('/admin/audit?action=steal&from=yesterday', '', {
      Cookie: `${cookies.admin}; kp_lang=en`,
    });
    const $ = load(await english.text());
    expect($('#action-error').text()).toContain('Choose an action from the list.');
    expect($('#from-error').text()).toContain('year-month-day');
    expect($('input[name="from"]').val()).toBe('yesterday');
  });

  it('answers an htmx filter with the form and its list, and "show more" with rows only', async () => {
    const htmx = { 'HX-Request': 'true', 'HX-Target': 'audit-filtered' };
    const filtered = await (
      await audit(`/admin/audit?person=${person}`, cookies.admin, htmx)
    ).text();
    expect(filtered).not.toContain('<html');
    const $ = load(filtered);
    expect($('#audit-filtered form input[name="person"]').val()).toBe(String(person));
    expect(shownIds(filtered)).toHaveLength(50);
    const more = $('#audit-more a').attr('href')!;
    const rows = await (
      await audit(more, cookies.admin, { 'HX-Request': 'true', 'HX-Target': 'audit-more' })
    ).text();
    expect(rows).not.toContain('<form');
    expect(shownIds(`<table><tbody id="audit-rows">${rows}</tbody></table>`)).toHaveLength(13);
  });

  it('lets only admins read the log', async () => {
    for (const role of ['coordinator', 'instructor', 'reporting'] as const) {
      const response = await audit(`/admin/audit?person=${person}`, cookies[role]);
      expect(response.status, role).toBe(403);
    }
    const anonymous = await audit(`/admin/audit?person=${person}`, '');
    expect([302, 303]).toContain(anonymous.status);
    expect(anonymous.headers.get('Location')).toMatch(/^\/sign-in/);
  });

  it('has no address that changes or deletes an entry', async () => {
    const auditRoutes = app.routes.filter((route) => /audit/.test(route.path));
    expect(auditRoutes.length).toBeGreaterThan(0);
    expect(auditRoutes.every((route) => ['GET', 'ALL'].includes(route.method))).toBe(true);
    const before = db.select().from(auditLog).all();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await app.request(`/admin/audit?person=${person}`, {
        method,
        headers: { Cookie: cookies.admin, Origin: 'http://localhost' },
      });
      expect(response.status, method).toBeGreaterThanOrEqual(400);
    }
    expect(db.select().from(auditLog).all()).toEqual(before);
  });
});

describe('the audit table is append-only', () => {
  const { db } = buildTestApp();
  const newest = new Date('2026-12-03T10:00:00Z');
  const yearsAgo = (years: number) => new Date(newest.getTime() - years * 366 * 86_400_000);
  const entryAt = (when: Date) => {
    recordAudit(db, { actor: systemActor, action: 'read', subjectType: 'test' }, when);
    return db.select().from(auditLog).all().at(-1)!.id;
  };
  const raw = () => db.$client;

  it('refuses to change any entry', () => {
    const id = entryAt(newest);
    expect(() =>
      raw().prepare('UPDATE audit_log SET detail = ? WHERE id = ?').run('x', id),
    ).toThrow(/cannot be changed/);
    expect(() => raw().prepare('UPDATE audit_log SET actor_name = ?').run('x')).toThrow(
      /cannot be changed/,
    );
    expect(db.select().from(auditLog).where(eq(auditLog.id, id)).get()!.detail).toBe('');
  });

  it('refuses to delete an entry younger than the retention period, and deletes an older one', () => {
    const recent = entryAt(yearsAgo(4));
    const old = entryAt(yearsAgo(6));
    entryAt(newest);
    expect(() => raw().prepare('DELETE FROM audit_log WHERE id = ?').run(recent)).toThrow(
      /kept for the retention period/,
    );
    expect(() => raw().prepare('DELETE FROM audit_log').run()).toThrow(/retention period/);
    expect(raw().prepare('DELETE FROM audit_log WHERE id = ?').run(old).changes).toBe(1);
    expect(db.select().from(auditLog).where(eq(auditLog.id, recent)).get()).toBeDefined();
  });

  it('follows the period set in the retention settings', () => {
    db.insert(retentionSettings)
      .values({ id: 1, auditYears: 2 })
      .onConflictDoUpdate({
        target: retentionSettings.id,
        set: { auditYears: 2 },
      })
      .run();
    const threeYears = entryAt(yearsAgo(3));
    const oneYear = entryAt(yearsAgo(1));
    entryAt(newest);
    expect(() => raw().prepare('DELETE FROM audit_log WHERE id = ?').run(oneYear)).toThrow(
      /retention period/,
    );
    expect(raw().prepare('DELETE FROM audit_log WHERE id = ?').run(threeYears).changes).toBe(1);
  });
});
