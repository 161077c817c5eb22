import { courseStatuses, type CourseStatus } from '../../db/schema';
import type { TermCourse, TermSession } from '../../src/features/terms/queries';
import type { CalendarWeek, TargetProgress } from '../../src/features/terms/term-plan';
import type { LocalityDemand } from '../../src/features/intake/queries';
import type { Language, Translate } from '../../src/i18n';
import { formatLocalDate, formatTimeRange, programNamesOf } from '../../src/i18n/format';
import type { FormState } from '../../src/http/form';
import { ErrorSummary, TextField, FormFields } from '../components/form-fields';
import { courseTitle } from '../../src/i18n/format';
import type { RegionChoice } from '../../src/features/places/region-choice';
import { RegionFilter, RegionShown } from '../components/region-filter';
import { TargetFields } from './term-list-page';
import { atRiskFiguresText } from '../enrollment/decisions-page';

type PageContext = { t: Translate; language: Language };
type Term = {
  id: number;
  name: string;
  targetCoursesMin: number;
  targetCoursesMax: number;
  targetInstructorsMin: number;
  targetInstructorsMax: number;
};
export type TermFilters = { localityId: number | null; status: CourseStatus | null };

function titleOf(course: TermCourse | TermSession, language: Language) {
  return courseTitle(
    {
      program: programNamesOf(course),
      localityName: course.localityName,
    },
    language,
  );
}

function TargetLine(props: { id?: string; text: string; progress: TargetProgress; t: Translate }) {
  return (
    <li id={props.id}>
      {props.text}{' '}
      <strong class={`progress-${props.progress}`}>
        {props.t(`term.progress.${props.progress}`)}
      </strong>
    </li>
  );
}

function Targets(
  props: {
    term: Term;
    courseCount: number;
    progress: TargetProgress;
    trainedCount: number;
    trainedProgress: TargetProgress;
    form: FormState;
  } & PageContext,
) {
  const { t, term } = props;
  return (
    <section aria-labelledby="targets-title">
      <h2 id="targets-title">{t('term.targets')}</h2>
      <ul class="targets">
        <TargetLine
          text={t('term.coursesTarget', {
            actual: props.courseCount,
            min: term.targetCoursesMin,
            max: term.targetCoursesMax,
          })}
          progress={props.progress}
          t={t}
        />
        <TargetLine
          id="instructors-target"
          text={t('term.instructorsTarget', {
            actual: props.trainedCount,
            min: term.targetInstructorsMin,
            max: term.targetInstructorsMax,
          })}
          progress={props.trainedProgress}
          t={t}
        />
      </ul>
      <details open={Object.keys(props.form.errors).length > 0}>
        <summary>{t('term.saveTargets')}</summary>
        <form method="post" action={`/terms/${term.id}/targets`} novalidate>
          <FormFields errors={props.form.errors} t={t}>
            <ErrorSummary errors={props.form.errors} t={t} />
            <TargetFields values={props.form.values} t={t} />
            <button type="submit">{t('term.saveTargets')}</button>
          </FormFields>
        </form>
      </details>
    </section>
  );
}

function Filters(
  props: {
    termId: number;
    filters: TermFilters;
    region: RegionChoice;
    localities: { id: number; name: string }[];
  } & PageContext,
) {
  const { t, filters } = props;
  const path = `/terms/${props.termId}`;
  return (
    <form
      method="get"
      action={path}
      class="filters"
      hx-get={path}
      hx-trigger="change"
      hx-target="#term-courses"
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      {props.region.asked && <input type="hidden" name="region" value={props.region.region} />}
      <label for="filter-locality">{t('term.filterLocality')}</label>
      <select id="filter-locality" name="locality">
        <option value="">{t('term.allLocalities')}</option>
        {props.localities.map((locality) => (
          <option value={String(locality.id)} selected={filters.localityId === locality.id}>
            {locality.name}
          </option>
        ))}
      </select>
      <label for="filter-status">{t('term.filterStatus')}</label>
      <select id="filter-status" name="status">
        <option value="">{t('term.allStatuses')}</option>
        {courseStatuses.map((status) => (
          <option value={status} selected={filters.status === status}>
            {t(`course.status.${status}`)}
          </option>
        ))}
      </select>
      <button type="submit">{t('term.filter')}</button>
    </form>
  );
}

/** A locality name as part of an id ("Seinäjoki" → "seina-joki"). */
const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-');

export type LocalityGroup = { localityName: string; courses: TermCourse[] };

export function TermCourses(props: { groups: LocalityGroup[] } & PageContext) {
  const { t, language, groups } = props;
  return (
    <div id="term-courses" aria-live="polite">
      {groups.length === 0 && <p>{t('term.noCourses')}</p>}
      {groups.map((group) => (
        <div
          class="table-scroll"
          role="region"
          aria-labelledby={`courses-${slug(group.localityName)}`}
          tabindex={0}
        >
          <table>
            <caption id={`courses-${slug(group.localityName)}`}>{group.localityName}</caption>
            <thead>
              <tr>
                <th scope="col">{t('term.course')}</th>
                <th scope="col">{t('term.dates')}</th>
                <th scope="col">{t('term.instructorPair')}</th>
                <th scope="col">{t('term.status')}</th>
                <th scope="col">{t('term.seats')}</th>
              </tr>
            </thead>
            <tbody>
              {group.courses.map((course) => (
                <tr id={`term-course-${course.id}`}>
                  <td data-label={t('term.course')}>
                    <a href={`/courses/${course.id}`}>{titleOf(course, language)}</a>
                    {course.venueName && <div class="hint">{course.venueName}</div>}
                  </td>
                  <td data-label={t('term.dates')}>
                    {course.firstDate && course.lastDate
                      ? t('term.sessionCount', {
                          first: formatLocalDate(course.firstDate, language),
                          last: formatLocalDate(course.lastDate, language),
                          count: course.sessionCount,
                        })
                      : '–'}
                  </td>
                  <td data-label={t('term.instructorPair')}>{course.instructorNames ?? '–'}</td>
                  <td data-label={t('term.status')}>
                    {t(`course.status.${course.status}`)}
                    <GoNoGoMark course={course} t={t} language={language} />
                  </td>
                  <td data-label={t('term.seats')}>
                    {t('term.seatsTaken', { placed: course.placed, max: course.maxParticipants })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}

/** A course short of its minimum near or past its decision date says so in words, not colour. */
function GoNoGoMark(props: { course: TermCourse } & PageContext) {
  const { course, t, language } = props;
  const outlook = course.outlook;
  if (outlook.kind === 'at-risk') {
    return (
      <div class="at-risk">
        <strong class="badge badge-warning">{t('atRisk.badge')}</strong>{' '}
        {outlook.daysLeft === 0
          ? t('atRisk.decisionToday')
          : t('atRisk.decisionOn', { date: formatLocalDate(course.goNoGoDate, language) })}
        <br />
        {atRiskFiguresText(outlook, course.localityName, t)}
      </div>
    );
  }
  if (outlook.kind === 'decision-overdue') {
    return (
      <div class="at-risk">
        <strong class="badge badge-danger">{t('atRisk.overdue')}</strong>{' '}
        {t('atRisk.placed', { placed: outlook.placed, minimum: outlook.minimum })}{' '}
        <a href="/decisions">{t('nav.decisions')}</a>
      </div>
    );
  }
  return null;
}

/** Where people wait for a course: the place for the next group. */
function Demand(props: { demand: LocalityDemand[]; t: Translate }) {
  const { t } = props;
  return (
    <section aria-labelledby="demand-title">
      <h2 id="demand-title">{t('term.demand')}</h2>
      {props.demand.length === 0 ? (
        <p>{t('term.noDemand')}</p>
      ) : (
        <table id="demand-table">
          <caption>{t('term.demandCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('term.filterLocality')}</th>
              <th scope="col">{t('term.demandWaiting')}</th>
              <th scope="col">{t('term.demandToCall')}</th>
            </tr>
          </thead>
          <tbody>
            {props.demand.map((row) => (
              <tr>
                <td data-label={t('term.filterLocality')}>{row.localityName}</td>
                <td data-label={t('term.demandWaiting')}>{row.waiting}</td>
                <td data-label={t('term.demandToCall')}>{row.toCall}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function WeekCalendar(props: { weeks: CalendarWeek<TermSession>[] } & PageContext) {
  const { t, language } = props;
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('term.calendar')}</h2>
      {props.weeks.length === 0 && <p>{t('term.calendarEmpty')}</p>}
      {props.weeks.map((week) => (
        <section
          class="calendar-week"
          aria-label={t('term.week', {
            week: week.week,
            monday: formatLocalDate(week.monday, language),
            sunday: formatLocalDate(week.sunday, language),
          })}
        >
          <h3>
            {t('term.week', {
              week: week.week,
              monday: formatLocalDate(week.monday, language),
              sunday: formatLocalDate(week.sunday, language),
            })}
          </h3>
          <ul>
            {week.sessions.map((session) => (
              <li>
                <a href={`/courses/${session.courseId}`}>
                  {t('term.calendarEntry', {
                    date: formatLocalDate(session.localDate, language),
                    time: formatTimeRange(session.startTime, session.endTime, language),
                    course: titleOf(session, language),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function BlockedPeriods(
  props: {
    termId: number;
    periods: { id: number; name: string; startsOn: string; endsOn: string }[];
    form: FormState;
  } & PageContext,
) {
  const { t, language, form } = props;
  return (
    <section aria-labelledby="blocked-title">
      <h2 id="blocked-title">{t('term.blockedPeriods')}</h2>
      <p>{t('term.blockedIntro')}</p>
      {props.periods.length === 0 ? (
        <p>{t('term.noBlocked')}</p>
      ) : (
        <ul>
          {props.periods.map((period) => (
            <li class="actions">
              <span>
                {period.name}: {formatLocalDate(period.startsOn, language)} –{' '}
                {formatLocalDate(period.endsOn, language)}
              </span>
              <form method="post" action={`/blocked-periods/${period.id}/deletion`}>
                <input type="hidden" name="returnTo" value={`/terms/${props.termId}`} />
                <button type="submit" class="danger">
                  {t('term.removeBlocked', { name: period.name })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action="/blocked-periods" novalidate>
        <FormFields errors={form.errors} t={t}>
          <input type="hidden" name="returnTo" value={`/terms/${props.termId}`} />
          <ErrorSummary errors={form.errors} t={t} />
          <TextField name="name" label={t('term.blockedName')} value={form.values.name} required />
          <TextField
            name="startsOn"
            type="date"
            label={t('term.startsOn')}
            value={form.values.startsOn}
            required
          />
          <TextField
            name="endsOn"
            type="date"
            label={t('term.endsOn')}
            value={form.values.endsOn}
            required
          />
          <button type="submit">{t('term.addBlocked')}</button>
        </FormFields>
      </form>
    </section>
  );
}

export function TermPlanPage(
  props: {
    term: Term;
    courseGroups: LocalityGroup[];
    activeCourseCount: number;
    progress: TargetProgress;
    trainedCount: number;
    trainedProgress: TargetProgress;
    filters: TermFilters;
    region: RegionChoice;
    localities: { id: number; name: string }[];
    weeks: CalendarWeek<TermSession>[];
    demand: LocalityDemand[];
    blockedPeriods: { id: number; name: string; startsOn: string; endsOn: string }[];
    targetsForm: FormState;
    blockedForm: FormState;
  } & PageContext,
) {
  const { t, language, term } = props;
  return (
    <section id="term-plan">
      <h1>{t('term.planTitle', { name: term.name })}</h1>
      <RegionShown choice={props.region} t={t} />
      <RegionFilter
        action={`/terms/${term.id}`}
        choice={props.region}
        keep={{ status: props.filters.status }}
        t={t}
      />
      <Targets
        term={term}
        courseCount={props.activeCourseCount}
        progress={props.progress}
        trainedCount={props.trainedCount}
        trainedProgress={props.trainedProgress}
        form={props.targetsForm}
        t={t}
        language={language}
      />
      <section aria-labelledby="courses-title">
        <h2 id="courses-title">{t('term.courses')}</h2>
        <p>
          <a href={`/courses/new?termId=${term.id}`}>{t('term.newCourse')}</a>
        </p>
        <p>
          <a
            id="propose-plan"
            href={`/terms/${term.id}/proposal${props.region.asked ? `?region=${encodeURIComponent(props.region.region)}` : ''}`}
          >
            {t('proposal.open')}
          </a>
          <span class="hint"> {t('proposal.openHint')}</span>
        </p>
        <Filters
          termId={term.id}
          filters={props.filters}
          region={props.region}
          localities={props.localities}
          t={t}
          language={language}
        />
        <TermCourses groups={props.courseGroups} t={t} language={language} />
      </section>
      <Demand demand={props.demand} t={t} />
      <WeekCalendar weeks={props.weeks} t={t} language={language} />
      <BlockedPeriods
        termId={term.id}
        periods={props.blockedPeriods}
        form={props.blockedForm}
        t={t}
        language={language}
      />
    </section>
  );
}
