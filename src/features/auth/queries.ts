import { and, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import { failedSignIns, sessions, users } from '../../../db/schema';
import { preparedFor, type AppDatabase, type DatabaseOrTransaction } from '../../db';

const sessionWithUser = preparedFor((db) =>
  db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
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
  db.transaction(
    (tx) => {
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
    },
    { behavior: 'immediate' },
  );
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
  db.transaction((tx) => {
    tx.delete(failedSignIns).where(lt(failedSignIns.at, attempt.forgetBefore)).run();
    tx.insert(failedSignIns)
      .values({ email: attempt.email, address: attempt.address, at: attempt.at })
      .run();
  });
}
