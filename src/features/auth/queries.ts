import { and, eq, gt, gte, lt, ne, sql, type SQL } from 'drizzle-orm';
import { failedSignIns, sessions, users } from '../../../db/schema';
import {
  immediateTransaction,
  preparedFor,
  type AppDatabase,
  type DatabaseOrTransaction,
  type Transaction,
} from '../../db';
import { decideSignInAttempt, signInThrottle, type ThrottleDecision } from './sign-in-throttle';

const sessionWithUser = preparedFor((db) =>
  db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      homeRegion: users.homeRegion,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      hasTwoStep: sql<boolean>`${users.totpSecret} is not null`.mapWith(Boolean),
      sessionTokenHash: sessions.tokenHash,
      sessionCreatedAt: sessions.createdAt,
      sessionExpiresAt: sessions.expiresAt,
      sessionLastSeenAt: sessions.lastSeenAt,
      awaitingSecondFactor: sessions.awaitingSecondFactor,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare(),
);

export function findSessionWithUser(db: AppDatabase, tokenHash: string) {
  return sessionWithUser(db).get({ tokenHash });
}

export function findUserByEmail(db: AppDatabase, email: string) {
  return db.select().from(users).where(eq(users.email, email)).get();
}

export function findUserById(db: AppDatabase, id: number) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export type NewSession = {
  tokenHash: string;
  userId: number;
  email: string;
  now: Date;
  expiresAt: Date;
  /** Shown in the owner's list of sessions. */
  userAgent: string;
  address: string;
  /** The password was right; the two-step code (or enrolment) is still to come. */
  awaitingSecondFactor: boolean;
};

export function startSession(db: AppDatabase, session: NewSession): void {
  immediateTransaction(db, (tx) => {
    tx.delete(sessions)
      .where(and(eq(sessions.userId, session.userId), lt(sessions.expiresAt, session.now)))
      .run();
    tx.insert(sessions)
      .values({
        tokenHash: session.tokenHash,
        userId: session.userId,
        createdAt: session.now,
        expiresAt: session.expiresAt,
        lastSeenAt: session.now,
        userAgent: session.userAgent.slice(0, 512),
        address: session.address.slice(0, 100),
        awaitingSecondFactor: session.awaitingSecondFactor,
      })
      .run();
    // Wrong two-step codes count as failures too, so only a finished sign-in forgets them.
    if (!session.awaitingSecondFactor) forgetFailedSignIns(tx, session.email);
  });
}

/** A successful sign-in ends the run of failures for this account. */
function forgetFailedSignIns(tx: DatabaseOrTransaction, email: string): void {
  tx.delete(failedSignIns).where(eq(failedSignIns.email, email)).run();
}

/** The two-step code was right: the waiting session becomes a signed-in one. */
export function completeSecondStep(
  tx: DatabaseOrTransaction,
  session: { tokenHash: string; email: string; expiresAt: Date; now: Date },
): void {
  tx.update(sessions)
    .set({ awaitingSecondFactor: false, expiresAt: session.expiresAt, lastSeenAt: session.now })
    .where(eq(sessions.tokenHash, session.tokenHash))
    .run();
  forgetFailedSignIns(tx, session.email);
}

/** Pushes the end of a session forward and notes when it was last used. */
export function touchSession(
  db: AppDatabase,
  tokenHash: string,
  seen: { expiresAt: Date; lastSeenAt: Date },
): void {
  db.update(sessions).set(seen).where(eq(sessions.tokenHash, tokenHash)).run();
}

/** Ends every session of an account, or every one but the one in use (`except`). */
export function endSessionsOf(
  tx: DatabaseOrTransaction,
  userId: number,
  options: { except?: string } = {},
): void {
  tx.delete(sessions)
    .where(
      options.except
        ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, options.except))
        : eq(sessions.userId, userId),
    )
    .run();
}

export function endSession(db: AppDatabase, tokenHash: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

/**
 * Reserves a sign-in attempt before its password is checked: the recent failures are read, the
 * throttle decides, and an allowed attempt is recorded as a failure, all in one immediate
 * transaction, so parallel requests cannot all pass on the same count. A successful sign-in
 * removes the record again (`startSession` ends the account's run of failures).
 */
export function reserveSignInAttempt(
  db: AppDatabase,
  attempt: { email: string; address: string; now: Date },
): Exclude<ThrottleDecision, { allowed: true }> | { allowed: true; attemptId: number } {
  const { email, address, now } = attempt;
  const since = (milliseconds: number) => new Date(now.getTime() - milliseconds);
  const failureTimes = (tx: Transaction, matches: SQL | undefined, after: Date) =>
    tx
      .select({ at: failedSignIns.at })
      .from(failedSignIns)
      .where(and(matches, gt(failedSignIns.at, after)))
      .orderBy(failedSignIns.at)
      .all()
      .map((row) => row.at);
  return immediateTransaction(db, (tx) => {
    const forgetBefore = since(
      Math.max(signInThrottle.accountMemoryMilliseconds, signInThrottle.addressWindowMilliseconds),
    );
    tx.delete(failedSignIns).where(lt(failedSignIns.at, forgetBefore)).run();
    const decision = decideSignInAttempt(
      now,
      failureTimes(
        tx,
        eq(failedSignIns.email, email),
        since(signInThrottle.accountMemoryMilliseconds),
      ),
      failureTimes(
        tx,
        eq(failedSignIns.address, address),
        since(signInThrottle.addressWindowMilliseconds),
      ),
    );
    if (!decision.allowed) return decision;
    const { id } = tx
      .insert(failedSignIns)
      .values({ email, address, at: now })
      .returning({ id: failedSignIns.id })
      .get();
    return { ...decision, attemptId: id };
  });
}

/** The password was right: the reserved attempt was no failure (a second step may still follow). */
export function releaseSignInAttempt(db: AppDatabase, attemptId: number): void {
  db.delete(failedSignIns).where(eq(failedSignIns.id, attemptId)).run();
}

/** A wrong two-step code counts as a failed sign-in of the account. */
export function recordFailureIn(
  tx: Transaction,
  failure: { email: string; address: string; at: Date },
): void {
  tx.insert(failedSignIns).values(failure).run();
}

/** The account's failures since `since` (e.g. since its waiting session began). */
export function wrongCodesSince(tx: Transaction, attempt: { email: string; since: Date }): number {
  return tx
    .select({ at: failedSignIns.at })
    .from(failedSignIns)
    .where(and(eq(failedSignIns.email, attempt.email), gte(failedSignIns.at, attempt.since)))
    .all().length;
}

export function isWaitingForSecondStep(tx: Transaction, tokenHash: string): boolean {
  return (
    tx
      .select({ waiting: sessions.awaitingSecondFactor })
      .from(sessions)
      .where(eq(sessions.tokenHash, tokenHash))
      .get()?.waiting === true
  );
}

export function endSessionIn(tx: DatabaseOrTransaction, tokenHash: string): void {
  tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}
