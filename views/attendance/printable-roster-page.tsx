import type { AttendanceGrid } from '../../src/features/attendance/attendance-grid';
import type { CourseWithSchedule } from '../../src/features/courses/queries';
import type { Language, Translate } from '../../src/i18n';
import { venueText } from '../../src/i18n/format';
import { titleOf } from '../courses/course-page';
import { GridHead, NotDue } from './attendance-grid-page';

type PageContext = { t: Translate; language: Language };

/**
 * A paper roster for a venue without a phone: one A4 page with a box per person and session, to
 * be typed into the grid afterwards. Paper can be left behind or lost, so it carries names only:
 * no phone numbers, e-mail addresses or reasons for leaving (the grid and the course page have
 * what a follow-up needs).
 */
export function PrintableRosterPage(
  props: { course: CourseWithSchedule; grid: AttendanceGrid } & PageContext,
) {
  const { course, grid, t, language } = props;
  const venue = venueText(course.venue);
  return (
    <article class="printable-roster">
      <p class="no-print hint">{t('attendance.print.hint')}</p>
      <p class="no-print">
        <a href={`/courses/${course.course.id}/attendance`}>{t('attendance.backToCourse')}</a>
      </p>
      <h1>{t('attendance.print.title')}</h1>
      <p class="roster-facts">
        <strong>{titleOf(course, language)}</strong>
        {venue && (
          <>
            <br />
            {t('attendance.print.venue', { venue })}
          </>
        )}
        {course.instructors.length > 0 && (
          <>
            <br />
            {t('attendance.print.instructors', {
              names: course.instructors.map((instructor) => instructor.name).join(', '),
            })}
          </>
        )}
      </p>
      {grid.rows.length === 0 ? (
        <p>{t('attendance.noParticipants')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="roster-sheet-caption" tabindex={0}>
          <table id="roster-sheet" class="roster-sheet">
            <caption id="roster-sheet-caption">{t('attendance.print.caption')}</caption>
            <GridHead grid={grid} t={t} language={language} />
            <tbody>
              {grid.rows.map((row) => (
                <tr id={`enrollment-${row.enrollmentId}`}>
                  <th scope="row">{row.name}</th>
                  {row.cells.map((cell) =>
                    cell.state === 'not-due' ? (
                      <td class="roster-box roster-box-not-due">
                        <NotDue t={t} />
                      </td>
                    ) : (
                      <td class="roster-box"></td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="roster-legend">{t('attendance.print.legend')}</p>
    </article>
  );
}
