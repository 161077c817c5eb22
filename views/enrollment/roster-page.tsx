import type { CourseWithSchedule } from '../../src/features/courses/queries';
import type { NeedsSummary, ShownNeed, VenueMismatch } from '../../src/features/enrollment/needs';
import type { RosterEntry } from '../../src/features/enrollment/queries';
import type { Language, Translate } from '../../src/i18n';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import { CheckboxField, ErrorSummary, FormFields } from '../components/form-fields';
import { titleOf } from '../courses/course-page';
import { NeedsCell, NeedsSummaryList, VenueMismatchWarning } from './needs-parts';
import { RowField, type InvalidRowForm } from './row-field';

type PageContext = { t: Translate; language: Language };

/** One line of the roster, in the shape courseRoster returns. */
export type RosterRow = Omit<RosterEntry, 'queuedAt'>;

export type DemandListEntry = {
  applicationId: number;
  name: string;
  municipality: string;
  needs: ShownNeed[];
  unmetByVenue: ShownNeed[];
};

/** A name on the demand list, with their needs and what the venue lacks for them. */
function demandLabel(entry: DemandListEntry, t: Translate): string {
  const words = (needs: ShownNeed[]) => needs.map((need) => t(`needs.word.${need}`)).join(', ');
  return [
    entry.municipality ? `${entry.name} (${entry.municipality})` : entry.name,
    entry.needs.length > 0 && t('roster.placeNeeds', { needs: words(entry.needs) }),
    entry.unmetByVenue.length > 0 && t('roster.placeUnmet', { needs: words(entry.unmetByVenue) }),
  ]
    .filter(Boolean)
    .join(' – ');
}

function StateCell(props: { row: RosterRow; position: number | null; t: Translate }) {
  const { row, t } = props;
  return (
    <td data-label={t('roster.state')}>
      {row.state === 'waitlisted'
        ? t('roster.state.waitlisted', { position: props.position ?? '' })
        : t(`roster.state.${row.state}`)}
      {row.state === 'withdrawn' && row.withdrawnReason && (
        <p class="hint">{t('roster.withdrawnBecause', { reason: row.withdrawnReason })}</p>
      )}
      {row.state === 'waitlisted' && row.movedUpReason && (
        <p class="hint">{t('roster.movedUpBecause', { reason: row.movedUpReason })}</p>
      )}
    </td>
  );
}

function ReasonForm(props: {
  form: string;
  action: string;
  label: string;
  submit: string;
  /** Giving up a seat is destructive: never styled as the primary action. */
  danger?: boolean;
  invalid: InvalidRowForm | null;
  t: Translate;
}) {
  const mine = props.invalid?.form === props.form ? props.invalid : null;
  return (
    <form method="post" action={props.action} class="inline-form">
      <RowField
        id={`${props.form}-reason`}
        name="reason"
        label={props.label}
        value={mine?.values.reason}
        error={mine?.errors.reason}
        maxlength={500}
        required
        t={props.t}
      />
      <button type="submit" class={props.danger ? 'danger' : 'secondary'}>
        {props.submit}
      </button>
    </form>
  );
}

function RowActions(props: { row: RosterRow; invalid: InvalidRowForm | null; t: Translate }) {
  const { row, t } = props;
  const active = row.active;
  return (
    <td data-label={t('roster.actions')}>
      {active && (
        <div class="actions">
          {row.state === 'waitlisted' && (
            <ReasonForm
              form={`move-up-${row.enrollmentId}`}
              action={`/enrollments/${row.enrollmentId}/move-up`}
              label={t('roster.moveUpReason')}
              submit={t('roster.moveUpSubmit', { name: row.name })}
              invalid={props.invalid}
              t={t}
            />
          )}
          <ReasonForm
            form={`withdraw-${row.enrollmentId}`}
            action={`/enrollments/${row.enrollmentId}/withdrawal`}
            label={t('roster.withdrawReason')}
            submit={t('roster.withdrawSubmit', { name: row.name })}
            danger
            invalid={props.invalid}
            t={t}
          />
        </div>
      )}
    </td>
  );
}

/** One person's line on the roster. */
export function RosterLine(props: {
  row: RosterRow;
  position: number | null;
  canManage: boolean;
  invalid: InvalidRowForm | null;
  t: Translate;
}) {
  const { row, t } = props;
  return (
    <tr id={`enrollment-${row.enrollmentId}`} class={`state-${row.state}`}>
      <th scope="row">{row.name}</th>
      <td data-label={t('roster.phone')}>
        {row.phone && <a href={`tel:${row.phone}`}>{formatPhoneForDisplay(row.phone)}</a>}
      </td>
      <td data-label={t('roster.email')}>
        {row.email ? (
          <a href={`mailto:${row.email}`}>{row.email}</a>
        ) : (
          <span class="hint">{t('roster.noEmail')}</span>
        )}
      </td>
      <StateCell row={row} position={props.position} t={t} />
      <NeedsCell row={row} canManage={props.canManage} invalid={props.invalid} t={t} />
      {props.canManage && <RowActions row={row} invalid={props.invalid} t={t} />}
    </tr>
  );
}

export function RosterTable(
  props: { roster: RosterRow[]; canManage: boolean; invalid: InvalidRowForm | null } & PageContext,
) {
  const { t } = props;
  if (props.roster.length === 0) return <p>{t('roster.empty')}</p>;
  let waitlistPosition = 0;
  return (
    <div class="table-scroll" role="region" aria-labelledby="roster-caption" tabindex={0}>
      <table id="roster">
        <caption id="roster-caption">{t('roster.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.name')}</th>
            <th scope="col">{t('roster.phone')}</th>
            <th scope="col">{t('roster.email')}</th>
            <th scope="col">{t('roster.state')}</th>
            <th scope="col">{t('needs.column')}</th>
            {props.canManage && <th scope="col">{t('roster.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {props.roster.map((row) => (
            <RosterLine
              row={row}
              position={row.state === 'waitlisted' ? ++waitlistPosition : null}
              canManage={props.canManage}
              invalid={props.invalid}
              t={t}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PlaceFromDemandList(
  props: {
    courseId: number;
    demand: DemandListEntry[];
    invalid: InvalidRowForm | null;
  } & PageContext,
) {
  const { t } = props;
  const mine = props.invalid?.form === 'place' ? props.invalid : null;
  const error = mine?.errors.applicationId;
  const confirmError = mine?.errors.confirmCannotComplete;
  return (
    <section aria-labelledby="place-title">
      <h2 id="place-title">{t('roster.placeTitle')}</h2>
      {props.demand.length === 0 ? (
        <p>{t('roster.placeNone')}</p>
      ) : (
        <form method="post" action="/enrollments" class="inline-form">
          <input type="hidden" name="courseId" value={String(props.courseId)} />
          <div class={error ? 'field field-invalid' : 'field'}>
            <label for="applicationId">
              {t('roster.placeApplication')}
              <span class="required"> {t('form.required')}</span>
            </label>
            {error && (
              <p id="applicationId-error" class="field-error">
                {error}
              </p>
            )}
            <select
              id="applicationId"
              name="applicationId"
              required
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'applicationId-error' : undefined}
            >
              <option value="">{t('roster.placeChoose')}</option>
              {props.demand.map((entry) => (
                <option
                  value={String(entry.applicationId)}
                  selected={mine?.values.applicationId === String(entry.applicationId)}
                >
                  {demandLabel(entry, t)}
                </option>
              ))}
            </select>
          </div>
          {confirmError && (
            <FormFields errors={{ confirmCannotComplete: confirmError }} t={t}>
              <CheckboxField
                name="confirmCannotComplete"
                label={t('placement.confirmCannotComplete')}
              />
            </FormFields>
          )}
          <button type="submit">{t('roster.placeSubmit')}</button>
        </form>
      )}
    </section>
  );
}

export function RosterPage(
  props: {
    course: CourseWithSchedule;
    roster: RosterRow[];
    canManage: boolean;
    demand: DemandListEntry[];
    invalid: InvalidRowForm | null;
    needs: NeedsSummary;
    mismatches: VenueMismatch[];
  } & PageContext,
) {
  const { course, roster, t, language } = props;
  const placed = roster.filter((row) => row.state === 'placed').length;
  const waiting = roster.filter((row) => row.state === 'waitlisted').length;
  const open = course.course.status !== 'cancelled' && course.course.status !== 'completed';
  return (
    <section id="roster-page">
      {props.canManage && (
        <p>
          <a href={`/courses/${course.course.id}`}>{t('roster.backToCourse')}</a>
        </p>
      )}
      <h1>
        {t('roster.title')}: {titleOf(course, language)}
      </h1>
      <p>
        <a href={`/courses/${course.course.id}/attendance`}>{t('attendance.courseLink')}</a>
        {' · '}
        <a href={`/courses/${course.course.id}/attendance.csv`} download>
          {t('attendance.csvLink')}
        </a>
      </p>
      {props.invalid && <ErrorSummary errors={props.invalid.errors} t={t} />}
      <ul class="roster-counts">
        <li id="roster-seats">
          {t('roster.seats', { placed, max: course.program.maxParticipants })}
        </li>
        <li>{t('roster.waitlistCount', { count: waiting })}</li>
      </ul>
      <VenueMismatchWarning mismatches={props.mismatches} t={t} />
      <NeedsSummaryList summary={props.needs} t={t} />
      <RosterTable
        roster={roster}
        canManage={props.canManage}
        invalid={props.invalid}
        t={t}
        language={language}
      />
      {props.canManage && open && (
        <PlaceFromDemandList
          courseId={course.course.id}
          demand={props.demand}
          invalid={props.invalid}
          t={t}
          language={language}
        />
      )}
    </section>
  );
}
