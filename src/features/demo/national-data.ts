import { count, eq, getTableColumns, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  applications,
  attendance,
  auditLog,
  blockedPeriods,
  callAttempts,
  courseInstructors,
  courseSessions,
  courses,
  dropOutReasons,
  enrollments,
  instructorLocalities,
  instructors,
  interviews,
  localities,
  outbox,
  programs,
  sessionLeaders,
  terms,
  users,
  venues,
  type AttendanceMark,
  type CourseStatus,
  type EnrollmentState,
} from '../../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../db';
import { courseTitle, venueText } from '../../i18n/format';
import { addDays, wallClockToInstant, weekdayOf, type LocalDate } from '../../lib/helsinki-time';
import { formatPhoneForDisplay } from '../../lib/phone';
import { completionOf, isDueAt } from '../attendance/attendance-rules';
import { defaultGoNoGoDate } from '../courses/course-rules';
import { generateSessions, type GeneratedSession } from '../courses/schedule';
import {
  invitationSections,
  sessionLines,
  type InvitationContent,
} from '../invites/invitation-mail';
import { composedMailBodies, type MailSettings } from '../invites/invitations';
import { organisationContact } from '../organisation/queries';
import { participantLinkUrl, personalLinkPlaceholder } from '../outbox/personal-links';
import { calendarCopier } from './national-calendar';
import { wellbeingCounties } from './national-counties';
import { demoSignIns, isDatabaseEmpty, loadDemoData } from './demo-data';
import { asEmailPart, demoFirstNames, demoLastNames } from './demo-participants';

/** Figures at scale 1, as issue 15 asks for them: ten years of a whole country's ArVo work. */
export const nationalFigures = {
  years: 10,
  coursesPerTerm: 1000,
  /** Applications per course: about half of them get a seat or a place in the queue. */
  applicationsPerCourse: 15,
  /**
   * At most this many messages per course (the pair's invitations, then the placed participants'
   * with e-mail; fewer when few have e-mail): about 5.3 on average, so some 100,000 in all.
   */
  outboxPerCourse: 6,
};

export type NationalOptions = {
  /** 1 is the full national set; 0.01 a hundredth of its courses, with all that hangs on them. */
  scale: number;
  /** The last this many years up to now (10 by default); a benchmark may want fewer. */
  years?: number;
  now: Date;
  mail: MailSettings;
  seed?: number;
  progress?: (line: string) => void;
};

/** A small, fast seeded generator (mulberry32): the same seed gives the same data set. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (probability: number) => next() < probability,
    hex: (length: number) => {
      let text = '';
      while (text.length < length)
        text += Math.floor(next() * 0x100000000)
          .toString(16)
          .padStart(8, '0');
      return text.slice(0, length);
    },
  };
}

/**
 * One prepared INSERT built by drizzle from the table's own columns; each value goes through its
 * column's own mapping (dates to milliseconds, booleans to 0/1), null as NULL. Returns the new id.
 */
function preparedInsert<
  Table extends SQLiteTable,
  Column extends keyof Table['$inferInsert'] & string,
>(db: AppDatabase, table: Table, columnNames: readonly Column[]) {
  const columns = getTableColumns(table);
  const values = Object.fromEntries(
    columnNames.map((name) => [name, sql`${sql.placeholder(name)}`]),
  );
  const statement = db
    .insert(table)
    .values(values as never)
    .prepare();
  return (row: Pick<Table['$inferInsert'], Column>): number => {
    const params: Record<string, unknown> = {};
    for (const name of columnNames) {
      const value = (row as Record<string, unknown>)[name];
      params[name] =
        value === null || value === undefined ? null : columns[name]!.mapToDriverValue(value);
    }
    return Number(statement.run(params).lastInsertRowid);
  };
}

/** Nothing invented is ever mixed into data someone made: the national set needs an empty file. */
export function hasAnyData(db: AppDatabase): boolean {
  const rows = (table: typeof courses | typeof applications) =>
    db.select({ rows: count() }).from(table).get()?.rows ?? 0;
  return !isDatabaseEmpty(db) || rows(courses) + rows(applications) > 0;
}

/** The demo's invented names and a few more, so ten years of people are not all namesakes. */
const firstNames = [
  ...demoFirstNames,
  'Tuula',
  'Kalevi',
  'Pirkko',
  'Jorma',
  'Anja',
  'Matti',
  'Liisa',
];
const lastNames = [
  ...demoLastNames,
  'Korhonen',
  'Virtanen',
  'Nieminen',
  'Mäkinen',
  'Heikkinen',
  'Koskinen',
  'Järvinen',
  'Lehtonen',
  'Saarinen',
];
const startTimes = ['17:00', '17:00', '17:00', '13:00', '13:00', '10:00'] as const;
const venueNames = [
  'Järjestötalo, kokoushuone',
  'Kirjaston monitoimitila',
  'Perhekeskus, ryhmätila',
  'Kansalaisopisto, luokka 2',
];
const someNeeds = ['', '', '', 'step-free', 'hearing', 'transport', 'step-free,transport'];

type Program = typeof programs.$inferSelect;
type Venue = { id: number; name: string; streetAddress: string; accessibilityNotes: string };
type Locality = { id: number; name: string; region: string; weight: number; venue: Venue };
type Leader = { id: number; name: string; email: string; phone: string };

/**
 * `npm run demo:national`: the demo (its staff sign-ins, programs and organisation) and, around it,
 * invented but consistent work of all 21 wellbeing services counties over ten years of spring and
 * autumn terms. Every row goes through the schema's tables (drizzle prepared inserts); sessions
 * come from `generateSessions` (Helsinki wall clock), completion from `completionOf`, who is due
 * at a session from `isDueAt`, and each message's text and HTML from the invitation composer.
 */
export async function loadNationalData(db: AppDatabase, options: NationalOptions) {
  if (hasAnyData(db)) throw new Error('The database already has data');
  const { now, mail } = options;
  const say = options.progress ?? (() => {});
  const random = seededRandom(options.seed ?? 15);
  await loadDemoData(db, now, mail);
  say('demo staff, programs and organisation loaded');

  const coordinator = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, demoSignIns.find((person) => person.role === 'coordinator')!.email))
    .get()!;
  const programRows = db.select().from(programs).orderBy(programs.id).all();
  const blocked = db.select().from(blockedPeriods).all();
  const organisation = organisationContact(db);
  const host = mail.publicUrl.hostname;
  const coursesPerTerm = Math.max(1, Math.round(nationalFigures.coursesPerTerm * options.scale));

  const insert = {
    locality: preparedInsert(db, localities, ['name', 'region', 'createdAt']),
    venue: preparedInsert(db, venues, [
      'localityId',
      'name',
      'streetAddress',
      'capacity',
      'stepFreeAccess',
      'createdAt',
    ]),
    instructor: preparedInsert(db, instructors, [
      'name',
      'email',
      'phone',
      'kind',
      'employerUnit',
      'trainedOn',
      'createdAt',
    ]),
    instructorLocality: preparedInsert(db, instructorLocalities, ['instructorId', 'localityId']),
    course: preparedInsert(db, courses, [
      'programId',
      'termId',
      'localityId',
      'venueId',
      'audience',
      'targetService',
      'status',
      'cancellationReason',
      'goNoGoDate',
      'weeklyStartTime',
      'calendarUid',
      'createdAt',
      'updatedAt',
    ]),
    courseInstructor: preparedInsert(db, courseInstructors, ['courseId', 'instructorId']),
    session: preparedInsert(db, courseSessions, [
      'courseId',
      'ordinal',
      'localDate',
      'startTime',
      'endTime',
      'startsAt',
      'endsAt',
      'seriesDate',
    ]),
    application: preparedInsert(db, applications, [
      'source',
      'name',
      'phone',
      'email',
      'municipality',
      'preferredCourseId',
      'localityId',
      'consentAt',
      'consentRecordedBy',
      'referrerName',
      'referrerUnit',
      'referrerContact',
      'postalStreet',
      'postalCode',
      'postOffice',
      'state',
      'closeReason',
      'callDueAt',
      'createdAt',
      'updatedAt',
    ]),
    call: preparedInsert(db, callAttempts, ['applicationId', 'at', 'outcome', 'byUserId']),
    interview: preparedInsert(db, interviews, [
      'applicationId',
      'at',
      'byUserId',
      'canAttendAll',
      'needs',
      'outcome',
    ]),
    enrollment: preparedInsert(db, enrollments, [
      'courseId',
      'applicationId',
      'state',
      'queuedAt',
      'placedAt',
      'withdrawnAt',
      'withdrawnBy',
      'dropOutReason',
      'attendedSessions',
      'createdAt',
      'updatedAt',
    ]),
    attendance: preparedInsert(db, attendance, [
      'sessionId',
      'enrollmentId',
      'mark',
      'markedByName',
      'markedAt',
    ]),
    leader: preparedInsert(db, sessionLeaders, ['sessionId', 'instructorId']),
    outbox: preparedInsert(db, outbox, [
      'messageId',
      'recipientEmail',
      'recipientName',
      'subject',
      'textBody',
      'htmlBody',
      'calendarMethod',
      'calendar',
      'courseId',
      'applicationId',
      'state',
      'attempts',
      'nextAttemptAt',
      'sentAt',
      'createdAt',
    ]),
    audit: preparedInsert(db, auditLog, [
      'at',
      'actorUserId',
      'actorName',
      'action',
      'subjectType',
      'subjectId',
      'detail',
    ]),
  };
  const audit = (
    at: Date,
    actor: { id: number | null; name: string },
    action: 'read' | 'create' | 'update',
    subjectType: string,
    subjectId: number,
    detail: string,
  ) =>
    insert.audit({
      at,
      actorUserId: actor.id,
      actorName: actor.name,
      action,
      subjectType,
      subjectId,
      detail,
    });
  const systemActor = { id: null, name: 'Kurssipolku' };
  const coordinatorActor = { id: coordinator.id, name: coordinator.name };

  db.$client.pragma('synchronous = OFF');
  try {
    // Places and instructors: every county's municipalities, a venue each, instructors by county.
    const byRegion = new Map<
      string,
      { localities: Locality[]; professionals: Leader[]; peers: Leader[] }
    >();
    immediateTransaction(db, () => {
      const existing = new Map(
        db
          .select()
          .from(localities)
          .all()
          .map((row) => [row.name, row.id]),
      );
      const totalWeight = wellbeingCounties.reduce(
        (sum, county) => sum + county.municipalities.length + 7,
        0,
      );
      let person = 0;
      for (const county of wellbeingCounties) {
        const region = {
          localities: [] as Locality[],
          professionals: [] as Leader[],
          peers: [] as Leader[],
        };
        byRegion.set(county.region, region);
        county.municipalities.forEach((name, index) => {
          const id =
            existing.get(name) ?? insert.locality({ name, region: county.region, createdAt: now });
          const venue = {
            name: venueNames[index % venueNames.length]!,
            streetAddress: `Esimerkkikatu ${index + 1}, ${name}`,
            accessibilityNotes: '',
          };
          const venueId = insert.venue({
            localityId: id,
            name: venue.name,
            streetAddress: venue.streetAddress,
            capacity: 14 + (index % 3) * 4,
            stepFreeAccess: index % 5 !== 4,
            createdAt: now,
          });
          region.localities.push({
            id,
            name,
            region: county.region,
            weight: index === 0 ? 8 : index < 3 ? 2 : 1,
            venue: { id: venueId, ...venue },
          });
        });
        const countyCourses = (coursesPerTerm * (county.municipalities.length + 7)) / totalWeight;
        const pairs = Math.max(2, Math.ceil(countyCourses * 0.6));
        for (let pair = 0; pair < pairs; pair += 1) {
          for (const kind of ['professional', 'peer'] as const) {
            person += 1;
            const first = random.pick(firstNames);
            const last = random.pick(lastNames);
            const leader = {
              name: `${first} ${last}`,
              email: `${asEmailPart(first)}.${asEmailPart(last)}.${person}@ohjaajat.example`,
              phone: `+35850${String(1000000 + person).slice(-7)}`,
            };
            const id = insert.instructor({
              ...leader,
              kind,
              employerUnit: kind === 'peer' ? 'Kokemusasiantuntijat' : 'Aikuisten sosiaalipalvelut',
              trainedOn: `${2015 + (person % 10)}-05-20`,
              createdAt: now,
            });
            const home = region.localities[pair % region.localities.length]!;
            insert.instructorLocality({ instructorId: id, localityId: home.id });
            (kind === 'peer' ? region.peers : region.professionals).push({ id, ...leader });
          }
        }
      }
    });
    const allLocalities = [...byRegion.values()].flatMap((region) => region.localities);
    const weighted = allLocalities.flatMap((locality) =>
      Array<Locality>(locality.weight).fill(locality),
    );
    say(`${allLocalities.length} localities in ${byRegion.size} counties`);

    const sessionsOf = new Map<string, GeneratedSession[]>();
    const scheduleOf = (key: string, firstDate: LocalDate, startTime: string, program: Program) => {
      let sessions = sessionsOf.get(key);
      if (!sessions) {
        sessions = generateSessions({
          firstDate,
          startTime,
          plan: program,
          blockedPeriods: blocked,
        }).sessions;
        sessionsOf.set(key, sessions);
      }
      return sessions;
    };
    const calendarCopy = calendarCopier(mail.organizer);
    const years = options.years ?? nationalFigures.years;
    const firstYear = now.getUTCFullYear() - years + 1;
    let person = 0;
    const today = now.getTime();
    const day = 24 * 60 * 60 * 1000;

    for (let year = firstYear; year < firstYear + years; year += 1) {
      for (const season of ['spring', 'autumn'] as const) {
        const name = `${season === 'spring' ? 'Kevät' : 'Syksy'} ${year}`;
        const startsOn = season === 'spring' ? `${year}-01-01` : `${year}-08-01`;
        const endsOn = season === 'spring' ? `${year}-06-30` : `${year}-12-31`;
        immediateTransaction(db, (tx) => {
          const targets = {
            targetCoursesMin: Math.round(coursesPerTerm * 0.9),
            targetCoursesMax: Math.round(coursesPerTerm * 1.1),
            targetInstructorsMin: Math.round(coursesPerTerm * 1.2),
            targetInstructorsMax: Math.round(coursesPerTerm * 1.5),
          };
          const existing = tx
            .select({ id: terms.id })
            .from(terms)
            .where(eq(terms.name, name))
            .get();
          let termId: number;
          if (existing) {
            termId = existing.id;
            tx.update(terms).set(targets).where(eq(terms.id, termId)).run();
          } else {
            termId = tx
              .insert(terms)
              .values({ name, startsOn, endsOn, ...targets, createdAt: now })
              .returning({ id: terms.id })
              .get().id;
          }
          for (let index = 0; index < coursesPerTerm; index += 1) {
            person = fillCourse(termId, season, year, person);
          }
        });
        say(`${name}: ${coursesPerTerm} courses`);
      }
    }

    function fillCourse(
      termId: number,
      season: 'spring' | 'autumn',
      year: number,
      personSoFar: number,
    ): number {
      let person = personSoFar;
      const locality = random.pick(weighted);
      const region = byRegion.get(locality.region)!;
      const roll = random.next();
      const program = programRows[roll < 0.7 ? 0 : roll < 0.9 ? 1 : 2] ?? programRows[0]!;
      // Courses start in the usual weeks, Monday to Thursday; adapted, fortnightly ones earlier so
      // they end within the term. Courses on the same plan and first date share their schedule.
      const weeks = program.intervalWeeks > 1 ? 6 : 9;
      const firstMonday = mondayOnOrAfter(season === 'spring' ? `${year}-01-12` : `${year}-08-24`);
      const firstDate = addDays(firstMonday, random.int(0, weeks) * 7 + random.int(0, 3));
      const startTime = random.pick(startTimes);
      const key = `${firstDate}|${startTime}|${program.sessionCount}|${program.sessionMinutes}|${program.intervalWeeks}`;
      const sessions = scheduleOf(key, firstDate, startTime, program);
      const firstStart = sessions[0]!.startsAt.getTime();
      const lastEnd = sessions.at(-1)!.endsAt.getTime();
      const goNoGoDate = defaultGoNoGoDate(firstDate);
      const cancelled = random.chance(0.05);
      const status: CourseStatus = cancelled
        ? 'cancelled'
        : lastEnd + 7 * day <= today
          ? 'completed'
          : firstStart <= today
            ? 'running'
            : wallClockToInstant(goNoGoDate, '00:00').getTime() <= today
              ? 'confirmed'
              : 'open';
      const createdAt = new Date(Math.min(firstStart - random.int(60, 120) * day, today - day));
      const targeted = random.chance(0.15);
      const calendarUid = `${random.hex(32)}@${host}`;
      const courseId = insert.course({
        programId: program.id,
        termId,
        localityId: locality.id,
        venueId: locality.venue.id,
        audience: targeted ? 'targeted' : 'open',
        targetService: targeted ? 'Mielenterveys- ja päihdepalvelut' : '',
        status,
        cancellationReason: cancelled ? 'Liian vähän hakijoita.' : '',
        goNoGoDate,
        weeklyStartTime: startTime,
        calendarUid,
        createdAt,
        updatedAt: status === 'completed' ? new Date(lastEnd + day) : createdAt,
      });
      const pair = [random.pick(region.professionals), random.pick(region.peers)];
      for (const leader of pair) insert.courseInstructor({ courseId, instructorId: leader.id });
      const sessionRows = sessions.map((session) => ({
        ...session,
        id: insert.session({ courseId, ...session, seriesDate: session.localDate }),
        status: 'scheduled' as const,
      }));
      const held =
        status === 'cancelled'
          ? []
          : sessionRows.filter((session) => session.endsAt.getTime() <= today);
      for (const session of held)
        for (const leader of pair)
          insert.leader({ sessionId: session.id, instructorId: leader.id });

      // Applicants: taken in over the weeks before the course (up to now for one still to start).
      const intakeEnds = Math.min(firstStart - 7 * day, today - day);
      const intakeStarts = Math.min(firstStart - 60 * day, intakeEnds - 30 * day);
      const seats =
        status === 'cancelled'
          ? random.int(1, 4)
          : Math.min(program.maxParticipants, random.int(5, 10));
      const queue =
        status === 'open' || status === 'confirmed'
          ? random.chance(0.25)
            ? random.int(1, 3)
            : 0
          : 0;
      const others = Math.max(
        0,
        nationalFigures.applicationsPerCourse - 7 + random.int(-3, 4) - (seats - 7),
      );
      const current = lastEnd + 60 * day > today;
      const placed: {
        enrollmentId: number;
        applicationId: number;
        name: string;
        email: string;
        placedAt: Date;
        withdrawnAt: Date | null;
        state: EnrollmentState;
      }[] = [];
      const outcomes = [
        ...Array<'seat'>(seats).fill('seat'),
        ...Array<'queue'>(queue).fill('queue'),
        ...Array.from({ length: others }, () => {
          const roll = random.next();
          if (current && roll < 0.15) return 'waiting' as const;
          if (current && roll < 0.22) return 'to-call' as const;
          return roll < 0.5
            ? ('unreachable' as const)
            : roll < 0.7
              ? ('not-suitable' as const)
              : ('declined' as const);
        }),
      ];
      for (const outcome of outcomes) {
        person += 1;
        const first = random.pick(firstNames);
        const last = random.pick(lastNames);
        const withEmail = random.chance(0.55);
        const source = random.pick(['public', 'public', 'referral', 'phone'] as const);
        const applied = new Date(intakeStarts + random.next() * (intakeEnds - intakeStarts));
        const state =
          outcome === 'seat'
            ? 'placed'
            : outcome === 'queue'
              ? 'placed'
              : outcome === 'waiting'
                ? 'waiting'
                : outcome === 'to-call'
                  ? 'to-call'
                  : 'closed';
        const applicant = {
          name: `${first} ${last}`,
          email: withEmail ? `${asEmailPart(first)}.${asEmailPart(last)}.${person}@example.fi` : '',
        };
        const calls =
          outcome === 'to-call'
            ? 0
            : outcome === 'unreachable'
              ? 3
              : 1 + (random.chance(0.4) ? random.int(1, 2) : 0);
        const callTimes = Array.from(
          { length: calls },
          (_, call) => new Date(applied.getTime() + (call + 1) * day),
        );
        const reachedAt = callTimes.at(-1) ?? applied;
        const finalState = status === 'cancelled' ? (current ? 'waiting' : 'closed') : state;
        const applicationId = insert.application({
          source,
          ...applicant,
          phone: `+35840${String(1000000 + (person % 9000000)).slice(-7)}`,
          municipality: locality.name,
          preferredCourseId: random.chance(0.7) ? courseId : null,
          localityId: locality.id,
          consentAt: applied,
          consentRecordedBy: source === 'phone' ? coordinator.id : null,
          referrerName: source === 'referral' ? 'Sosiaaliohjaaja Esimerkki' : '',
          referrerUnit: source === 'referral' ? 'Aikuissosiaalityö' : '',
          referrerContact: source === 'referral' ? '+358401111111' : '',
          postalStreet: withEmail ? '' : `Esimerkkitie ${(person % 90) + 1}`,
          postalCode: withEmail ? '' : '00100',
          postOffice: withEmail ? '' : locality.name,
          state: finalState,
          closeReason:
            finalState !== 'closed'
              ? null
              : outcome === 'unreachable' || outcome === 'not-suitable'
                ? outcome
                : 'declined',
          callDueAt: outcome === 'to-call' ? new Date(today + random.int(-2, 5) * day) : reachedAt,
          createdAt: applied,
          updatedAt: reachedAt,
        });
        audit(
          applied,
          source === 'public' ? systemActor : coordinatorActor,
          'create',
          'application',
          applicationId,
          `${source} application`,
        );
        callTimes.forEach((at, call) => {
          const outcomeOfCall =
            outcome !== 'unreachable' && call === calls - 1 ? 'reached' : 'no-answer';
          insert.call({ applicationId, at, outcome: outcomeOfCall, byUserId: coordinator.id });
          audit(
            at,
            coordinatorActor,
            'update',
            'application',
            applicationId,
            `call-attempt ${outcomeOfCall}`,
          );
        });
        if (outcome === 'to-call' || outcome === 'unreachable') continue;
        insert.interview({
          applicationId,
          at: reachedAt,
          byUserId: coordinator.id,
          canAttendAll:
            outcome === 'seat' || outcome === 'queue'
              ? 'yes'
              : random.pick(['yes', 'no', 'unsure'] as const),
          needs: random.pick(someNeeds),
          outcome:
            outcome === 'seat' || outcome === 'queue'
              ? 'place'
              : outcome === 'waiting'
                ? 'wait'
                : outcome,
        });
        if (outcome !== 'seat' && outcome !== 'queue') continue;

        // A seat (or the queue): drop-outs on held courses, the rest as their attendance says.
        let enrollmentState: EnrollmentState = outcome === 'queue' ? 'waitlisted' : 'placed';
        let withdrawnAt: Date | null = null;
        let dropOutReason: (typeof dropOutReasons)[number] | '' = '';
        let withdrawnBy: '' | 'staff' | 'participant' = '';
        if (status === 'cancelled') enrollmentState = 'cancelled';
        else if (outcome === 'seat' && random.chance(0.04)) {
          enrollmentState = 'withdrawn';
          withdrawnBy = 'participant';
          withdrawnAt = new Date(Math.min(firstStart - 3 * day, today - day));
        } else if (outcome === 'seat' && random.chance(0.08)) {
          const after = sessionRows[random.int(0, 2)]!;
          const leftAt = wallClockToInstant(addDays(after.localDate, 2), '10:00');
          if (leftAt.getTime() <= today) {
            enrollmentState = 'withdrawn';
            withdrawnBy = 'staff';
            withdrawnAt = leftAt;
            dropOutReason = random.pick(dropOutReasons);
          }
        }
        const placedAt = outcome === 'seat' ? reachedAt : null;
        const participation = { state: enrollmentState, placedAt, withdrawnAt };
        const attendanceHabit = random.pick([0.97, 0.97, 0.9, 0.8, 0.55]);
        // The marks first, so a closed course's enrolment is saved with its completion frozen.
        const marks = held
          .filter((session) => isDueAt(participation, session))
          .map((session) => ({
            session,
            mark: (random.chance(attendanceHabit)
              ? 'present'
              : random.chance(0.5)
                ? 'excused'
                : 'absent') as AttendanceMark,
          }));
        let attendedSessions: number | null = null;
        if (
          status === 'completed' &&
          enrollmentState !== 'cancelled' &&
          enrollmentState !== 'waitlisted'
        ) {
          const completion = completionOf(marks, program.completionThreshold);
          attendedSessions = completion.attended;
          if (enrollmentState === 'placed')
            enrollmentState = completion.completed ? 'completed' : 'not-completed';
        }
        const enrollmentId = insert.enrollment({
          courseId,
          applicationId,
          state: enrollmentState,
          queuedAt: reachedAt,
          placedAt,
          withdrawnAt,
          withdrawnBy,
          dropOutReason,
          attendedSessions,
          createdAt: reachedAt,
          updatedAt: status === 'completed' ? new Date(lastEnd + day) : (withdrawnAt ?? reachedAt),
        });
        audit(
          reachedAt,
          coordinatorActor,
          'create',
          'enrollment',
          enrollmentId,
          outcome === 'seat' ? 'placed' : 'waitlisted',
        );
        for (const { session, mark } of marks) {
          insert.attendance({
            sessionId: session.id,
            enrollmentId,
            mark,
            markedByName: pair[1]!.name,
            markedAt: session.endsAt,
          });
        }
        if (outcome === 'seat' && placedAt)
          placed.push({
            enrollmentId,
            applicationId,
            ...applicant,
            placedAt,
            withdrawnAt,
            state: enrollmentState,
          });
      }
      for (const session of held)
        audit(
          session.endsAt,
          { id: null, name: pair[1]!.name },
          'update',
          'attendance',
          session.id,
          `session ${session.id}`,
        );
      if (status === 'completed')
        audit(new Date(lastEnd + day), coordinatorActor, 'update', 'course', courseId, 'closed');

      // Mail: the pair's invitations and the first placed participants', or cancellation notices.
      const title = courseTitle({ program, localityName: locality.name }, 'fi');
      const calendarCourse = {
        cancelled: false,
        sequence: 0,
        description: sessionLines({ sessions: sessionRows, language: 'fi' }).join('\n'),
        intervalWeeks: program.intervalWeeks,
        sessions: sessionRows.map((session) => ({ ...session, seriesDate: session.localDate })),
      };
      const recipients = [
        ...pair.map((leader) => ({
          name: leader.name,
          email: leader.email,
          applicationId: null as number | null,
          at: createdAt,
        })),
        ...placed
          .filter((one) => one.email)
          .map((one) => ({
            name: one.name,
            email: one.email,
            applicationId: one.applicationId,
            at: one.placedAt,
          })),
      ].slice(0, nationalFigures.outboxPerCourse);
      for (const recipient of recipients) {
        const participant = recipient.applicationId !== null;
        const content: InvitationContent = {
          kind: status === 'cancelled' ? 'cancellation' : 'invitation',
          language: 'fi',
          recipientName: recipient.name,
          courseTitle: title,
          sessions: sessionRows,
          venue: locality.venue,
          contacts: participant
            ? []
            : pair.map((leader) => ({
                name: leader.name,
                phone: formatPhoneForDisplay(leader.phone),
              })),
          changes: [],
          cancellationReason: status === 'cancelled' ? 'Liian vähän hakijoita.' : undefined,
          personalLink: participant
            ? participantLinkUrl(mail.publicUrl, personalLinkPlaceholder)
            : undefined,
          organisation: participant ? organisation : undefined,
        };
        const message = invitationSections(content);
        const method = status === 'cancelled' ? 'CANCEL' : 'REQUEST';
        const sent = recipient.at.getTime() < today - day;
        insert.outbox({
          messageId: `<outbox-${random.hex(32)}@${host}>`,
          recipientEmail: recipient.email,
          recipientName: recipient.name,
          subject: message.subject,
          ...composedMailBodies(message, 'fi', mail.publicUrl),
          calendarMethod: method,
          calendar: calendarCopy(
            key,
            { ...calendarCourse, cancelled: status === 'cancelled' },
            method,
            {
              uid: calendarUid,
              title,
              location: venueText(locality.venue),
              attendee: recipient,
              stamp: recipient.at,
            },
          ),
          courseId,
          applicationId: recipient.applicationId,
          state: sent ? 'sent' : 'queued',
          attempts: sent ? 1 : 0,
          nextAttemptAt: recipient.at,
          sentAt: sent ? new Date(recipient.at.getTime() + 60_000) : null,
          createdAt: recipient.at,
        });
      }
      return person;
    }
  } finally {
    db.$client.pragma('synchronous = NORMAL');
  }
  // Statistics for the query planner: without them it guessed an automatic index on
  // course_sessions.status for the coordinator's home page and took over a minute at full scale.
  db.$client.exec('ANALYZE');
  say('planner statistics gathered (ANALYZE)');
  return countRows(db);
}

function mondayOnOrAfter(date: LocalDate): LocalDate {
  let monday = date;
  while (weekdayOf(monday) !== 1) monday = addDays(monday, 1);
  return monday;
}

/** Rows per table, for the script's summary and the test's proportions. */
export function countRows(db: AppDatabase) {
  const tables = {
    localities,
    terms,
    courses,
    courseSessions,
    applications,
    callAttempts,
    interviews,
    enrollments,
    attendance,
    outbox,
    auditLog,
  };
  return Object.fromEntries(
    Object.entries(tables).map(([name, table]) => [
      name,
      db
        .select({ rows: count() })
        .from(table as SQLiteTable)
        .get()?.rows ?? 0,
    ]),
  ) as Record<keyof typeof tables, number>;
}
