import { and, eq, sql } from 'drizzle-orm';
import { courseFeedback, enrollments, type RecommendAnswer } from '../../../db/schema';
import { immediateTransaction, type AppDatabase, type Transaction } from '../../db';
import { recordAudit, type Actor } from '../audit/audit-log';

export type FeedbackAnswers = {
  usefulness: number;
  everydayTools: number;
  bestThing: string;
  toImprove: string;
  recommend: RecommendAnswer;
};

/** Fewer answers, online and paper together, than the course had people who may answer. */
function hasRoomForAnswerIn(tx: Transaction, courseId: number): boolean {
  // mayGiveFeedback (feedback-rules.ts) as SQL, so the count needs no rows loaded.
  const mayAnswer = tx
    .select({ count: sql<number>`count(*)` })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.courseId, courseId),
        sql`(${enrollments.state} in ('placed', 'completed', 'not-completed')
          or (${enrollments.state} = 'withdrawn' and ${enrollments.dropOutReason} != ''))`,
      ),
    )
    .get()!.count;
  const answered = tx
    .select({ count: sql<number>`count(*)` })
    .from(courseFeedback)
    .where(eq(courseFeedback.courseId, courseId))
    .get()!.count;
  return answered < mayAnswer;
}

/**
 * Saves a participant's answer once: the flag on their enrolment and the answer are written in one
 * immediate transaction, so a second (or a concurrent) answer finds the flag set and saves nothing.
 * The answer names only the course; the enrolment's updatedAt is left alone and nothing is
 * audited, so no row ties the answer to the person or to the moment they gave it. The course's cap
 * (as many answers as people who may answer, paper ones included) holds here too.
 */
export function giveFeedback(
  db: AppDatabase,
  input: { enrollmentId: number; courseId: number; answers: FeedbackAnswers },
): 'saved' | 'already-given' {
  return immediateTransaction(db, (tx) => {
    // Paper answers typed in first may have filled the course's answers already: one of them is
    // then this person's, so the online answer is taken as given, keeping the cap whole.
    if (!hasRoomForAnswerIn(tx, input.courseId)) return 'already-given';
    const flagged = tx
      .update(enrollments)
      .set({ feedbackGiven: true })
      .where(
        and(
          eq(enrollments.id, input.enrollmentId),
          eq(enrollments.courseId, input.courseId),
          eq(enrollments.feedbackGiven, false),
        ),
      )
      .run();
    if (flagged.changes === 0) return 'already-given';
    tx.insert(courseFeedback)
      .values({ courseId: input.courseId, ...input.answers })
      .run();
    return 'saved';
  });
}

/**
 * Saves an answer the coordinator typed in from a paper form. Paper answers cannot be tied to a
 * person, so the guard is the count: a course takes at most as many answers (online and paper
 * together) as it had people who may answer. Audited as an entry on the course, never its content.
 */
export function givePaperFeedback(
  db: AppDatabase,
  input: { courseId: number; answers: FeedbackAnswers },
  actor: Actor,
  now: Date,
): 'saved' | 'all-answered' {
  return immediateTransaction(db, (tx) => {
    if (!hasRoomForAnswerIn(tx, input.courseId)) return 'all-answered';
    const saved = tx
      .insert(courseFeedback)
      .values({ courseId: input.courseId, ...input.answers })
      .returning({ id: courseFeedback.id })
      .get();
    recordAudit(
      tx,
      {
        actor,
        action: 'create',
        subjectType: 'course-feedback',
        subjectId: saved.id,
        detail: `paper answer entered, course ${input.courseId}`,
      },
      now,
    );
    return 'saved';
  });
}

/**
 * Hides an answer's free texts (they could identify someone); the scores still count. Only the
 * change is audited: hiding a text already hidden (a second click, a repeat) changes and records
 * nothing.
 */
export function hideFeedbackText(
  db: AppDatabase,
  input: { courseId: number; feedbackId: number },
  actor: Actor,
  now: Date,
): 'hidden' | 'already-hidden' | 'not-found' {
  return immediateTransaction(db, (tx) => {
    const ofCourse = and(
      eq(courseFeedback.id, input.feedbackId),
      eq(courseFeedback.courseId, input.courseId),
    );
    const hidden = tx
      .update(courseFeedback)
      .set({ freeTextHidden: true })
      .where(and(ofCourse, eq(courseFeedback.freeTextHidden, false)))
      .run();
    if (hidden.changes === 0) {
      const exists = tx
        .select({ id: courseFeedback.id })
        .from(courseFeedback)
        .where(ofCourse)
        .get();
      return exists ? 'already-hidden' : 'not-found';
    }
    recordAudit(
      tx,
      {
        actor,
        action: 'update',
        subjectType: 'course-feedback',
        subjectId: input.feedbackId,
        detail: `feedback text hidden, course ${input.courseId}`,
      },
      now,
    );
    return 'hidden';
  });
}
