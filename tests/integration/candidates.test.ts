import { load } from 'cheerio';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  candidateHistory,
  instructors,
  outbox,
  trainingCandidates,
  trainingDays,
  trainings,
  trainingTrainers,
  users,
} from '../../db/schema';
import type { AppDatabase } from '../../src/db';
import { wallClockToInstant } from '../../src/lib/helsinki-time';
import { expectWrittenIn } from '../support/catalog-language';
import { readCalendar } from '../support/ical';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

const nomination = {
  supervisorName: 'Sanna Esihenkilö',
  supervisorUnit: 'Työikäisten sosiaalipalvelut',
  supervisorContact: 'sanna.esihenkilo@hyvaks.example',
  name: 'Niina Nimetty',
  phone: '040 123 4567',
  email: 'niina@hyvaks.example',
  unit: 'Aikuissosiaalityö, Seinäjoki',
  kind: 'professional',
  profession: 'sosiaaliohjaaja',
  tookArvoCourse: 'yes',
  consent: 'on',
};

/** A training saved straight into the database, its days at Helsinki wall-clock times. */
function aTraining(db: AppDatabase, options: { capacity: number; days: string[]; name?: string }) {
  const now = new Date('2026-09-01T09:00:00Z');
  const id = db
    .insert(trainings)
    .values({
      name: options.name ?? `Ohjaajakoulutus ${options.days[0]}`,
      status: 'open',
      capacity: options.capacity,
      calendarUid: `training-${options.days[0]}-${Math.random()}@kurssipolku.test`,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: trainings.id })
    .get().id;
  for (const day of options.days) {
    db.insert(trainingDays)
      .values({
        trainingId: id,
        localDate: day,
        startTime: '09:00',
        endTime: '15:30',
        startsAt: wallClockToInstant(day, '09:00'),
        endsAt: wallClockToInstant(day, '15:30'),
      })
      .run();
  }
  return id;
}

const candidateNamed = (db: AppDatabase, name: string) =>
  db.select().from(trainingCandidates).where(eq(trainingCandidates.name, name)).get();

const stepsOf = (db: AppDatabase, candidateId: number) =>
  db
    .select({ step: candidateHistory.step, byName: candidateHistory.byName })
    .from(candidateHistory)
    .where(eq(candidateHistory.candidateId, candidateId))
    .orderBy(asc(candidateHistory.id))
    .all();

describe('the public nomination form', () => {
  const { app, db } = buildTestApp();

  it('saves a supervisor’s nomination on the call queue with its first step', async () => {
    const response = await postForm(app, '/nominations', nomination, { address: '10.0.0.1' });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/nominations/thanks');
    const saved = candidateNamed(db, 'Niina Nimetty')!;
    expect(saved).toMatchObject({
      source: 'supervisor',
      state: 'nominated',
      phone: '+358401234567',
      kind: 'professional',
      tookArvoCourse: 'yes',
      supervisorContact: 'sanna.esihenkilo@hyvaks.example',
    });
    expect(saved.callDueAt).not.toBeNull();
    expect(stepsOf(db, saved.id)).toEqual([{ step: 'nominated', byName: 'Sanna Esihenkilö' }]);
  });

  it('refuses a nomination without the nominee’s consent, keeping what was typed', async () => {
    const { consent: _consent, ...withoutConsent } = nomination;
    const response = await postForm(
      app,
      '/nominations',
      { ...withoutConsent, name: 'Ilman Suostumusta' },
      { address: '10.0.0.2' },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#consent-error').text()).toContain('antanut luvan');
    expect($('#name').attr('value')).toBe('Ilman Suostumusta');
    expect(candidateNamed(db, 'Ilman Suostumusta')).toBeUndefined();
  });

  it('thanks a robot that fills the honeypot and keeps nothing', async () => {
    const response = await postForm(
      app,
      '/nominations',
      { ...nomination, name: 'Robotti', website: 'http://spam.example' },
      { address: '10.0.0.3' },
    );
    expect(response.status).toBe(303);
    expect(candidateNamed(db, 'Robotti')).toBeUndefined();
  });

  it('limits submissions per address like the other public forms (429, form kept)', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 6; n++) {
      const response = await postForm(
        app,
        '/nominations',
        { ...nomination, name: `Ehdokas ${n}` },
        { address: '10.0.0.4' },
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(load(await response.text())('#name').attr('value')).toBe(`Ehdokas ${n}`);
      }
    }
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    expect(candidateNamed(db, 'Ehdokas 5')).toBeUndefined();
  });

  it('takes a peer’s own application as a peer candidate', async () => {
    const { supervisorName: _a, supervisorUnit: _b, supervisorContact: _c, ...own } = nomination;
    const response = await postForm(
      app,
      '/instructor-applications',
      { ...own, kind: 'professional', name: 'Vertti Vertainen' },
      { address: '10.0.0.5' },
    );
    expect(response.status).toBe(303);
    expect(candidateNamed(db, 'Vertti Vertainen')).toMatchObject({ source: 'self', kind: 'peer' });
  });
});

describe("a candidate's path to an active instructor", () => {
  const { app, db, clock } = buildTestApp();
  let cookie = '';
  let instructorCookie = '';
  let trainingId = 0;
  let candidateId = 0;

  beforeAll(async () => {
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    trainingId = aTraining(db, { capacity: 1, days: ['2026-08-10', '2026-08-17', '2026-08-24'] });
    const saved = await postForm(app, '/candidates/new', nomination, { cookie });
    expect(saved.status).toBe(303);
    candidateId = candidateNamed(db, 'Niina Nimetty')!.id;
    expect(saved.headers.get('Location')).toBe(`/candidates/${candidateId}`);
  });

  const post = (step: string, fields: Record<string, string>, as = cookie) =>
    postForm(app, `/candidates/${candidateId}/${step}`, fields, { cookie: as });
  const stateNow = () =>
    db.select().from(trainingCandidates).where(eq(trainingCandidates.id, candidateId)).get()!;

  it('is on the call queue and the candidate page is for planning staff only', async () => {
    const queue = load(await (await getPage(app, '/calls', cookie)).text());
    expect(queue('#candidates-to-call').text()).toContain('Niina Nimetty');
    expect((await getPage(app, `/candidates/${candidateId}`, instructorCookie)).status).toBe(403);
    expect((await getPage(app, '/candidates', instructorCookie)).status).toBe(403);
    expect((await post('calls', { outcome: 'reached' }, instructorCookie)).status).toBe(403);
    const anonymous = await getPage(app, `/candidates/${candidateId}`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('Location')).toMatch(/^\/sign-in/);
  });

  it('keeps an unanswered call on the queue until the next day, then phoned when reached', async () => {
    expect((await post('calls', { outcome: 'no-answer', notes: 'Ei vastannut' })).status).toBe(303);
    expect(stateNow().state).toBe('nominated');
    expect(stateNow().callDueAt!.getTime()).toBe(clock().getTime() + 24 * 3600_000);
    const reached = await post('calls', { outcome: 'reached', notes: 'Kerroin ajankäytöstä' });
    expect(reached.status).toBe(303);
    expect(stateNow()).toMatchObject({ state: 'phoned', callDueAt: null });
    const queue = load(await (await getPage(app, '/calls', cookie)).text());
    expect(queue('#candidates-to-call').text()).not.toContain('Niina Nimetty');
  });

  it('enrols them in the training, with its calendar invitation, and refuses a double enrolment', async () => {
    expect((await post('enrolment', { trainingId: String(trainingId) })).status).toBe(303);
    expect(stateNow()).toMatchObject({ state: 'enrolled', trainingId });
    const invitation = db
      .select()
      .from(outbox)
      .where(and(eq(outbox.candidateId, candidateId), eq(outbox.calendarMethod, 'REQUEST')))
      .all();
    expect(invitation).toHaveLength(1);
    const again = await post('enrolment', { trainingId: String(trainingId) });
    expect(again.status).toBe(422);
    expect(load(await again.text())('#flash').text()).toContain('jo ilmoitettu');
  });

  it('puts the next one on the waitlist of a full training, saying so', async () => {
    await postForm(
      app,
      '/candidates/new',
      { ...nomination, name: 'Jonna Jonossa', phone: '040 765 0000' },
      { cookie },
    );
    const second = candidateNamed(db, 'Jonna Jonossa')!;
    await postForm(app, `/candidates/${second.id}/calls`, { outcome: 'reached' }, { cookie });
    const enrolled = await postForm(
      app,
      `/candidates/${second.id}/enrolment`,
      { trainingId: String(trainingId) },
      { cookie },
    );
    expect(enrolled.status).toBe(303);
    expect(candidateNamed(db, 'Jonna Jonossa')!.state).toBe('waitlisted');
    const page = load(
      await (await getPage(app, `/candidates/${second.id}`, cookiesFrom(enrolled, cookie))).text(),
    );
    expect(page('#flash').text()).toContain('täynnä');
  });

  it('refuses a completion before the first training day, in the future, or without the exception noted', async () => {
    const early = await post('completion', { completedOn: '2026-08-09', attendedAll: 'on' });
    expect(early.status).toBe(422);
    expect(load(await early.text())('#completedOn-error').text()).toContain('ensimmäistä päivää');
    const future = await post('completion', { completedOn: '2026-09-02', attendedAll: 'on' });
    expect(future.status).toBe(422);
    expect(load(await future.text())('#completedOn-error').text()).toContain('tulevaisuudessa');
    const noException = await post('completion', { completedOn: '2026-08-24' });
    expect(noException.status).toBe(422);
    expect(load(await noException.text())('#exception-error').text()).not.toBe('');
    const badDate = await post('completion', { completedOn: '5.10.2026', attendedAll: 'on' });
    expect(badDate.status).toBe(422);
    expect(stateNow().state).toBe('enrolled');
  });

  it('completes with a noted exception, then becomes an instructor with the training date', async () => {
    const done = await post('completion', {
      completedOn: '2026-08-24',
      exception: 'Puuttui toisesta päivästä puolet, korvasi etätehtävällä',
    });
    expect(done.status).toBe(303);
    expect(stateNow()).toMatchObject({ state: 'completed', completedOn: '2026-08-24' });
    const made = await post('instructor', { instructor: 'new' });
    expect(made.status).toBe(303);
    const instructor = db
      .select()
      .from(instructors)
      .where(eq(instructors.id, stateNow().instructorId!))
      .get()!;
    expect(instructor).toMatchObject({
      name: 'Niina Nimetty',
      kind: 'professional',
      trainedOn: '2026-08-24',
      trainingId,
      employerUnit: 'Aikuissosiaalityö, Seinäjoki',
    });
    const again = await post('instructor', { instructor: 'new' });
    expect(again.status).toBe(422);
  });

  it('keeps every step in the history, with who took it', async () => {
    const steps = stepsOf(db, candidateId).map((entry) => entry.step);
    expect(steps).toEqual(['nominated', 'call', 'phoned', 'enrolled', 'completed', 'instructor']);
    const page = load(await (await getPage(app, `/candidates/${candidateId}`, cookie)).text());
    expect(page('#candidate-history tbody tr')).toHaveLength(6);
    expect(page('#candidate-history').text()).toContain('Kerroin ajankäytöstä');
  });

  it('refuses a drop-out without a reason, and gives a freed seat to the waitlist', async () => {
    await postForm(
      app,
      '/candidates/new',
      { ...nomination, name: 'Kalle Keskeyttäjä', phone: '040 765 1111' },
      { cookie },
    );
    const third = candidateNamed(db, 'Kalle Keskeyttäjä')!;
    const noReason = await postForm(
      app,
      `/candidates/${third.id}/drop`,
      { reason: '' },
      { cookie },
    );
    expect(noReason.status).toBe(422);
    expect(load(await noReason.text())('#reason-error').text()).not.toBe('');
    expect(candidateNamed(db, 'Kalle Keskeyttäjä')!.state).toBe('nominated');

    // A second training with one seat: the first enrolled drops, the waitlisted one moves up.
    const small = aTraining(db, { capacity: 1, days: ['2027-03-01'] });
    const fourthResponse = await postForm(
      app,
      '/candidates/new',
      { ...nomination, name: 'Eino Eka', phone: '040 765 2222' },
      { cookie },
    );
    expect(fourthResponse.status).toBe(303);
    const first = candidateNamed(db, 'Eino Eka')!;
    for (const person of [first, third]) {
      await postForm(app, `/candidates/${person.id}/calls`, { outcome: 'reached' }, { cookie });
      await postForm(
        app,
        `/candidates/${person.id}/enrolment`,
        { trainingId: String(small) },
        { cookie },
      );
    }
    expect(candidateNamed(db, 'Kalle Keskeyttäjä')!.state).toBe('waitlisted');
    const dropped = await postForm(
      app,
      `/candidates/${first.id}/drop`,
      { reason: 'Työtilanne muuttui' },
      { cookie },
    );
    expect(dropped.status).toBe(303);
    expect(candidateNamed(db, 'Eino Eka')).toMatchObject({
      state: 'dropped',
      note: 'Työtilanne muuttui',
    });
    expect(candidateNamed(db, 'Kalle Keskeyttäjä')!.state).toBe('enrolled');
    const cancel = db
      .select()
      .from(outbox)
      .where(and(eq(outbox.candidateId, first.id), eq(outbox.calendarMethod, 'CANCEL')))
      .all();
    expect(cancel).toHaveLength(1);
  });
});

describe("a candidate's and a trainer's own language", () => {
  const { app, db } = buildTestApp();

  it('takes the language of contact on the public form, the page language by default', async () => {
    const { supervisorName: _a, supervisorUnit: _b, supervisorContact: _c, ...own } = nomination;
    const chosen = await postForm(
      app,
      '/instructor-applications',
      { ...own, name: 'Stina Svensk', language: 'sv' },
      { address: '10.0.1.1' },
    );
    expect(chosen.status).toBe(303);
    expect(candidateNamed(db, 'Stina Svensk')!.language).toBe('sv');
    const byPage = await postForm(
      app,
      '/instructor-applications',
      { ...own, name: 'Eddie English' },
      { address: '10.0.1.2', headers: { 'Accept-Language': 'en-GB' } },
    );
    expect(byPage.status).toBe(303);
    expect(candidateNamed(db, 'Eddie English')!.language).toBe('en');
    const unknown = await postForm(
      app,
      '/instructor-applications',
      { ...own, name: 'Outi Outo', language: 'xx' },
      { address: '10.0.1.3' },
    );
    expect(unknown.status).toBe(303);
    expect(candidateNamed(db, 'Outi Outo')!.language).toBe('fi');
  });

  it('invites a Swedish-speaking candidate in Swedish and a trainer with an account in theirs', async () => {
    const cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const trainerAccount = await aStaffUser(db, 'instructor');
    db.update(users).set({ language: 'en' }).where(eq(users.id, trainerAccount.id)).run();
    const trainingId = aTraining(db, {
      capacity: 5,
      days: ['2026-11-10', '2026-11-17'],
      name: 'ArVo 11/2026',
    });
    db.insert(trainingTrainers)
      .values({ trainingId, name: 'Tina Trainer', email: trainerAccount.email })
      .run();
    const stina = candidateNamed(db, 'Stina Svensk')!;
    const called = await postForm(
      app,
      `/candidates/${stina.id}/calls`,
      { outcome: 'reached' },
      { cookie },
    );
    expect(called.status).toBe(303);
    const enrolled = await postForm(
      app,
      `/candidates/${stina.id}/enrolment`,
      { trainingId: String(trainingId) },
      { cookie },
    );
    expect(enrolled.status).toBe(303);
    const [toStina] = db.select().from(outbox).where(eq(outbox.candidateId, stina.id)).all();
    expectWrittenIn([toStina!.subject, toStina!.textBody].join('\n'), 'sv');
    expect(readCalendar(toStina!.calendar).events).toHaveLength(1);
    const toTrainer = db
      .select()
      .from(outbox)
      .where(eq(outbox.recipientEmail, trainerAccount.email))
      .all();
    expect(toTrainer.length).toBeGreaterThan(0);
    for (const message of toTrainer) {
      expectWrittenIn([message.subject, message.textBody].join('\n'), 'en');
    }
  });
});
