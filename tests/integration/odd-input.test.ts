import { beforeAll, describe, expect, it } from 'vitest';
import {
  aLocality,
  anArvoProgram,
  anAutumnTerm,
  anInstructor,
  aVenue,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, signIn, testOrigin } from '../support/test-app';

/**
 * Every state-changing route gets input no form would send. The answer may be 4xx or a redirect,
 * never a 500.
 */
describe('odd input never causes a server error', () => {
  const { app, db } = buildTestApp();
  let cookie = '';
  const paths: string[] = [];

  beforeAll(async () => {
    cookie = await signIn(app, await aStaffUser(db, 'admin'));
    const term = anAutumnTerm(db);
    const locality = aLocality(db);
    const venue = aVenue(db, locality);
    const program = anArvoProgram(db);
    const instructor = anInstructor(db);
    const created = await app.request('/courses', {
      method: 'POST',
      headers: {
        Origin: testOrigin,
        Cookie: cookie,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        termId: String(term),
        programId: String(program),
        localityId: String(locality),
        venueId: String(venue),
        audience: 'open',
        firstDate: '2026-10-06',
        startTime: '17:00',
        instructor1: String(instructor),
      }),
    });
    const courseId = created.headers.get('Location')!.split('/').pop();
    paths.push(
      '/sign-in',
      '/language',
      '/admin/users',
      '/programs',
      '/programs/1',
      '/localities',
      `/localities/${locality}/venues`,
      `/venues/${venue}`,
      `/venues/${venue}/archival`,
      `/venues/${venue}/deletion`,
      '/instructors',
      `/instructors/${instructor}`,
      '/terms',
      `/terms/${term}/targets`,
      '/blocked-periods',
      '/blocked-periods/999/deletion',
      '/courses',
      `/courses/${courseId}`,
      `/courses/${courseId}/status`,
      `/courses/${courseId}/cancellation`,
      `/courses/${courseId}/sessions/1/rescheduling`,
      `/courses/${courseId}/sessions/1/cancellation`,
      '/outbox/1/retry',
      '/calendar-feed',
      '/courses/abc',
    );
  });

  const oddBodies: [string, () => { body: string | FormData; type?: string }][] = [
    ['an empty body', () => ({ body: '', type: 'application/x-www-form-urlencoded' })],
    [
      'every field repeated',
      () => ({
        body: 'name=a&name=b&termId=1&termId=2&firstDate=x&firstDate=y&status=open&status=x&reason=a&reason=b&localities=1&localities=x',
        type: 'application/x-www-form-urlencoded',
      }),
    ],
    [
      'JSON instead of a form',
      () => ({ body: JSON.stringify({ name: 'x', reason: 'y' }), type: 'application/json' }),
    ],
    [
      'a 200,000 character value',
      () => ({
        body: `name=${'ä'.repeat(200_000)}&reason=${'x'.repeat(200_000)}`,
        type: 'application/x-www-form-urlencoded',
      }),
    ],
    [
      'a multipart form with a file',
      () => {
        const form = new FormData();
        form.set('name', new Blob(['not text']), 'file.txt');
        form.set('reason', 'x');
        return { body: form };
      },
    ],
    ['no content type at all', () => ({ body: 'name=x' })],
  ];

  it.each(oddBodies)('answers %s on every form route without a 500', async (_, make) => {
    for (const path of paths) {
      const { body, type } = make();
      const headers: Record<string, string> = { Origin: testOrigin, Cookie: cookie };
      if (type) headers['Content-Type'] = type;
      const response = await app.request(path, { method: 'POST', headers, body });
      expect(response.status, `POST ${path}`).toBeLessThan(500);
    }
  });

  it('answers odd query strings and ids on pages without a 500', async () => {
    for (const path of [
      '/terms/1?locality[]=1&status=%00',
      '/courses/99999999999999999999',
      '/venues/1e3/edit',
      '/feeds/..%2F..%2Fetc.ics',
      '/letters/0',
      '/outbox/-1',
      '/sign-in?next=%0d%0aSet-Cookie:x=1',
    ]) {
      expect((await getPage(app, path, cookie)).status, path).toBeLessThan(500);
    }
  });
});
