import type { Language } from '../../i18n';

/** Who holds (or should hold) a course's calendar series: an instructor or a placed participant. */
export type Invitee = {
  kind: 'instructor' | 'participant';
  id: number;
  name: string;
  email: string;
  language: Language;
};

export type ExistingInvitation = {
  id: number;
  instructorId: number | null;
  applicationId: number | null;
  name: string;
  email: string;
  language: Language;
  state: 'active' | 'cancelled';
  sentSequence: number;
};

export type InvitationChange = { kind: 'planned' } | { kind: 'changed' } | { kind: 'cancelled' };

/**
 * What one person is to be told. `mail` sends the message; `letter` means no e-mail address, so the
 * invitation waits on the letters list; `phone` also puts a participant on the call queue.
 */
export type InvitationAction =
  | {
      action: 'invite';
      invitationId: number | null;
      person: Invitee;
      sequence: number;
      tell: 'mail' | 'letter' | 'letter and phone';
    }
  | {
      action: 'update';
      invitationId: number;
      person: Invitee;
      sequence: number;
      tell: 'mail' | 'nothing';
    }
  | {
      action: 'cancel';
      invitationId: number;
      person: Invitee;
      sequence: number;
      tell: 'mail' | 'phone' | 'nothing';
    };

/**
 * RFC 5546: a client ignores a message whose SEQUENCE is not higher than the one it holds. A
 * person's first message carries the course's schedule sequence; every later one, whatever
 * happened (withdrawn, placed again, taken off and put back), is higher than their last.
 */
export function nextSequenceFor(courseSequence: number, lastSentToPerson: number | null): number {
  return lastSentToPerson === null
    ? courseSequence
    : Math.max(courseSequence, lastSentToPerson + 1);
}

function isInvitationOf(row: ExistingInvitation, person: Pick<Invitee, 'kind' | 'id'>): boolean {
  return person.kind === 'instructor'
    ? row.instructorId === person.id
    : row.applicationId === person.id;
}

function holderOf(row: ExistingInvitation): Invitee {
  return {
    kind: row.applicationId !== null ? 'participant' : 'instructor',
    id: row.applicationId ?? row.instructorId ?? 0,
    name: row.name,
    email: row.email,
    language: row.language,
  };
}

/**
 * Brings a course's invitations in line with who should hold its series after a change: those
 * no longer wanted (taken off, withdrawn, or everyone on a cancelled course) get a cancellation,
 * new and returning people the series, and everyone else an update when the schedule or venue
 * changed. People without e-mail get a printed letter; participants also a phone call when placed
 * or when their course is cancelled.
 */
export function planInvitationChanges(
  existing: readonly ExistingInvitation[],
  wanted: readonly Invitee[],
  change: InvitationChange,
  courseSequence: number,
): InvitationAction[] {
  const actions: InvitationAction[] = [];
  for (const row of existing.filter((invitation) => invitation.state === 'active')) {
    if (wanted.some((person) => isInvitationOf(row, person))) continue;
    const person = holderOf(row);
    const tell =
      person.email !== ''
        ? 'mail'
        : change.kind === 'cancelled' && person.kind === 'participant'
          ? 'phone'
          : 'nothing';
    const sequence = nextSequenceFor(courseSequence, row.sentSequence);
    actions.push({ action: 'cancel', invitationId: row.id, person, sequence, tell });
  }
  for (const person of wanted) {
    const current = existing.find((row) => isInvitationOf(row, person));
    const sequence = nextSequenceFor(courseSequence, current?.sentSequence ?? null);
    if (current?.state === 'active') {
      if (change.kind !== 'changed') continue;
      const tell = person.email !== '' ? 'mail' : 'nothing';
      actions.push({ action: 'update', invitationId: current.id, person, sequence, tell });
      continue;
    }
    const tell =
      person.email !== '' ? 'mail' : person.kind === 'participant' ? 'letter and phone' : 'letter';
    actions.push({ action: 'invite', invitationId: current?.id ?? null, person, sequence, tell });
  }
  return actions;
}

/** Who reads a course message: staff (the course's instructors) or a participant (or their letter). */
export type Audience = 'staff' | 'participant';

/**
 * The instructors' phones a message may carry: staff see every instructor's number; participants
 * only those of instructors who chose to share it (a peer instructor's number is often personal).
 */
export function contactsFor<Contact extends { phone: string; sharePhoneWithParticipants: boolean }>(
  instructors: readonly Contact[],
  audience: Audience,
): Contact[] {
  return instructors.map((instructor) =>
    audience === 'staff' || instructor.sharePhoneWithParticipants
      ? instructor
      : { ...instructor, phone: '' },
  );
}
