import { describe, expect, it } from 'vitest';
import {
  accountDelayMilliseconds,
  decideSignInAttempt,
  signInThrottle,
} from '../../src/features/auth/sign-in-throttle';

const now = new Date('2026-11-23T10:00:00Z');
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const minutesAgo = (minutes: number) => secondsAgo(minutes * 60);
/** `count` failures, the newest `latestSecondsAgo` before now, one every `everySeconds`. */
const failures = (count: number, latestSecondsAgo = 0, everySeconds = 0) =>
  Array.from({ length: count }, (_, index) =>
    secondsAgo(latestSecondsAgo + (count - 1 - index) * everySeconds),
  );

describe('deciding whether a sign-in attempt may be tried', () => {
  it('allows three failures of an account in a row without any wait', () => {
    expect(decideSignInAttempt(now, failures(2), failures(2))).toEqual({ allowed: true });
  });

  it('makes the attempt after the third failure wait one second', () => {
    expect(decideSignInAttempt(now, failures(3), failures(3))).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    expect(decideSignInAttempt(now, failures(3, 1), failures(3, 1))).toEqual({ allowed: true });
  });

  it('doubles the wait with every further failure', () => {
    expect([3, 4, 5, 6, 10].map((count) => accountDelayMilliseconds(count) / 1000)).toEqual([
      1, 2, 4, 8, 128,
    ]);
    expect(decideSignInAttempt(now, failures(6, 5), [])).toEqual({
      allowed: false,
      retryAfterSeconds: 3,
    });
  });

  it('never makes an account wait more than fifteen minutes, however many failures it has', () => {
    expect(accountDelayMilliseconds(40)).toBe(15 * 60 * 1000);
    const decision = decideSignInAttempt(now, failures(40, 60, 60), []);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
    expect(decideSignInAttempt(now, failures(40, 15 * 60, 60), [])).toEqual({ allowed: true });
  });

  it('forgets an account’s failures after a day', () => {
    const yesterday = failures(10, 24 * 60 * 60 + 1);
    expect(decideSignInAttempt(now, yesterday, [])).toEqual({ allowed: true });
  });

  it('counts only the account’s failures for its delay, not the address’s', () => {
    const addressFailures = failures(signInThrottle.maxFailuresPerAddress - 1);
    expect(decideSignInAttempt(now, [], addressFailures)).toEqual({ allowed: true });
  });

  it('refuses an address that has failed twenty times in fifteen minutes, even for a fresh account', () => {
    const decision = decideSignInAttempt(
      now,
      [],
      failures(signInThrottle.maxFailuresPerAddress, 60, 30),
    );
    // The oldest of the twenty was 10.5 minutes ago, so it leaves the window in 4.5 minutes.
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 4.5 * 60 });
  });

  it('allows the address again once its oldest counted failure leaves the window', () => {
    const addressFailures = [minutesAgo(16), ...failures(19, 60)];
    expect(decideSignInAttempt(now, [], addressFailures)).toEqual({ allowed: true });
  });

  it('answers with the longer wait when both the account and the address are held back', () => {
    const decision = decideSignInAttempt(now, failures(4), failures(20, 0, 1));
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 19 });
  });
});
