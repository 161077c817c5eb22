import { and, asc, eq } from 'drizzle-orm';
import { courseFeedback } from '../../../db/schema';
import type { AppDatabase } from '../../db';

/** A course's answers, scores only: what the results (and a term's report) are made of. */
export function feedbackScoresOf(db: AppDatabase, courseId: number) {
  return db
    .select({
      usefulness: courseFeedback.usefulness,
      everydayTools: courseFeedback.everydayTools,
      recommend: courseFeedback.recommend,
    })
    .from(courseFeedback)
    .where(eq(courseFeedback.courseId, courseId))
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
