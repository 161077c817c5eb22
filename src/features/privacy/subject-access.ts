import { asc, eq, inArray, max } from 'drizzle-orm';
import {
  attendance,
  courseSessions,
  courses,
  deletionRequests,
  enrollments,
  invitations,
  localities,
  outbox,
  participantLinks,
  programs,
  unconfirmedSubmissions,
  users,
} from '../../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../db';
import {
  auditEntriesAboutPerson,
  recordAudit,
  type Actor,
  type AuditLogRow,
} from '../audit/audit-log';
import { personRecord } from '../people/queries';
import { personOf, type MatchedApplication } from './person-match';

/**
 * The JSON file's format. Raise the version when a field is removed or changes meaning (adding a
 * field keeps it); the README describes each part.
 */
export const personExportFormat = 'kurssipolku-person-export';
export const personExportVersion = 1;

/** "Who opened their data" lists at most this many audit entries, newest first. */
export const openingsLimit = 500;

/** A course named by its program (both languages) and locality. */
const courseColumns = {
  courseId: courses.id,
  programFi: programs.nameFi,
  programSv: programs.nameSv,
  programEn: programs.nameEn,
  locality: localities.name,
};

/**
 * Who opened or changed the person's data and when, newest first, at most `limit`: the audit
 * trail's entries about each of their applications (the log's person filter, rosters included),
 * merged. Entries name the record and the action, never its content.
 */
export function openingsOf(db: AppDatabase, applicationIds: number[], limit = openingsLimit) {
  const byId = new Map<number, AuditLogRow>();
  for (const applicationId of applicationIds) {
    for (const entry of auditEntriesAboutPerson(db, applicationId, { limit: limit + 1 })) {
      byId.set(entry.id, entry);
    }
  }
  const newestFirst = [...byId.values()].sort(
    (a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id,
  );
  const entries = newestFirst.slice(0, limit).map((entry) => ({
    at: entry.at,
    staffName: entry.actorName,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    detail: entry.detail,
  }));
  return { entries, limit, more: newestFirst.length > limit };
}

/**
 * The application itself, its referrer, calls and interviews, as the person's page reads them
 * (one query for both), in the file's own shape.
 */
function applicationPart(db: AppDatabase, applicationId: number) {
  const record = personRecord(db, applicationId)!;
  const { application: held, preferredCourse } = record;
  return {
    id: held.id,
    source: held.source,
    receivedAt: held.createdAt,
    updatedAt: held.updatedAt,
    state: held.state,
    callReason: held.callReason,
    closeReason: held.closeReason,
    closeNote: held.closeNote,
    name: held.name,
    phone: held.phone,
    email: held.email,
    municipality: held.municipality,
    locality: record.localityName,
    preferredCourse:
      held.preferredCourseId === null || preferredCourse === null
        ? null
        : {
            courseId: held.preferredCourseId,
            programFi: preferredCourse.programNameFi,
            programSv: preferredCourse.programNameSv,
            programEn: preferredCourse.programNameEn,
            locality: preferredCourse.localityName,
          },
    goodTimesToCall: held.goodTimesToCall,
    postalAddress: {
      street: held.postalStreet,
      postcode: held.postalCode,
      postOffice: held.postOffice,
    },
    language: held.language,
    consent: { at: held.consentAt, recordedBy: record.consentRecordedByName },
    referrer:
      held.referrerName || held.referrerUnit || held.referrerContact
        ? { name: held.referrerName, unit: held.referrerUnit, contact: held.referrerContact }
        : null,
    calls: record.calls.map((call) => ({
      at: call.at,
      outcome: call.outcome,
      callBackAt: call.callBackAt,
      by: call.byName,
    })),
    interviews: record.interviews.map((interview) => ({
      at: interview.at,
      by: interview.byName,
      canAttendAll: interview.canAttendAll,
      suitableTimes: interview.suitableTimes,
      needs: interview.needs,
      otherNeeds: interview.otherNeeds,
      notes: interview.notes,
      outcome: interview.outcome,
      outcomeReason: interview.outcomeReason,
    })),
  };
}

function enrollmentsOf(db: AppDatabase, applicationId: number) {
  const rows = db
    .select({
      enrollment: enrollments,
      ...courseColumns,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .where(eq(enrollments.applicationId, applicationId))
    .orderBy(asc(enrollments.queuedAt), asc(enrollments.id))
    .all();
  const ids = rows.map((row) => row.enrollment.id);
  const marks =
    ids.length === 0
      ? []
      : db
          .select({
            enrollmentId: attendance.enrollmentId,
            session: courseSessions.ordinal,
            date: courseSessions.localDate,
            mark: attendance.mark,
            markedAt: attendance.markedAt,
            markedBy: attendance.markedByName,
          })
          .from(attendance)
          .innerJoin(courseSessions, eq(courseSessions.id, attendance.sessionId))
          .where(inArray(attendance.enrollmentId, ids))
          .orderBy(asc(courseSessions.ordinal))
          .all();
  return rows.map(({ enrollment, ...course }) => ({
    id: enrollment.id,
    course,
    state: enrollment.state,
    queuedAt: enrollment.queuedAt,
    placedAt: enrollment.placedAt,
    withdrawnAt: enrollment.withdrawnAt,
    withdrawnBy: enrollment.withdrawnBy,
    withdrawnReason: enrollment.withdrawnReason,
    dropOutReason: enrollment.dropOutReason,
    movedUpReason: enrollment.movedUpReason,
    transportState: enrollment.transportState,
    transportMeans: enrollment.transportMeans,
    attendedSessions: enrollment.attendedSessions,
    feedbackGiven: enrollment.feedbackGiven,
    attendance: marks
      .filter((mark) => mark.enrollmentId === enrollment.id)
      .map(({ enrollmentId: _enrollment, ...mark }) => mark),
  }));
}

function submissionsOf(db: AppDatabase, applicationId: number) {
  return db
    .select({
      source: unconfirmedSubmissions.source,
      receivedAt: unconfirmedSubmissions.receivedAt,
      reviewedAt: unconfirmedSubmissions.reviewedAt,
      name: unconfirmedSubmissions.name,
      phone: unconfirmedSubmissions.phone,
      email: unconfirmedSubmissions.email,
      municipality: unconfirmedSubmissions.municipality,
      goodTimesToCall: unconfirmedSubmissions.goodTimesToCall,
      referrerName: unconfirmedSubmissions.referrerName,
      referrerUnit: unconfirmedSubmissions.referrerUnit,
      referrerContact: unconfirmedSubmissions.referrerContact,
    })
    .from(unconfirmedSubmissions)
    .where(eq(unconfirmedSubmissions.applicationId, applicationId))
    .orderBy(asc(unconfirmedSubmissions.receivedAt), asc(unconfirmedSubmissions.id))
    .all();
}

function invitationsOf(db: AppDatabase, applicationId: number) {
  return db
    .select({
      ...courseColumns,
      state: invitations.state,
      name: invitations.name,
      email: invitations.email,
      language: invitations.language,
      createdAt: invitations.createdAt,
      letterPostedAt: invitations.letterPostedAt,
    })
    .from(invitations)
    .innerJoin(courses, eq(courses.id, invitations.courseId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .where(eq(invitations.applicationId, applicationId))
    .orderBy(asc(invitations.createdAt), asc(invitations.id))
    .all()
    .map(({ courseId, programFi, programSv, programEn, locality, ...invitation }) => ({
      course: { courseId, programFi, programSv, programEn, locality },
      ...invitation,
      by: invitation.email === '' ? ('letter' as const) : ('email' as const),
    }));
}

function messagesOf(db: AppDatabase, applicationId: number) {
  return db
    .select({
      id: outbox.id,
      channel: outbox.channel,
      createdAt: outbox.createdAt,
      state: outbox.state,
      sentAt: outbox.sentAt,
      recipientName: outbox.recipientName,
      recipientEmail: outbox.recipientEmail,
      recipientPhone: outbox.recipientPhone,
      subject: outbox.subject,
      textBody: outbox.textBody,
      calendarMethod: outbox.calendarMethod,
      calendar: outbox.calendar,
      bodyRemovedAt: outbox.bodyPrunedAt,
    })
    .from(outbox)
    .where(eq(outbox.applicationId, applicationId))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .all();
}

function deletionRequestsOf(db: AppDatabase, applicationId: number) {
  return db
    .select({
      requestedAt: deletionRequests.requestedAt,
      channel: deletionRequests.channel,
      handledAt: deletionRequests.handledAt,
      handledBy: users.name,
      toldBy: deletionRequests.toldBy,
    })
    .from(deletionRequests)
    .leftJoin(users, eq(users.id, deletionRequests.handledBy))
    .where(eq(deletionRequests.applicationId, applicationId))
    .orderBy(asc(deletionRequests.requestedAt), asc(deletionRequests.id))
    .all();
}

/** Whether a personal link exists and until when the newest works; the token is never shown. */
function personalLinkOf(db: AppDatabase, applicationId: number) {
  const newest = db
    .select({ expiresAt: max(participantLinks.expiresAt) })
    .from(participantLinks)
    .where(eq(participantLinks.applicationId, applicationId))
    .get()?.expiresAt;
  return newest
    ? { exists: true, expiresAt: new Date(newest) }
    : { exists: false, expiresAt: null };
}

function everythingHeldIn(db: AppDatabase, matched: MatchedApplication) {
  const enrolmentsHeld = enrollmentsOf(db, matched.id);
  return {
    matchedBy: matched.matchedBy,
    ...applicationPart(db, matched.id),
    enrollments: enrolmentsHeld,
    unconfirmedSubmissions: submissionsOf(db, matched.id),
    invitations: invitationsOf(db, matched.id),
    messages: messagesOf(db, matched.id),
    deletionRequests: deletionRequestsOf(db, matched.id),
    personalLink: personalLinkOf(db, matched.id),
    feedbackGiven: enrolmentsHeld.some((enrollment) => enrollment.feedbackGiven),
  };
}

/**
 * Everything held about the person behind an application (subject access): each of their
 * applications with what hangs on it, and who opened their data. Dates are `Date`s: the page
 * formats them, the JSON file writes them as ISO 8601 instants (UTC).
 */
export function personExport(db: AppDatabase, applicationId: number, now: Date) {
  const person = personOf(db, applicationId);
  if (person.found !== 'person') return person;
  const ids = person.applications.map((application) => application.id);
  return {
    found: 'person' as const,
    export: {
      format: personExportFormat,
      version: personExportVersion,
      generatedAt: now,
      askedAbout: applicationId,
      applications: person.applications.map((matched) => everythingHeldIn(db, matched)),
      openedBy: openingsOf(db, ids),
    },
  };
}
/**
 * Reads everything held about the person and records the export (one audit entry per application)
 * in one immediate transaction, so an erasure committed by another process cannot land half-way
 * through the file, and no file leaves without its entries. The reads use the same connection, so
 * they run inside the transaction.
 */
export function exportPerson(
  db: AppDatabase,
  applicationId: number,
  context: { actor: Actor; now: Date; detail: string },
) {
  return immediateTransaction(db, (tx) => {
    const result = personExport(db, applicationId, context.now);
    if (result.found !== 'person') return result;
    for (const application of result.export.applications) {
      recordAudit(
        tx,
        {
          actor: context.actor,
          action: 'export',
          subjectType: 'application',
          subjectId: application.id,
          detail: context.detail,
        },
        context.now,
      );
    }
    return result;
  });
}

export type PersonExport = Extract<ReturnType<typeof personExport>, { found: 'person' }>['export'];
export type ExportedApplication = PersonExport['applications'][number];
