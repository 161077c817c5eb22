import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { maxRequestBodyBytes } from '../../src/app';
import { aLocality, aWaitingApplicant } from '../support/planning-fixtures';
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
 * Attacks on what the scale issue added: the health check, home regions and the paged lists, by
 * every role and anonymously, with odd input, oversized and non-form bodies, cross-site posts and
 * many identical requests at once.
 */

failOnUnexpectedErrors();

describe('attacks on the health check, home regions and paged lists', () => {
  const { app, db } = buildTestApp();
  const cookies = { coordinator: '', admin: '', instructor: '', reporting: '' };
  let coordinatorId = 0;
  const homeRegionOf = (id: number) =>
    db.select({ region: users.homeRegion }).from(users).where(eq(users.id, id)).get()!.region;

  beforeAll(async () => {
    const localityId = aLocality(db, 'Tampere', 'Pirkanmaa');
    aLocality(db, 'Jyväskylä', 'Keski-Suomi');
    aWaitingApplicant(db, localityId, { name: 'Salainen Hakija' });
    const coordinator = await aStaffUser(db, 'coordinator');
    coordinatorId = coordinator.id;
    cookies.coordinator = await signIn(app, coordinator);
    for (const role of ['admin', 'instructor', 'reporting'] as const) {
      cookies[role] = await signIn(app, await aStaffUser(db, role));
    }
  });

  it('answers the health check to anyone, 100 at once, with counts and no personal data', async () => {
    const responses = await Promise.all(Array.from({ length: 100 }, () => app.request('/healthz')));
    for (const response of responses) expect(response.status).toBe(200);
    const text = await responses[0]!.text();
    expect(text).not.toMatch(/Salainen|@/);
    expect((await postForm(app, '/healthz', {})).status).toBe(404);
  });

  it('lets only the signed-in change their own region, and refuses forged or odd posts', async () => {
    const anonymous = await postForm(app, '/account/home-region', { homeRegion: 'Pirkanmaa' });
    expect([302, 303]).toContain(anonymous.status);
    expect(anonymous.headers.get('Location')).toContain('/sign-in');
    const crossSite = await postForm(
      app,
      '/account/home-region',
      { homeRegion: 'Pirkanmaa' },
      { cookie: cookies.coordinator, origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    const json = await app.request('/account/home-region', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: testOrigin,
        Cookie: cookies.coordinator,
      },
      body: JSON.stringify({ homeRegion: 'Pirkanmaa' }),
    });
    expect(json.status).toBe(415);
    const huge = await app.request('/account/home-region', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: testOrigin,
        Cookie: cookies.coordinator,
      },
      body: `homeRegion=${'x'.repeat(maxRequestBodyBytes + 1)}`,
    });
    expect(huge.status).toBe(413);
    for (const homeRegion of ['Lappi', '<script>', 'x'.repeat(5000), 'Pirkanmaa\u0000x']) {
      const odd = await postForm(
        app,
        '/account/home-region',
        { homeRegion },
        { cookie: cookies.coordinator },
      );
      expect(odd.status, homeRegion.slice(0, 20)).toBe(422);
    }
    expect(homeRegionOf(coordinatorId)).toBe('');
  });

  it('settles 100 identical region changes at once on one value, each answered and audited', async () => {
    const before = db
      .select({ count: sql<number>`count(*)` })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'staff-user'), eq(auditLog.subjectId, coordinatorId)))
      .get()!.count;
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () =>
        Promise.resolve(
          postForm(
            app,
            '/account/home-region',
            { homeRegion: 'Keski-Suomi' },
            { cookie: cookies.coordinator },
          ),
        ).then((response) => response.status),
      ),
    );
    expect(new Set(statuses)).toEqual(new Set([303]));
    expect(homeRegionOf(coordinatorId)).toBe('Keski-Suomi');
    const after = db
      .select({ count: sql<number>`count(*)` })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'staff-user'), eq(auditLog.subjectId, coordinatorId)))
      .get()!.count;
    expect(after).toBeGreaterThan(before);
  });

  it("keeps other roles off someone else's region", async () => {
    for (const role of ['coordinator', 'instructor', 'reporting'] as const) {
      const response = await postForm(
        app,
        `/admin/users/${coordinatorId}/home-region`,
        { homeRegion: 'Pirkanmaa' },
        { cookie: cookies[role] },
      );
      expect(response.status, role).toBe(403);
    }
    expect(homeRegionOf(coordinatorId)).toBe('Keski-Suomi');
    const unknownUser = await postForm(
      app,
      '/admin/users/99999999/home-region',
      { homeRegion: 'Pirkanmaa' },
      { cookie: cookies.admin },
    );
    expect(unknownUser.status).toBe(404);
  });

  it('answers odd paging cursors with the first page, never an error', async () => {
    const lists: [string, keyof typeof cookies][] = [
      ['/admin/audit', 'admin'],
      ['/outbox', 'coordinator'],
      ['/calls', 'coordinator'],
      ['/people?q=Salainen', 'coordinator'],
      ['/instructors', 'coordinator'],
      ['/terms', 'coordinator'],
    ];
    for (const [path, role] of lists) {
      for (const after of ['abc', '-1', '0', '1e3', '99999999999999999999', "1'--"]) {
        const joiner = path.includes('?') ? '&' : '?';
        const response = await getPage(
          app,
          `${path}${joiner}after=${encodeURIComponent(after)}`,
          cookies[role],
        );
        expect(response.status, `${path} after=${after}`).toBe(200);
      }
    }
    for (const [path] of lists.filter(
      ([path]) => path !== '/calls' && path !== '/people?q=Salainen',
    )) {
      expect((await getPage(app, path, cookies.reporting)).status, path).toBe(403);
    }
  });
});
