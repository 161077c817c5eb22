import { and, asc, eq } from 'drizzle-orm';
import { courseFeedback, courses } from '../../../db/schema';
import type { AppDatabase } from '../../db';

/** A course's answers, scores only: what the results (and a term's report) are made of. */
const scoreColumns = {
  usefulness: courseFeedback.usefulness,
  everydayTools: courseFeedback.everydayTools,
  recommend: courseFeedback.recommend,
};

export function feedbackScoresOf(db: AppDatabase, courseId: number) {
  return db
    .select(scoreColumns)
    .from(courseFeedback)
    .where(eq(courseFeedback.courseId, courseId))
    .all();
}

/** The scores of every course of a term, for the term report (never the free texts). */
export function termFeedbackScoresOf(db: AppDatabase, termId: number) {
  return db
    .select(scoreColumns)
    .from(courseFeedback)
    .innerJoin(courses, eq(courses.id, courseFeedback.courseId))
    .where(eq(courses.termId, termId))
    .all();
}

export type FeedbackText = { id: number; bestThing: string; toImprove: string };

/** The free texts not hidden, for the coordinator; answers with both texts empty are left out. */
export function visibleFeedbackTextsOf(db: AppDatabase, courseId: number): FeedbackText[] {
  return db
    .select({
      id: courseFeedback.id,
      bestThing: courseFeedback.bestThing,
      toImprove: courseFeedback.toImprove,
    })
    .from(courseFeedback)
    .where(and(eq(courseFeedback.courseId, courseId), eq(courseFeedback.freeTextHidden, false)))
    .orderBy(asc(courseFeedback.id))
    .all()
    .filter((text) => text.bestThing !== '' || text.toImprove !== '');
}
