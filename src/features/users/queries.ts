import { asc, eq } from 'drizzle-orm';
import { users } from '../../../db/schema';
import { preparedFor, type AppDatabase, type DatabaseOrTransaction } from '../../db';
import { hashPassword } from '../../lib/password';
import type { NewUserInput } from './new-user';

const staffList = preparedFor((db) =>
  db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
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

/** The unique index is the last guard: two admins adding the same address at once get one account. */
export async function createUser(
  db: AppDatabase,
  input: NewUserInput,
  now: Date,
): Promise<CreateUserResult> {
  const passwordHash = await hashPassword(input.password);
  return insertUser(db, { ...input, passwordHash }, now);
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
      passwordHash: input.passwordHash,
      createdAt: now,
    })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id })
    .get();
  return inserted ? { ok: true, id: inserted.id } : { ok: false, reason: 'email-taken' };
}
