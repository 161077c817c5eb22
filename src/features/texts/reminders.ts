import { and, eq, isNull, ne } from 'drizzle-orm';
import {
  applications,
  courseSessions,
  courses,
  enrollments,
  localities,
  programs,
  venues,
} from '../../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../db';
import type { Clock } from '../../lib/clock';
import type { LocalTime } from '../../lib/helsinki-time';
import { translate, type Language } from '../../i18n';
import { formatLocalDate, programName, type ProgramNames } from '../../i18n/format';
import { enqueueText } from '../outbox/queries';
import { isMobileNumber, sessionDateDueForReminders, withPlainTypography } from './sms-rules';

export type ReminderFacts = {
  program: ProgramNames;
  localDate: string;
  startTime: string;
  /** The venue's name, or the locality's when the course has no venue yet. */
  place: string;
};

/** A session's date in a text: "ti 6.10." / "tis 6.10." / "Tue 6 Oct" (no year). */
export function reminderDate(localDate: string, language: Language): string {
  return formatLocalDate(localDate, language)
    .replace(/ \d{4}$/, '')
    .replace(/\.\d{4}$/, '.');
}

/** A start time in a text: "17.00" in Finnish and Swedish, "17:00" in English. */
export function reminderTime(startTime: string, language: Language): string {
  return language === 'en' ? startTime : startTime.replace(':', '.');
}

/** The reminder text: the course, tomorrow's date and time, and where; nothing about health. */
export function reminderText(facts: ReminderFacts, language: Language): string {
  const text = translate(language, 'texts.reminder', {
    program: programName(facts.program, language),
    date: reminderDate(facts.localDate, language),
    time: reminderTime(facts.startTime, language),
    place: facts.place,
  });
  return withPlainTypography(text);
}

/**
 * Queues a reminder text for each session starting tomorrow (Helsinki), once today's reminder time
 * has passed: one per person placed on the course (at the time of queueing) with a mobile number,
 * who has not stopped reminders. Cancelled sessions and courses get none. The unique index on
 * (session, person) makes a re-run, or a second server, queue nothing twice. Returns how many were
 * queued now.
 */
export function queueDueReminders(
  db: AppDatabase,
  options: { now: Date; reminderTime: LocalTime; domain: string },
): number {
  const sessionDate = sessionDateDueForReminders(options.now, options.reminderTime);
  if (!sessionDate) return 0;
  return immediateTransaction(db, (tx) => {
    const due = tx
      .select({
        sessionId: courseSessions.id,
        courseId: courses.id,
        localDate: courseSessions.localDate,
        startTime: courseSessions.startTime,
        nameFi: programs.nameFi,
        nameSv: programs.nameSv,
        nameEn: programs.nameEn,
        venueName: venues.name,
        localityName: localities.name,
        applicationId: applications.id,
        name: applications.name,
        phone: applications.phone,
        language: applications.language,
      })
      .from(courseSessions)
      .innerJoin(courses, eq(courses.id, courseSessions.courseId))
      .innerJoin(programs, eq(programs.id, courses.programId))
      .innerJoin(localities, eq(localities.id, courses.localityId))
      .leftJoin(venues, eq(venues.id, courses.venueId))
      .innerJoin(
        enrollments,
        and(eq(enrollments.courseId, courses.id), eq(enrollments.state, 'placed')),
      )
      .innerJoin(applications, eq(applications.id, enrollments.applicationId))
      .where(
        and(
          eq(courseSessions.localDate, sessionDate),
          eq(courseSessions.status, 'scheduled'),
          ne(courses.status, 'cancelled'),
          isNull(applications.remindersStoppedAt),
          isNull(applications.anonymisedAt),
        ),
      )
      .all();
    let queued = 0;
    for (const row of due) {
      if (!isMobileNumber(row.phone)) continue;
      const textBody = reminderText(
        {
          program: { nameFi: row.nameFi, nameSv: row.nameSv, nameEn: row.nameEn },
          localDate: row.localDate,
          startTime: row.startTime,
          place: row.venueName ?? row.localityName,
        },
        row.language,
      );
      const id = enqueueText(
        tx,
        {
          recipientPhone: row.phone,
          recipientName: row.name,
          textBody,
          courseId: row.courseId,
          applicationId: row.applicationId,
          reminderSessionId: row.sessionId,
        },
        { now: options.now, domain: options.domain },
      );
      if (id !== null) queued += 1;
    }
    return queued;
  });
}

export type ReminderSchedule = {
  /** Queues the reminders now due; resolves to how many were queued. */
  checkOnce(): number;
  stop(): void;
};

/** The reminder job in the server process: checks every `intervalMs` (five minutes). */
export function startReminderSchedule(options: {
  db: AppDatabase;
  clock: Clock;
  reminderTime: LocalTime;
  domain: string;
  intervalMs?: number;
}): ReminderSchedule {
  const { db, clock, reminderTime, domain, intervalMs = 5 * 60 * 1000 } = options;
  const checkOnce = () => queueDueReminders(db, { now: clock(), reminderTime, domain });
  const timer = setInterval(() => {
    try {
      const queued = checkOnce();
      if (queued > 0) console.log(`Queued ${queued} reminder texts.`);
    } catch (error) {
      console.error('Queueing reminder texts failed:', error);
    }
  }, intervalMs);
  timer.unref();
  return {
    checkOnce,
    stop() {
      clearInterval(timer);
    },
  };
}
