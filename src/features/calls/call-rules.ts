import type { CallOutcome } from '../../../db/schema';
import { addDays, instantToWallClock, wallClockToInstant } from '../../lib/helsinki-time';

export type CallAttemptSummary = { at: Date; outcome: CallOutcome };

/** When an applicant counts as "could not be reached": a region may set its own numbers. */
export type UnreachableRule = { maxUnanswered: number; minDistinctDays: number };

export const defaultUnreachableRule: UnreachableRule = { maxUnanswered: 3, minDistinctDays: 2 };

/**
 * True when, since the person was last reached, enough calls went unanswered on enough different
 * Helsinki calendar days: three tries within one morning do not make someone unreachable.
 */
export function isUnreachable(
  attempts: readonly CallAttemptSummary[],
  rule: UnreachableRule = defaultUnreachableRule,
): boolean {
  const inOrder = [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastReached = inOrder.findLastIndex((attempt) => attempt.outcome === 'reached');
  const unanswered = inOrder
    .slice(lastReached + 1)
    .filter((attempt) => attempt.outcome === 'no-answer');
  const days = new Set(unanswered.map((attempt) => instantToWallClock(attempt.at).date));
  return unanswered.length >= rule.maxUnanswered && days.size >= rule.minDistinctDays;
}

/**
 * When the person should be called next after a call with this outcome:
 * - no answer: the next day at the same Helsinki wall-clock time (so tries spread over days);
 * - wrong number: still due now: someone must find the right number first;
 * - call back: the time the person asked for;
 * - reached: now (the interview or the news follows right away, which takes the item off the queue).
 */
export function nextCallDue(outcome: CallOutcome, now: Date, callBackAt?: Date): Date {
  switch (outcome) {
    case 'no-answer': {
      const { date, time } = instantToWallClock(now);
      return wallClockToInstant(addDays(date, 1), time);
    }
    case 'call-back':
      if (!callBackAt) throw new RangeError('A call-back needs the time to call back');
      return callBackAt;
    case 'wrong-number':
    case 'reached':
      return now;
  }
}
