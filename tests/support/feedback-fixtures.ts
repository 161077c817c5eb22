import { eq } from 'drizzle-orm';
import { courseFeedback } from '../../db/schema';
import type { AppDatabase } from '../../src/db';

/** A complete answer to the questionnaire, as the form posts it. */
export const anAnswer = {
  usefulness: '4',
  everydayTools: '5',
  bestThing: 'Keskustelut muiden kanssa',
  toImprove: '',
  recommend: 'yes',
};

/** The answers stored for a course. */
export function feedbackRowsOf({ db }: { db: AppDatabase }, courseId: number) {
  return db.select().from(courseFeedback).where(eq(courseFeedback.courseId, courseId)).all();
}
