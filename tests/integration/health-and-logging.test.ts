import { Writable } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import { aRunningCourse } from '../support/attendance-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

/** A logger writing into an array, as pino writes to stdout in the server. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      raw.push(String(chunk));
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino(sink), lines, raw };
}

describe('GET /healthz', () => {
  const { app, db, clock } = buildTestApp();

  it('answers without signing in, with the mail waiting and how long', async () => {
    clock.setTo(new Date('2026-11-02T10:00:00Z'));
    const empty = await app.request('/healthz');
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({
      status: 'ok',
      database: 'ok',
      outbox: { undelivered: 0, oldestUndeliveredSeconds: null },
    });
    const message = (state: 'queued' | 'sent' | 'retry', createdAt: Date) => ({
      messageId: `<${state}-${createdAt.getTime()}@test>`,
      recipientEmail: 'a@example.fi',
      subject: 'x',
      textBody: 'x',
      htmlBody: 'x',
      state,
      nextAttemptAt: createdAt,
      createdAt,
    });
    db.insert(outbox)
      .values([
        message('queued', new Date('2026-11-02T09:59:00Z')),
        message('retry', new Date('2026-11-02T09:00:00Z')),
        message('sent', new Date('2026-11-01T09:00:00Z')),
      ])
      .run();
    const body = (await (await app.request('/healthz')).json()) as { outbox: unknown };
    expect(body.outbox).toEqual({ undelivered: 2, oldestUndeliveredSeconds: 3600 });
  });

  it('answers 503 when the database does not answer', async () => {
    const broken = buildTestApp();
    broken.db.$client.close();
    const response = await broken.app.request('/healthz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable' });
  });
});

describe('the request log', () => {
  const { logger, lines, raw } = capturedLogger();
  const { app, db, clock } = buildTestApp({ logger });
  let token = '';
  let cookie = '';
  let course: ReturnType<typeof aRunningCourse>;

  beforeAll(async () => {
    course = aRunningCourse(db, { participants: 1 });
    clock.setTo(new Date('2026-10-01T10:00:00Z'));
    token = issuePersonalLink(db, course.people[0]!.applicationId, course.courseId, clock());
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
  });

  it('writes one line per request with the route pattern, status and time, and nothing personal', async () => {
    lines.length = 0;
    raw.length = 0;
    await app.request(`/p/${token}`);
    await getPage(app, '/people?q=Osallistuja', cookie);
    await getPage(app, `/courses/${course.courseId}/roster`, cookie);
    await postForm(app, '/sign-in', { email: 'someone@example.fi', password: 'secret words' });
    await app.request('/no-such-page');
    expect(lines.map((line) => [line.method, line.route, line.status])).toEqual([
      ['GET', '/p/:token', 200],
      ['GET', '/people', 200],
      ['GET', '/courses/:id/roster', 200],
      ['POST', '/sign-in', 401],
      ['GET', '/*', 404],
    ]);
    for (const line of lines) expect(typeof line.ms).toBe('number');
    const written = raw.join('');
    for (const secret of [token, 'Osallistuja', 'someone@example.fi', 'secret words', cookie]) {
      expect(written).not.toContain(secret);
    }
  });
});
