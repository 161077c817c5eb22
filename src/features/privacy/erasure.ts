import { and, eq, inArray, isNull, max, notInArray, or, sql } from 'drizzle-orm';
import {
  applications,
  courseSessions,
  courses,
  deletionRequests,
  enrollments,
  localities,
  programs,
} from '../../../db/schema';
import { immediateTransaction, type AppDatabase, type DatabaseOrTransaction } from '../../db';
import type { Language } from '../../i18n';
import { recordAudit, type Actor } from '../audit/audit-log';
import { activeEnrollmentStates } from '../enrollment/seat-rules';
import { recordSeatChange, withdrawIn } from '../enrollment/seats';
import { enqueueComposedMail, type MailContext } from '../invites/invitations';
import { organisationContact } from '../organisation/queries';
import { anonymiseApplicationIn } from '../retention/anonymise';
import { erasureNotice, tellByOf, type TellBy } from './erasure-rules';
import { personOf, type MatchedApplication } from './person-match';

/** A seat (or a place on a waitlist) the person holds on a course that has not ended yet. */
export type HeldPlace = {
  enrollmentId: number;
  state: (typeof activeEnrollmentStates)[number];
  courseId: number;
  programFi: string;
  programSv: string;
  programEn: string;
  locality: string;
};

/**
 * Places the person holds on courses still to come or running: an erasure withdraws them first,
 * so the waitlist moves up. A course whose last session has ended keeps its enrolment (and the
 * attendance it counts) for the figures; it closes as usual.
 */
export function placesHeldOn(
  db: DatabaseOrTransaction,
  applicationIds: number[],
  now: Date,
): HeldPlace[] {
  const lastEnd = db
    .select({ courseId: courseSessions.courseId, endsAt: max(courseSessions.endsAt).as('ends_at') })
    .from(courseSessions)
    .where(eq(courseSessions.status, 'scheduled'))
    .groupBy(courseSessions.courseId)
    .as('last_end');
  return db
    .select({
      enrollmentId: enrollments.id,
      state: enrollments.state,
      courseId: courses.id,
      programFi: programs.nameFi,
      programSv: programs.nameSv,
      programEn: programs.nameEn,
      locality: localities.name,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .leftJoin(lastEnd, eq(lastEnd.courseId, courses.id))
    .where(
      and(
        inArray(enrollments.applicationId, applicationIds),
        inArray(enrollments.state, activeEnrollmentStates),
        notInArray(courses.status, ['completed', 'cancelled']),
        // The subquery's max() is a bare number: compare it with the instant's milliseconds.
        or(isNull(lastEnd.endsAt), sql`${lastEnd.endsAt} > ${now.getTime()}`),
      ),
    )
    .all() as HeldPlace[]; // the filter above keeps only the active states
}

/** What the confirmation page shows before anything is erased. */
export type ErasurePreview =
  | { found: 'none' }
  | { found: 'anonymised'; anonymisedAt: Date }
  | {
      found: 'person';
      name: string;
      applications: MatchedApplication[];
      heldPlaces: HeldPlace[];
      tellBy: TellBy;
    };

type Contact = {
  name: string;
  email: string;
  phone: string;
  language: Language;
  postalStreet: string;
  postalCode: string;
  postOffice: string;
};

/**
 * How to reach the person to tell them: the asked-about application's details first, then those
 * of their other applications (an e-mail given on one of them still reaches them).
 */
function contactOf(db: DatabaseOrTransaction, matched: MatchedApplication[]): Contact {
  const rows = db
    .select({
      id: applications.id,
      name: applications.name,
      email: applications.email,
      phone: applications.phone,
      language: applications.language,
      postalStreet: applications.postalStreet,
      postalCode: applications.postalCode,
      postOffice: applications.postOffice,
    })
    .from(applications)
    .where(
      inArray(
        applications.id,
        matched.map((application) => application.id),
      ),
    )
    .all();
  const inOrder = matched.map((application) => rows.find((row) => row.id === application.id)!);
  const first = inOrder[0]!;
  const withEmail = inOrder.find((row) => row.email !== '');
  const withAddress = inOrder.find((row) => row.postalStreet !== '');
  const withPhone = inOrder.find((row) => row.phone !== '');
  return {
    name: first.name,
    email: withEmail?.email ?? '',
    language: (withEmail ?? first).language,
    phone: withPhone?.phone ?? '',
    postalStreet: withAddress?.postalStreet ?? '',
    postalCode: withAddress?.postalCode ?? '',
    postOffice: withAddress?.postOffice ?? '',
  };
}

export function erasurePreview(db: AppDatabase, applicationId: number, now: Date): ErasurePreview {
  const person = personOf(db, applicationId);
  if (person.found !== 'person') return person;
  const ids = person.applications.map((application) => application.id);
  const contact = contactOf(db, person.applications);
  return {
    found: 'person',
    name: contact.name,
    applications: person.applications,
    heldPlaces: placesHeldOn(db, ids, now),
    tellBy: tellByOf(contact),
  };
}

/** What happened, and what the coordinator needs to tell the person when no message could go. */
export type ErasureResult =
  | { outcome: 'not-found' }
  | { outcome: 'anonymised'; anonymisedAt: Date }
  | { outcome: 'refused'; heldPlaces: HeldPlace[] }
  | {
      outcome: 'erased';
      applicationIds: number[];
      toldBy: 'email';
    }
  | {
      outcome: 'erased';
      applicationIds: number[];
      toldBy: 'letter';
      /** Captured before anonymising for the one printed letter; never stored. */
      letter: {
        name: string;
        language: Language;
        address: { postalStreet: string; postalCode: string; postOffice: string };
      };
    }
  | { outcome: 'erased'; applicationIds: number[]; toldBy: 'none'; phone: string };

export type ErasureRequest = {
  /** The application asked about, or the deletion request from the personal link. */
  target: { applicationId: number } | { requestId: number };
  /** The coordinator ticked "withdraw them first": places on courses not ended are given up. */
  withdrawFirst: boolean;
};

/** The application a deletion request is about; null when the request or its person is gone. */
export function targetApplication(
  tx: DatabaseOrTransaction,
  target: ErasureRequest['target'],
): number | null {
  if ('applicationId' in target) return target.applicationId;
  const request = tx
    .select({ applicationId: deletionRequests.applicationId })
    .from(deletionRequests)
    .where(eq(deletionRequests.id, target.requestId))
    .get();
  return request?.applicationId ?? null;
}

/**
 * Erases a person in one immediate transaction: places on courses not ended are given up through
 * the enrolment building block (only when the coordinator confirmed it; otherwise the erasure is
 * refused, naming the courses), every matched application is anonymised, the deletion request is
 * handled (the pending one from the personal link, or a new one taken by staff), the person is
 * told (a message through the outbox, or a letter or a phone call the coordinator makes) and each
 * application gets an audit entry. Should any step fail, nothing changes. A second erasure of the
 * same person finds them anonymised and does nothing.
 */
export function erasePerson(
  db: AppDatabase,
  request: ErasureRequest,
  context: { actor: Actor; mail: MailContext },
): ErasureResult {
  const { actor, mail } = context;
  const now = mail.now;
  return immediateTransaction(db, (tx): ErasureResult => {
    const applicationId = targetApplication(tx, request.target);
    if (applicationId === null) return { outcome: 'not-found' };
    const person = personOf(tx, applicationId);
    if (person.found === 'none') return { outcome: 'not-found' };
    if (person.found === 'anonymised') {
      return { outcome: 'anonymised', anonymisedAt: person.anonymisedAt };
    }
    const ids = person.applications.map((application) => application.id);
    const heldPlaces = placesHeldOn(tx, ids, now);
    if (heldPlaces.length > 0 && !request.withdrawFirst) return { outcome: 'refused', heldPlaces };

    const contact = contactOf(tx, person.applications);
    const toldBy = tellByOf(contact);
    for (const place of heldPlaces) {
      withdrawIn(tx, { enrollmentId: place.enrollmentId, reason: '', by: 'staff' }, mail);
      recordSeatChange(tx, actor, place.enrollmentId, 'withdrawn', now);
    }
    for (const id of ids) {
      tx.update(applications)
        .set({ state: 'closed', closeReason: 'deleted', updatedAt: now })
        .where(eq(applications.id, id))
        .run();
      anonymiseApplicationIn(tx, id, now);
      recordAudit(
        tx,
        {
          actor,
          action: 'delete',
          subjectType: 'application',
          subjectId: id,
          detail: id === applicationId ? 'erasure' : 'erasure (same person)',
        },
        now,
      );
    }
    const handled = { handledAt: now, handledBy: actor.id, toldBy };
    const pending = tx
      .update(deletionRequests)
      .set(handled)
      .where(and(inArray(deletionRequests.applicationId, ids), isNull(deletionRequests.handledAt)))
      .returning({ id: deletionRequests.id })
      .all();
    if (pending.length === 0) {
      tx.insert(deletionRequests)
        .values({ applicationId, requestedAt: now, channel: 'staff', ...handled })
        .run();
    }
    // After anonymising, which drops unsent mail: this message is the one that must go out, and
    // with its applicationId the retention job empties its recipient when it prunes sent bodies.
    if (toldBy === 'email') {
      enqueueComposedMail(
        tx,
        contact,
        erasureNotice(contact.name, contact.language, organisationContact(tx)),
        null,
        { applicationId },
        mail,
      );
      return { outcome: 'erased', applicationIds: ids, toldBy };
    }
    if (toldBy === 'letter') {
      return {
        outcome: 'erased',
        applicationIds: ids,
        toldBy,
        letter: {
          name: contact.name,
          language: contact.language,
          address: {
            postalStreet: contact.postalStreet,
            postalCode: contact.postalCode,
            postOffice: contact.postOffice,
          },
        },
      };
    }
    return { outcome: 'erased', applicationIds: ids, toldBy, phone: contact.phone };
  });
}
