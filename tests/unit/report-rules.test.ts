import { describe, expect, it } from 'vitest';
import { completionRate, maskSmall } from '../../src/features/reports/report-rules';

describe('the "< 5" rule of the term report', () => {
  it('shows zero as 0, 1–4 as "< 5" and 5 or more as the number', () => {
    expect(maskSmall(0)).toBe(0);
    expect(maskSmall(1)).toBe('< 5');
    expect(maskSmall(4)).toBe('< 5');
    expect(maskSmall(5)).toBe(5);
    expect(maskSmall(123)).toBe(123);
  });
});

describe('completion rate', () => {
  it('is completed of started in whole percent once 5 or more started', () => {
    expect(completionRate(5, 6)).toBe(83);
    expect(completionRate(6, 3 + 9)).toBe(50);
    expect(completionRate(0, 7)).toBe(0);
  });

  it('is hidden when 1–4 completed, since rate × started would give the masked count away', () => {
    expect(completionRate(4, 5)).toBe('< 5');
    expect(completionRate(3, 6)).toBe('< 5');
    expect(completionRate(1, 200)).toBe('< 5');
  });

  it('is hidden when 1–4 started and absent when nobody started', () => {
    expect(completionRate(4, 4)).toBe('< 5');
    expect(completionRate(1, 1)).toBe('< 5');
    expect(completionRate(0, 0)).toBeNull();
  });
});
