import { describe, expect, it } from 'vitest';
import { decideSignInAttempt, signInThrottle } from '../../src/features/auth/sign-in-throttle';

const now = new Date('2026-11-23T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const failures = (count: number, everyMinutes = 1) =>
  Array.from({ length: count }, (_, index) => minutesAgo((count - index) * everyMinutes));

describe('deciding whether a sign-in attempt may be tried', () => {
  it('allows an attempt after four failures of the account', () => {
    expect(decideSignInAttempt(now, failures(4), failures(4))).toEqual({ allowed: true });
  });

  it('refuses the attempt after five failures and says how long to wait', () => {
    const decision = decideSignInAttempt(now, failures(5), failures(5));
    // The oldest of the five was 5 minutes ago, so it leaves the 15-minute window in 10 minutes.
    expect(decision).toEqual({ allowed: false, retryAfterMinutes: 10 });
  });

  it('allows again once the oldest counted failure leaves the window', () => {
    const oldFailures = [minutesAgo(16), ...failures(4)];
    expect(decideSignInAttempt(now, oldFailures, oldFailures)).toEqual({ allowed: true });
  });

  it('refuses an address that has failed on many accounts, even for a fresh account', () => {
    const decision = decideSignInAttempt(
      now,
      [],
      failures(signInThrottle.maxFailuresPerAddress, 0.5),
    );
    expect(decision.allowed).toBe(false);
  });
});
