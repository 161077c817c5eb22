import { and, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { failedSignIns, sessions, users } from '../../../db/schema';
import { immediateTransaction, preparedFor, type AppDatabase, type Transaction } from '../../db';
import { decideSignInAttempt, signInThrottle, type ThrottleDecision } from './sign-in-throttle';

const sessionWithUser = preparedFor((db) =>
  db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      sessionTokenHash: sessions.tokenHash,
      sessionExpiresAt: sessions.expiresAt,
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

export function startSession(
  db: AppDatabase,
  session: { tokenHash: string; userId: number; email: string; now: Date; expiresAt: Date },
): void {
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
      })
      .run();
    // A successful sign-in ends the run of failures for this account.
    tx.delete(failedSignIns).where(eq(failedSignIns.email, session.email)).run();
  });
}

export function extendSession(db: AppDatabase, tokenHash: string, expiresAt: Date): void {
  db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash)).run();
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
): ThrottleDecision {
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
    if (decision.allowed) tx.insert(failedSignIns).values({ email, address, at: now }).run();
    return decision;
  });
}
