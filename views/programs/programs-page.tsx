import { programName } from '../../src/i18n/format';
import type { ProgramListRow } from '../../src/features/programs/queries';
import type { Language, Translate } from '../../src/i18n';
import {
  CheckboxField,
  ErrorSummary,
  TextField,
  type FieldErrors,
  FormFields,
} from '../components/form-fields';

export type ProgramFormState = { values: Record<string, string>; errors: FieldErrors };

function intervalText(program: ProgramListRow, t: Translate): string {
  if (!program.adapted) return t('programs.weekly');
  return `${t('programs.everyNWeeks', { weeks: program.intervalWeeks })} (${t('programs.adapted')})`;
}

export function ProgramsTable(props: {
  programs: ProgramListRow[];
  t: Translate;
  language: Language;
}) {
  const { t } = props;
  if (props.programs.length === 0) return <p>{t('programs.empty')}</p>;
  return (
    <table id="programs-table">
      <caption>{t('programs.listCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('programs.name')}</th>
          <th scope="col">{t('programs.sessions')}</th>
          <th scope="col">{t('programs.sessionLength')}</th>
          <th scope="col">{t('programs.interval')}</th>
          <th scope="col">{t('programs.participants')}</th>
          <th scope="col">{t('programs.completion')}</th>
          <th scope="col">{t('programs.infoSession')}</th>
          <th scope="col">{t('programs.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {props.programs.map((program) => {
          const name = programName(program, props.language);
          return (
            <tr id={`program-${program.id}`}>
              <th scope="row" class="program-name">
                {name}
              </th>
              <td data-label={t('programs.sessions')} class="program-sessions">
                {program.sessionCount}
              </td>
              <td data-label={t('programs.sessionLength')} class="program-length">
                {t('programs.minutes', { minutes: program.sessionMinutes })}
              </td>
              <td data-label={t('programs.interval')} class="program-interval">
                {intervalText(program, t)}
              </td>
              <td data-label={t('programs.participants')} class="program-participants">
                {t('programs.participantRange', {
                  min: program.minParticipants,
                  max: program.maxParticipants,
                })}
              </td>
              <td data-label={t('programs.completion')} class="program-completion">
                {t('programs.completionOf', {
                  threshold: program.completionThreshold,
                  sessions: program.sessionCount,
                })}
              </td>
              <td data-label={t('programs.infoSession')} class="program-info-session">
                {program.hasInfoSession ? t('programs.yes') : t('programs.no')}
              </td>
              <td data-label={t('programs.actions')}>
                <a href={`/programs/${program.id}/edit`}>
                  {t('programs.edit')}
                  <span class="visually-hidden"> {name}</span>
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ProgramsPage(props: {
  programs: ProgramListRow[];
  t: Translate;
  language: Language;
}) {
  const { t } = props;
  return (
    <section id="programs-page">
      <h1>{t('programs.title')}</h1>
      <p>{t('programs.intro')}</p>
      <p>
        <a href="/programs/new">{t('programs.add')}</a>
      </p>
      <ProgramsTable programs={props.programs} t={t} language={props.language} />
    </section>
  );
}

/** The same form creates and edits; it posts normally, htmx only boosts it. */
export function ProgramForm(
  props: ProgramFormState & { action: string; submitLabel: string; t: Translate },
) {
  const { t, values, errors } = props;
  const number = (name: string, label: string, min: number, max: number, hint?: string) => (
    <TextField
      name={name}
      type="number"
      label={label}
      hint={hint}
      value={values[name]}
      min={min}
      max={max}
      required
    />
  );
  return (
    <form id="program-form" method="post" action={props.action} hx-boost="true" novalidate>
      <FormFields errors={errors} t={t}>
        <ErrorSummary errors={errors} t={t} />
        <TextField name="nameFi" label={t('programs.nameFi')} value={values.nameFi} required />
        <TextField
          name="nameSv"
          label={t('programs.nameSv')}
          hint={t('programs.nameSvHint')}
          value={values.nameSv}
        />
        <TextField name="nameEn" label={t('programs.nameEn')} value={values.nameEn} required />
        {number('sessionCount', t('programs.sessionCount'), 1, 20)}
        {number('sessionMinutes', t('programs.sessionMinutes'), 15, 600)}
        {number(
          'intervalWeeks',
          t('programs.intervalWeeks'),
          1,
          4,
          t('programs.intervalWeeksHint'),
        )}
        {number('minParticipants', t('programs.minParticipants'), 1, 100)}
        {number('maxParticipants', t('programs.maxParticipants'), 1, 100)}
        {number(
          'completionThreshold',
          t('programs.completionThreshold'),
          1,
          20,
          t('programs.completionThresholdHint'),
        )}
        {number(
          'lastJoiningSession',
          t('programs.lastJoiningSession'),
          0,
          20,
          t('programs.lastJoiningSessionHint'),
        )}
        {number(
          'preparationMinutes',
          t('programs.preparationMinutes'),
          0,
          600,
          t('programs.preparationMinutesHint'),
        )}
        <CheckboxField
          name="hasInfoSession"
          label={t('programs.hasInfoSession')}
          checked={values.hasInfoSession !== undefined && values.hasInfoSession !== ''}
        />
        <CheckboxField
          name="online"
          label={t('programs.online')}
          checked={values.online !== undefined && values.online !== ''}
        />
        <button type="submit">{props.submitLabel}</button>
      </FormFields>
    </form>
  );
}

export function ProgramFormPage(
  props: ProgramFormState & { title: string; action: string; submitLabel: string; t: Translate },
) {
  return (
    <section id="program-form-page">
      <p>
        <a href="/programs">{props.t('programs.backToList')}</a>
      </p>
      <h1>{props.title}</h1>
      <ProgramForm {...props} />
    </section>
  );
}
