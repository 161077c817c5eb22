import type { DropOutReason } from '../../../db/schema';
import type { Language, Translate } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { toCsv, type CsvCell } from '../../lib/csv';
import { formatPhoneForDisplay } from '../../lib/phone';
import { completionOfPerson } from './attendance-sheets';
import { countsFor } from './attendance-rules';
import {
  markOf,
  type AttendanceParticipant,
  type CourseAttendance,
  type seatHolderStates,
} from './queries';

type SeatHolderState = (typeof seatHolderStates)[number];

/**
 * A course's roster with attendance as a CSV file for Excel: one line per person who held a seat,
 * one column per session that was not cancelled (a cancelled session has no attendance), each
 * cell a word in the user's language. "Completed" is the frozen result once the course is
 * closed, empty before that for someone still placed.
 */
export function rosterWithAttendanceCsv(
  courseAttendance: CourseAttendance,
  t: Translate,
  language: Language,
): string {
  const sessions = courseAttendance.sessions.filter((session) => session.status === 'scheduled');
  const header = [
    t('attendance.name'),
    t('attendance.csv.phone'),
    t('attendance.csv.email'),
    t('attendance.csv.state'),
    t('attendance.csv.dropOutReason'),
    ...sessions.map((session) =>
      t('attendance.csv.session', {
        number: session.ordinal,
        date: formatDate(session.localDate, language),
      }),
    ),
    t('attendance.csv.attendedCount'),
    t('attendance.csv.completed'),
  ];
  const completedWord = (person: AttendanceParticipant) => {
    if (person.state === 'completed') return t('attendance.csv.yes');
    return person.state === 'placed' ? '' : t('attendance.csv.no');
  };
  const rows = courseAttendance.participants.map((person): CsvCell[] => [
    person.name,
    formatPhoneForDisplay(person.phone),
    person.email,
    t(`roster.state.${person.state as SeatHolderState}`),
    person.dropOutReason ? t(`attendance.dropOut.${person.dropOutReason as DropOutReason}`) : '',
    ...sessions.map((session) => {
      const mark = markOf(courseAttendance, person.enrollmentId, session.id);
      if (!countsFor(person, session, mark)) return t('attendance.grid.notDue');
      return mark ? t(`attendance.mark.${mark}`) : t('attendance.unmarked');
    }),
    completionOfPerson(courseAttendance, person).attended,
    completedWord(person),
  ]);
  return toCsv(header, rows);
}
