import type { RegionChoice } from '../../src/features/places/region-choice';
import { RegionFilter, RegionShown, regionParam } from '../components/region-filter';
import type { CallOutcome } from '../../db/schema';
import type { QueueItem } from '../../src/features/calls/queries';
import type { UnconfirmedSubmission } from '../../src/features/intake/unconfirmed-submissions';
import { formatDateTime } from '../../src/i18n/format';
import type { Page } from '../../src/http/paging';
import type { Language, Translate } from '../../src/i18n';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import type { FieldErrors } from '../components/form-fields';
import { FirstPageLink, MoreRowsRow, focusOnFirst, nextPageHref } from '../components/more-rows';
import { UnconfirmedSubmissions } from '../intake/unconfirmed-submissions';
import { hasReferrer, Referrer } from './referrer';

type PageContext = { t: Translate; language: Language };

/** A form on one row that came back invalid: its messages and what was typed. */
export type RowProblem = {
  applicationId: number;
  errors: FieldErrors;
  values: Record<string, string>;
};

const oneClickOutcomes = ['reached', 'no-answer', 'wrong-number'] as const satisfies CallOutcome[];

export function PhoneLink(props: { phone: string }) {
  return <a href={`tel:${props.phone}`}>{formatPhoneForDisplay(props.phone)}</a>;
}

/** A message under a control on a row; ids carry the row, as many rows share the field names. */
function RowError(props: { id: string; message?: string }) {
  if (!props.message) return null;
  return (
    <p id={props.id} class="field-error">
      {props.message}
    </p>
  );
}

function CallForms(props: { item: QueueItem; problem?: RowProblem } & PageContext) {
  const { item, t } = props;
  const action = `/applications/${item.id}/call-attempts`;
  const callBackId = `callBackAt-${item.id}`;
  const callBackError = props.problem?.errors.callBackAt ?? props.problem?.errors.outcome;
  return (
    <div class="actions" role="group" aria-label={t('calls.recordFor', { name: item.name })}>
      <form method="post" action={action}>
        {oneClickOutcomes.map((outcome) => (
          <button
            type="submit"
            name="outcome"
            value={outcome}
            class={outcome === 'reached' ? undefined : 'secondary'}
          >
            {t(`calls.record.${outcome}`)}
          </button>
        ))}
      </form>
      <form method="post" action={action} class="inline-form">
        <div class={callBackError ? 'field field-invalid' : 'field'}>
          <label for={callBackId}>{t('calls.callBackAt')}</label>
          <RowError id={`${callBackId}-error`} message={callBackError} />
          <input
            id={callBackId}
            name="callBackAt"
            type="datetime-local"
            value={props.problem?.values.callBackAt}
            aria-invalid={callBackError ? 'true' : undefined}
            aria-describedby={callBackError ? `${callBackId}-error` : undefined}
          />
        </div>
        <button type="submit" name="outcome" value="call-back" class="secondary">
          {t('calls.record.call-back')}
        </button>
      </form>
    </div>
  );
}

/** Only planning staff may close; an instructor sees why the coordinator will be asked to. */
function ClosingProposal(
  props: { item: QueueItem; canClose: boolean; problem?: RowProblem } & PageContext,
) {
  const { item, t } = props;
  const noteId = `closeNote-${item.id}`;
  const noteError = props.problem?.errors.note ?? props.problem?.errors.reason;
  if (!props.canClose) return <p class="warning">{t('calls.unreachable')}</p>;
  return (
    <div class="warning">
      <p>{t('calls.unreachable')}</p>
      <p>{t('calls.letterNote')}</p>
      <form method="post" action={`/applications/${item.id}/closure`} class="inline-form">
        <input type="hidden" name="reason" value="unreachable" />
        <div class={noteError ? 'field field-invalid' : 'field'}>
          <label for={noteId}>{t('calls.closeNote')}</label>
          <RowError id={`${noteId}-error`} message={noteError} />
          <input
            id={noteId}
            name="note"
            type="text"
            value={props.problem?.values.note}
            aria-invalid={noteError ? 'true' : undefined}
            aria-describedby={noteError ? `${noteId}-error` : undefined}
          />
        </div>
        <button type="submit" class="danger">
          {t('calls.proposeClosing')}
        </button>
      </form>
    </div>
  );
}

function AssignmentForm(
  props: {
    item: QueueItem;
    instructors: { id: number; name: string }[];
    problem?: RowProblem;
  } & PageContext,
) {
  const { item, t } = props;
  const selectId = `instructorId-${item.id}`;
  const error = props.problem?.errors.instructorId;
  const chosen = props.problem?.values.instructorId ?? String(item.assignedInstructorId ?? '');
  return (
    <form method="post" action={`/applications/${item.id}/assignment`} class="inline-form">
      <div class={error ? 'field field-invalid' : 'field'}>
        <label for={selectId}>{t('calls.assignee')}</label>
        <RowError id={`${selectId}-error`} message={error} />
        <select
          id={selectId}
          name="instructorId"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${selectId}-error` : undefined}
        >
          <option value="">{t('calls.unassigned')}</option>
          {props.instructors.map((person) => (
            <option value={String(person.id)} selected={String(person.id) === chosen}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary">
        {t('calls.assign')}
      </button>
    </form>
  );
}

function AttemptsSummary(props: { item: QueueItem } & PageContext) {
  const { item, t } = props;
  if (item.lastOutcome === null) return <>{t('calls.attemptsNone')}</>;
  return (
    <>
      {t('calls.attemptsSummary', {
        count: item.attemptCount,
        outcome: t(`calls.outcome.${item.lastOutcome}`),
      })}
    </>
  );
}

type QueueRowsProps = {
  page: Page<QueueItem>;
  moreAnswer?: boolean;
  /** Present for staff who may assign calls; instructors get no assignment column. */
  instructors: { id: number; name: string }[] | null;
  problem?: RowProblem;
  /** The region chosen in the address, carried on to the next page. */
  region?: RegionChoice;
} & PageContext;

/** One page of calls and the "show more" row: the whole answer to an htmx "show more". */
export function CallQueueItemRows(props: QueueRowsProps) {
  const { t, language } = props;
  return (
    <>
      {props.page.rows.map((item, index) => {
        const problem = props.problem?.applicationId === item.id ? props.problem : undefined;
        return (
          <tr id={`call-${item.id}`} {...focusOnFirst(props.moreAnswer, index)}>
            <th scope="row">{item.name}</th>
            <td data-label={t('calls.phone')}>
              <PhoneLink phone={item.phone} />
              {item.goodTimesToCall && (
                <p class="hint">{t('calls.goodTimes', { times: item.goodTimesToCall })}</p>
              )}
            </td>
            <td data-label={t('calls.source')}>
              {t(`calls.source.${item.source}`)}
              {hasReferrer(item) && (
                <p class="hint">
                  {t('calls.referrer')}: <Referrer details={item} />
                </p>
              )}
            </td>
            <td data-label={t('calls.reason')}>{t(`calls.reason.${item.callReason}`)}</td>
            <td data-label={t('calls.attempts')}>
              <AttemptsSummary item={item} t={t} language={language} />
            </td>
            <td data-label={t('calls.due')}>{formatDateTime(item.callDueAt, language)}</td>
            <td data-label={t('calls.actions')}>
              {item.lastOutcome === 'wrong-number' && (
                <p class="warning">{t('calls.wrongNumberWarning')}</p>
              )}
              <CallForms item={item} problem={problem} t={t} language={language} />
              {item.unreachable && (
                <ClosingProposal
                  item={item}
                  canClose={props.instructors !== null}
                  problem={problem}
                  t={t}
                  language={language}
                />
              )}
              {props.instructors !== null && (
                <AssignmentForm
                  item={item}
                  instructors={props.instructors}
                  problem={problem}
                  t={t}
                  language={language}
                />
              )}
            </td>
          </tr>
        );
      })}
      <MoreRowsRow
        id="call-queue-more"
        columns={7}
        href={
          props.page.nextAfter === null
            ? null
            : nextPageHref(
                '/calls',
                props.region ? regionParam(props.region) : {},
                props.page.nextAfter,
              )
        }
        t={t}
      />
    </>
  );
}

export function CallQueueRows(
  props: {
    page: Page<QueueItem>;
    /** Present for staff who may assign calls; instructors get no assignment column. */
    instructors: { id: number; name: string }[] | null;
    problem?: RowProblem;
    region?: RegionChoice;
  } & PageContext,
) {
  const { t, language } = props;
  if (props.page.rows.length === 0) return <p id="call-queue">{t('calls.empty')}</p>;
  return (
    <div class="table-scroll" role="region" aria-labelledby="call-queue-caption" tabindex={0}>
      <table id="call-queue">
        <caption id="call-queue-caption">{t('calls.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calls.name')}</th>
            <th scope="col">{t('calls.phone')}</th>
            <th scope="col">{t('calls.source')}</th>
            <th scope="col">{t('calls.reason')}</th>
            <th scope="col">{t('calls.attempts')}</th>
            <th scope="col">{t('calls.due')}</th>
            <th scope="col">{t('calls.actions')}</th>
          </tr>
        </thead>
        <tbody id="call-queue-rows">
          <CallQueueItemRows
            page={props.page}
            instructors={props.instructors}
            problem={props.problem}
            region={props.region}
            t={t}
            language={language}
          />
        </tbody>
      </table>
    </div>
  );
}

export function CallQueuePage(
  props: {
    page: Page<QueueItem>;
    /** A later page of the queue, opened by the plain "next" link or to show a row's problem. */
    laterPage: boolean;
    instructors: { id: number; name: string }[] | null;
    /** Details public forms offered for existing applications; planning staff review them. */
    unconfirmed: UnconfirmedSubmission[];
    /** Nominated instructor candidates to phone (planning staff only): calls of their own kind. */
    candidates: CandidateToCall[];
    problem?: RowProblem;
    region: RegionChoice;
  } & PageContext,
) {
  const { t, language } = props;
  return (
    <section id="calls-page">
      <h1>{t('calls.title')}</h1>
      <RegionShown choice={props.region} t={t} />
      <p>{props.instructors === null ? t('calls.introInstructor') : t('calls.intro')}</p>
      <UnconfirmedSubmissions
        submissions={props.unconfirmed}
        returnTo="/calls"
        t={t}
        language={language}
      />
      <RegionFilter action="/calls" choice={props.region} t={t} />
      <FirstPageLink href="/calls" shown={props.laterPage} t={t} />
      <CallQueueRows {...props} />
      {props.candidates.length > 0 && (
        <CandidatesToCall candidates={props.candidates} t={t} language={language} />
      )}
    </section>
  );
}

export type CandidateToCall = {
  id: number;
  name: string;
  phone: string;
  unit: string;
  callDueAt: Date | null;
};

/** Instructor candidates on the same queue, each opening the candidate's page to call and record. */
function CandidatesToCall(props: { candidates: CandidateToCall[] } & PageContext) {
  const { t, language } = props;
  return (
    <section aria-labelledby="candidates-to-call-title">
      <h2 id="candidates-to-call-title">{t('candidates.toCallTitle')}</h2>
      <div
        class="table-scroll"
        role="region"
        aria-labelledby="candidates-to-call-caption"
        tabindex={0}
      >
        <table id="candidates-to-call">
          <caption id="candidates-to-call-caption">{t('candidates.toCallCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('candidates.name')}</th>
              <th scope="col">{t('candidates.phone')}</th>
              <th scope="col">{t('candidates.unit')}</th>
              <th scope="col">{t('calls.reason')}</th>
              <th scope="col">{t('calls.due')}</th>
            </tr>
          </thead>
          <tbody>
            {props.candidates.map((candidate) => (
              <tr>
                <th scope="row">
                  <a href={`/candidates/${candidate.id}`}>
                    {t('candidates.openCandidate', { name: candidate.name })}
                  </a>
                </th>
                <td data-label={t('candidates.phone')}>
                  <a href={`tel:${candidate.phone}`}>{formatPhoneForDisplay(candidate.phone)}</a>
                </td>
                <td data-label={t('candidates.unit')}>{candidate.unit}</td>
                <td data-label={t('calls.reason')}>{t('candidates.callReason')}</td>
                <td data-label={t('calls.due')}>
                  {candidate.callDueAt && formatDateTime(candidate.callDueAt, language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
