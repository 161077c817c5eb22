import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, courses, enrollments, interviews, venues } from '../../db/schema';
import type { AppDatabase } from '../../src/db';
import { aRunningCourse, aWaitlisted } from '../support/attendance-fixtures';
import { aVenue, aWaitingApplicant } from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

/** An interview that ticked these needs, at the given day of August 2026. */
function anInterview(
  db: AppDatabase,
  applicationId: number,
  needs: string,
  options: { day?: number; otherNeeds?: string } = {},
) {
  db.insert(interviews)
    .values({
      applicationId,
      at: new Date(Date.UTC(2026, 7, options.day ?? 20, 9)),
      canAttendAll: 'yes',
      needs,
      otherNeeds: options.otherNeeds ?? '',
      outcome: 'place',
    })
    .run();
}

function enrollmentRow(db: AppDatabase, enrollmentId: number) {
  return db.select().from(enrollments).where(eq(enrollments.id, enrollmentId)).get()!;
}

/** Transport as if nobody had looked at it, or as given, for one placed person. */
function setTransport(
  db: AppDatabase,
  enrollmentId: number,
  transport: Pick<typeof enrollments.$inferSelect, 'transportState' | 'transportMeans'>,
) {
  db.update(enrollments).set(transport).where(eq(enrollments.id, enrollmentId)).run();
}

function transportAudits(db: AppDatabase, enrollmentId: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'enrollment'), eq(auditLog.subjectId, enrollmentId)))
    .all()
    .filter((entry) => entry.detail.startsWith('transport'));
}

const listItems = (html: string, selector: string) =>
  load(html)(selector)
    .map((_, element) => load(element).text().trim())
    .get();

describe('participant needs on the roster and the course page', () => {
  const { app, db, clock } = buildTestApp();
  let coordinator = '';
  let instructor = '';
  let course: ReturnType<typeof aRunningCourse>;
  let venueId = 0;
  let waitlistedId = 0;
  let demandListed = 0;
  /** Placed: Aino (transport, step-free), Bertta (transport, hearing), Cecilia (only "other"). */
  const people = { aino: 0, bertta: 0, cecilia: 0, dora: 0 };

  const setVenue = (access: {
    stepFreeAccess: boolean;
    hearingLoop: boolean;
    kind?: 'in-person' | 'online';
  }) => db.update(venues).set(access).where(eq(venues.id, venueId)).run();

  beforeAll(async () => {
    clock.setTo(new Date('2026-09-15T09:00:00Z'));
    const instructorUser = await aStaffUser(db, 'instructor');
    course = aRunningCourse(db, { participants: 4, instructorUserIds: [instructorUser.id] });
    venueId = aVenue(db, course.localityId);
    setVenue({ stepFreeAccess: false, hearingLoop: true });
    db.update(courses).set({ venueId }).where(eq(courses.id, course.courseId)).run();
    const [aino, bertta, cecilia, dora] = course.people;
    people.aino = aino!.enrollmentId;
    people.bertta = bertta!.enrollmentId;
    people.cecilia = cecilia!.enrollmentId;
    people.dora = dora!.enrollmentId;
    // Aino's first interview ticked only hearing; the latest one is what counts.
    anInterview(db, aino!.applicationId, 'hearing', { day: 10 });
    anInterview(db, aino!.applicationId, 'transport,step-free', { day: 20 });
    anInterview(db, bertta!.applicationId, 'hearing,transport');
    anInterview(db, cecilia!.applicationId, 'other', { otherNeeds: 'insuliinipistokset' });
    // Dora has no interview at all. A waitlisted person's needs are not counted.
    const waiting = aWaitingApplicant(db, course.localityId, { name: 'Eeva Jonossa' });
    anInterview(db, waiting, 'step-free,transport');
    waitlistedId = aWaitlisted(db, course.courseId, waiting, clock());
    // On the locality's demand list, not on the course.
    demandListed = aWaitingApplicant(db, course.localityId, { name: 'Fanni Odottaja' });
    anInterview(db, demandListed, 'step-free,hearing,other', { otherNeeds: 'sydänvika' });
    coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructor = await signIn(app, instructorUser);
  });

  // Every test starts with nobody having looked at anyone's transport.
  beforeEach(() => {
    for (const enrollmentId of Object.values(people)) {
      setTransport(db, enrollmentId, { transportState: '', transportMeans: '' });
    }
  });
  const arrangedByTaxi = () =>
    setTransport(db, people.aino, { transportState: 'arranged', transportMeans: 'taxi' });

  const roster = async (cookie = coordinator) => {
    const response = await getPage(app, `/courses/${course.courseId}/roster`, cookie);
    expect(response.status).toBe(200);
    return response.text();
  };
  const coursePage = async () => {
    const response = await getPage(app, `/courses/${course.courseId}`, coordinator);
    expect(response.status).toBe(200);
    return response.text();
  };
  /** A transport save as the roster's form posts it; with htmx it targets the person's needs. */
  const postTransport = (
    enrollmentId: number,
    fields: Record<string, string>,
    options: { cookie?: string; htmx?: boolean } = {},
  ) =>
    postForm(app, `/enrollments/${enrollmentId}/transport`, fields, {
      cookie: options.cookie ?? coordinator,
      headers: options.htmx ? { 'HX-Request': 'true', 'HX-Target': `needs-${enrollmentId}` } : {},
    });
  const wordsOf = (html: string, enrollmentId: number) =>
    listItems(html, `#enrollment-${enrollmentId} .need-words li`);

  it('shows each placed person their needs from the latest interview as short words', async () => {
    const html = await roster();
    expect(wordsOf(html, people.aino)).toEqual(['kuljetus', 'esteetön']);
    expect(wordsOf(html, people.bertta)).toEqual(['kuljetus', 'induktiosilmukka']);
    expect(wordsOf(html, people.dora)).toEqual([]);
    expect(wordsOf(html, waitlistedId)).toEqual(['kuljetus', 'esteetön']);
    const $ = load(html);
    expect($(`#enrollment-${people.aino} .transport-state`).text()).toBe('Kuljetus järjestämättä');
    expect($(`#enrollment-${people.dora} .transport-state`)).toHaveLength(0);
  });

  it('never shows "other" needs or their free text', async () => {
    for (const html of [await roster(), await coursePage()]) {
      expect(html).not.toContain('insuliini');
      expect(html).not.toContain('muu tuki');
    }
    expect(wordsOf(await roster(), people.cecilia)).toEqual([]);
  });

  it('counts the needs of the people with a place on the course page and the roster', async () => {
    const expected = [
      'Kuljetusta tarvitsee: 2 (järjestämättä 2, järjestetty 0, ei tarvita 0)',
      'Esteetöntä kulkua tarvitsee: 1',
      'Induktiosilmukkaa tarvitsee: 1',
    ];
    expect(listItems(await coursePage(), '#needs-summary li')).toEqual(expected);
    expect(listItems(await roster(), '#needs-summary li')).toEqual(expected);
    const reads = db.select().from(auditLog).where(eq(auditLog.action, 'read')).all();
    expect(reads.map((entry) => entry.detail)).toContain(`needs of course ${course.courseId}`);
    expect(reads.map((entry) => entry.detail).join(' ')).not.toContain('kuljetus');
  });

  it('warns when the venue cannot meet a need, and stops when it can', async () => {
    expect(listItems(await coursePage(), '#venue-mismatch li')).toEqual([
      'Tilassa ei ole esteetöntä kulkua. Esteetöntä kulkua tarvitsee: 1.',
    ]);
    setVenue({ stepFreeAccess: true, hearingLoop: false });
    expect(listItems(await coursePage(), '#venue-mismatch li')).toEqual([
      'Tilassa ei ole induktiosilmukkaa. Induktiosilmukkaa tarvitsee: 1.',
    ]);
    expect(listItems(await roster(), '#venue-mismatch li')).toHaveLength(1);
    setVenue({ stepFreeAccess: true, hearingLoop: true });
    expect(load(await coursePage())('#venue-mismatch')).toHaveLength(0);
    setVenue({ stepFreeAccess: false, hearingLoop: false, kind: 'online' });
    expect(load(await coursePage())('#venue-mismatch')).toHaveLength(0);
    setVenue({ stepFreeAccess: false, hearingLoop: true, kind: 'in-person' });
    expect(load(await coursePage())('#venue-mismatch')).toHaveLength(1);
  });

  it('names the needs of people on the demand list, and which ones the venue lacks', async () => {
    setVenue({ stepFreeAccess: false, hearingLoop: true });
    const option = () => load(html)(`#applicationId option[value="${demandListed}"]`).text();
    let html = await roster();
    expect(option()).toBe(
      'Fanni Odottaja – tarpeet: esteetön, induktiosilmukka – tila ei sovi: esteetön',
    );
    setVenue({ stepFreeAccess: true, hearingLoop: true });
    html = await roster();
    expect(option()).toBe('Fanni Odottaja – tarpeet: esteetön, induktiosilmukka');
    expect(html).not.toContain('sydänvika');
    setVenue({ stepFreeAccess: false, hearingLoop: true });
  });

  it('records arranged transport with how, counts it and audits it', async () => {
    const audited = transportAudits(db, people.aino).length;
    const response = await postTransport(people.aino, { state: 'arranged', means: 'taxi' });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(
      `/courses/${course.courseId}/roster#enrollment-${people.aino}`,
    );
    const stored = enrollmentRow(db, people.aino);
    expect([stored.transportState, stored.transportMeans]).toEqual(['arranged', 'taxi']);
    expect(
      transportAudits(db, people.aino)
        .slice(audited)
        .map((entry) => entry.detail),
    ).toEqual(['transport changed']);
    const html = await roster(cookiesFrom(response, coordinator));
    expect(load(html)('.flash-success').text()).toBe('Kuljetus tallennettu.');
    expect(load(html)(`#enrollment-${people.aino} .transport-state`).text()).toBe(
      'Kuljetus järjestetty: taksi',
    );
    expect(listItems(await coursePage(), '#needs-summary li')[0]).toBe(
      'Kuljetusta tarvitsee: 2 (järjestämättä 1, järjestetty 1, ei tarvita 0)',
    );
  });

  it('clears how when transport is no longer arranged, and counts it as not needed', async () => {
    const response = await postTransport(people.bertta, { state: 'not-needed', means: 'lift' });
    expect(response.status).toBe(303);
    const stored = enrollmentRow(db, people.bertta);
    expect([stored.transportState, stored.transportMeans]).toEqual(['not-needed', '']);
    expect(listItems(await coursePage(), '#needs-summary li')[0]).toBe(
      'Kuljetusta tarvitsee: 2 (järjestämättä 1, järjestetty 0, ei tarvita 1)',
    );
  });

  it("answers an htmx save with just the person's updated needs", async () => {
    const response = await postTransport(
      people.bertta,
      { state: 'arranged', means: 'bus-ticket' },
      { htmx: true },
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain('<html');
    const $ = load(html);
    expect($('tr')).toHaveLength(0);
    const row = `#needs-${people.bertta}`;
    expect($(row)).toHaveLength(1);
    expect($(`${row} .transport-state`).text()).toBe('Kuljetus järjestetty: bussilippu');
    expect($(`${row} [role=status]`).text()).toBe('Kuljetus tallennettu.');
    expect(enrollmentRow(db, people.bertta).transportMeans).toBe('bus-ticket');
  });

  it('refuses "arranged" without how, with a message at the field and the choice kept', async () => {
    const before = enrollmentRow(db, people.aino);
    const response = await postTransport(people.aino, { state: 'arranged', means: '' });
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    const form = `#transport-${people.aino}`;
    expect($(`${form}-means-error`).text()).toBe('Valitse, miten kuljetus on järjestetty.');
    expect($(`${form}-means`).attr('aria-invalid')).toBe('true');
    expect($(`${form}-state option[selected]`).attr('value')).toBe('arranged');
    expect(enrollmentRow(db, people.aino).updatedAt).toEqual(before.updatedAt);
  });

  it("answers an invalid htmx save with the person's needs and the message", async () => {
    const response = await postTransport(
      people.bertta,
      { state: 'arranged', means: '' },
      { htmx: true },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($(`#needs-${people.bertta}`)).toHaveLength(1);
    expect($(`#transport-${people.bertta}-means-error`).text()).toBe(
      'Valitse, miten kuljetus on järjestetty.',
    );
  });

  it('refuses an unknown state or means with a message, never a 500', async () => {
    arrangedByTaxi();
    const response = await postTransport(people.aino, { state: 'teleport', means: 'rocket' });
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($(`#transport-${people.aino}-state-error`).text()).toBe('Valitse vaihtoehto listasta.');
    expect(enrollmentRow(db, people.aino).transportState).toBe('arranged');
  });

  it('refuses transport for a missing enrolment, someone without the need or without a place', async () => {
    const valid = { state: 'to-arrange', means: '' };
    for (const enrollmentId of [999_999, people.dora, people.cecilia, waitlistedId]) {
      const response = await postTransport(enrollmentId, valid);
      expect(response.status).toBe(404);
    }
    expect(enrollmentRow(db, waitlistedId).transportState).toBe('');
  });

  it('lets the course instructors see the needs but not change transport', async () => {
    arrangedByTaxi();
    const html = await roster(instructor);
    expect(wordsOf(html, people.aino)).toEqual(['kuljetus', 'esteetön']);
    expect(load(html)(`#enrollment-${people.aino} .transport-state`).text()).toBe(
      'Kuljetus järjestetty: taksi',
    );
    expect(load(html)(`form[action="/enrollments/${people.aino}/transport"]`)).toHaveLength(0);
    const response = await postTransport(
      people.aino,
      { state: 'not-needed' },
      { cookie: instructor },
    );
    expect(response.status).toBe(403);
    expect(enrollmentRow(db, people.aino).transportState).toBe('arranged');
  });

  it("shows where a person's transport stands on their own page", async () => {
    arrangedByTaxi();
    const [aino] = course.people;
    const response = await getPage(app, `/people/${aino!.applicationId}`, coordinator);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('#person-enrollments .transport-state').text()).toBe('Kuljetus järjestetty: taksi');
  });
});
