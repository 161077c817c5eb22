import { and, asc, eq, isNotNull, isNull, not, sql, type SQL } from 'drizzle-orm';
import { users } from '../../../db/schema';
import {
  immediateTransaction,
  preparedFor,
  type AppDatabase,
  type DatabaseOrTransaction,
} from '../../db';
import type { SignedInUser } from '../../http/app-env';
import { hashPassword } from '../../lib/password';
import { recordAudit, staffAccountChange, type Actor } from '../audit/audit-log';
import { endSessionsOf } from '../auth/queries';
import { revokeFeedOf } from '../invites/queries';
import type { NewUserInput } from './new-user';

const staffList = preparedFor((db) =>
  db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      homeRegion: users.homeRegion,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      hasTwoStep: sql<boolean>`${users.totpSecret} is not null`.mapWith(Boolean),
    })
    .from(users)
    .orderBy(asc(users.name))
    .prepare(),
);

export function listStaff(db: AppDatabase) {
  return staffList(db).all();
}

export function isEmailTaken(db: AppDatabase, email: string): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get() !== undefined;
}

export type CreateUserResult = { ok: true; id: number } | { ok: false; reason: 'email-taken' };

/**
 * The unique index is the last guard: two admins adding the same address at once get one account.
 * The password is hashed first; the account and the admin's audit entry (none without an actor, as
 * from the command line) are then saved in one transaction.
 */
export async function createUser(
  db: AppDatabase,
  input: NewUserInput,
  now: Date,
  actor: Actor | null = null,
): Promise<CreateUserResult> {
  const passwordHash = await hashPassword(input.password);
  return immediateTransaction(db, (tx) => {
    const created = insertUser(tx, { ...input, passwordHash }, now);
    if (created.ok && actor) {
      recordAudit(
        tx,
        { actor, action: 'create', subjectType: 'staff-user', subjectId: created.id },
        now,
      );
    }
    return created;
  });
}

/** The insert alone, for a caller that hashed the password before opening its transaction. */
export function insertUser(
  db: DatabaseOrTransaction,
  input: Omit<NewUserInput, 'password'> & { passwordHash: string },
  now: Date,
): CreateUserResult {
  const inserted = db
    .insert(users)
    .values({
      name: input.name,
      email: input.email,
      role: input.role,
      homeRegion: input.homeRegion ?? '',
      passwordHash: input.passwordHash,
      createdAt: now,
    })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id })
    .get();
  return inserted ? { ok: true, id: inserted.id } : { ok: false, reason: 'email-taken' };
}

type AccountChange = { actor: SignedInUser; userId: number; now: Date };

/**
 * Runs one change to someone's account with its audit entry: every session and the calendar feed
 * end with it. An account already in the wanted state (`unless`) is left alone, without an entry;
 * false when there is no such account.
 */
function changeAccount(
  db: AppDatabase,
  change: AccountChange & {
    detail: string;
    set: Partial<typeof users.$inferInsert>;
    unless?: SQL;
  },
): boolean {
  return immediateTransaction(db, (tx) => {
    const exists = tx.select({ id: users.id }).from(users).where(eq(users.id, change.userId)).get();
    if (!exists) return false;
    const target = change.unless
      ? and(eq(users.id, change.userId), not(change.unless))
      : eq(users.id, change.userId);
    if (tx.update(users).set(change.set).where(target).run().changes === 0) return true;
    endSessionsOf(tx, change.userId);
    revokeFeedOf(tx, change.userId);
    recordAudit(tx, staffAccountChange(change.actor, change.detail, change.userId), change.now);
    return true;
  });
}

/** A disabled account is signed out everywhere at once and cannot sign in; its history stays. */
export function setAccountDisabled(
  db: AppDatabase,
  change: AccountChange & { disabled: boolean },
): boolean {
  return changeAccount(db, {
    ...change,
    detail: change.disabled ? 'disabled' : 'enabled',
    set: { disabledAt: change.disabled ? change.now : null },
    unless: change.disabled ? isNotNull(users.disabledAt) : isNull(users.disabledAt),
  });
}

/** The admin's one-time password: it must be changed at the next sign-in; sessions end. */
export function resetPassword(
  db: AppDatabase,
  change: AccountChange & { passwordHash: string },
): boolean {
  return changeAccount(db, {
    ...change,
    detail: 'password reset',
    set: { passwordHash: change.passwordHash, mustChangePassword: true },
  });
}

/**
 * Sets whose region's lists a staff member sees by default ('' = every region), with its audit
 * entry; the admin's change and one's own on the account page go through here. Sessions go on: a
 * default view is not access. False when there is no such account.
 */
export function setHomeRegion(
  db: AppDatabase,
  change: { actor: Actor; userId: number; homeRegion: string; now: Date },
): boolean {
  return immediateTransaction(db, (tx) => {
    const updated = tx
      .update(users)
      .set({ homeRegion: change.homeRegion })
      .where(eq(users.id, change.userId))
      .run();
    if (updated.changes === 0) return false;
    recordAudit(tx, staffAccountChange(change.actor, 'home region', change.userId), change.now);
    return true;
  });
}
