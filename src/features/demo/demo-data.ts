import { count, eq } from 'drizzle-orm';
import {
  localities,
  organisationSettings,
  programs,
  users,
  type CourseStatus,
  type StaffRole,
} from '../../../db/schema';
import { immediateTransaction, type AppDatabase, type Transaction } from '../../db';
import { hashPassword } from '../../lib/password';
import { createCourseWithSessions } from '../courses/queries';
import { notifyCourseInvitees, type MailSettings } from '../invites/invitations';
import { defaultGoNoGoDate } from '../courses/course-rules';
import { generateSessions } from '../courses/schedule';
import { saveInstructorIn } from '../instructors/queries';
import { addDemoApplicants } from './demo-applicants';
import { markDemoSessions, runDemoCourseToItsEnd } from './demo-attendance';
import { addDemoParticipants } from './demo-participants';
import { addDemoMeetings } from './demo-meetings';
import { addDemoTrainings } from './demo-trainings';
import { replaceNeighboursIn } from '../places/neighbours';
import { createVenue } from '../places/queries';
import { programDefaults, type ProgramInput } from '../programs/program-input';
import { createProgram, findProgram } from '../programs/queries';
import { addBlockedPeriod, createTerm } from '../terms/queries';
import { insertUser } from '../users/queries';
import { demoLocalities, demoSignIns } from './demo-sign-ins';

export { demoSignIns };

/** Nothing a person or the demo would have made: no staff, no localities, no programs. */
export function isDatabaseEmpty(db: AppDatabase): boolean {
  const countOf = (table: typeof users | typeof localities | typeof programs) =>
    db.select({ rows: count() }).from(table).get()?.rows ?? 0;
  return countOf(users) + countOf(localities) + countOf(programs) === 0;
}

function idOf<T extends { ok: boolean }>(
  result: T,
): T extends { ok: true; id: infer Id } ? Id : never {
  if (!result.ok || !('id' in result)) throw new Error('Demo data could not be saved');
  return result.id as never;
}

/**
 * Fills a new database with an invented Etelä-Pohjanmaa region: staff, localities and venues,
 * three programs, five instructors and an autumn 2026 term with four courses, one cancelled; the
 * instructors' invitations wait in the outbox (or as letters for the one without e-mail). The
 * September course has ended and is closed, with its attendance and one drop-out; the running
 * courses are marked up to the demo's time. The instructor training: one held in May 2026 (with
 * a new instructor still without a course) and one open for spring 2027, with candidates on the way.
 * The steering group met three weeks ago (minutes, one action item open) and meets next week.
 */
export async function loadDemoData(db: AppDatabase, now: Date, mail: MailSettings): Promise<void> {
  // Hashing is slow and asynchronous, so it happens before the one synchronous transaction.
  const staff = await Promise.all(
    demoSignIns.map(async (person) => ({
      ...person,
      passwordHash: await hashPassword(person.password),
    })),
  );
  immediateTransaction(db, (tx) => fillDemoRegion(tx, staff, now, mail));
}

function fillDemoRegion(
  db: Transaction,
  staff: (Omit<(typeof demoSignIns)[number], 'password'> & { passwordHash: string })[],
  now: Date,
  mail: MailSettings,
): void {
  const userIds = new Map<string, number>();
  for (const person of staff) userIds.set(person.email, idOf(insertUser(db, person, now)));

  db.insert(organisationSettings)
    .values({
      id: 1,
      name: 'Etelä-Pohjanmaan hyvinvointialue (esimerkki)',
      coordinatorName: 'Kaisa Koordinaattori',
      phone: '+358401234500',
      email: 'arkeenvoimaa@kurssipolku.example',
      streetAddress: 'Esimerkkikatu 1',
      postcode: '60100',
      postOffice: 'Seinäjoki',
      privacyContact: 'Tietosuojavastaava, tietosuoja@kurssipolku.example, puh. 06 123 4567',
      updatedAt: now,
    })
    .run();

  db.insert(localities)
    .values(demoLocalities.map((name) => ({ name, region: 'Etelä-Pohjanmaa', createdAt: now })))
    .onConflictDoNothing()
    .run();
  const localityId = (name: string) =>
    db.select({ id: localities.id }).from(localities).where(eq(localities.name, name)).get()!.id;
  // Neighbours: people waiting in one could join a course in the other (saved both ways round).
  replaceNeighboursIn(
    db,
    localityId('Seinäjoki'),
    ['Lapua', 'Kauhajoki', 'Ilmajoki'].map(localityId),
  );
  replaceNeighboursIn(db, localityId('Kurikka'), ['Kauhajoki', 'Ilmajoki'].map(localityId));

  const program = (input: Partial<ProgramInput> & Pick<ProgramInput, 'nameFi' | 'nameEn'>) =>
    createProgram(db, { ...programDefaults, ...input }, now);
  const general = program({
    nameFi: 'Arkeen Voimaa',
    nameSv: 'Kraft i vardagen',
    nameEn: 'Arkeen Voimaa (Better Choices, Better Health)',
  });
  const pain = program({
    nameFi: 'Arkeen Voimaa – kivun kanssa',
    nameSv: 'Kraft i vardagen – att leva med smärta',
    nameEn: 'Arkeen Voimaa – living with pain',
    hasInfoSession: true,
    maxParticipants: 10,
  });
  const adapted = program({
    nameFi: 'Arkeen Voimaa – mielen hyvinvointi (sovellettu)',
    nameSv: 'Kraft i vardagen – psykiskt välbefinnande (anpassad)',
    nameEn: 'Arkeen Voimaa – mental wellbeing (adapted)',
    intervalWeeks: 2,
    sessionMinutes: 120,
    minParticipants: 6,
    maxParticipants: 12,
  });

  const venue = (
    locality: string,
    input: Partial<Parameters<typeof createVenue>[2]> & { name: string },
  ) =>
    createVenue(
      db,
      localityId(locality),
      {
        kind: 'in-person',
        streetAddress: '',
        capacity: null,
        stepFreeAccess: true,
        hearingLoop: false,
        accessibilityNotes: '',
        ...input,
      },
      now,
    );
  const seinajokiHall = venue('Seinäjoki', {
    name: 'Järjestötalo, Kaisla-sali',
    streetAddress: 'Esimerkkikatu 12, 60100 Seinäjoki',
    capacity: 20,
    hearingLoop: true,
  });
  venue('Seinäjoki', {
    name: 'Teams-ryhmä',
    kind: 'online',
    stepFreeAccess: false,
    accessibilityNotes: 'Linkki lähetetään kutsussa.',
  });
  const lapuaRoom = venue('Lapua', {
    name: 'Kulttuurikeskus, kokoushuone 2',
    streetAddress: 'Kulttuurikuja 3, 62100 Lapua',
    capacity: 16,
  });
  const kauhajokiRoom = venue('Kauhajoki', {
    name: 'Perhekeskus, ryhmätila',
    streetAddress: 'Hyvinvointitie 5, 61800 Kauhajoki',
    capacity: 14,
    accessibilityNotes: 'Sisäänkäynti pihan puolelta, hissi.',
  });
  const ilmajokiRoom = venue('Ilmajoki', {
    name: 'Nuorisotila Pajupilli',
    streetAddress: 'Nuorisotie 4, 60800 Ilmajoki',
    capacity: 12,
    stepFreeAccess: false,
    accessibilityNotes: 'Portaat sisäänkäynnillä.',
  });
  venue('Alajärvi', {
    name: 'Kirjaston monitoimitila',
    streetAddress: 'Kirjastokatu 1, 62900 Alajärvi',
    capacity: 18,
  });

  const instructor = (input: {
    name: string;
    kind: 'professional' | 'peer';
    employerUnit: string;
    phone: string;
    email: string;
    localities: string[];
    userEmail?: string;
  }) =>
    idOf(
      saveInstructorIn(
        db,
        null,
        {
          name: input.name,
          kind: input.kind,
          employerUnit: input.employerUnit,
          phone: input.phone,
          email: input.email,
          userId: input.userEmail ? userIds.get(input.userEmail)! : null,
          localityIds: input.localities.map(localityId),
        },
        now,
      ),
    );
  const olli = instructor({
    name: 'Olli Ohjaaja',
    kind: 'professional',
    employerUnit: 'Aikuisten sosiaalipalvelut',
    phone: '+358401230001',
    email: 'olli.ohjaaja@kurssipolku.example',
    localities: ['Seinäjoki', 'Kauhajoki'],
    userEmail: 'olli.ohjaaja@kurssipolku.example',
  });
  const pirjo = instructor({
    name: 'Pirjo Vertainen',
    kind: 'peer',
    employerUnit: 'Kokemusasiantuntijat',
    phone: '+358401230002',
    email: 'pirjo.vertainen@kurssipolku.example',
    localities: ['Seinäjoki', 'Ilmajoki'],
    userEmail: 'pirjo.vertainen@kurssipolku.example',
  });
  const matti = instructor({
    name: 'Matti Mäkelä',
    kind: 'professional',
    employerUnit: 'Mielenterveys- ja päihdepalvelut',
    phone: '+358401230003',
    email: 'matti.makela@kurssipolku.example',
    localities: ['Lapua', 'Alajärvi'],
    userEmail: 'matti.makela@kurssipolku.example',
  });
  const sanna = instructor({
    name: 'Sanna Saarinen',
    kind: 'peer',
    employerUnit: 'Kokemusasiantuntijat',
    phone: '+358401230004',
    email: '',
    localities: ['Lapua', 'Kurikka'],
  });
  const jussi = instructor({
    name: 'Jussi Koskela',
    kind: 'professional',
    employerUnit: 'Terveyssosiaalityö',
    phone: '+358401230005',
    email: 'jussi.koskela@kurssipolku.example',
    localities: ['Kauhajoki', 'Kurikka'],
  });

  const autumn = createTerm(
    db,
    {
      name: 'Syksy 2026',
      startsOn: '2026-08-01',
      endsOn: '2026-12-31',
      targetCoursesMin: 2,
      targetCoursesMax: 4,
      targetInstructorsMin: 4,
      targetInstructorsMax: 6,
    },
    now,
  )!;
  const spring = createTerm(
    db,
    {
      name: 'Kevät 2027',
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      targetCoursesMin: 2,
      targetCoursesMax: 4,
      targetInstructorsMin: 4,
      targetInstructorsMax: 6,
    },
    now,
  );
  const autumnBreak = {
    name: 'Syysloma (Etelä-Pohjanmaa)',
    startsOn: '2026-10-12',
    endsOn: '2026-10-18',
  };
  addBlockedPeriod(db, autumnBreak, now);

  const course = (input: {
    programId: number;
    locality: string;
    venueId: number | null;
    firstDate: string;
    startTime: string;
    instructorIds: number[];
    status: CourseStatus;
    /** A course that ended before the demo's time: its history is written at its own dates. */
    ended?: boolean;
    audience?: 'open' | 'targeted';
    targetService?: string;
    cancellationReason?: string;
    termId?: number;
  }) => {
    const { sessions } = generateSessions({
      firstDate: input.firstDate,
      startTime: input.startTime,
      plan: findProgram(db, input.programId)!,
      blockedPeriods: [autumnBreak],
    });
    const courseId = createCourseWithSessions(
      db,
      {
        termId: input.termId ?? autumn,
        programId: input.programId,
        localityId: localityId(input.locality),
        venueId: input.venueId,
        audience: input.audience ?? 'open',
        targetService: input.targetService ?? '',
        goNoGoDate: defaultGoNoGoDate(input.firstDate),
        weeklyStartTime: input.startTime,
        instructorIds: input.instructorIds,
        status: input.status,
        cancellationReason: input.cancellationReason,
      },
      sessions,
      { now, calendarHost: mail.publicUrl.hostname },
    );
    // A course that already ended invited its people as they were placed, long ago.
    if (!input.ended) {
      notifyCourseInvitees(db, courseId, { kind: 'planned' }, { ...mail, now });
    }
    return courseId;
  };
  // Running until it is closed below, once its sessions are marked.
  const seinajokiAutumn = course({
    programId: general,
    locality: 'Seinäjoki',
    venueId: seinajokiHall,
    firstDate: '2026-09-08',
    startTime: '17:00',
    instructorIds: [olli, pirjo],
    status: 'running',
    ended: true,
  });
  const lapuaAutumn = course({
    programId: general,
    locality: 'Lapua',
    venueId: lapuaRoom,
    firstDate: '2026-10-20',
    startTime: '17:00',
    instructorIds: [matti, sanna],
    status: 'running',
  });
  const kauhajokiAutumn = course({
    programId: pain,
    locality: 'Kauhajoki',
    venueId: kauhajokiRoom,
    firstDate: '2026-11-05',
    startTime: '13:00',
    instructorIds: [olli, jussi],
    status: 'running',
    audience: 'targeted',
    targetService: 'Mielenterveys- ja päihdepalvelut',
  });
  course({
    programId: adapted,
    locality: 'Ilmajoki',
    venueId: ilmajokiRoom,
    firstDate: '2026-11-11',
    startTime: '16:00',
    instructorIds: [pirjo],
    status: 'cancelled',
    audience: 'targeted',
    targetService: 'Nuoret',
    cancellationReason: 'Liian vähän hakijoita (2 ilmoittautunutta).',
  });

  const kurikkaSpring = course({
    programId: general,
    locality: 'Kurikka',
    venueId: null,
    firstDate: '2027-01-19',
    startTime: '17:00',
    instructorIds: [jussi, sanna],
    status: 'open',
    termId: spring!,
  });
  addDemoApplicants(db, { localityId, kurikkaSpring }, now);
  const demoCourse = (id: number, locality: string, firstDate: string) => ({
    id,
    locality,
    localityId: localityId(locality),
    firstDate,
  });
  addDemoParticipants(
    db,
    [
      { ...demoCourse(lapuaAutumn, 'Lapua', '2026-10-20'), placed: 11 },
      { ...demoCourse(kauhajokiAutumn, 'Kauhajoki', '2026-11-05'), placed: 10, waitlisted: 3 },
      { ...demoCourse(kurikkaSpring, 'Kurikka', '2027-01-19'), placed: 8 },
      { ...demoCourse(seinajokiAutumn, 'Seinäjoki', '2026-09-08'), placed: 10 },
    ],
    mail,
  );

  const staffMember = (email: string, role: StaffRole = 'instructor') => ({
    id: userIds.get(email)!,
    name: staff.find((person) => person.email === email)!.name,
    role,
  });
  runDemoCourseToItsEnd(
    db,
    {
      courseId: seinajokiAutumn,
      marker: staffMember('pirjo.vertainen@kurssipolku.example'),
      closer: staffMember('koordinaattori@kurssipolku.example', 'coordinator'),
      dropOut: {
        afterSession: 3,
        reason: 'health',
        note: 'Selkä kipeytyi, ei pysty istumaan pitkiä aikoja.',
      },
    },
    mail,
  );
  addDemoTrainings(
    db,
    {
      coordinator: staffMember('koordinaattori@kurssipolku.example', 'coordinator'),
      heldVenueId: seinajokiHall,
      springVenueId: lapuaRoom,
      trainedInstructors: { jussi, sanna },
      localityId,
    },
    now,
    mail,
  );
  const attendee = (email: string) => ({
    userId: userIds.get(email)!,
    name: staff.find((person) => person.email === email)!.name,
    email,
  });
  addDemoMeetings(
    db,
    {
      coordinator: staffMember('koordinaattori@kurssipolku.example', 'coordinator'),
      attendees: [
        attendee('koordinaattori@kurssipolku.example'),
        attendee('admin@kurssipolku.example'),
        attendee('olli.ohjaaja@kurssipolku.example'),
        { userId: null, name: 'Hanna Hankevastaava', email: 'hanna.hankevastaava@hyvaep.example' },
      ],
    },
    now,
    mail,
  );
  for (const [courseId, marker] of [
    [lapuaAutumn, 'matti.makela@kurssipolku.example'],
    [kauhajokiAutumn, 'olli.ohjaaja@kurssipolku.example'],
  ] as const) {
    markDemoSessions(db, { courseId, marker: staffMember(marker), until: now }, mail);
  }
}
