import type { EnrollmentState, RecommendAnswer } from '../../../db/schema';

/**
 * Who may give feedback and when, and how results are shown: plain functions, so the term report
 * can summarise a whole term's answers with the same "< 5" rule as a course page.
 */

/** The longest free text a participant can write in each box. */
export const feedbackTextMax = 1000;

/** Fewer answers than this are never shown as a figure: someone could be recognised from them. */
export const smallestShownCount = 5;

/**
 * Placed people (before closing), those who completed or not, and drop-outs recorded during the
 * course may answer; someone who withdrew before it started, the waitlist and a cancelled course
 * may not.
 */
export function mayGiveFeedback(enrollment: {
  state: EnrollmentState;
  dropOutReason: string;
}): boolean {
  if (enrollment.state === 'withdrawn') return enrollment.dropOutReason !== '';
  return (
    enrollment.state === 'placed' ||
    enrollment.state === 'completed' ||
    enrollment.state === 'not-completed'
  );
}

/** Feedback opens when the course's last held (not cancelled) session starts. */
export function feedbackOpens(sessions: { startsAt: Date; status: string }[]): Date | null {
  const held = sessions.filter((session) => session.status !== 'cancelled');
  if (held.length === 0) return null;
  return new Date(Math.max(...held.map((session) => session.startsAt.getTime())));
}

export function isFeedbackOpen(
  course: { status: string; sessions: { startsAt: Date; status: string }[] },
  now: Date,
): boolean {
  if (course.status === 'cancelled') return false;
  const opens = feedbackOpens(course.sessions);
  return opens !== null && opens <= now;
}

/** A count shown as is, or hidden as "< 5" when it is about 1–4 answers (0 gives nobody away). */
export type ShownCount = number | 'fewer-than-5';

export function shownCount(count: number): ShownCount {
  return count > 0 && count < smallestShownCount ? 'fewer-than-5' : count;
}

export type ScoreSummary = {
  average: number;
  /** How many answered 1, 2, 3, 4 and 5, in that order. */
  distribution: ShownCount[];
};

export type FeedbackSummary =
  | { count: number; shown: false }
  | {
      count: number;
      shown: true;
      usefulness: ScoreSummary;
      everydayTools: ScoreSummary;
      recommend: Record<RecommendAnswer, ShownCount>;
    };

export type FeedbackScores = {
  usefulness: number;
  everydayTools: number;
  recommend: RecommendAnswer;
};

function summariseScores(scores: number[]): ScoreSummary {
  const total = scores.reduce((sum, score) => sum + score, 0);
  return {
    average: Math.round((total / scores.length) * 10) / 10,
    distribution: [1, 2, 3, 4, 5].map((value) =>
      shownCount(scores.filter((score) => score === value).length),
    ),
  };
}

/**
 * The results of a course's or a term's answers. With fewer than five answers only that is told
 * (no averages, no distributions); with five or more, any bucket of 1–4 answers shows as "< 5".
 */
export function summariseFeedback(rows: FeedbackScores[]): FeedbackSummary {
  const count = rows.length;
  if (count < smallestShownCount) return { count, shown: false };
  const recommendCount = (answer: RecommendAnswer) =>
    shownCount(rows.filter((row) => row.recommend === answer).length);
  return {
    count,
    shown: true,
    usefulness: summariseScores(rows.map((row) => row.usefulness)),
    everydayTools: summariseScores(rows.map((row) => row.everydayTools)),
    recommend: {
      yes: recommendCount('yes'),
      no: recommendCount('no'),
      'cant-say': recommendCount('cant-say'),
    },
  };
}
