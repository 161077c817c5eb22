import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { meetingActionItems, meetings, users } from '../../../db/schema';
import { immediateTransaction, type AppDatabase, type Transaction } from '../../db';
import { wallClockToInstant } from '../../lib/helsinki-time';
import { recordAudit, type AuditEntry } from '../audit/audit-log';
import type { CourseCommandContext } from '../courses/course-changes';
import { newCalendarUid } from '../courses/queries';
import type { MeetingInput, MinutesInput } from './meeting-input';
import { enqueueMinutesMail, syncMeetingAttendees } from './meeting-invitations';
import type { MeetingPerson } from './meeting-rules';
import { findMeeting } from './queries';

/**
 * The steering meeting's commands: each opens the one immediate transaction of its change and does
 * the write, the invitations or minutes (the outbox) and the audit entry inside it.
 */
export type MeetingCommandContext = CourseCommandContext;

/** The form's meeting with the ticked staff resolved to people. */
export type MeetingDetails = Omit<MeetingInput, 'staffIds' | 'guests'> & {
  attendees: MeetingPerson[];
};

function audit(
  tx: Transaction,
  context: MeetingCommandContext,
  meetingId: number,
  action: AuditEntry['action'],
  detail?: string,
) {
  recordAudit(
    tx,
    { actor: context.actor, action, subjectType: 'meeting', subjectId: meetingId, detail },
    context.mail.now,
  );
}

function scheduleOf(details: MeetingDetails) {
  return {
    title: details.title,
    localDate: details.localDate,
    startTime: details.startTime,
    endTime: details.endTime,
    startsAt: wallClockToInstant(details.localDate, details.startTime),
    endsAt: wallClockToInstant(details.localDate, details.endTime),
    place: details.place,
    onlineLink: details.onlineLink,
    agenda: details.agenda,
  };
}

export function createMeeting(
  db: AppDatabase,
  details: MeetingDetails,
  context: MeetingCommandContext,
): number {
  return immediateTransaction(db, (tx) => createMeetingIn(tx, details, context));
}

/** The new meeting and its invitations in the caller's transaction (the building block). */
export function createMeetingIn(
  tx: Transaction,
  details: MeetingDetails,
  context: MeetingCommandContext,
): number {
  const now = context.mail.now;
  const { id } = tx
    .insert(meetings)
    .values({
      ...scheduleOf(details),
      calendarUid: newCalendarUid(context.mail.publicUrl.hostname, 'meeting'),
      createdBy: context.actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: meetings.id })
    .get();
  syncMeetingAttendees(tx, id, details.attendees, context.mail, 'planned');
  audit(tx, context, id, 'create');
  return id;
}

/**
 * A new time, place, link, title or agenda raises the meeting's SEQUENCE and sends everyone still
 * invited an update; an attendee added gets the invitation and one taken off a cancellation. A
 * cancelled meeting is not changed (false).
 */
export function changeMeeting(
  db: AppDatabase,
  meetingId: number,
  details: MeetingDetails,
  context: MeetingCommandContext,
): boolean {
  return immediateTransaction(db, (tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!before || before.status === 'cancelled') return false;
    const schedule = scheduleOf(details);
    const changed = (
      ['title', 'localDate', 'startTime', 'endTime', 'place', 'onlineLink', 'agenda'] as const
    ).some((field) => before[field] !== schedule[field]);
    tx.update(meetings)
      .set({
        ...schedule,
        updatedAt: context.mail.now,
        ...(changed ? { scheduleSequence: sql`${meetings.scheduleSequence} + 1` } : {}),
      })
      .where(eq(meetings.id, meetingId))
      .run();
    syncMeetingAttendees(
      tx,
      meetingId,
      details.attendees,
      context.mail,
      changed ? 'changed' : 'planned',
    );
    audit(tx, context, meetingId, 'update', changed ? 'details and attendees' : 'attendees');
    return true;
  });
}

/** Everyone invited gets a CANCEL with the reason (the reason is in the mail, not stored). */
export function cancelMeeting(
  db: AppDatabase,
  meetingId: number,
  reason: string,
  context: MeetingCommandContext,
): boolean {
  return immediateTransaction(db, (tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting || meeting.status === 'cancelled') return false;
    tx.update(meetings)
      .set({ status: 'cancelled', updatedAt: context.mail.now })
      .where(eq(meetings.id, meetingId))
      .run();
    syncMeetingAttendees(tx, meetingId, [], context.mail, 'planned', reason);
    audit(tx, context, meetingId, 'update', 'cancelled');
    return true;
  });
}

/**
 * The minutes, decisions and action items, saved together. A staff owner's name is taken from
 * their account; items of other meetings are never touched. A cancelled meeting has no minutes.
 */
export function saveMinutes(
  db: AppDatabase,
  meetingId: number,
  input: MinutesInput,
  context: MeetingCommandContext,
): boolean {
  return immediateTransaction(db, (tx) => saveMinutesIn(tx, meetingId, input, context));
}

/** The minutes in the caller's transaction (the building block of `saveMinutes`). */
export function saveMinutesIn(
  tx: Transaction,
  meetingId: number,
  input: MinutesInput,
  context: MeetingCommandContext,
): boolean {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting || meeting.status === 'cancelled') return false;
  const now = context.mail.now;
  tx.update(meetings)
    .set({
      minutes: input.minutes,
      decisions: input.decisions,
      minutesWrittenAt: now,
      updatedAt: now,
    })
    .where(eq(meetings.id, meetingId))
    .run();
  const ownerIds = input.items.flatMap((item) =>
    item.ownerUserId === null ? [] : [item.ownerUserId],
  );
  const owners =
    ownerIds.length === 0
      ? []
      : tx
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, ownerIds))
          .all();
  const ofThisMeeting = (id: number) =>
    and(eq(meetingActionItems.id, id), eq(meetingActionItems.meetingId, meetingId));
  if (input.removedIds.length > 0) {
    tx.delete(meetingActionItems)
      .where(
        and(
          inArray(meetingActionItems.id, input.removedIds),
          eq(meetingActionItems.meetingId, meetingId),
        ),
      )
      .run();
  }
  for (const item of input.items) {
    const owner = owners.find((user) => user.id === item.ownerUserId);
    const values = {
      description: item.description,
      ownerUserId: owner?.id ?? null,
      ownerName: item.ownerName || owner?.name || '',
      dueDate: item.dueDate,
    };
    if (item.id === null) {
      tx.insert(meetingActionItems)
        .values({ meetingId, ...values, createdAt: now })
        .run();
    } else {
      tx.update(meetingActionItems).set(values).where(ofThisMeeting(item.id)).run();
    }
  }
  audit(tx, context, meetingId, 'update', 'minutes');
  return true;
}

/** Ticks an open action item of the meeting off (false when it is not open or not the meeting's). */
export function markActionItemDone(
  db: AppDatabase,
  meetingId: number,
  itemId: number,
  context: MeetingCommandContext,
): boolean {
  return immediateTransaction(db, (tx) => markActionItemDoneIn(tx, meetingId, itemId, context));
}

export function markActionItemDoneIn(
  tx: Transaction,
  meetingId: number,
  itemId: number,
  context: MeetingCommandContext,
): boolean {
  const done = tx
    .update(meetingActionItems)
    .set({ doneAt: context.mail.now })
    .where(
      and(
        eq(meetingActionItems.id, itemId),
        eq(meetingActionItems.meetingId, meetingId),
        isNull(meetingActionItems.doneAt),
      ),
    )
    .run();
  if (done.changes === 0) return false;
  audit(tx, context, meetingId, 'update', `action item ${itemId} done`);
  return true;
}

/**
 * One mail with the minutes to each attendee still invited; the time is kept. Null without
 * minutes; 'already-sent' when they were sent before and `again` was not asked — checked in the
 * transaction, so two processes that both saw "not sent" cannot both send.
 */
export function sendMinutes(
  db: AppDatabase,
  meetingId: number,
  context: MeetingCommandContext,
  { again }: { again: boolean },
): number | null | 'already-sent' {
  return immediateTransaction(db, (tx) => {
    const found = findMeeting(tx, meetingId);
    if (!found || found.meeting.minutesWrittenAt === null) return null;
    if (found.meeting.minutesSentAt !== null && !again) return 'already-sent';
    const count = enqueueMinutesMail(tx, found, context.mail);
    tx.update(meetings)
      .set({ minutesSentAt: context.mail.now })
      .where(eq(meetings.id, meetingId))
      .run();
    audit(tx, context, meetingId, 'update', 'minutes sent');
    return count;
  });
}
