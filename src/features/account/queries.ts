import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { sessions, users } from '../../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../db';
import type { SignedInUser } from '../../http/app-env';
import type { Language } from '../../i18n';
import { recordAudit, staffAccountChange } from '../audit/audit-log';
import { endSessionsOf } from '../auth/queries';
import { revokeFeedOf } from '../invites/queries';

/** One's own signed-in sessions, most recently used first (not those still waiting for a code). */
export function listOwnSessions(db: AppDatabase, userId: number, now: Date) {
  return db
    .select({
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sql<Date>`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`.mapWith(
        sessions.createdAt,
      ),
      userAgent: sessions.userAgent,
      address: sessions.address,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, now),
        eq(sessions.awaitingSecondFactor, false),
      ),
    )
    .orderBy(desc(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`))
    .all();
}

export function findTwoStepStatus(db: AppDatabase, userId: number) {
  return db
    .select({ enabledAt: users.totpEnabledAt })
    .from(users)
    .where(and(eq(users.id, userId), sql`${users.totpSecret} is not null`))
    .get();
}

/** The new password holds from now on; every other session of the account ends, this one stays. */
export function changeOwnPassword(
  db: AppDatabase,
  change: { actor: SignedInUser; passwordHash: string; now: Date },
): void {
  immediateTransaction(db, (tx) => {
    tx.update(users)
      .set({ passwordHash: change.passwordHash, mustChangePassword: false })
      .where(eq(users.id, change.actor.id))
      .run();
    endSessionsOf(tx, change.actor.id, { except: change.actor.sessionTokenHash });
    revokeFeedOf(tx, change.actor.id);
    recordAudit(tx, staffAccountChange(change.actor, 'password changed'), change.now);
  });
}

export function signOutEverywhere(db: AppDatabase, actor: SignedInUser, now: Date): void {
  immediateTransaction(db, (tx) => {
    endSessionsOf(tx, actor.id);
    revokeFeedOf(tx, actor.id);
    recordAudit(tx, staffAccountChange(actor, 'signed out everywhere'), now);
  });
}

/** The language of what one is sent from now on: invitations, minutes and the calendar feed. */
export function setOwnLanguage(
  db: AppDatabase,
  change: { actor: SignedInUser; language: Language; now: Date },
): void {
  immediateTransaction(db, (tx) => {
    tx.update(users).set({ language: change.language }).where(eq(users.id, change.actor.id)).run();
    recordAudit(tx, staffAccountChange(change.actor, 'language'), change.now);
  });
}

export function findOwnLanguage(db: AppDatabase, userId: number): Language {
  return (
    db.select({ language: users.language }).from(users).where(eq(users.id, userId)).get()
      ?.language ?? 'fi'
  );
}
