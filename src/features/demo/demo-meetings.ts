import { and, eq, sql } from 'drizzle-orm';
import { meetingActionItems, outbox } from '../../../db/schema';
import type { Transaction } from '../../db';
import { addDays, instantToWallClock, wallClockToInstant } from '../../lib/helsinki-time';
import type { Actor } from '../audit/audit-log';
import type { MailSettings } from '../invites/invitations';
import { createMeetingIn, markActionItemDoneIn, saveMinutesIn } from '../meetings/meeting-changes';
import { isDayOff, proposeNextMeeting, type MeetingPerson } from '../meetings/meeting-rules';

/**
 * The steering group: a meeting three weeks ago (or the working day before) with its minutes —
 * one action item done, one open and overdue — and the next one, proposed from it as the form
 * would (four weeks on), whose invitations wait in the outbox.
 */
export function addDemoMeetings(
  tx: Transaction,
  input: { coordinator: Actor; attendees: MeetingPerson[] },
  now: Date,
  mail: MailSettings,
): void {
  const today = instantToWallClock(now).date;
  const context = (at: Date) => ({ actor: input.coordinator, mail: { ...mail, now: at } });
  let pastDate = addDays(today, -21);
  while (isDayOff(pastDate)) pastDate = addDays(pastDate, -1);
  const past = {
    title: 'Arkeen Voimaa -ohjausryhmä',
    localDate: pastDate,
    startTime: '14:00',
    endTime: '15:30',
    place: 'Seinäjoen kaupungintalo, kokoushuone Kivi',
    onlineLink: 'https://meet.kurssipolku.example/ohjausryhma',
    attendees: input.attendees,
  };
  const pastId = createMeetingIn(
    tx,
    {
      ...past,
      agenda: '1. Syksyn kurssien tilanne\n2. Ohjaajakoulutus keväällä 2027\n3. Seuraava kokous',
    },
    context(wallClockToInstant(addDays(pastDate, -14), '09:00')),
  );
  // Its invitations went out as they were made.
  tx.update(outbox)
    .set({ state: 'sent', sentAt: sql`${outbox.createdAt}` })
    .where(and(eq(outbox.meetingId, pastId), eq(outbox.state, 'queued')))
    .run();
  const minutesAt = wallClockToInstant(addDays(pastDate, 1), '10:00');
  saveMinutesIn(
    tx,
    pastId,
    {
      minutes:
        'Syksyn neljästä kurssista kolme on käynnissä ja yksi peruttiin vähäisen kysynnän vuoksi.\n\nKevään ohjaajakoulutukseen on ilmoittautunut kaksi.',
      decisions: 'Kevään 2027 kausitavoite pidetään: 2–4 kurssia.',
      items: [
        {
          id: null,
          description: 'Varaa kevään kurssien tilat Seinäjoelta ja Lapualta',
          ownerUserId: input.attendees[0]?.userId ?? null,
          ownerName: input.attendees[0]?.name ?? '',
          dueDate: addDays(pastDate, 10),
        },
        {
          id: null,
          description: 'Kysy Kauhajoen kirjastolta tilaa kevään kurssille',
          ownerUserId: null,
          ownerName: 'Hanna Hankevastaava',
          dueDate: addDays(today, -2),
        },
      ],
      removedIds: [],
    },
    context(minutesAt),
  );
  const [firstItem] = tx
    .select({ id: meetingActionItems.id })
    .from(meetingActionItems)
    .where(eq(meetingActionItems.meetingId, pastId))
    .orderBy(meetingActionItems.id)
    .all();
  if (firstItem) {
    markActionItemDoneIn(
      tx,
      pastId,
      firstItem.id,
      context(wallClockToInstant(addDays(pastDate, 8), '12:00')),
    );
  }

  const next = proposeNextMeeting([past], today);
  if (next) {
    createMeetingIn(
      tx,
      { ...next, agenda: '1. Edellisen kokouksen tehtävät\n2. Kevään 2027 kurssit' },
      context(minutesAt),
    );
  }
}
