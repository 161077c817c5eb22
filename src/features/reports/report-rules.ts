import { smallestShownCount } from '../feedback/feedback-rules';

/**
 * The term report's figures are about people, so a figure about 1–4 people is shown as "< 5":
 * nobody can be recognised from a small count. Zero is shown as 0 (it gives nobody away, and a
 * column of "< 5" for empty cells would hide that nothing happened). Totals are summed from the
 * real numbers first and only the shown total is masked, so the totals stay correct.
 */
export const fewerThanFive = '< 5';
export type ShownFigure = number | typeof fewerThanFive;

export function maskSmall(count: number): ShownFigure {
  return count > 0 && count < smallestShownCount ? fewerThanFive : count;
}

/**
 * Completion rate in whole percent: completed of those who started (attended at least once).
 * Hidden when fewer than 5 started, since a rate of 1–4 people tells about persons, and when 1–4
 * completed: the started count is shown beside it, so 50 % of 6 would give the masked 3 away.
 * Null when nobody started (no rate at all).
 */
export function completionRate(completed: number, started: number): ShownFigure | null {
  if (started === 0) return null;
  if (maskSmall(started) === fewerThanFive || maskSmall(completed) === fewerThanFive) {
    return fewerThanFive;
  }
  return Math.round((completed / started) * 100);
}
