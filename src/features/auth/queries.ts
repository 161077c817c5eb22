import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import { failedSignIns, sessions, users } from '../../../db/schema';
import { preparedFor, type AppDatabase, immediateTransaction } from '../../db';

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

/** Failure times since `since`, oldest first, for the account and for the address. */
export function recentFailedSignIns(
  db: AppDatabase,
  attempt: { email: string; address: string; since: Date },
) {
  const rows = db
    .select()
    .from(failedSignIns)
    .where(
      and(
        gt(failedSignIns.at, attempt.since),
        or(eq(failedSignIns.email, attempt.email), eq(failedSignIns.address, attempt.address)),
      ),
    )
    .orderBy(failedSignIns.at)
    .all();
  return {
    account: rows.filter((row) => row.email === attempt.email).map((row) => row.at),
    address: rows.filter((row) => row.address === attempt.address).map((row) => row.at),
  };
}

export function recordFailedSignIn(
  db: AppDatabase,
  attempt: { email: string; address: string; at: Date; forgetBefore: Date },
): void {
  immediateTransaction(db, (tx) => {
    tx.delete(failedSignIns).where(lt(failedSignIns.at, attempt.forgetBefore)).run();
    tx.insert(failedSignIns)
      .values({ email: attempt.email, address: attempt.address, at: attempt.at })
      .run();
  });
}
