import type { Conflict } from '../../src/features/courses/conflicts';
import type { PairWarning } from '../../src/features/courses/course-rules';
import type { MovedDate } from '../../src/features/courses/schedule';
import { formatLocalDate, formatTimeRange } from '../../src/i18n/format';
import type { Language, Translate } from '../../src/i18n';

export function MovedDatesList(props: { moved: MovedDate[]; t: Translate; language: Language }) {
  if (props.moved.length === 0) return null;
  const { t, language } = props;
  return (
    <section aria-labelledby="moved-title">
      <h2 id="moved-title">{t('course.movedTitle')}</h2>
      <ul>
        {props.moved.map((move) => (
          <li>
            {t('course.moved', {
              from: formatLocalDate(move.from, language),
              to: formatLocalDate(move.to, language),
              reason: move.reason.name,
              kind: t(`course.dayOff.${move.reason.kind}`),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export type InstructorNames = Map<number, string>;

function conflictText(
  conflict: Conflict,
  instructorNames: InstructorNames,
  t: Translate,
  language: Language,
): string {
  const date = formatLocalDate(conflict.localDate, language);
  switch (conflict.kind) {
    case 'instructor':
      return t('course.warning.instructor', {
        date,
        name: instructorNames.get(conflict.instructorId) ?? '',
        course: conflict.otherCourseName,
      });
    case 'venue':
      return t('course.warning.venue', { date, course: conflict.otherCourseName });
    case 'day-off':
      return t('course.warning.dayOff', { date, name: conflict.dayOff.name });
  }
}

/** Warnings the coordinator may accept; shown on the form and on the course page. */
export function WarningList(props: {
  conflicts: Conflict[];
  pairWarnings: PairWarning[];
  instructorNames: InstructorNames;
  t: Translate;
  language: Language;
  withIntro?: boolean;
}) {
  const { t } = props;
  if (props.conflicts.length === 0 && props.pairWarnings.length === 0) return null;
  return (
    <section class="warning" aria-labelledby="warnings-title">
      <h2 id="warnings-title">{t('course.warningsTitle')}</h2>
      {props.withIntro && props.conflicts.length > 0 && <p>{t('course.warningsIntro')}</p>}
      <ul>
        {props.pairWarnings.map((warning) => (
          <li>{t(`course.warning.${warning}`)}</li>
        ))}
        {props.conflicts.map((conflict) => (
          <li>{conflictText(conflict, props.instructorNames, t, props.language)}</li>
        ))}
      </ul>
    </section>
  );
}

export function SessionDateList(props: {
  sessions: { localDate: string; startTime: string; endTime: string }[];
  t: Translate;
  language: Language;
}) {
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{props.t('course.previewTitle')}</h2>
      <ol class="session-dates">
        {props.sessions.map((session) => (
          <li>
            {formatLocalDate(session.localDate, props.language)}{' '}
            {formatTimeRange(session.startTime, session.endTime, props.language)}
          </li>
        ))}
      </ol>
    </section>
  );
}
