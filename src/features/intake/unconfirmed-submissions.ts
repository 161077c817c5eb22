import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { applications, localities, unconfirmedSubmissions } from '../../../db/schema';
import { immediateTransaction, preparedFor, type AppDatabase, type Transaction } from '../../db';
import type { SignedInUser } from '../../http/app-env';
import { recordAudit } from '../audit/audit-log';
import {
  contactFields,
  offeredChanges,
  sameDetails,
  type ContactDetails,
  type ContactField,
} from './duplicates';

type SubmissionRow = typeof unconfirmedSubmissions.$inferSelect;

const detailsOf = (row: ContactDetails): ContactDetails =>
  Object.fromEntries(contactFields.map((field) => [field, row[field]])) as ContactDetails;

/**
 * A public form that matched an existing application: whatever it offers beyond the record is
 * kept aside for the coordinator, since anyone who knows a phone number can send it. Nothing is
 * kept when it offers nothing new, or exactly what an unreviewed submission already offers.
 */
export function noteUnconfirmedDetails(
  tx: Transaction,
  record: ContactDetails & { id: number },
  offered: ContactDetails & { source: SubmissionRow['source'] },
  now: Date,
): void {
  if (offeredChanges(record, offered).length === 0) return;
  const pending = tx
    .select()
    .from(unconfirmedSubmissions)
    .where(
      and(
        eq(unconfirmedSubmissions.applicationId, record.id),
        isNull(unconfirmedSubmissions.reviewedAt),
      ),
    )
    .all();
  if (pending.some((submission) => sameDetails(submission, offered))) return;
  tx.insert(unconfirmedSubmissions)
    .values({
      ...detailsOf(offered),
      applicationId: record.id,
      source: offered.source,
      receivedAt: now,
    })
    .run();
}

const pendingRows = preparedFor((db) =>
  db
    .select({
      submission: unconfirmedSubmissions,
      record: {
        name: applications.name,
        phone: applications.phone,
        email: applications.email,
        municipality: applications.municipality,
        goodTimesToCall: applications.goodTimesToCall,
        referrerName: applications.referrerName,
        referrerUnit: applications.referrerUnit,
        referrerContact: applications.referrerContact,
      },
    })
    .from(unconfirmedSubmissions)
    .innerJoin(applications, eq(applications.id, unconfirmedSubmissions.applicationId))
    .where(
      and(
        isNull(unconfirmedSubmissions.reviewedAt),
        sql`(${sql.placeholder('applicationId')} is null or ${unconfirmedSubmissions.applicationId} = ${sql.placeholder('applicationId')})`,
      ),
    )
    .orderBy(asc(unconfirmedSubmissions.receivedAt), asc(unconfirmedSubmissions.id))
    .prepare(),
);

export type DetailChange = { field: ContactField; current: string; offered: string };

/**
 * Submissions waiting for review, each with what it offers beyond the record as it is now; one
 * application's, or everyone's when `applicationId` is null.
 */
export function listUnconfirmedSubmissions(db: AppDatabase, applicationId: number | null) {
  return pendingRows(db)
    .all({ applicationId })
    .map(({ submission, record }) => ({
      id: submission.id,
      applicationId: submission.applicationId,
      applicationName: record.name,
      source: submission.source,
      receivedAt: submission.receivedAt,
      changes: offeredChanges(record, submission).map((field): DetailChange => ({
        field,
        current: record[field],
        offered: submission[field],
      })),
    }));
}
export type UnconfirmedSubmission = ReturnType<typeof listUnconfirmedSubmissions>[number];

type Review = { actor: Pick<SignedInUser, 'id' | 'name'>; now: Date };
export type ReviewResult = { applicationId: number } | 'not-found' | 'already-reviewed';

function reviewSubmission(
  db: AppDatabase,
  submissionId: number,
  { actor, now }: Review,
  decide: (tx: Transaction, submission: SubmissionRow) => string,
): ReviewResult {
  return immediateTransaction(db, (tx): ReviewResult => {
    const submission = tx
      .select()
      .from(unconfirmedSubmissions)
      .where(eq(unconfirmedSubmissions.id, submissionId))
      .get();
    if (!submission) return 'not-found';
    if (submission.reviewedAt !== null) return 'already-reviewed';
    const detail = decide(tx, submission);
    tx.update(unconfirmedSubmissions)
      .set({ reviewedAt: now, reviewedBy: actor.id })
      .where(eq(unconfirmedSubmissions.id, submissionId))
      .run();
    recordAudit(
      tx,
      {
        actor,
        action: 'update',
        subjectType: 'application',
        subjectId: submission.applicationId,
        detail,
      },
      now,
    );
    return { applicationId: submission.applicationId };
  });
}

/**
 * The coordinator confirmed the offered details with the person: they replace the record's. A
 * municipality that is one of the localities also moves the person to its demand list, as the
 * form would have.
 */
export function takeOverSubmission(db: AppDatabase, submissionId: number, review: Review) {
  return reviewSubmission(db, submissionId, review, (tx, submission) => {
    const record = tx
      .select()
      .from(applications)
      .where(eq(applications.id, submission.applicationId))
      .get()!;
    const changes = offeredChanges(record, submission);
    const locality = changes.includes('municipality')
      ? tx
          .select({ id: localities.id })
          .from(localities)
          .where(eq(localities.name, submission.municipality))
          .get()
      : undefined;
    if (changes.length > 0) {
      tx.update(applications)
        .set({
          ...Object.fromEntries(changes.map((field) => [field, submission[field]])),
          ...(locality ? { localityId: locality.id } : {}),
          updatedAt: review.now,
        })
        .where(eq(applications.id, record.id))
        .run();
    }
    return `unconfirmed submission ${submission.id} taken over: ${changes.join(', ') || 'nothing new'}`;
  });
}

/** The coordinator found the offered details wrong (or not the person's): the record stays. */
export function dismissSubmission(db: AppDatabase, submissionId: number, review: Review) {
  return reviewSubmission(
    db,
    submissionId,
    review,
    (_tx, submission) => `unconfirmed submission ${submission.id} dismissed`,
  );
}
