import { and, asc, eq, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import {
  applications,
  calendarFeeds,
  courseSessions,
  courseInstructors,
  courses,
  instructors,
  invitations,
  localities,
  programs,
} from '../../../db/schema';
import { preparedFor, type AppDatabase, type DatabaseOrTransaction } from '../../db';
import type { LocalDate } from '../../lib/helsinki-time';
import { hashSecretToken, newSecretToken } from '../../lib/tokens';
import type { MailKind } from './invitation-mail';
import { programNameColumns } from '../programs/program-names';

export type LetterKind = MailKind;

/** When the user's current feed address was made, if they have one (the address itself is not kept). */
export function findFeedCreatedAt(db: AppDatabase, userId: number): Date | undefined {
  return db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .get()?.createdAt;
}

/**
 * A new secret replaces the old one, so a leaked address can be shut off. Only its hash is kept;
 * the caller shows the returned token once.
 */
export function renewFeedToken(db: AppDatabase, userId: number, now: Date): string {
  const token = newSecretToken();
  const tokenHash = hashSecretToken(token);
  db.insert(calendarFeeds)
    .values({ userId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now } })
    .run();
  return token;
}

/** The account's calendar address stops working (e.g. when its password is reset). */
export function revokeFeedOf(tx: DatabaseOrTransaction, userId: number): void {
  tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).run();
}

export function findFeedOwner(db: AppDatabase, token: string) {
  return db
    .select()
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashSecretToken(token)))
    .get();
}

/** The courses a staff member works on: an instructor's own, or all (not cancelled) for planners. */
export function staffCourseIds(db: AppDatabase, user: { id: number; role: string }): number[] {
  const shown =
    user.role !== 'instructor'
      ? db.select({ id: courses.id }).from(courses).where(ne(courses.status, 'cancelled')).all()
      : db
          .select({ id: courses.id })
          .from(courses)
          .innerJoin(courseInstructors, eq(courseInstructors.courseId, courses.id))
          .innerJoin(instructors, eq(instructors.id, courseInstructors.instructorId))
          .where(and(eq(instructors.userId, user.id), ne(courses.status, 'cancelled')))
          .all();
  return shown.map((row) => row.id);
}

/**
 * A staff member's feed: their courses less those whose invitations they get by e-mail, which are
 * in their calendar already (nobody sees a session twice).
 */
export function feedCourseIds(db: AppDatabase, user: { id: number; role: string }): number[] {
  const invited = new Set(
    db
      .select({ courseId: invitations.courseId })
      .from(invitations)
      .innerJoin(instructors, eq(instructors.id, invitations.instructorId))
      .where(
        and(
          eq(instructors.userId, user.id),
          eq(invitations.state, 'active'),
          ne(invitations.email, ''),
        ),
      )
      .all()
      .map((row) => row.courseId),
  );
  return staffCourseIds(db, user).filter((id) => !invited.has(id));
}

/**
 * A letter is due while the newest change (sentSequence) has not been posted. A cancelled
 * invitation needs a letter only when an earlier one was posted: someone who never got a letter
 * has nothing to cancel on paper (they are phoned anyway).
 */
const letterDue = or(
  and(
    eq(invitations.state, 'active'),
    ne(courses.status, 'cancelled'),
    or(
      isNull(invitations.letterPostedSequence),
      lt(invitations.letterPostedSequence, invitations.sentSequence),
    ),
  ),
  and(
    eq(invitations.state, 'cancelled'),
    isNotNull(invitations.letterPostedSequence),
    lt(invitations.letterPostedSequence, invitations.sentSequence),
  ),
);

/** The course's last session day; a letter for a course that has ended is not posted any more. */
const lastSessionDate = sql<string>`(select max(${courseSessions.localDate}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id})`;

const lettersToPrint = preparedFor((db) =>
  db
    .select({
      id: invitations.id,
      name: invitations.name,
      courseId: invitations.courseId,
      state: invitations.state,
      sentSequence: invitations.sentSequence,
      letterPostedSequence: invitations.letterPostedSequence,
      ...programNameColumns,
      localityName: localities.name,
      hasAddress: sql<number>`coalesce(${applications.postalStreet}, '') != ''`,
    })
    .from(invitations)
    .innerJoin(courses, eq(courses.id, invitations.courseId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .leftJoin(applications, eq(applications.id, invitations.applicationId))
    .where(
      and(
        eq(invitations.email, ''),
        letterDue,
        // An erased person has no name or address left to post to.
        sql`coalesce(${applications.closeReason}, '') != 'deleted'`,
        sql`coalesce(${lastSessionDate}, '9999-12-31') >= ${sql.placeholder('today')}`,
      ),
    )
    .orderBy(asc(invitations.name), asc(invitations.id))
    .prepare(),
);

/** Invitees without e-mail whose newest letter is still to be posted, for courses not yet ended. */
export function listLettersToPrint(db: AppDatabase, today: LocalDate) {
  return lettersToPrint(db)
    .all({ today })
    .map(({ hasAddress, ...letter }) => ({
      ...letter,
      hasAddress: Boolean(hasAddress),
      kind: letterKindOf(letter),
    }));
}
export type LetterToPrint = ReturnType<typeof listLettersToPrint>[number];

/** What a printed letter says: the first invitation, a replacement after a change, or a cancellation. */
export function letterKindOf(invitation: {
  state: 'active' | 'cancelled';
  sentSequence: number;
  letterPostedSequence: number | null;
}): LetterKind {
  if (invitation.state === 'cancelled') return 'cancellation';
  const posted = invitation.letterPostedSequence;
  // A reprint of the letter already posted is not news: it reads as the invitation.
  return posted !== null && posted < invitation.sentSequence ? 'update' : 'invitation';
}

export function findInvitation(db: AppDatabase, id: number) {
  return db.select().from(invitations).where(eq(invitations.id, id)).get();
}
