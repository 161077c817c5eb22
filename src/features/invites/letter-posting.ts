import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { invitations } from '../../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../db';
import { recordAudit, type AuditEntry } from '../audit/audit-log';

/**
 * Letters as the list showed them: "invitation id:sequence". The sequence is the change the
 * printed letter told of; a newer change makes a new letter due even if this one is marked posted.
 */
export const postedLettersInput = z.object({
  letters: z
    .union([z.string(), z.array(z.string())], 'validation.unknownChoice')
    .transform((sent) => [sent].flat())
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^\d{1,9}:\d{1,9}$/, 'validation.unknownChoice')
            .transform((letter) => {
              const [invitationId, sequence] = letter.split(':').map(Number);
              return { invitationId: invitationId!, sequence: sequence! };
            }),
        )
        .min(1, 'validation.unknownChoice')
        .max(500, 'validation.unknownChoice'),
    ),
});
export type PostedLetters = z.output<typeof postedLettersInput>['letters'];

/**
 * Marks printed letters posted, each for the change it told of, in one immediate transaction with
 * an audit entry per letter. A letter whose invitation changed since it was listed is left due.
 * Returns how many were marked.
 */
export function markLettersPosted(
  db: AppDatabase,
  letters: PostedLetters,
  { actor, now }: { actor: AuditEntry['actor']; now: Date },
): number {
  return immediateTransaction(db, (tx) => {
    let marked = 0;
    for (const { invitationId, sequence } of letters) {
      const updated = tx
        .update(invitations)
        .set({ letterPostedSequence: sequence, letterPostedAt: now })
        .where(
          and(
            eq(invitations.id, invitationId),
            eq(invitations.sentSequence, sequence),
            eq(invitations.email, ''),
          ),
        )
        .returning({ id: invitations.id })
        .get();
      if (!updated) continue;
      marked += 1;
      recordAudit(
        tx,
        {
          actor,
          action: 'update',
          subjectType: 'invitation',
          subjectId: invitationId,
          detail: 'letter posted',
        },
        now,
      );
    }
    return marked;
  });
}
