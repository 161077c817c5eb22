import type { TrainingStatus } from '../../db/schema';
import type {
  TrainingListRow,
  TrainingWithDays,
  VenueChoice,
} from '../../src/features/trainings/queries';
import type { Language, Translate } from '../../src/i18n';
import { formatLocalDate, formatTimeRange, venueText } from '../../src/i18n/format';
import {
  ErrorSummary,
  FormFields,
  SelectField,
  TextAreaField,
  TextField,
  type FieldErrors,
} from '../components/form-fields';

type PageContext = { t: Translate; language: Language };

type Day = { localDate: string; startTime: string; endTime: string };

function DayText(props: { day: Day } & PageContext) {
  const { day, t, language } = props;
  return (
    <>
      {t('training.day', {
        date: formatLocalDate(day.localDate, language),
        time: formatTimeRange(day.startTime, day.endTime, language),
      })}
    </>
  );
}

export function TrainingTable(props: { trainings: TrainingListRow[] } & PageContext) {
  const { t, language } = props;
  if (props.trainings.length === 0) return <p>{t('training.empty')}</p>;
  return (
    <div class="table-scroll" role="region" aria-labelledby="trainings-caption" tabindex={0}>
      <table id="trainings-table">
        <caption id="trainings-caption">{t('training.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.name')}</th>
            <th scope="col">{t('training.dates')}</th>
            <th scope="col">{t('training.status')}</th>
            <th scope="col">{t('training.seats')}</th>
          </tr>
        </thead>
        <tbody>
          {props.trainings.map((training) => (
            <tr id={`training-${training.id}`}>
              <th scope="row">
                <a href={`/trainings/${training.id}`}>{training.name}</a>
              </th>
              <td data-label={t('training.dates')} class="training-dates">
                {training.days.map((day) => formatLocalDate(day.localDate, language)).join(', ')}
              </td>
              <td data-label={t('training.status')} class="training-status">
                {t(`training.status.${training.status}`)}
              </td>
              <td data-label={t('training.seats')} class="training-seats">
                {t('training.seatsTaken', {
                  taken: training.enrolled,
                  capacity: training.capacity,
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TrainingListPage(props: { trainings: TrainingListRow[] } & PageContext) {
  const { t } = props;
  return (
    <>
      <h1>{t('training.listTitle')}</h1>
      <p>
        <a href="/trainings/new">{t('training.add')}</a>
      </p>
      <TrainingTable {...props} />
    </>
  );
}

export type TrainingFormState = { values: Record<string, string>; errors: FieldErrors };

export function TrainingFormPage(
  props: TrainingFormState & {
    title: string;
    action: string;
    submitLabel: string;
    venues: VenueChoice[];
    dayNumbers: number[];
    trainerNumbers: number[];
    t: Translate;
  },
) {
  const { t, values } = props;
  return (
    <>
      <h1>{props.title}</h1>
      <p>
        <a href="/trainings">{t('training.backToList')}</a>
      </p>
      <FormFields errors={props.errors} t={t}>
        <ErrorSummary />
        <form method="post" action={props.action} novalidate>
          <TextField name="name" label={t('training.name')} value={values.name} required />
          <SelectField
            name="venueId"
            label={t('training.venue')}
            placeholder={t('training.chooseVenue')}
            value={values.venueId}
            options={props.venues.map((venue) => {
              const name = `${venue.localityName}: ${venue.name}`;
              return {
                value: String(venue.id),
                label: venue.kind === 'online' ? t('training.venueOnline', { name }) : name,
              };
            })}
          />
          <TextField
            name="capacity"
            type="number"
            min={1}
            max={100}
            label={t('training.capacity')}
            value={values.capacity}
            required
          />
          <fieldset class="field">
            <legend>{t('training.daysLegend')}</legend>
            <p class="hint">{t('training.daysHint')}</p>
            {props.dayNumbers.map((number) => (
              <div class="number-grid">
                <TextField
                  name={`day${number}Date`}
                  type="date"
                  label={t('training.dayDate', { number })}
                  value={values[`day${number}Date`]}
                />
                <TextField
                  name={`day${number}Start`}
                  type="time"
                  label={t('training.dayStart', { number })}
                  value={values[`day${number}Start`]}
                />
                <TextField
                  name={`day${number}End`}
                  type="time"
                  label={t('training.dayEnd', { number })}
                  value={values[`day${number}End`]}
                />
              </div>
            ))}
          </fieldset>
          <fieldset class="field">
            <legend>{t('training.trainersLegend')}</legend>
            <p class="hint">{t('training.trainersHint')}</p>
            {props.trainerNumbers.map((number) => (
              <div class="number-grid">
                <TextField
                  name={`trainer${number}Name`}
                  label={t('training.trainerName', { number })}
                  value={values[`trainer${number}Name`]}
                />
                <TextField
                  name={`trainer${number}Email`}
                  type="email"
                  autocomplete="off"
                  label={t('training.trainerEmail', { number })}
                  value={values[`trainer${number}Email`]}
                />
              </div>
            ))}
          </fieldset>
          <button type="submit">{props.submitLabel}</button>
        </form>
      </FormFields>
    </>
  );
}

function CandidateList(props: {
  id: string;
  heading: string;
  candidates: TrainingWithDays['candidates'];
  t: Translate;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      {props.candidates.length === 0 ? (
        <p>{props.t('training.noCandidates')}</p>
      ) : (
        <ul>
          {props.candidates.map((candidate) => (
            <li>
              <a href={`/candidates/${candidate.id}`}>{candidate.name}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TrainingPage(
  props: {
    training: TrainingWithDays;
    nextStatus: TrainingStatus | undefined;
    cancellable: boolean;
    cancelErrors: FieldErrors;
    cancelValues: Record<string, string>;
  } & PageContext,
) {
  const { training, t, language } = props;
  const { status, id } = training.training;
  const enrolled = training.candidates.filter((candidate) => candidate.state === 'enrolled');
  const waitlisted = training.candidates.filter((candidate) => candidate.state === 'waitlisted');
  return (
    <>
      <h1>{training.training.name}</h1>
      <p>
        <a href="/trainings">{t('training.backToList')}</a>
      </p>
      <dl class="details">
        <dt>{t('training.status')}</dt>
        <dd id="training-status">
          {status === 'cancelled'
            ? t('training.cancelledBecause', { reason: training.training.cancellationReason })
            : t(`training.status.${status}`)}
        </dd>
        <dt>{t('training.venue')}</dt>
        <dd>{venueText(training.venue) || t('training.noVenue')}</dd>
        <dt>{t('training.seats')}</dt>
        <dd>
          {t('training.seatsTaken', {
            taken: enrolled.length,
            capacity: training.training.capacity,
          })}
        </dd>
      </dl>
      {status !== 'cancelled' && (
        <p>
          <a href={`/trainings/${id}/edit`}>{t('training.edit')}</a>
        </p>
      )}
      <section aria-labelledby="training-days">
        <h2 id="training-days">{t('training.days')}</h2>
        <ol>
          {training.days.map((day) => (
            <li>
              <DayText day={day} t={t} language={language} />
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="training-trainers">
        <h2 id="training-trainers">{t('training.trainers')}</h2>
        {training.trainers.length === 0 ? (
          <p>{t('training.noTrainers')}</p>
        ) : (
          <ul>
            {training.trainers.map((trainer) => (
              <li>
                {trainer.name}
                {trainer.email && ` (${trainer.email})`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <CandidateList
        id="training-enrolled"
        heading={t('training.enrolled', { count: enrolled.length })}
        candidates={enrolled}
        t={t}
      />
      <CandidateList
        id="training-waitlisted"
        heading={t('training.waitlisted', { count: waitlisted.length })}
        candidates={waitlisted}
        t={t}
      />
      {props.nextStatus && (
        <form method="post" action={`/trainings/${id}/status`}>
          <input type="hidden" name="status" value={props.nextStatus} />
          <button type="submit">
            {t('training.moveTo', { status: t(`training.status.${props.nextStatus}`) })}
          </button>
        </form>
      )}
      {props.cancellable && (
        <section aria-labelledby="training-cancel">
          <h2 id="training-cancel">{t('training.cancel')}</h2>
          <FormFields errors={props.cancelErrors} t={t}>
            <form method="post" action={`/trainings/${id}/cancellation`} novalidate>
              <TextAreaField
                name="reason"
                label={t('training.cancelReason')}
                hint={t('training.cancelHint')}
                value={props.cancelValues.reason}
                required
              />
              <button type="submit" class="danger">
                {t('training.cancel')}
              </button>
            </form>
          </FormFields>
        </section>
      )}
    </>
  );
}
