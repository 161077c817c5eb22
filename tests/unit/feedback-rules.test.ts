import { describe, expect, it } from 'vitest';
import type { RecommendAnswer } from '../../db/schema';
import {
  isFeedbackOpen,
  mayGiveFeedback,
  summariseFeedback,
  type FeedbackScores,
} from '../../src/features/feedback/feedback-rules';

function answers(count: number, answer: Partial<FeedbackScores> = {}): FeedbackScores[] {
  return Array.from({ length: count }, () => ({
    usefulness: 4,
    everydayTools: 3,
    recommend: 'yes' as RecommendAnswer,
    ...answer,
  }));
}

describe('summarising feedback with the "< 5" rule', () => {
  it('shows only that there are fewer than five answers when there are four', () => {
    expect(summariseFeedback(answers(4))).toEqual({ count: 4, shown: false });
  });

  it('shows nothing but the count for no answers', () => {
    expect(summariseFeedback([])).toEqual({ count: 0, shown: false });
  });

  it('shows averages, distributions and recommendations from five answers', () => {
    const summary = summariseFeedback([
      ...answers(3, { usefulness: 5, everydayTools: 4 }),
      ...answers(2, { usefulness: 2, everydayTools: 4, recommend: 'cant-say' }),
    ]);
    expect(summary).toEqual({
      count: 5,
      shown: true,
      usefulness: {
        average: 3.8,
        distribution: [0, 'fewer-than-5', 0, 0, 'fewer-than-5'],
      },
      everydayTools: { average: 4, distribution: [0, 0, 0, 5, 0] },
      recommend: { yes: 'fewer-than-5', no: 0, 'cant-say': 'fewer-than-5' },
    });
  });

  it('hides a bucket of four answers but shows one of five', () => {
    const summary = summariseFeedback([
      ...answers(4, { usefulness: 1, recommend: 'no' }),
      ...answers(5, { usefulness: 3, recommend: 'yes' }),
    ]);
    if (!summary.shown) throw new Error('nine answers are shown');
    expect(summary.usefulness.distribution).toEqual(['fewer-than-5', 0, 5, 0, 0]);
    expect(summary.recommend).toEqual({ yes: 5, no: 'fewer-than-5', 'cant-say': 0 });
    expect(summary.usefulness.average).toBe(2.1);
  });
});

describe('who may answer, and when', () => {
  it('lets placed people, completers and those who did not complete answer', () => {
    for (const state of ['placed', 'completed', 'not-completed'] as const) {
      expect(mayGiveFeedback({ state, dropOutReason: '' })).toBe(true);
    }
  });

  it('lets a drop-out answer but not someone who withdrew before, nor the waitlist', () => {
    expect(mayGiveFeedback({ state: 'withdrawn', dropOutReason: 'health' })).toBe(true);
    expect(mayGiveFeedback({ state: 'withdrawn', dropOutReason: '' })).toBe(false);
    expect(mayGiveFeedback({ state: 'waitlisted', dropOutReason: '' })).toBe(false);
    expect(mayGiveFeedback({ state: 'cancelled', dropOutReason: '' })).toBe(false);
  });

  it('opens when the last held session starts, a cancelled last session not counting', () => {
    const sessions = [
      { startsAt: new Date('2026-10-06T14:00:00Z'), status: 'scheduled' },
      { startsAt: new Date('2026-10-13T14:00:00Z'), status: 'scheduled' },
      { startsAt: new Date('2026-10-20T14:00:00Z'), status: 'cancelled' },
    ];
    const course = { status: 'running', sessions };
    expect(isFeedbackOpen(course, new Date('2026-10-13T13:59:59Z'))).toBe(false);
    expect(isFeedbackOpen(course, new Date('2026-10-13T14:00:00Z'))).toBe(true);
    expect(isFeedbackOpen({ ...course, status: 'cancelled' }, new Date('2026-11-01'))).toBe(false);
  });
});
