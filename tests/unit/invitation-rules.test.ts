import { describe, expect, it } from 'vitest';
import {
  contactsFor,
  planInvitationChanges,
  type ExistingInvitation,
  type Invitee,
} from '../../src/features/invites/invitation-rules';

const olli: Invitee = {
  kind: 'instructor',
  id: 1,
  name: 'Olli',
  email: 'olli@example.fi',
  language: 'fi',
};
const aino: Invitee = {
  kind: 'participant',
  id: 7,
  name: 'Aino',
  email: 'aino@example.fi',
  language: 'fi',
};
const eino: Invitee = { kind: 'participant', id: 8, name: 'Eino', email: '', language: 'fi' };

function held(person: Invitee, overrides: Partial<ExistingInvitation> = {}): ExistingInvitation {
  return {
    id: person.id * 10,
    instructorId: person.kind === 'instructor' ? person.id : null,
    applicationId: person.kind === 'participant' ? person.id : null,
    name: person.name,
    email: person.email,
    language: person.language,
    state: 'active',
    sentSequence: 2,
    ...overrides,
  };
}

const summary = (actions: ReturnType<typeof planInvitationChanges>) =>
  actions.map(({ action, person, tell, sequence }) => ({
    action,
    who: person.name,
    tell,
    sequence,
  }));

describe('planning who is told what about a course', () => {
  it('invites an instructor put on the course, at the course’s sequence', () => {
    expect(summary(planInvitationChanges([], [olli], { kind: 'planned' }, 3))).toEqual([
      { action: 'invite', who: 'Olli', tell: 'mail', sequence: 3 },
    ]);
  });

  it('sends a cancellation to someone taken off, above the last sequence they got', () => {
    expect(summary(planInvitationChanges([held(olli)], [], { kind: 'planned' }, 2))).toEqual([
      { action: 'cancel', who: 'Olli', tell: 'mail', sequence: 3 },
    ]);
  });

  it('gives a participant placed without e-mail a letter and a phone call', () => {
    expect(summary(planInvitationChanges([], [eino], { kind: 'planned' }, 0))).toEqual([
      { action: 'invite', who: 'Eino', tell: 'letter and phone', sequence: 0 },
    ]);
  });

  it('updates everyone holding the series when the schedule changed', () => {
    const actions = planInvitationChanges(
      [held(olli), held(aino, { sentSequence: 5 })],
      [olli, aino],
      { kind: 'changed' },
      4,
    );
    expect(summary(actions)).toEqual([
      { action: 'update', who: 'Olli', tell: 'mail', sequence: 4 },
      { action: 'update', who: 'Aino', tell: 'mail', sequence: 6 },
    ]);
  });

  it('tells nobody already holding the series anything when only someone else joined', () => {
    expect(planInvitationChanges([held(olli)], [olli], { kind: 'planned' }, 2)).toEqual([]);
  });

  it('cancels everyone on a cancelled course, phoning participants without e-mail', () => {
    const actions = planInvitationChanges(
      [held(olli), held(aino), held(eino)],
      [],
      { kind: 'cancelled' },
      3,
    );
    expect(summary(actions)).toEqual([
      { action: 'cancel', who: 'Olli', tell: 'mail', sequence: 3 },
      { action: 'cancel', who: 'Aino', tell: 'mail', sequence: 3 },
      { action: 'cancel', who: 'Eino', tell: 'phone', sequence: 3 },
    ]);
  });

  it('invites someone placed again on their old invitation, with a higher sequence', () => {
    const withdrawn = held(aino, { state: 'cancelled', sentSequence: 3 });
    const [step] = planInvitationChanges([withdrawn], [aino], { kind: 'planned' }, 1);
    expect(step).toMatchObject({ action: 'invite', invitationId: withdrawn.id, sequence: 4 });
  });
});

describe('contactsFor', () => {
  const pair = [
    { name: 'Olli', phone: '+358401111111', sharePhoneWithParticipants: true },
    { name: 'Vertti', phone: '+358402222222', sharePhoneWithParticipants: false },
  ];

  it('gives participants only the phones the instructors chose to share', () => {
    expect(contactsFor(pair, 'participant').map((person) => person.phone)).toEqual([
      '+358401111111',
      '',
    ]);
  });

  it('gives staff every phone', () => {
    expect(contactsFor(pair, 'staff').map((person) => person.phone)).toEqual([
      '+358401111111',
      '+358402222222',
    ]);
  });
});
