import { eq } from 'drizzle-orm';
import { applications } from '../../../db/schema';
import type { DatabaseOrTransaction } from '../../db';
import { translate, type Language } from '../../i18n';
import { programName } from '../../i18n/format';
import type { CourseWithSchedule } from '../courses/queries';
import { enqueueText } from '../outbox/queries';
import { reminderDate, reminderTime } from './reminders';
import { isMobileNumber, withPlainTypography } from './sms-rules';

/** What happened to a person's place: they got it, the schedule moved, or it was cancelled. */
export type PlaceChange = 'placed' | 'moved' | 'cancelled';

/**
 * For a participant without e-mail (who otherwise hears by letter or phone): a text about the
 * change to their place, queued in the caller's transaction. Placed and moved name the next
 * session; nothing is queued without a mobile number, or for placed/moved without a next session.
 */
export function queueChangeTextIn(
  tx: DatabaseOrTransaction,
  course: CourseWithSchedule,
  person: { id: number; name: string; language: Language },
  change: PlaceChange,
  context: { now: Date; domain: string },
): void {
  const phone = tx
    .select({ phone: applications.phone })
    .from(applications)
    .where(eq(applications.id, person.id))
    .get()?.phone;
  if (!phone || !isMobileNumber(phone)) return;
  const language = person.language;
  const program = programName(course.program, language);
  const place = course.venue?.name ?? course.locality.name;
  let textBody: string;
  if (change === 'cancelled') {
    textBody = translate(language, 'texts.placeCancelled', { program, place });
  } else {
    const next = course.sessions.find(
      (session) => session.status === 'scheduled' && session.startsAt > context.now,
    );
    if (!next) return;
    textBody = translate(language, change === 'placed' ? 'texts.placed' : 'texts.moved', {
      program,
      place,
      date: reminderDate(next.localDate, language),
      time: reminderTime(next.startTime, language),
    });
  }
  enqueueText(
    tx,
    {
      recipientPhone: phone,
      recipientName: person.name,
      textBody: withPlainTypography(textBody),
      courseId: course.course.id,
      applicationId: person.id,
    },
    context,
  );
}
