import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { aLocality } from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

describe('the personal data audit log', () => {
  const { app, db } = buildTestApp();
  let coordinatorCookie = '';
  let adminCookie = '';
  let coordinatorName = '';
  const entries = () => db.select().from(auditLog).all();
  const newInstructor = {
    name: 'Liisa Lokitettava',
    email: 'liisa@test.example',
    phone: '040 765 4321',
    kind: 'peer',
    employerUnit: 'Kokemusasiantuntijat',
  };

  beforeAll(async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    coordinatorName = coordinator.name;
    coordinatorCookie = await signIn(app, coordinator);
    adminCookie = await signIn(app, await aStaffUser(db, 'admin'));
    aLocality(db, 'Kurikka');
  });

  it('records who read the instructor list', async () => {
    await getPage(app, '/instructors', coordinatorCookie);
    expect(entries().at(-1)).toMatchObject({
      actorName: coordinatorName,
      action: 'read',
      subjectType: 'instructor',
      subjectId: null,
      detail: 'list',
    });
  });

  it('records a new instructor with its id, and never copies the personal data into the log', async () => {
    const response = await postForm(app, '/instructors', newInstructor, {
      cookie: coordinatorCookie,
    });
    expect(response.status).toBe(303);
    const entry = entries().at(-1)!;
    expect(entry).toMatchObject({ action: 'create', subjectType: 'instructor' });
    expect(entry.subjectId).toBeGreaterThan(0);
    expect(JSON.stringify(entries())).not.toMatch(/liisa@test|765|Lokitettava/);
  });

  it('records reading the edit form and the change', async () => {
    const instructorId = entries().find((entry) => entry.action === 'create')!.subjectId!;
    await getPage(app, `/instructors/${instructorId}/edit`, coordinatorCookie);
    await postForm(
      app,
      `/instructors/${instructorId}`,
      { ...newInstructor, phone: '040 765 4322' },
      { cookie: coordinatorCookie },
    );
    expect(
      entries()
        .slice(-2)
        .map((entry) => [entry.action, entry.subjectId]),
    ).toEqual([
      ['read', instructorId],
      ['update', instructorId],
    ]);
  });

  it('records nothing for a change that was refused', async () => {
    const before = entries().length;
    const response = await postForm(
      app,
      '/instructors',
      { ...newInstructor, phone: 'ei numero' },
      { cookie: coordinatorCookie },
    );
    expect(response.status).toBe(422);
    expect(entries()).toHaveLength(before);
  });

  it('shows the log to the admin only', async () => {
    const page = load(await (await getPage(app, '/admin/audit', adminCookie)).text());
    expect(page('#audit-table tbody tr').length).toBeGreaterThanOrEqual(4);
    expect(page('#audit-table').text()).toContain(coordinatorName);
    expect((await getPage(app, '/admin/audit', coordinatorCookie)).status).toBe(403);
  });
});
