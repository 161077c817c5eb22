import { and, asc, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import {
  applications,
  courseInstructors,
  courseSessions,
  courses,
  instructorLocalities,
  instructors,
  interviews,
  localities,
  users,
  venues,
  type InstructorKind,
} from '../../../db/schema';
import type { AppDatabase } from '../../db';
import {
  addDays,
  wallClockToInstant,
  type LocalDate,
  type LocalTime,
} from '../../lib/helsinki-time';
import { listBlockedPeriods } from '../courses/queries';
import type { BlockedPeriod } from '../courses/holidays';
import { plannedMinutesOf } from '../instructors/hours-queries';
import { hasCoursePlannedBy, licenceOf } from '../instructors/licence-rules';
import { licenceCoursesOfInstructors } from '../instructors/queries';
import { neighboursByLocality } from '../places/neighbours';
import type { TermDates } from '../instructors/hours-rules';
import { parseNeeds } from '../enrollment/needs';
import { candidateSlots, type CoursePlan, type SlotVenue } from './candidate-slots';
import type { Interval, ProposalInstructor, ProposalProblem, WaitingGroup } from './plan-rules';
import { readSuitableTimes, type Weekday } from './suitable-times';

/** What the coordinator asks for (validated form input). */
export type ProposalRequest = {
  programId: number;
  courseCount: number;
  earliestStart: LocalDate;
  latestStart: LocalDate;
  weekdays: Weekday[];
  startTimes: LocalTime[];
  requiredLocalityIds: number[];
  excludedLocalityIds: number[];
  maxHoursPerInstructor: number;
};

export type ProposalProgram = CoursePlan & {
  id: number;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  maxParticipants: number;
  online: boolean;
};

export type VenueFacts = SlotVenue & { name: string };
export type InstructorFacts = { id: number; name: string; kind: InstructorKind };

/** The problem for the solver, with the names and facts the page needs to explain a plan. */
export type ProposalData = {
  problem: ProposalProblem;
  program: ProposalProgram;
  blockedPeriods: BlockedPeriod[];
  localityNames: Map<number, string>;
  /** The localities courses may be proposed in (the region's, less those left out). */
  plannedLocalityIds: number[];
  venues: Map<number, VenueFacts>;
  instructors: Map<number, InstructorFacts>;
};

export function regionLocalities(db: AppDatabase, region: string) {
  return db
    .select({ id: localities.id, name: localities.name })
    .from(localities)
    .where(region === '' ? undefined : eq(localities.region, region))
    .orderBy(asc(localities.name))
    .all();
}

function venuesIn(db: AppDatabase, localityIds: number[]): VenueFacts[] {
  if (localityIds.length === 0) return [];
  return db
    .select({
      id: venues.id,
      name: venues.name,
      localityId: venues.localityId,
      stepFree: venues.stepFreeAccess,
      online: sql<boolean>`${venues.kind} = 'online'`.mapWith(Boolean),
      capacity: venues.capacity,
    })
    .from(venues)
    .where(and(inArray(venues.localityId, localityIds), isNull(venues.archivedAt)))
    .orderBy(asc(venues.name), asc(venues.id))
    .all();
}

function instructorsIn(db: AppDatabase, localityIds: number[]) {
  if (localityIds.length === 0) return [];
  const rows = db
    .select({
      id: instructors.id,
      name: instructors.name,
      kind: instructors.kind,
      trainedOn: instructors.trainedOn,
      localityId: instructorLocalities.localityId,
    })
    .from(instructorLocalities)
    .innerJoin(instructors, eq(instructors.id, instructorLocalities.instructorId))
    .leftJoin(users, eq(users.id, instructors.userId))
    // An instructor whose staff account is disabled has left: nobody plans courses for them.
    .where(and(inArray(instructorLocalities.localityId, localityIds), isNull(users.disabledAt)))
    .orderBy(asc(instructors.name), asc(instructors.id))
    .all();
  const byId = new Map<
    number,
    {
      id: number;
      name: string;
      kind: InstructorKind;
      trainedOn: string | null;
      localityIds: number[];
    }
  >();
  for (const row of rows) {
    const person = byId.get(row.id) ?? { ...row, localityIds: [] };
    person.localityIds.push(row.localityId);
    byId.set(row.id, person);
  }
  return [...byId.values()];
}

/** Scheduled sessions of courses still on, between two instants, by instructor and by venue. */
function busyBetween(
  db: AppDatabase,
  from: Date,
  to: Date,
  instructorIds: number[],
  venueIds: number[],
) {
  const sessionsOf = (filter: ReturnType<typeof inArray>) =>
    db
      .select({
        startsAt: courseSessions.startsAt,
        endsAt: courseSessions.endsAt,
        instructorId: courseInstructors.instructorId,
        venueId: courses.venueId,
      })
      .from(courseSessions)
      .innerJoin(courses, eq(courses.id, courseSessions.courseId))
      .leftJoin(courseInstructors, eq(courseInstructors.courseId, courses.id))
      .where(
        and(
          eq(courseSessions.status, 'scheduled'),
          ne(courses.status, 'cancelled'),
          lt(courseSessions.startsAt, to),
          gt(courseSessions.endsAt, from),
          filter,
        ),
      )
      .all();
  const byInstructor = new Map<number, Interval[]>();
  const byVenue = new Map<number, Interval[]>();
  const interval = (row: { startsAt: Date; endsAt: Date }) => ({
    startsAt: row.startsAt.getTime(),
    endsAt: row.endsAt.getTime(),
  });
  if (instructorIds.length > 0) {
    for (const row of sessionsOf(inArray(courseInstructors.instructorId, instructorIds))) {
      if (row.instructorId === null) continue;
      byInstructor.set(row.instructorId, [
        ...(byInstructor.get(row.instructorId) ?? []),
        interval(row),
      ]);
    }
  }
  if (venueIds.length > 0) {
    for (const row of sessionsOf(inArray(courses.venueId, venueIds))) {
      if (row.venueId === null) continue;
      byVenue.set(row.venueId, [...(byVenue.get(row.venueId) ?? []), interval(row)]);
    }
  }
  // One course with two instructors comes back once per instructor: the venue keeps each once.
  for (const [venueId, intervals] of byVenue) {
    const seen = new Set<string>();
    byVenue.set(
      venueId,
      intervals.filter((one) => {
        const key = `${one.startsAt}-${one.endsAt}`;
        return seen.has(key) ? false : (seen.add(key), true);
      }),
    );
  }
  return { byInstructor, byVenue };
}

/**
 * People waiting in these localities, grouped by locality, whether they need a step-free venue
 * and the times they said suit them (their latest interview). Only the grouped counts leave here.
 */
function waitingGroupsIn(db: AppDatabase, localityIds: number[]): WaitingGroup[] {
  if (localityIds.length === 0) return [];
  const rows = db
    .select({
      localityId: applications.localityId,
      language: applications.language,
      needs: interviews.needs,
      suitableTimes: interviews.suitableTimes,
    })
    .from(applications)
    // The latest interview of each waiting person, found through the interviews' application index
    // (not by grouping every interview in the country).
    .leftJoin(
      interviews,
      eq(
        interviews.id,
        sql`(select max(latest.id) from ${interviews} as latest where latest.application_id = ${applications.id})`,
      ),
    )
    .where(
      and(
        eq(applications.state, 'waiting'),
        inArray(applications.localityId, localityIds),
        isNull(applications.anonymisedAt),
      ),
    )
    .all();
  const groups = new Map<string, WaitingGroup>();
  for (const row of rows) {
    const localityId = row.localityId!;
    const needsStepFree = parseNeeds(row.needs).includes('step-free');
    const suits = readSuitableTimes(row.suitableTimes ?? '', row.language);
    const key = `${localityId}|${needsStepFree ? 'step-free' : ''}|${JSON.stringify(suits)}`;
    const group = groups.get(key) ?? { key, localityId, needsStepFree, suits, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The longest a course of the program can run from its first date, holidays included. */
function courseSpanDays(program: CoursePlan): number {
  return program.sessionCount * program.intervalWeeks * 7 + 8 * 7;
}

/**
 * Everything the proposal needs from the database for one term, program and region: candidate
 * courses, instructors (licence, hours, what they already lead), venues and who is waiting.
 */
export function loadProposal(
  db: AppDatabase,
  request: ProposalRequest,
  context: {
    term: TermDates;
    region: string;
    today: LocalDate;
    now: Date;
    callMinutes: number;
    program: ProposalProgram;
  },
): ProposalData {
  const { program } = context;
  const regionIds = regionLocalities(db, context.region);
  const localityNames = new Map(regionIds.map((row) => [row.id, row.name]));
  const excluded = new Set(request.excludedLocalityIds);
  const plannedLocalityIds = regionIds.map((row) => row.id).filter((id) => !excluded.has(id));
  const venueList = venuesIn(db, plannedLocalityIds);
  const blockedPeriods = listBlockedPeriods(db);
  const slots = candidateSlots(venueList, program, {
    earliestStart: request.earliestStart,
    latestStart: request.latestStart,
    weekdays: request.weekdays,
    startTimes: request.startTimes,
    blockedPeriods,
  });

  const from = wallClockToInstant(request.earliestStart, '00:00');
  const to = wallClockToInstant(addDays(request.latestStart, courseSpanDays(program)), '00:00');
  const people = instructorsIn(db, plannedLocalityIds);
  const busy = busyBetween(
    db,
    from,
    to,
    people.map((person) => person.id),
    venueList.map((venue) => venue.id),
  );
  const minutes = plannedMinutesOf(
    db,
    people.map((person) => person.id),
    context.term,
    context,
  );
  const licenceCourses = licenceCoursesOfInstructors(db, context.today);
  const proposalInstructors: ProposalInstructor[] = [];
  for (const person of people) {
    const input = {
      trainedOn: person.trainedOn,
      courses: licenceCourses.get(person.id) ?? [],
      today: context.today,
    };
    const licence = licenceOf(input);
    if (licence.status === 'lapsed' || licence.validUntil === null) continue;
    const covered = hasCoursePlannedBy(input, licence.validUntil);
    const isNew = licence.lastCourseOn === null;
    const deadlineMatters = !covered && (isNew || licence.validUntil <= context.term.endsOn);
    proposalInstructors.push({
      id: person.id,
      kind: person.kind,
      localityIds: person.localityIds,
      termHours: (minutes.get(person.id) ?? 0) / 60,
      deadline: deadlineMatters
        ? { kind: isNew ? 'first-course' : 'lapsing', by: licence.validUntil }
        : null,
      licensedUntil: covered ? null : licence.validUntil,
      busy: busy.byInstructor.get(person.id) ?? [],
    });
  }

  const neighbours = neighboursByLocality(db);
  const reachable = new Set(plannedLocalityIds);
  for (const id of plannedLocalityIds)
    for (const other of neighbours.get(id) ?? []) reachable.add(other);

  return {
    problem: {
      courseCount: request.courseCount,
      earliestStart: request.earliestStart,
      requiredLocalityIds: request.requiredLocalityIds,
      maxHoursPerInstructor: request.maxHoursPerInstructor,
      oneCourseHours:
        (program.sessionCount * (program.sessionMinutes + program.preparationMinutes)) / 60,
      seats: program.maxParticipants,
      programIsOnline: program.online,
      slots,
      instructors: proposalInstructors,
      waiting: waitingGroupsIn(db, [...reachable]),
      neighbours,
      venueBusy: busy.byVenue,
    },
    program,
    blockedPeriods,
    localityNames: new Map([
      ...localityNames,
      ...db
        .select({ id: localities.id, name: localities.name })
        .from(localities)
        .where(inArray(localities.id, [...reachable]))
        .all()
        .map((row) => [row.id, row.name] as const),
    ]),
    plannedLocalityIds,
    venues: new Map(venueList.map((venue) => [venue.id, venue])),
    instructors: new Map(
      people
        .filter((person) => proposalInstructors.some((one) => one.id === person.id))
        .map((person) => [person.id, { id: person.id, name: person.name, kind: person.kind }]),
    ),
  };
}
