import { load, type CheerioAPI } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  courseInstructors,
  courses,
  deletionRequests,
  instructors,
  outbox,
  trainingCandidates,
  type CourseStatus,
} from '../../db/schema';
import { enqueueMessage, type NewOutboxMessage } from '../../src/features/outbox/queries';
import { createTerm } from '../../src/features/terms/queries';
import type { AppDatabase } from '../../src/db';
import {
  aLocality,
  anInstructor,
  anOpenCourse,
  aWaitingApplicant,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, signIn } from '../support/test-app';

const targets = {
  targetCoursesMin: 2,
  targetCoursesMax: 4,
  targetInstructorsMin: 1,
  targetInstructorsMax: 3,
};

function aTermOf(db: AppDatabase, name: string, startsOn: string, endsOn: string) {
  return createTerm(db, { name, startsOn, endsOn, ...targets }, new Date())!;
}

function aCourseIn(
  db: AppDatabase,
  termId: number,
  status: CourseStatus,
  firstDate: string,
  localityId: number,
) {
  const id = anOpenCourse(db, { termId, firstDate, localityId });
  db.update(courses).set({ status }).where(eq(courses.id, id)).run();
  return id;
}

function anInstructorTrainedOn(db: AppDatabase, trainedOn: string) {
  const id = anInstructor(db);
  db.update(instructors).set({ trainedOn }).where(eq(instructors.id, id)).run();
  return id;
}

function aCallDue(db: AppDatabase, callDueAt: Date, state: 'to-call' | 'closed' = 'to-call') {
  db.insert(applications)
    .values({
      source: 'public',
      name: 'Soitettava',
      phone: '+358401112223',
      state,
      callDueAt,
      createdAt: callDueAt,
      updatedAt: callDueAt,
    })
    .run();
}

function aCompletedTrainee(db: AppDatabase, completedOn: string) {
  const now = new Date('2026-08-01T09:00:00Z');
  db.insert(trainingCandidates)
    .values({
      source: 'self',
      name: 'Koulutettava',
      phone: '+358405556667',
      kind: 'peer',
      consentAt: now,
      state: 'completed',
      completedOn,
      createdAt: now,
      updatedAt: now,
    })
    .run();
}

function aMessageTo(recipientEmail: string): NewOutboxMessage {
  return {
    recipientEmail,
    recipientName: '',
    subject: 'Kutsu',
    textBody: 'Tervetuloa',
    htmlBody: '<p>Tervetuloa</p>',
    calendarMethod: '',
    calendar: '',
    courseId: null,
    applicationId: null,
  };
}

describe('the coordinator’s home page at a glance', () => {
  const { app, db, clock } = buildTestApp();
  let cookie = '';
  let instructorCookie = '';
  let autumnId = 0;

  const home = async (sessionCookie = cookie): Promise<CheerioAPI> =>
    load(await (await getPage(app, '/', sessionCookie)).text());

  beforeAll(async () => {
    // Today is Tuesday 2026-10-20 in Helsinki, inside the autumn term.
    clock.setTo(new Date('2026-10-20T09:00:00Z'));
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    const locality = aLocality(db);
    const lastAutumn = aTermOf(db, 'Syksy 2025', '2025-08-01', '2025-12-31');
    autumnId = aTermOf(db, 'Syksy 2026', '2026-08-01', '2026-12-31');
    const spring = aTermOf(db, 'Kevät 2027', '2027-01-01', '2027-06-30');

    // Autumn: one still to start (open, below its minimum past go/no-go: a decision due), one
    // under way, one completed, one cancelled.
    aCourseIn(db, autumnId, 'open', '2026-11-10', locality);
    aCourseIn(db, autumnId, 'confirmed', '2026-10-06', locality);
    const completed = aCourseIn(db, autumnId, 'completed', '2026-08-18', locality);
    aCourseIn(db, autumnId, 'cancelled', '2026-11-03', locality);
    // Spring: not counted in the autumn figures.
    aCourseIn(db, spring, 'confirmed', '2027-02-02', locality);
    aCourseIn(db, spring, 'cancelled', '2027-02-09', locality);

    // Instructors: one led the completed course (active), one trained without a course.
    const active = anInstructorTrainedOn(db, '2026-05-01');
    db.insert(courseInstructors).values({ courseId: completed, instructorId: active }).run();
    anInstructorTrainedOn(db, '2026-09-01');
    // Led a course that ended 2025-11-18: the licence holds through 2026-11-18, lapsing now.
    const lapsing = anInstructorTrainedOn(db, '2025-01-10');
    const lastYear = aCourseIn(db, lastAutumn, 'completed', '2025-10-14', locality);
    db.insert(courseInstructors).values({ courseId: lastYear, instructorId: lapsing }).run();
    // Trained within the autumn term, and one in the spring before it (not counted).
    aCompletedTrainee(db, '2026-09-15');
    aCompletedTrainee(db, '2026-06-15');

    aCallDue(db, new Date('2026-10-19T09:00:00Z'));
    aCallDue(db, new Date('2026-10-14T07:30:00Z')); // the oldest: 14.10.2026 at 10.30 in Helsinki
    aCallDue(db, new Date('2026-10-25T09:00:00Z'));
    aCallDue(db, new Date('2026-10-01T09:00:00Z'), 'closed');

    const failed = enqueueMessage(db, aMessageTo('x@example.fi'), {
      now: new Date('2026-10-19T09:00:00Z'),
      domain: 'kurssipolku.test',
    });
    db.update(outbox).set({ state: 'failed' }).where(eq(outbox.id, failed)).run();
    enqueueMessage(db, aMessageTo('y@example.fi'), {
      now: new Date('2026-10-19T09:00:00Z'),
      domain: 'kurssipolku.test',
    });

    const asking = aWaitingApplicant(db, locality);
    db.insert(deletionRequests)
      .values({ applicationId: asking, requestedAt: new Date('2026-10-18T09:00:00Z') })
      .run();
  });

  it('shows the current term with its course figures against the target', async () => {
    const $ = await home();
    const glance = $('#at-a-glance');
    expect(glance.find('h2').text()).toBe('Yhdellä silmäyksellä');
    expect($('#glance-term').attr('href')).toBe(`/terms/${autumnId}`);
    expect($('#glance-term').text()).toBe('Kausi Syksy 2026 (1.8.2026–31.12.2026)');
    expect($('#glance-courses').text()).toBe('Kursseja: 3 (tavoite 2–4) tavoitteessa');
    expect($('#glance-courses-planned').text()).toBe('1');
    expect($('#glance-courses-running').text()).toBe('1');
    expect($('#glance-courses-completed').text()).toBe('1');
    expect($('#glance-courses-cancelled').text()).toBe('1');
  });

  it('shows instructors trained in the term, active and lapsing', async () => {
    const $ = await home();
    expect($('#glance-trained').text()).toBe('Koulutettuja ohjaajia: 1 (tavoite 1–3) tavoitteessa');
    expect($('#glance-instructors-active').text()).toBe('1');
    expect($('#glance-instructors-lapsing').text()).toBe('1');
  });

  it('links each to-do count to where it is handled', async () => {
    const $ = await home();
    const links = $('#at-a-glance .glance-links a')
      .toArray()
      .map((link) => [$(link).attr('id'), $(link).attr('href'), $(link).text()]);
    expect(links).toEqual([
      ['glance-decisions', '/decisions', '1 kurssia odottaa päätöstä'],
      ['glance-calls', '/calls', '3 soittoa jonossaVanhin piti soittaa 14.10.2026 klo 10.30'],
      ['glance-new-instructors', '/instructors', '1 uutta ohjaajaa ilman kurssia'],
      ['glance-failed-mail', '/outbox?state=failed', '1 sähköpostia ei mennyt perille'],
      ['glance-deletion-requests', '#deletion-requests-title', '1 pyyntöä poistaa tiedot'],
    ]);
    expect($('#deletion-requests-title')).toHaveLength(1);
  });

  it('shows no deletion requests as a count without a link to a list that is not there', async () => {
    db.update(deletionRequests).set({ handledAt: clock() }).run();
    const $ = await home();
    expect($('#deletion-requests-title')).toHaveLength(0);
    expect($('#glance-deletion-requests').is('a')).toBe(false);
    expect($('#glance-deletion-requests').text()).toBe('0 pyyntöä poistaa tiedot');
  });

  it('keeps the detailed lists below the summary', async () => {
    const $ = await home();
    expect($('#home-decisions-title')).toHaveLength(1);
    expect($('#licence-items li')).toHaveLength(2);
  });

  it('is not shown to instructors', async () => {
    const $ = await home(instructorCookie);
    expect($('#at-a-glance')).toHaveLength(0);
    expect($('#glance-calls')).toHaveLength(0);
  });

  it('follows the next term between terms', async () => {
    clock.setTo(new Date('2027-01-01T09:00:00Z'));
    const later = await signIn(app, await aStaffUser(db, 'coordinator'));
    const $ = await home(later);
    expect($('#glance-term').text()).toBe('Kausi Kevät 2027 (1.1.2027–30.6.2027)');
    expect($('#glance-courses').text()).toBe('Kursseja: 1 (tavoite 2–4) alle tavoitteen');
    expect($('#glance-courses-planned').text()).toBe('1');
    expect($('#glance-courses-cancelled').text()).toBe('1');
    expect($('#glance-trained').text()).toContain('Koulutettuja ohjaajia: 0');
  });
});
