import type { Child } from 'hono/jsx';
import { callOutcomes } from '../../db/schema';
import type { Candidate, HistoryEntry } from '../../src/features/candidates/queries';
import type { FormState } from '../../src/http/form';
import type { Language, Translate } from '../../src/i18n';
import { formatDateTime, formatLocalDate } from '../../src/i18n/format';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import {
  CheckboxField,
  ErrorSummary,
  FormFields,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/form-fields';

type PageContext = { t: Translate; language: Language };

export type TrainingChoice = { id: number; name: string; firstDate: string | null };
export type InstructorChoice = { id: number; name: string };

/** Which step's form came back invalid, with what was typed and what was wrong. */
export type CandidateForm = {
  step: 'call' | 'enrol' | 'complete' | 'drop' | 'instructor';
} & FormState;

function Details(props: { candidate: Candidate; trainingName: string | null } & PageContext) {
  const { candidate, t } = props;
  return (
    <dl class="details">
      <dt>{t('candidates.state')}</dt>
      <dd id="candidate-state">{t(`candidates.state.${candidate.state}`)}</dd>
      <dt>{t('candidates.phone')}</dt>
      <dd>
        <a href={`tel:${candidate.phone}`}>{formatPhoneForDisplay(candidate.phone)}</a>
      </dd>
      <dt>{t('candidates.email')}</dt>
      <dd>{candidate.email}</dd>
      <dt>{t('candidates.unit')}</dt>
      <dd>{candidate.unit}</dd>
      <dt>{t('candidates.kind')}</dt>
      <dd>
        {t(`candidates.kind.${candidate.kind}`)}
        {candidate.profession && `, ${candidate.profession}`}
      </dd>
      <dt>{t('candidates.tookArvoCourse')}</dt>
      <dd>{t(`candidates.took.${candidate.tookArvoCourse}`)}</dd>
      <dt>{t('candidates.supervisor')}</dt>
      <dd>
        {[candidate.supervisorName, candidate.supervisorUnit, candidate.supervisorContact]
          .filter(Boolean)
          .join(', ')}
      </dd>
      <dt>{t('candidates.source')}</dt>
      <dd>{t(`candidates.source.${candidate.source}`)}</dd>
      {props.trainingName && (
        <>
          <dt>{t('candidates.training')}</dt>
          <dd>{props.trainingName}</dd>
        </>
      )}
    </dl>
  );
}

function History(props: { history: HistoryEntry[] } & PageContext) {
  const { t, language } = props;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('candidates.historyTitle')}</h2>
      <div class="table-scroll" role="region" aria-labelledby="history-caption" tabindex={0}>
        <table id="candidate-history">
          <caption id="history-caption">{t('candidates.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('candidates.when')}</th>
              <th scope="col">{t('candidates.step')}</th>
              <th scope="col">{t('candidates.who')}</th>
              <th scope="col">{t('candidates.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {props.history.map((entry) => (
              <tr class={`step-${entry.step}`}>
                <td data-label={t('candidates.when')}>{formatDateTime(entry.at, language)}</td>
                <td data-label={t('candidates.step')}>{t(`candidates.step.${entry.step}`)}</td>
                <td data-label={t('candidates.who')}>{entry.byName}</td>
                <td data-label={t('candidates.detail')}>{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function StepForm(props: {
  id: string;
  title: string;
  action: string;
  form: FormState;
  submit: string;
  danger?: boolean;
  t: Translate;
  children: Child;
}) {
  const { t } = props;
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <form id={props.id} method="post" action={props.action} novalidate>
        <FormFields errors={props.form.errors} t={t}>
          <ErrorSummary />
          {props.children}
          <button type="submit" class={props.danger ? 'danger' : undefined}>
            {props.submit}
          </button>
        </FormFields>
      </form>
    </section>
  );
}

/**
 * A candidate's page: who they are, their path so far, and the one next step their state allows
 * (with dropping out possible until they complete).
 */
export function CandidatePage(
  props: {
    candidate: Candidate;
    trainingName: string | null;
    history: HistoryEntry[];
    trainings: TrainingChoice[];
    instructors: InstructorChoice[];
    linkedInstructorName: string | null;
    form: CandidateForm | null;
  } & PageContext,
) {
  const { candidate, t, language } = props;
  const base = `/candidates/${candidate.id}`;
  const formFor = (step: CandidateForm['step']): FormState =>
    props.form?.step === step ? props.form : { values: {}, errors: {} };
  const call = formFor('call');
  const enrol = formFor('enrol');
  const complete = formFor('complete');
  const drop = formFor('drop');
  const instructor = formFor('instructor');
  const canDrop = ['nominated', 'phoned', 'enrolled', 'waitlisted'].includes(candidate.state);
  return (
    <section id="candidate-page">
      <p>
        <a href="/candidates">{t('candidates.listTitle')}</a>
      </p>
      <h1>{candidate.name}</h1>
      <Details candidate={candidate} trainingName={props.trainingName} t={t} language={language} />
      {candidate.state === 'nominated' && (
        <StepForm
          id="call-form"
          title={t('candidates.callTitle')}
          action={`${base}/calls`}
          form={call}
          submit={t('candidates.saveCall')}
          t={t}
        >
          <SelectField
            name="outcome"
            label={t('candidates.callOutcome')}
            placeholder={t('candidates.chooseOutcome')}
            value={call.values.outcome}
            options={callOutcomes.map((outcome) => ({
              value: outcome,
              label: t(`calls.outcome.${outcome}`),
            }))}
            required
          />
          <div class={call.errors.callBackAt ? 'field field-invalid' : 'field'}>
            <label for="callBackAt">{t('candidates.callBackAt')}</label>
            {call.errors.callBackAt && (
              <p id="callBackAt-error" class="field-error">
                {call.errors.callBackAt}
              </p>
            )}
            <input
              id="callBackAt"
              name="callBackAt"
              type="datetime-local"
              value={call.values.callBackAt}
              aria-invalid={call.errors.callBackAt ? 'true' : undefined}
              aria-describedby={call.errors.callBackAt ? 'callBackAt-error' : undefined}
            />
          </div>
          <TextAreaField
            name="notes"
            label={t('candidates.callNotes')}
            hint={t('candidates.callNotesHint')}
            value={call.values.notes}
          />
        </StepForm>
      )}
      {candidate.state === 'phoned' && (
        <StepForm
          id="enrol-form"
          title={t('candidates.enrolTitle')}
          action={`${base}/enrolment`}
          form={enrol}
          submit={t('candidates.enrol')}
          t={t}
        >
          {props.trainings.length === 0 ? (
            <p>{t('candidates.noTrainings')}</p>
          ) : (
            <SelectField
              name="trainingId"
              label={t('candidates.training')}
              placeholder={t('candidates.chooseTraining')}
              value={enrol.values.trainingId}
              options={props.trainings.map((training) => ({
                value: String(training.id),
                label: training.firstDate
                  ? `${training.name} (${formatLocalDate(training.firstDate, language)})`
                  : training.name,
              }))}
              required
            />
          )}
        </StepForm>
      )}
      {candidate.state === 'enrolled' && (
        <StepForm
          id="complete-form"
          title={t('candidates.completeTitle')}
          action={`${base}/completion`}
          form={complete}
          submit={t('candidates.complete')}
          t={t}
        >
          <TextField
            name="completedOn"
            type="date"
            label={t('candidates.completedOn')}
            value={complete.values.completedOn}
            required
          />
          <CheckboxField
            name="attendedAll"
            label={t('candidates.attendedAll')}
            checked={complete.values.attendedAll === 'on'}
          />
          <TextField
            name="exception"
            label={t('candidates.exception')}
            hint={t('candidates.exceptionHint')}
            value={complete.values.exception}
          />
        </StepForm>
      )}
      {candidate.state === 'completed' && candidate.instructorId === null && (
        <StepForm
          id="instructor-form"
          title={t('candidates.instructorTitle')}
          action={`${base}/instructor`}
          form={instructor}
          submit={t('candidates.makeInstructor')}
          t={t}
        >
          <SelectField
            name="instructor"
            label={t('candidates.instructorChoice')}
            placeholder={t('candidates.validation.instructor')}
            value={instructor.values.instructor ?? 'new'}
            options={[
              { value: 'new', label: t('candidates.instructorNew') },
              ...props.instructors.map((each) => ({ value: String(each.id), label: each.name })),
            ]}
            required
          />
        </StepForm>
      )}
      {candidate.instructorId !== null && props.linkedInstructorName && (
        <p id="linked-instructor">
          {t('candidates.instructorLinked', { name: props.linkedInstructorName })}{' '}
          <a href={`/instructors/${candidate.instructorId}/edit`}>
            {t('candidates.openInstructor')}
          </a>
        </p>
      )}
      <History history={props.history} t={t} language={language} />
      {canDrop && (
        <StepForm
          id="drop-form"
          title={t('candidates.dropTitle')}
          action={`${base}/drop`}
          form={drop}
          submit={t('candidates.drop')}
          danger
          t={t}
        >
          <TextField
            name="reason"
            label={t('candidates.dropReason')}
            value={drop.values.reason}
            required
          />
        </StepForm>
      )}
    </section>
  );
}
