import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import {
  meetingActionItems,
  meetingAttendees,
  meetings,
  users,
  type StaffRole,
} from '../../../db/schema';
import { preparedFor, type AppDatabase, type DatabaseOrTransaction } from '../../db';
import type { MeetingTemplate } from './meeting-rules';

/** Who can be ticked as a staff attendee: everyone working on the courses, not the report readers. */
export const invitableRoles: readonly StaffRole[] = ['admin', 'coordinator', 'instructor'];

export function listStaffChoices(db: DatabaseOrTransaction) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, [...invitableRoles])))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}
export type StaffChoice = ReturnType<typeof listStaffChoices>[number];

const listColumns = {
  id: meetings.id,
  title: meetings.title,
  status: meetings.status,
  localDate: meetings.localDate,
  startTime: meetings.startTime,
  endTime: meetings.endTime,
  place: meetings.place,
  onlineLink: meetings.onlineLink,
  minutesWrittenAt: meetings.minutesWrittenAt,
};

const upcomingList = preparedFor((db) =>
  db
    .select(listColumns)
    .from(meetings)
    .where(gte(meetings.endsAt, sql.placeholder('now')))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .prepare(),
);

const pastList = preparedFor((db) =>
  db
    .select(listColumns)
    .from(meetings)
    .where(lt(meetings.endsAt, sql.placeholder('now')))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/**
 * The meetings not yet over, soonest first, and the `pastLimit` latest past ones (one more is
 * fetched to tell whether there are older ones).
 */
export function listMeetings(db: AppDatabase, now: Date, pastLimit: number) {
  const past = pastList(db).all({ now: now.getTime(), limit: pastLimit + 1 });
  return {
    upcoming: upcomingList(db).all({ now: now.getTime() }),
    past: past.slice(0, pastLimit),
    hasOlder: past.length > pastLimit,
  };
}
export type MeetingListRow = ReturnType<typeof listMeetings>['upcoming'][number];

/** A meeting with its attendees (those taken off too) and its action items. */
export function findMeeting(db: DatabaseOrTransaction, id: number) {
  const meeting = db.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!meeting) return undefined;
  const attendees = db
    .select()
    .from(meetingAttendees)
    .where(eq(meetingAttendees.meetingId, id))
    .orderBy(asc(meetingAttendees.id))
    .all();
  const actionItems = db
    .select()
    .from(meetingActionItems)
    .where(eq(meetingActionItems.meetingId, id))
    .orderBy(asc(meetingActionItems.dueDate), asc(meetingActionItems.id))
    .all();
  return { meeting, attendees, actionItems };
}
export type MeetingWithPeople = NonNullable<ReturnType<typeof findMeeting>>;

export type MeetingActionItem = typeof meetingActionItems.$inferSelect;

export const activeAttendees = (found: Pick<MeetingWithPeople, 'attendees'>) =>
  found.attendees.filter((attendee) => attendee.state === 'active');

/** The two latest meetings that were not cancelled, newest first, to propose the next one from. */
export function latestMeetingTemplates(db: AppDatabase): (MeetingTemplate & { id: number })[] {
  const latest = db
    .select()
    .from(meetings)
    .where(ne(meetings.status, 'cancelled'))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(2)
    .all();
  return latest.map((meeting) => ({
    ...meeting,
    attendees: db
      .select({
        userId: meetingAttendees.userId,
        name: meetingAttendees.name,
        email: meetingAttendees.email,
      })
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, meeting.id), eq(meetingAttendees.state, 'active')))
      .orderBy(asc(meetingAttendees.id))
      .all(),
  }));
}

const nextPlanned = preparedFor((db) =>
  db
    .select({
      id: meetings.id,
      title: meetings.title,
      localDate: meetings.localDate,
      startTime: meetings.startTime,
      endTime: meetings.endTime,
    })
    .from(meetings)
    .where(and(eq(meetings.status, 'planned'), gte(meetings.startsAt, sql.placeholder('now'))))
    .orderBy(asc(meetings.startsAt))
    .limit(1)
    .prepare(),
);

/** The first planned meeting that has not started yet (the (status, startsAt) index). */
export function findNextMeeting(db: AppDatabase, now: Date) {
  return nextPlanned(db).get({ now: now.getTime() }) ?? null;
}

const openItems = preparedFor((db) =>
  db
    .select({
      id: meetingActionItems.id,
      meetingId: meetingActionItems.meetingId,
      description: meetingActionItems.description,
      ownerName: meetingActionItems.ownerName,
      dueDate: meetingActionItems.dueDate,
    })
    .from(meetingActionItems)
    .where(isNull(meetingActionItems.doneAt))
    .orderBy(asc(meetingActionItems.dueDate), asc(meetingActionItems.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

const openItemCount = preparedFor((db) =>
  db
    .select({ count: sql<number>`count(*)` })
    .from(meetingActionItems)
    .where(isNull(meetingActionItems.doneAt))
    .prepare(),
);

/** The open action items due first (the (doneAt, dueDate) index), and how many are open in all. */
export function listOpenActionItems(db: AppDatabase, limit: number) {
  return {
    items: openItems(db).all({ limit }),
    count: openItemCount(db).get()?.count ?? 0,
  };
}
