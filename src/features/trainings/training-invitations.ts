import { and, eq, inArray, ne } from 'drizzle-orm';
import { trainingCandidates, trainingInvitations, users } from '../../../db/schema';
import type { DatabaseOrTransaction } from '../../db';
import { translatorFor, type Language } from '../../i18n';
import { formatLocalDate, formatTimeRange, venueText } from '../../i18n/format';
import type { MailKind, MailSection } from '../invites/invitation-mail';
import {
  planInvitationChanges,
  type ExistingInvitation,
  type Invitee,
} from '../invites/invitation-rules';
import { enqueueDaysInvitation, type MailContext } from '../invites/invitations';
import type { CalendarDays } from '../invites/day-calendar';
import { findTraining, type TrainingWithDays } from './queries';

/**
 * What happened, as the holders of the series should hear it: 'changed' (days, place or name)
 * sends everyone an update; 'planned' only brings the list of holders up to date. A cancelled
 * training always cancels everyone's series.
 */
export type TrainingChange = 'planned' | 'changed';

/**
 * A trainer is written to in the language of the staff account with their e-mail address, or in
 * Finnish when they have none (an outside trainer).
 */
function trainerLanguages(db: DatabaseOrTransaction, emails: string[]): Map<string, Language> {
  if (emails.length === 0) return new Map();
  const accounts = db
    .select({ email: users.email, language: users.language })
    .from(users)
    .where(inArray(users.email, emails))
    .all();
  return new Map(accounts.map((account) => [account.email, account.language]));
}

/**
 * The course rule (`planInvitationChanges`) decides for trainings too: a trainer stands in for
 * its 'instructor' and a candidate for its 'participant'. Only people with an e-mail address hold
 * a training's series, so the rule's letters and phone calls never come up here.
 */
function inviteesOf(db: DatabaseOrTransaction, training: TrainingWithDays): Invitee[] {
  if (training.training.status === 'cancelled') return [];
  const withEmail = training.trainers.filter((trainer) => trainer.email !== '');
  const languageOf = trainerLanguages(
    db,
    withEmail.map((trainer) => trainer.email),
  );
  const trainers: Invitee[] = withEmail.map((trainer) => ({
    kind: 'instructor',
    id: trainer.id,
    name: trainer.name,
    email: trainer.email,
    language: languageOf.get(trainer.email) ?? 'fi',
  }));
  const candidates: Invitee[] = db
    .select({
      id: trainingCandidates.id,
      name: trainingCandidates.name,
      email: trainingCandidates.email,
      language: trainingCandidates.language,
    })
    .from(trainingCandidates)
    .where(
      and(
        eq(trainingCandidates.trainingId, training.training.id),
        eq(trainingCandidates.state, 'enrolled'),
        ne(trainingCandidates.email, ''),
      ),
    )
    .all()
    .map((candidate) => ({ ...candidate, kind: 'participant' }));
  return [...trainers, ...candidates];
}

/** The series' holders, each with their language today (a cancellation speaks it too). */
function existingOf(db: DatabaseOrTransaction, trainingId: number): ExistingInvitation[] {
  const rows = db
    .select({ invitation: trainingInvitations, candidateLanguage: trainingCandidates.language })
    .from(trainingInvitations)
    .leftJoin(trainingCandidates, eq(trainingCandidates.id, trainingInvitations.candidateId))
    .where(eq(trainingInvitations.trainingId, trainingId))
    .all();
  const trainerLanguage = trainerLanguages(
    db,
    rows.filter((row) => row.invitation.candidateId === null).map((row) => row.invitation.email),
  );
  return rows.map(({ invitation, candidateLanguage }) => ({
    ...invitation,
    instructorId: invitation.trainerId,
    applicationId: invitation.candidateId,
    language: candidateLanguage ?? trainerLanguage.get(invitation.email) ?? 'fi',
  }));
}

/** The training as one calendar series; the description lists every day in the reader's language. */
export function calendarTrainingOf(training: TrainingWithDays, language: Language): CalendarDays {
  return {
    uid: training.training.calendarUid,
    sequence: training.training.scheduleSequence,
    cancelled: training.training.status === 'cancelled',
    title: training.training.name,
    description: dayLines(training, language).join('\n'),
    location: venueText(training.venue),
    days: training.days,
  };
}

/** Every day in plain words, one per line, at Helsinki wall-clock time. */
export function dayLines(training: Pick<TrainingWithDays, 'days'>, language: Language): string[] {
  const t = translatorFor(language);
  return training.days.map((day, index) =>
    t('trainingInvite.day', {
      number: index + 1,
      date: formatLocalDate(day.localDate, language),
      time: formatTimeRange(day.startTime, day.endTime, language),
    }),
  );
}

/** The message as sections: the text and HTML parts are both made from them. */
export function trainingMailSections(
  training: TrainingWithDays,
  recipient: { name: string; language: Language },
  kind: MailKind,
): { subject: string; sections: MailSection[] } {
  const language = recipient.language;
  const t = translatorFor(language);
  const name = training.training.name;
  const opening = [t('invite.greeting', { name: recipient.name })];
  const subject = t(`trainingInvite.subject.${kind}`, { training: name });
  if (kind === 'cancellation') {
    opening.push(
      training.training.status === 'cancelled'
        ? t('trainingInvite.intro.trainingCancelled', {
            training: name,
            reason: training.training.cancellationReason,
          })
        : t('trainingInvite.intro.cancellation', { training: name }),
    );
    return { subject, sections: [{ lines: opening }] };
  }
  opening.push(t(`trainingInvite.intro.${kind}`, { training: name }));
  const place = venueText(training.venue);
  const practical = [place ? t('invite.venue', { venue: place }) : t('invite.noVenue')];
  if (training.venue?.accessibilityNotes) {
    practical.push(t('invite.accessibility', { notes: training.venue.accessibilityNotes }));
  }
  return {
    subject,
    sections: [
      { lines: opening },
      kind === 'update'
        ? { heading: t('invite.nowSessions'), lines: dayLines(training, language) }
        : { lines: dayLines(training, language) },
      { lines: practical },
      { lines: [t('invite.calendarNote'), t('invite.signature')] },
    ],
  };
}

/**
 * Brings a training's invitations in line with who should hold its series — its trainers with an
 * e-mail address and its enrolled candidates with one — in the caller's transaction: newcomers get
 * the series (REQUEST), those no longer in it (or everyone, when the training is cancelled) a
 * CANCEL, and everyone else an update when `change` is 'changed'. Each message carries a SEQUENCE
 * higher than any the person was sent before. Call it after enrolling or dropping a candidate too.
 */
export function notifyTrainingInvitees(
  tx: DatabaseOrTransaction,
  trainingId: number,
  mail: MailContext,
  change: TrainingChange = 'planned',
): void {
  const training = findTraining(tx, trainingId);
  if (!training) return;
  const plan = planInvitationChanges(
    existingOf(tx, trainingId),
    inviteesOf(tx, training),
    { kind: change },
    training.training.scheduleSequence,
  );
  for (const step of plan) {
    const { person, sequence } = step;
    const trainerId = person.kind === 'instructor' ? person.id : null;
    const candidateId = person.kind === 'participant' ? person.id : null;
    if (step.invitationId === null) {
      tx.insert(trainingInvitations)
        .values({
          trainingId,
          trainerId,
          candidateId,
          name: person.name,
          email: person.email,
          sentSequence: sequence,
          createdAt: mail.now,
        })
        .run();
    } else {
      const state = step.action === 'cancel' ? 'cancelled' : 'active';
      const contact = step.action === 'cancel' ? {} : { email: person.email, name: person.name };
      tx.update(trainingInvitations)
        .set({ state, sentSequence: sequence, ...contact })
        .where(eq(trainingInvitations.id, step.invitationId))
        .run();
    }
    if (step.tell !== 'mail') continue;
    enqueueDaysInvitation(
      tx,
      step,
      calendarTrainingOf(training, person.language),
      (kind) => trainingMailSections(training, person, kind),
      { trainingId, candidateId: candidateId && candidateId > 0 ? candidateId : null },
      mail,
    );
  }
}
