import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, retentionRuns, retentionSettings } from '../../db/schema';
import { maxRequestBodyBytes } from '../../src/app';
import { defaultRetentionPeriods } from '../../src/features/retention/retention-settings';
import { buildTestApp, getPage, postForm, signInEveryRole, testOrigin } from '../support/test-app';
import { failOnUnexpectedErrors } from '../support/unexpected-errors';

/**
 * The retention page attacked as an outsider would: every role and anonymous, cross-site and
 * oversized posts, odd numbers, and many identical requests at once.
 */

failOnUnexpectedErrors();

const retentionPath = '/admin/retention';
const runsPath = `${retentionPath}/runs`;
const goodPeriods = Object.fromEntries(
  Object.entries(defaultRetentionPeriods).map(([field, value]) => [field, String(value)]),
);

describe('attacks on the retention page', () => {
  const { app, db, clock } = buildTestApp();
  let cookies: Awaited<ReturnType<typeof signInEveryRole>>;

  const countOf = (table: typeof retentionRuns | typeof retentionSettings) =>
    db
      .select({ count: sql<number>`count(*)` })
      .from(table)
      .get()!.count;

  beforeAll(async () => {
    clock.setTo(new Date('2026-11-10T10:00:00Z'));
    cookies = await signInEveryRole({ app, db });
  });

  it('lets only an admin read, change or run it; anonymous is sent to sign in', async () => {
    for (const role of ['coordinator', 'instructor', 'reporting'] as const) {
      expect((await getPage(app, retentionPath, cookies[role])).status, role).toBe(403);
      const saved = await postForm(app, retentionPath, goodPeriods, { cookie: cookies[role] });
      expect(saved.status, role).toBe(403);
      expect((await postForm(app, runsPath, {}, { cookie: cookies[role] })).status, role).toBe(403);
    }
    for (const path of [retentionPath, runsPath]) {
      const anonymous = await postForm(app, path, goodPeriods);
      expect([302, 303]).toContain(anonymous.status);
      expect(anonymous.headers.get('Location')).toMatch(/^\/sign-in/);
    }
    expect(countOf(retentionRuns)).toBe(0);
    expect(countOf(retentionSettings)).toBe(0);
  });

  it('refuses cross-site posts, a 10 MB body and a body that is not a form', async () => {
    const crossSite = await app.request(runsPath, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
        Cookie: cookies.admin,
      },
      body: '',
    });
    expect(crossSite.status).toBe(403);
    const huge = await app.request(retentionPath, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: testOrigin,
        Cookie: cookies.admin,
      },
      body: `participantMonths=${'1'.repeat(maxRequestBodyBytes + 10 * 1024 * 1024)}`,
    });
    expect(huge.status).toBe(413);
    const json = await app.request(retentionPath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: testOrigin, Cookie: cookies.admin },
      body: JSON.stringify({ participantMonths: 1 }),
    });
    expect(json.status).toBe(415);
    expect(countOf(retentionRuns)).toBe(0);
    expect(countOf(retentionSettings)).toBe(0);
  });

  it.each(['0', '-1', '12.5', '1e3', '0x10', ' ', '١٢', '99999999999999999999', '<b>12</b>'])(
    'answers %j as a period at the field, never with a 500, saving nothing',
    async (odd) => {
      const response = await postForm(
        app,
        retentionPath,
        { ...goodPeriods, participantMonths: odd },
        { cookie: cookies.admin },
      );
      expect(response.status).toBe(422);
      expect(countOf(retentionSettings)).toBe(0);
    },
  );

  it('saves 100 identical changes at once as one settings row, each audited', async () => {
    const auditsBefore = db
      .select({ count: sql<number>`count(*)` })
      .from(auditLog)
      .where(sql`${auditLog.subjectType} = 'retention-settings'`)
      .get()!.count;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        postForm(
          app,
          retentionPath,
          { ...goodPeriods, participantMonths: '24' },
          { cookie: cookies.admin },
        ),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(303));
    expect(countOf(retentionSettings)).toBe(1);
    const audits = db
      .select({ count: sql<number>`count(*)` })
      .from(auditLog)
      .where(sql`${auditLog.subjectType} = 'retention-settings'`)
      .get()!.count;
    expect(audits - auditsBefore).toBe(100);
  });

  it('runs once when 100 identical "run now" posts arrive together', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => postForm(app, runsPath, {}, { cookie: cookies.admin })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(303));
    expect(countOf(retentionRuns)).toBe(1);
  });
});
