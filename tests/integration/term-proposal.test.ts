import { load } from 'cheerio';
import { and, count, eq, gt, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  courseInstructors,
  courseSessions,
  courses,
  instructorLocalities,
  instructors,
  localities,
  outbox,
  programs,
  terms,
  users,
  venues,
} from '../../db/schema';
import { systemActor } from '../../src/features/audit/audit-log';
import { dayOffOn } from '../../src/features/courses/holidays';
import { conflictsFor } from '../../src/features/courses/planning';
import { listBlockedPeriods } from '../../src/features/courses/queries';
import { demoSignIns, loadDemoData } from '../../src/features/demo/demo-data';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { AcceptConflict, acceptProposal } from '../../src/features/term-proposal/accept-proposal';
import { slotFor } from '../../src/features/term-proposal/candidate-slots';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';
import { formFields, text } from '../support/page-forms';

const now = new Date('2026-12-03T10:00:00Z');

describe('proposing the spring term on the demo data', () => {
  const { app, db, clock, config } = buildTestApp();
  let cookie = '';
  let springId = 0;

  const courseCount = () => db.select({ n: count() }).from(courses).get()!.n;

  const proposalForm = async () => {
    const response = await getPage(app, `/terms/${springId}/proposal`, cookie);
    expect(response.status).toBe(200);
    return formFields(load(await response.text()), 'form[action$="/proposal"]');
  };

  /** Posts the form as the GET gave it, with changes; `undefined` unticks a box. */
  const propose = async (changes: Record<string, string | undefined> = {}) => {
    const fields: Record<string, string> = { ...(await proposalForm()) };
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) delete fields[name];
      else fields[name] = value;
    }
    const response = await postForm(app, `/terms/${springId}/proposal`, fields, { cookie });
    return { response, $: load(await response.text()) };
  };

  const review = (fields: Record<string, string>) =>
    postForm(app, `/terms/${springId}/proposal/review`, fields, { cookie });

  beforeAll(async () => {
    clock.setTo(now);
    await loadDemoData(db, now, mailSettingsFrom(config));
    cookie = await signIn(
      app,
      demoSignIns.find((person) => person.role === 'coordinator')!,
    );
    springId = db.select().from(terms).where(eq(terms.name, 'Kevät 2027')).get()!.id;
  });

  it('opens from the term plan with the targets and what a good plan means', async () => {
    const plan = load(await (await getPage(app, `/terms/${springId}`, cookie)).text());
    expect(plan('#propose-plan').attr('href')).toBe(`/terms/${springId}/proposal`);
    const response = await getPage(app, `/terms/${springId}/proposal`, cookie);
    const $ = load(await response.text());
    expect(text($, 'h1')).toBe('Ehdota suunnitelmaa: Kevät 2027');
    expect(text($, '#good-plan')).toContain('jokaisesta jonossa olevasta');
    expect(text($, '#good-plan')).toContain('0,5 p');
    expect(text($, '#hard-rules')).toContain('kaksi ohjaajaa');
    const fields = formFields($, 'form[action$="/proposal"]');
    expect(fields.earliestStart).toBe('2027-01-01');
    expect(fields.startTimes).toBe('10:00, 13:00, 17:00');
    expect(Object.keys(fields).filter((name) => name.startsWith('place_')).length).toBe(
      db.select({ n: count() }).from(localities).get()!.n,
    );
  });

  it('proposes courses that meet every hard rule, and saves nothing before acceptance', async () => {
    const before = courseCount();
    const { response, $ } = await propose({ courseCount: '3' });
    expect(response.status).toBe(200);
    expect(courseCount()).toBe(before);
    const fields = formFields($, 'form[action$="/proposal/review"]');
    expect(fields.courses).toBe('3');
    expect(text($, '#proposal-summary')).toMatch(/paikka \d+ jonossa olevalle/);
    // Every course says why it is there.
    expect($('.proposal-reasons').length).toBe(3);
    $('.proposal-reasons').each((_, list) => expect($(list).find('li').length).toBeGreaterThan(0));
    // Demo: people waiting in Lapua (two need a step-free venue), Kauhajoki and Ilmajoki.
    expect(text($, 'main')).toContain('tarvitsee esteettömän tilan');

    // Accept all three: the normal course commands save them; then the existing conflict rules
    // find nothing between them, with the demo's own spring courses, or with a day off.
    const accepted = await review({ ...fields, intent: 'accept' });
    expect(accepted.status).toBe(303);
    const created = db
      .select()
      .from(courses)
      .where(gt(courses.id, 0))
      .all()
      .filter((course) => course.termId === springId)
      .slice(-3);
    expect(courseCount()).toBe(before + 3);
    const program = db.select().from(programs).where(eq(programs.id, created[0]!.programId)).get()!;
    const blocked = listBlockedPeriods(db);
    for (const course of created) {
      expect(course.status).toBe('planned');
      const pair = db
        .select({ id: courseInstructors.instructorId })
        .from(courseInstructors)
        .where(eq(courseInstructors.courseId, course.id))
        .all()
        .map((row) => row.id);
      expect(new Set(pair).size).toBe(2);
      const working = db
        .select({ id: instructorLocalities.instructorId })
        .from(instructorLocalities)
        .where(
          and(
            eq(instructorLocalities.localityId, course.localityId),
            inArray(instructorLocalities.instructorId, pair),
          ),
        )
        .all();
      expect(working).toHaveLength(2);
      const venue = db.select().from(venues).where(eq(venues.id, course.venueId!)).get()!;
      expect(venue.kind).toBe('in-person');
      expect(venue.capacity!).toBeGreaterThanOrEqual(program.maxParticipants);
      const sessions = db
        .select()
        .from(courseSessions)
        .where(eq(courseSessions.courseId, course.id))
        .all();
      expect(sessions).toHaveLength(program.sessionCount);
      for (const session of sessions) expect(dayOffOn(session.localDate, blocked)).toBeNull();
      expect(
        conflictsFor(db, course.id, sessions, {
          venueId: course.venueId,
          venueIsOnline: false,
          instructorIds: pair,
        }),
      ).toEqual([]);
    }
  });

  it('creates exactly the kept courses, as changed, with invitations and audit entries', async () => {
    const { $ } = await propose({
      courseCount: '3',
      earliestStart: '2027-02-01',
      // The demo's six instructors already lead this term's first three proposed courses.
      maxHours: '200',
    });
    const fields = formFields($, 'form[action$="/proposal/review"]');
    expect(fields.courses).toBe('3');
    // Drop the second course; the third becomes a group for mental health services' clients.
    delete fields.keep_1;
    fields.audience_2 = 'targeted';
    fields.targetService_2 = 'Mielenterveyspalvelut';
    const before = courseCount();
    const outboxBefore = db.select({ n: count() }).from(outbox).get()!.n;
    const response = await review({ ...fields, intent: 'accept' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/terms/${springId}`);
    expect(courseCount()).toBe(before + 2);
    const created = db.select().from(courses).all().slice(-2);
    expect(
      created.map((course) => [
        course.venueId,
        course.weeklyStartTime,
        course.audience,
        course.targetService,
      ]),
    ).toEqual([
      [Number(fields.venue_0), fields.startTime_0, 'open', ''],
      [Number(fields.venue_2), fields.startTime_2, 'targeted', 'Mielenterveyspalvelut'],
    ]);
    const firstSessions = created.map(
      (course) =>
        db
          .select()
          .from(courseSessions)
          .where(and(eq(courseSessions.courseId, course.id), eq(courseSessions.ordinal, 1)))
          .get()!.localDate,
    );
    expect(firstSessions).toEqual([fields.firstDate_0, fields.firstDate_2]);
    // The instructors are invited as for any new course; each creation is in the audit log.
    expect(db.select({ n: count() }).from(outbox).get()!.n).toBeGreaterThan(outboxBefore);
    const audited = db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.subjectType, 'course'),
          eq(auditLog.action, 'create'),
          inArray(
            auditLog.subjectId,
            created.map((course) => course.id),
          ),
        ),
      )
      .all();
    expect(audited).toHaveLength(2);
    const plan = load(
      await (await getPage(app, `/terms/${springId}`, cookiesFrom(response, cookie))).text(),
    );
    expect(text(plan, '#flash')).toBe('Lukukauteen lisättiin 2 kurssia. Ohjaajat saavat kutsut.');

    // The same form again finds its own courses in the way: refused, nothing more created.
    const again = await review({ ...fields, intent: 'accept' });
    expect(again.status).toBe(422);
    expect(text(load(await again.text()), '#venue_0-error')).toBe(
      'Tila on samaan aikaan toisen kurssin käytössä.',
    );
    expect(courseCount()).toBe(before + 2);
  });

  it('checks changes without saving, and names the broken rule at its field', async () => {
    const { $ } = await propose({
      courseCount: '2',
      earliestStart: '2027-03-01',
      maxHours: '200',
    });
    const fields = formFields($, 'form[action$="/proposal/review"]');
    const before = courseCount();

    const checked = await review({ ...fields, intent: 'check' });
    expect(checked.status).toBe(200);
    expect(text(load(await checked.text()), '#proposal-notice')).toBe(
      'Muutokset tarkistettu: säännöt täyttyvät.',
    );

    const elsewhere = db
      .select({ id: instructorLocalities.instructorId })
      .from(instructorLocalities)
      .where(gt(instructorLocalities.localityId, 0))
      .all()
      .map((row) => row.id)
      .find(
        (id) =>
          !db
            .select()
            .from(instructorLocalities)
            .where(
              and(
                eq(instructorLocalities.instructorId, id),
                eq(instructorLocalities.localityId, Number(fields.locality_0)),
              ),
            )
            .get(),
      )!;
    const cases: [Record<string, string>, string, string][] = [
      [
        { instructor2_0: String(elsewhere) },
        'instructor2_0',
        'Ohjaaja ei toimi tällä paikkakunnalla.',
      ],
      [{ instructor2_0: fields.instructor1_0! }, 'instructor2_0', ''],
      [{ firstDate_0: '2026-11-01' }, 'firstDate_0', ''],
      [{ startTime_1: '25:00' }, 'startTime_1', ''],
      [{ audience_1: 'targeted', targetService_1: '' }, 'targetService_1', ''],
      [{ venue_0: '999999' }, 'venue_0', 'Valitse tila ehdotuksen paikkakunnilta.'],
      // The second course moved onto the first one's time with the first one's pair.
      [
        {
          firstDate_1: fields.firstDate_0!,
          startTime_1: fields.startTime_0!,
          locality_1: fields.locality_0!,
          venue_1: fields.venue_0!,
          instructor1_1: fields.instructor1_0!,
          instructor2_1: fields.instructor2_0!,
        },
        'instructor1_1',
        'Ohjaajalla on samaan aikaan toinen kurssi.',
      ],
    ];
    for (const [change, field, message] of cases) {
      const response = await review({ ...fields, ...change, intent: 'accept' });
      expect(response.status, field).toBe(422);
      const page = load(await response.text());
      const error = text(page, `#${field}-error`);
      expect(error, field).not.toBe('');
      if (message) expect(error).toBe(message);
      // What was typed stays on the page (a select can show only its own choices).
      const [name, value] = Object.entries(change)[0]!;
      const typed = page(`input[name="${name}"]`);
      if (typed.length > 0) expect(String(typed.val())).toBe(value);
    }
    // Nothing kept: said plainly, nothing saved.
    const none: Record<string, string> = { ...fields, intent: 'accept' };
    delete none.keep_0;
    delete none.keep_1;
    const nothing = await review(none);
    expect(nothing.status).toBe(422);
    expect(text(load(await nothing.text()), '.error-summary')).toBe(
      'Pidä vähintään yksi kurssi, tai palaa lukukauteen.',
    );
    expect(courseCount()).toBe(before);
  });

  it('names the rule that blocks a plan, and creates nothing', async () => {
    const before = courseCount();
    const tooMany = await propose({ courseCount: '40' });
    expect(tooMany.response.status).toBe(422);
    expect(text(tooMany.$, '#proposal-blockers')).toMatch(
      /Sääntöihin mahtuu enintään \d+ kurssia|tunnin enimmäismäärään mahtuu enintään \d+ kurssia/,
    );

    const fewHours = await propose({ courseCount: '2', maxHours: '10' });
    expect(text(fewHours.$, '#proposal-blockers')).toContain(
      'Ohjaajan 10 tunnin enimmäismäärään mahtuu enintään 0 kurssia',
    );

    // A locality nobody (or only one instructor) works in cannot get the course it needs.
    const lonely = db
      .select({ id: localities.id, name: localities.name })
      .from(localities)
      .all()
      .find(
        (locality) =>
          db
            .select({ n: count() })
            .from(instructorLocalities)
            .where(eq(instructorLocalities.localityId, locality.id))
            .get()!.n < 2 &&
          db.select().from(venues).where(eq(venues.localityId, locality.id)).get() === undefined,
      );
    if (lonely) {
      const blocked = await propose({ [`place_${lonely.id}`]: 'must' });
      expect(blocked.response.status).toBe(422);
      expect(text(blocked.$, '#proposal-blockers')).toContain(`${lonely.name}: `);
    }
    const kauhajoki = db.select().from(localities).where(eq(localities.name, 'Kauhajoki')).get()!;
    const sunday = await propose({
      [`place_${kauhajoki.id}`]: 'must',
      startTimes: '06:00',
      weekday1: undefined,
      weekday2: undefined,
      weekday3: undefined,
      weekday4: undefined,
      weekday5: undefined,
      weekday7: 'on',
      courseCount: '5',
    });
    expect(sunday.response.status).toBe(422);
    expect(text(sunday.$, '#proposal-blockers')).not.toBe('');
    expect(courseCount()).toBe(before);
  });

  it('refuses bad targets at their fields, keeps what was typed, never 500', async () => {
    const before = courseCount();
    const cases: [Record<string, string | undefined>, string, string][] = [
      [
        { earliestStart: '2027-03-01', latestStart: '2027-02-01' },
        'latestStart',
        'Myöhäisin aloituspäivä ei voi olla ennen aikaisinta.',
      ],
      [
        {
          earliestStart: '2027-01-03',
          latestStart: '2027-01-03',
          weekday1: 'on',
          weekday2: undefined,
          weekday3: undefined,
          weekday4: undefined,
          weekday5: undefined,
        },
        'latestStart',
        'Aikavälillä ei ole yhtään valittua viikonpäivää, joka ei olisi pyhä tai estetty.',
      ],
      [
        { earliestStart: '2027-08-02', latestStart: '2027-08-09' },
        'earliestStart',
        'Päivän pitää olla lukukauden aikana',
      ],
      [{ earliestStart: '2026-11-01' }, 'earliestStart', ''],
      [
        { startTimes: 'illalla' },
        'startTimes',
        'Kirjoita ajat muodossa 17:00, pilkuilla erotettuina.',
      ],
      [
        { startTimes: '8:00,9:00,10:00,11:00,12:00,13:00,14:00' },
        'startTimes',
        'Enintään kuusi aloitusaikaa.',
      ],
      [{ courseCount: '0' }, 'courseCount', ''],
      [{ courseCount: 'kolme' }, 'courseCount', ''],
      [{ maxHours: '' }, 'maxHours', ''],
      [{ programId: '999' }, 'programId', ''],
      [{ place_999999: 'must' }, 'place_999999', ''],
      [{ place_1: 'maybe' }, 'place_1', ''],
    ];
    for (const [change, field, message] of cases) {
      const { response, $ } = await propose(change);
      expect(response.status, field).toBe(422);
      const error = text($, `#${field}-error`) || text($, '.error-summary');
      expect(error, field).not.toBe('');
      if (message) expect(error, field).toContain(message);
      const [name, value] = Object.entries(change)[0]!;
      const control = $(`input[name="${name}"]:not([type=checkbox])`);
      if (control.length > 0) {
        expect(String(control.val()), field).toBe(value);
      }
    }
    const noDays = await propose({
      weekday1: undefined,
      weekday2: undefined,
      weekday3: undefined,
      weekday4: undefined,
      weekday5: undefined,
    });
    expect(noDays.response.status).toBe(422);
    expect(text(noDays.$, '#weekdays-error')).toBe('Valitse vähintään yksi päivä.');
    expect(courseCount()).toBe(before);
  });

  it('saves one plan when the same acceptance arrives many times at once', async () => {
    const { $ } = await propose({ courseCount: '2', earliestStart: '2027-04-05', maxHours: '300' });
    const fields = formFields($, 'form[action$="/proposal/review"]');
    expect(fields.courses).toBe('2');
    const before = courseCount();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => review({ ...fields, intent: 'accept' })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 303)).toHaveLength(1);
    expect(statuses.every((status) => [303, 409, 422].includes(status))).toBe(true);
    expect(courseCount()).toBe(before + 2);
  });

  it('saves all kept courses or none: a clash inside the transaction undoes the whole batch', () => {
    const venue = db.select().from(venues).where(eq(venues.kind, 'in-person')).get()!;
    const program = db.select().from(programs).get()!;
    const slot = slotFor(
      {
        id: venue.id,
        localityId: venue.localityId,
        stepFree: venue.stepFreeAccess,
        online: false,
        capacity: venue.capacity,
      },
      '2027-05-03',
      '08:00',
      program,
      listBlockedPeriods(db),
    )!;
    const pair = db
      .select({ id: instructorLocalities.instructorId })
      .from(instructorLocalities)
      .where(eq(instructorLocalities.localityId, venue.localityId))
      .all()
      .slice(0, 2)
      .map((row) => row.id);
    expect(new Set(pair).size).toBe(2);
    const course = { slot, instructorIds: pair, audience: 'open' as const, targetService: '' };
    const before = courseCount();
    expect(() =>
      acceptProposal(
        db,
        springId,
        program,
        [
          { ...course, index: 0 },
          { ...course, index: 1 },
        ],
        { actor: systemActor, mail: { ...mailSettingsFrom(config), now } },
      ),
    ).toThrow(AcceptConflict);
    expect(courseCount()).toBe(before);

    // A venue archived after the review was checked is refused in the accepting transaction.
    db.update(venues).set({ archivedAt: now }).where(eq(venues.id, venue.id)).run();
    try {
      acceptProposal(db, springId, program, [{ ...course, index: 0 }], {
        actor: systemActor,
        mail: { ...mailSettingsFrom(config), now },
      });
      expect.unreachable('an archived venue was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(AcceptConflict);
      expect((error as AcceptConflict).venueArchived).toBe(true);
    }
    expect(courseCount()).toBe(before);
    db.update(venues).set({ archivedAt: null }).where(eq(venues.id, venue.id)).run();
  });

  it("plans one region's localities, and says when they have no venue", async () => {
    const [oulu] = db
      .insert(localities)
      .values({ name: 'Oulu', region: 'Pohjois-Pohjanmaa', createdAt: now })
      .returning()
      .all();
    const page = load(
      await (
        await getPage(app, `/terms/${springId}/proposal?region=Pohjois-Pohjanmaa`, cookie)
      ).text(),
    );
    const fields = formFields(page, 'form[action$="/proposal"]');
    expect(fields.region).toBe('Pohjois-Pohjanmaa');
    expect(Object.keys(fields).filter((name) => name.startsWith('place_'))).toEqual([
      `place_${oulu!.id}`,
    ]);
    const before = courseCount();
    const response = await postForm(app, `/terms/${springId}/proposal`, fields, { cookie });
    expect(response.status).toBe(422);
    expect(text(load(await response.text()), '#proposal-blockers')).toContain(
      'Valituilla paikkakunnilla ei ole yhtään tilaa.',
    );
    expect(courseCount()).toBe(before);
  });

  it('never proposes an instructor whose staff account is disabled', async () => {
    const matti = db.select().from(instructors).where(eq(instructors.name, 'Matti Mäkelä')).get()!;
    expect(matti.userId).not.toBeNull();
    const proposedLeaders = async () => {
      const { $ } = await propose({
        courseCount: '2',
        earliestStart: '2027-03-01',
        maxHours: '300',
      });
      const fields = formFields($, 'form[action$="/proposal/review"]');
      expect(fields.courses).toBe('2');
      return $('select[name^="instructor"] option')
        .toArray()
        .map((option) => Number($(option).attr('value')));
    };
    expect(await proposedLeaders()).toContain(matti.id);
    db.update(users).set({ disabledAt: now }).where(eq(users.id, matti.userId!)).run();
    expect(await proposedLeaders()).not.toContain(matti.id);
    db.update(users).set({ disabledAt: null }).where(eq(users.id, matti.userId!)).run();
  });

  it('is for planning staff only', async () => {
    const path = `/terms/${springId}/proposal`;
    expect((await getPage(app, path)).status).toBe(303);
    for (const role of ['instructor', 'reporting'] as const) {
      const other = await signIn(app, await aStaffUser(db, role));
      expect((await getPage(app, path, other)).status).toBe(403);
      expect((await postForm(app, path, await proposalForm(), { cookie: other })).status).toBe(403);
      expect(
        (await postForm(app, `${path}/review`, { intent: 'accept' }, { cookie: other })).status,
      ).toBe(403);
    }
    expect((await getPage(app, '/terms/999999/proposal', cookie)).status).toBe(404);
  });
});
