/**
 * Password guessing is slowed per account and per client address. The window slides: once the
 * oldest counted failure is older than the window, one more attempt is allowed.
 */
export const signInThrottle = {
  windowMilliseconds: 15 * 60 * 1000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
} as const;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** Takes the failure times (newest window only, oldest first) of the account and of the address. */
export function decideSignInAttempt(
  now: Date,
  accountFailures: readonly Date[],
  addressFailures: readonly Date[],
  limits: typeof signInThrottle = signInThrottle,
): ThrottleDecision {
  const blockedUntil = (failures: readonly Date[], max: number): number | null => {
    if (failures.length < max) return null;
    const oldestCounted = failures[failures.length - max]!;
    return oldestCounted.getTime() + limits.windowMilliseconds;
  };
  const until = Math.max(
    blockedUntil(accountFailures, limits.maxFailuresPerAccount) ?? 0,
    blockedUntil(addressFailures, limits.maxFailuresPerAddress) ?? 0,
  );
  if (until <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterMinutes: Math.ceil((until - now.getTime()) / 60_000) };
}
