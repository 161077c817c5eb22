import { eq } from 'drizzle-orm';
import { enrollments } from '../../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../db';
import { recordAudit, type Actor } from '../audit/audit-log';
import { normalisedTransport, type TransportChange } from './needs';
import { placedEnrollmentNeeds } from './queries';
import { EnrollmentRefused } from './seats';

/**
 * Records how a placed participant's transport stands (to arrange, arranged and how, not needed),
 * with its audit entry, in one immediate transaction. Only for someone placed whose latest
 * interview ticked transport: anyone else has nothing to follow through (EnrollmentRefused).
 */
export function recordTransport(
  db: AppDatabase,
  input: { enrollmentId: number } & TransportChange,
  context: { actor: Actor; now: Date },
): { courseId: number } {
  return immediateTransaction(db, (tx) => {
    const enrollment = placedEnrollmentNeeds(tx, input.enrollmentId);
    if (!enrollment || !enrollment.needs.includes('transport')) {
      throw new EnrollmentRefused('not-found');
    }
    const change = normalisedTransport(input);
    tx.update(enrollments)
      .set({ transportState: change.state, transportMeans: change.means, updatedAt: context.now })
      .where(eq(enrollments.id, input.enrollmentId))
      .run();
    recordAudit(
      tx,
      {
        actor: context.actor,
        action: 'update',
        subjectType: 'enrollment',
        subjectId: input.enrollmentId,
        // How the person travels is theirs to tell: the entry names the enrolment, not the means.
        detail: 'transport changed',
      },
      context.now,
    );
    return { courseId: enrollment.courseId };
  });
}
