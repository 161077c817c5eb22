import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { securitySettings, sessions, totpRecoveryCodes, users } from '../../../db/schema';
import {
  immediateTransaction,
  preparedFor,
  type AppDatabase,
  type DatabaseOrTransaction,
  type Transaction,
} from '../../db';
import type { SignedInUser } from '../../http/app-env';
import { recordAudit, staffAccountChange } from '../audit/audit-log';
import {
  completeSecondStep,
  endSessionIn,
  isWaitingForSecondStep,
  recordFailureIn,
  wrongCodesSince,
} from '../auth/queries';
import {
  isCurrentTotpCode,
  looksLikeTotpCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpStepOf,
} from './two-step';

type Actor = Pick<SignedInUser, 'id' | 'name'>;
/** A session waiting for its second step, finished in the same transaction as the step. */
type WaitingSession = { tokenHash: string; email: string; expiresAt: Date; createdAt: Date };

/** Wrong codes after which the waiting session ends and the password must be given again. */
export const maxWrongCodes = 5;

export type SecondStepOutcome = 'passed' | 'wrong' | 'ended';

const twoStepRequirement = preparedFor((db) =>
  db
    .select({ requireTotp: securitySettings.requireTotp })
    .from(securitySettings)
    .where(eq(securitySettings.id, 1))
    .prepare(),
);

export function isTwoStepRequired(db: AppDatabase): boolean {
  return twoStepRequirement(db).get()?.requireTotp ?? false;
}

/**
 * Requiring two-step sign-in ends at once every session of an account that has none (they set it
 * up at their next sign-in); the admin's own session in which they require it stays.
 */
export function setTwoStepRequired(
  db: AppDatabase,
  change: { actor: Actor & { sessionTokenHash: string }; required: boolean; now: Date },
): void {
  immediateTransaction(db, (tx) => {
    if (change.required) {
      const withoutTwoStep = tx
        .select({ id: users.id })
        .from(users)
        .where(isNull(users.totpSecret));
      tx.delete(sessions)
        .where(
          and(
            inArray(sessions.userId, withoutTwoStep),
            ne(sessions.tokenHash, change.actor.sessionTokenHash),
          ),
        )
        .run();
    }
    tx.insert(securitySettings)
      .values({ id: 1, requireTotp: change.required, updatedAt: change.now })
      .onConflictDoUpdate({
        target: securitySettings.id,
        set: { requireTotp: change.required, updatedAt: change.now },
      })
      .run();
    recordAudit(
      tx,
      {
        actor: change.actor,
        action: 'update',
        subjectType: 'security-settings',
        detail: change.required ? 'two-step required' : 'two-step optional',
      },
      change.now,
    );
  });
}

/** A new secret to show as a QR code; it is used only once confirmed with a code. */
export function beginTwoStepEnrolment(db: AppDatabase, userId: number): string {
  const secret = newTotpSecret();
  db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, userId)).run();
  return secret;
}

export function findPendingTotpSecret(db: AppDatabase, userId: number): string | null {
  const row = db
    .select({ secret: users.totpPendingSecret })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return row?.secret ?? null;
}

function findTotpSecret(db: DatabaseOrTransaction, userId: number): string | null {
  const row = db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, userId)).get();
  return row?.secret ?? null;
}

/**
 * A right code from the app turns the pending secret on and gives ten new recovery codes,
 * returned in plain text this once (null when the code is wrong).
 */
export function confirmTwoStep(
  db: AppDatabase,
  enrolment: { actor: Actor; code: string; now: Date; completing?: WaitingSession },
): string[] | null {
  const secret = findPendingTotpSecret(db, enrolment.actor.id);
  if (!secret || !isCurrentTotpCode(secret, enrolment.code, enrolment.now)) return null;
  const codes = newRecoveryCodes();
  immediateTransaction(db, (tx) => {
    tx.update(users)
      .set({ totpSecret: secret, totpPendingSecret: null, totpEnabledAt: enrolment.now })
      .where(eq(users.id, enrolment.actor.id))
      .run();
    tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, enrolment.actor.id)).run();
    tx.insert(totpRecoveryCodes)
      .values(
        codes.map((code) => ({ userId: enrolment.actor.id, codeHash: recoveryCodeHash(code) })),
      )
      .run();
    recordAudit(tx, staffAccountChange(enrolment.actor, 'two-step enabled'), enrolment.now);
    if (enrolment.completing) {
      completeSecondStep(tx, { ...enrolment.completing, now: enrolment.now });
    }
  });
  return codes;
}

export function removeTwoStep(db: AppDatabase, removal: { actor: Actor; now: Date }): void {
  immediateTransaction(db, (tx) => {
    tx.update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null })
      .where(eq(users.id, removal.actor.id))
      .run();
    tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, removal.actor.id)).run();
    recordAudit(tx, staffAccountChange(removal.actor, 'two-step removed'), removal.now);
  });
}

/** The code from the app is right now (used to turn two-step sign-in off). */
export function isRightTotpCode(db: AppDatabase, userId: number, code: string, now: Date) {
  const secret = findTotpSecret(db, userId);
  return secret !== null && isCurrentTotpCode(secret, code, now);
}

/**
 * The second step of signing in: a code from the app, or an unused recovery code (then used up).
 * The waiting session is checked, the code judged and a wrong one counted in one immediate
 * transaction, so parallel guesses cannot all be judged against the same count or answer for a
 * session that has already ended. A right one finishes the waiting session.
 */
export function passSecondStep(
  db: AppDatabase,
  step: { actor: Actor; code: string; now: Date; address: string; session: WaitingSession },
): SecondStepOutcome {
  return immediateTransaction(db, (tx) => {
    const waitingSince = { email: step.session.email, since: step.session.createdAt };
    if (
      !isWaitingForSecondStep(tx, step.session.tokenHash) ||
      wrongCodesSince(tx, waitingSince) >= maxWrongCodes
    ) {
      endSessionIn(tx, step.session.tokenHash);
      return 'ended';
    }
    if (!isRightSecondStep(tx, step)) {
      recordFailureIn(tx, { email: step.session.email, address: step.address, at: step.now });
      if (wrongCodesSince(tx, waitingSince) < maxWrongCodes) return 'wrong';
      endSessionIn(tx, step.session.tokenHash);
      return 'ended';
    }
    completeSecondStep(tx, { ...step.session, now: step.now });
    return 'passed';
  });
}

/** A current code from the app, or an unused recovery code, which is used up here. */
function isRightSecondStep(
  tx: Transaction,
  step: { actor: Actor; code: string; now: Date },
): boolean {
  if (looksLikeTotpCode(step.code)) {
    const account = tx
      .select({ secret: users.totpSecret, lastStep: users.totpLastStep })
      .from(users)
      .where(eq(users.id, step.actor.id))
      .get();
    const codeStep = account?.secret ? totpStepOf(account.secret, step.code, step.now) : null;
    // A code seen once (e.g. over a shoulder, or in a parallel request) is not good again.
    if (codeStep === null || (account!.lastStep !== null && codeStep <= account!.lastStep)) {
      return false;
    }
    tx.update(users).set({ totpLastStep: codeStep }).where(eq(users.id, step.actor.id)).run();
    return true;
  }
  {
    const used = tx
      .update(totpRecoveryCodes)
      .set({ usedAt: step.now })
      .where(
        and(
          eq(totpRecoveryCodes.userId, step.actor.id),
          eq(totpRecoveryCodes.codeHash, recoveryCodeHash(step.code)),
          isNull(totpRecoveryCodes.usedAt),
        ),
      )
      .run();
    if (used.changes !== 1) return false;
    recordAudit(tx, staffAccountChange(step.actor, 'recovery code used'), step.now);
  }
  return true;
}

export function unusedRecoveryCodeCount(db: AppDatabase, userId: number): number {
  return db
    .select({ id: totpRecoveryCodes.id })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)))
    .all().length;
}
