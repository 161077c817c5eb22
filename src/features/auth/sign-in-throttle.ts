/**
 * Password guessing is slowed per account and limited per client address.
 *
 * An account gets a few free failures; after that each further attempt must wait a delay that
 * doubles with every failure, up to a cap. So a stranger's guesses make the owner wait at most
 * the cap, never a fixed lockout, while a guesser gets about one try per cap. The run of failures
 * ends with a successful sign-in or when it is older than the account memory.
 *
 * An address may fail a fixed number of times in a sliding window: once the oldest counted failure
 * is older than the window, one more attempt is allowed.
 */
export const signInThrottle = {
  freeFailuresPerAccount: 3,
  firstDelayMilliseconds: 1000,
  maxDelayMilliseconds: 15 * 60 * 1000,
  accountMemoryMilliseconds: 24 * 60 * 60 * 1000,
  addressWindowMilliseconds: 15 * 60 * 1000,
  maxFailuresPerAddress: 20,
} as const;

export type SignInThrottleLimits = typeof signInThrottle;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** How long an account must wait after its latest failure, given how many it has had. */
export function accountDelayMilliseconds(
  failureCount: number,
  limits: SignInThrottleLimits = signInThrottle,
): number {
  const delayed = failureCount - limits.freeFailuresPerAccount;
  if (delayed < 0) return 0;
  return Math.min(limits.firstDelayMilliseconds * 2 ** delayed, limits.maxDelayMilliseconds);
}

/**
 * Takes the failure times, oldest first: the account's within its memory and the address's within
 * its window (older ones are ignored). An attempt that is allowed counts as a failure until it
 * succeeds, so the caller records it before checking the password.
 */
export function decideSignInAttempt(
  now: Date,
  accountFailures: readonly Date[],
  addressFailures: readonly Date[],
  limits: SignInThrottleLimits = signInThrottle,
): ThrottleDecision {
  const remembered = accountFailures.filter(
    (at) => at.getTime() > now.getTime() - limits.accountMemoryMilliseconds,
  );
  const counted = addressFailures.filter(
    (at) => at.getTime() > now.getTime() - limits.addressWindowMilliseconds,
  );
  const latest = remembered.at(-1);
  const accountFreeAt = latest
    ? latest.getTime() + accountDelayMilliseconds(remembered.length, limits)
    : 0;
  const addressFreeAt =
    counted.length >= limits.maxFailuresPerAddress
      ? counted[counted.length - limits.maxFailuresPerAddress]!.getTime() +
        limits.addressWindowMilliseconds
      : 0;
  const until = Math.max(accountFreeAt, addressFreeAt);
  if (until <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
}
