import { immediateTransaction, type AppDatabase } from '../../db';
import { recordAudit, type Actor } from '../audit/audit-log';
import { fillFreeSeats } from '../enrollment/seats';
import type { MailContext } from '../invites/invitations';
import type { ProgramInput } from './program-input';
import { activeCourseIdsOf, updateProgram } from './queries';

/**
 * Changes a program in one immediate transaction: a raised maximum frees seats, so the waitlists of
 * its running courses move up (and those placed are told) with the change and its audit entry.
 * Returns how many people got a seat, or null when there is no such program.
 */
export function changeProgram(
  db: AppDatabase,
  programId: number,
  input: ProgramInput,
  context: { actor: Actor; mail: MailContext },
): number | null {
  return immediateTransaction(db, (tx) => {
    if (!updateProgram(tx, programId, input)) return null;
    const placed = activeCourseIdsOf(tx, programId).flatMap((courseId) =>
      fillFreeSeats(tx, courseId, context.mail),
    );
    recordAudit(
      tx,
      {
        actor: context.actor,
        action: 'update',
        subjectType: 'program',
        subjectId: programId,
        detail: placed.length > 0 ? `${placed.length} placed from waitlists` : '',
      },
      context.mail.now,
    );
    return placed.length;
  });
}
