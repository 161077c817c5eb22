import type {
  MeetingActionItem,
  MeetingListRow,
  MeetingWithPeople,
  StaffChoice,
} from '../../src/features/meetings/queries';
import type { FormState } from '../../src/http/form';
import type { Language, Translate } from '../../src/i18n';
import { formatDateTime, formatLocalDate, formatTimeRange } from '../../src/i18n/format';
import { CaptionedTable } from '../components/captioned-table';
import {
  CheckboxField,
  ErrorSummary,
  FormFields,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/form-fields';

type PageContext = { t: Translate; language: Language };

/** A form to show again: what was typed and what was wrong with it. */
export type MeetingFormState = FormState;

type Timed = { localDate: string; startTime: string; endTime: string };

function whenText(meeting: Timed, { t, language }: PageContext) {
  return t('meeting.whenText', {
    date: formatLocalDate(meeting.localDate, language),
    time: formatTimeRange(meeting.startTime, meeting.endTime, language),
  });
}

function MeetingTable(
  props: { id: string; caption: string; meetings: MeetingListRow[] } & PageContext,
) {
  const { t } = props;
  return (
    <CaptionedTable
      id={props.id}
      caption={props.caption}
      headings={[
        t('meeting.title'),
        t('meeting.when'),
        t('meeting.place'),
        t('meeting.status'),
        t('meeting.minutesWritten'),
      ]}
    >
      {props.meetings.map((meeting) => (
        <tr id={`meeting-${meeting.id}`}>
          <th scope="row">
            <a href={`/meetings/${meeting.id}`}>{meeting.title}</a>
          </th>
          <td>{whenText(meeting, props)}</td>
          <td>{meeting.place || meeting.onlineLink}</td>
          <td>{t(`meeting.status.${meeting.status}`)}</td>
          <td>
            {meeting.minutesWrittenAt
              ? formatDateTime(meeting.minutesWrittenAt, props.language)
              : t('meeting.noMinutesYet')}
          </td>
        </tr>
      ))}
    </CaptionedTable>
  );
}

export function MeetingListPage(
  props: {
    upcoming: MeetingListRow[];
    past: MeetingListRow[];
    olderHref: string | null;
  } & PageContext,
) {
  const { t } = props;
  return (
    <>
      <h1>{t('meeting.listTitle')}</h1>
      <p>
        <a class="button-link" href="/meetings/new">
          {t('meeting.add')}
        </a>
      </p>
      <h2>{t('meeting.upcoming')}</h2>
      {props.upcoming.length === 0 ? (
        <p>{t('meeting.noUpcoming')}</p>
      ) : (
        <MeetingTable
          id="upcoming-meetings"
          caption={t('meeting.upcomingCaption')}
          meetings={props.upcoming}
          {...props}
        />
      )}
      <h2>{t('meeting.past')}</h2>
      {props.past.length === 0 ? (
        <p>{t('meeting.noPast')}</p>
      ) : (
        <MeetingTable
          id="past-meetings"
          caption={t('meeting.pastCaption')}
          meetings={props.past}
          {...props}
        />
      )}
      {props.olderHref && (
        <p>
          <a href={props.olderHref}>{t('meeting.older')}</a>
        </p>
      )}
    </>
  );
}

export function MeetingFormPage(
  props: MeetingFormState & {
    title: string;
    action: string;
    submitLabel: string;
    backHref: string;
    proposed: boolean;
    staff: StaffChoice[];
    t: Translate;
  },
) {
  const { t, values, errors } = props;
  const attendeeError = errors.attendees;
  return (
    <>
      <h1>{props.title}</h1>
      <p>
        <a href={props.backHref}>
          {props.backHref === '/meetings' ? t('meeting.backToList') : t('meeting.backToMeeting')}
        </a>
      </p>
      {props.proposed && <p class="hint">{t('meeting.proposedHint')}</p>}
      <FormFields errors={errors} t={t}>
        <ErrorSummary />
        <form method="post" action={props.action} novalidate>
          <TextField name="title" label={t('meeting.title')} value={values.title} required />
          <div class="number-grid">
            {(
              [
                ['localDate', 'date', t('meeting.date')],
                ['startTime', 'time', t('meeting.start')],
                ['endTime', 'time', t('meeting.end')],
              ] as const
            ).map(([name, type, label]) => (
              <TextField name={name} type={type} label={label} value={values[name]} required />
            ))}
          </div>
          {(
            [
              ['place', t('meeting.place'), t('meeting.placeHint')],
              ['onlineLink', t('meeting.onlineLink'), t('meeting.onlineLinkHint')],
            ] as const
          ).map(([name, label, hint]) => (
            <TextField name={name} label={label} hint={hint} value={values[name]} />
          ))}
          <TextAreaField
            name="agenda"
            rows={6}
            label={t('meeting.agenda')}
            hint={t('meeting.agendaHint')}
            value={values.agenda}
          />
          <div id="attendees" class={attendeeError ? 'field field-invalid' : 'field'}>
            <h2>{t('meeting.attendees')}</h2>
            {attendeeError && (
              <p id="attendees-error" class="field-error">
                {attendeeError}
              </p>
            )}
            <fieldset
              class="field attendee-choices"
              aria-describedby={attendeeError ? 'attendees-error' : undefined}
            >
              <legend>{t('meeting.staffAttendees')}</legend>
              {props.staff.map((person) => (
                <CheckboxField
                  name={`staff${person.id}`}
                  label={`${person.name} (${person.email})`}
                  checked={(values[`staff${person.id}`] ?? '') !== ''}
                />
              ))}
            </fieldset>
            <TextAreaField
              name="guests"
              rows={4}
              label={t('meeting.guests')}
              hint={t('meeting.guestsHint')}
              value={values.guests}
            />
          </div>
          <button type="submit">{props.submitLabel}</button>
        </form>
      </FormFields>
    </>
  );
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((part) => part.trim() !== '')
    .map((part) => <p class="preserve-lines">{part}</p>);

function ItemState(props: { item: MeetingActionItem; today: string } & PageContext) {
  const { item, t, language } = props;
  if (item.doneAt)
    return <>{t('meeting.itemDone', { date: formatDateTime(item.doneAt, language) })}</>;
  return item.dueDate < props.today ? (
    <strong class="overdue">{t('meeting.itemOverdue')}</strong>
  ) : (
    <>{t('meeting.itemOpen')}</>
  );
}

export function ActionItemTable(
  props: {
    items: MeetingActionItem[];
    today: string;
    /** The meeting whose items can be ticked off here; none on the printable minutes. */
    doneAction?: (item: MeetingActionItem) => string;
  } & PageContext,
) {
  const { t, language } = props;
  if (props.items.length === 0) return <p>{t('meeting.noActionItems')}</p>;
  return (
    <CaptionedTable
      id="action-items"
      caption={t('meeting.actionItemsCaption')}
      headings={[t('meeting.item'), t('meeting.owner'), t('meeting.due'), t('meeting.itemState')]}
    >
      {props.items.map((item) => (
        <tr id={`action-item-${item.id}`}>
          <th scope="row" class="preserve-lines">
            {item.description}
          </th>
          <td>{item.ownerName}</td>
          <td>{formatLocalDate(item.dueDate, language)}</td>
          <td>
            <ItemState item={item} {...props} />
            {props.doneAction && item.doneAt === null && (
              <form method="post" action={props.doneAction(item)} class="no-print">
                <button type="submit" class="secondary">
                  {t('meeting.markDone', { item: item.description.slice(0, 60) })}
                </button>
              </form>
            )}
          </td>
        </tr>
      ))}
    </CaptionedTable>
  );
}

function AttendeeList(props: { found: MeetingWithPeople; t: Translate }) {
  const { t } = props;
  const active = props.found.attendees.filter((attendee) => attendee.state === 'active');
  const removed = props.found.attendees.filter((attendee) => attendee.state !== 'active');
  return (
    <>
      <ul id="attendee-list">
        {active.map((attendee) => (
          <li>
            {attendee.name} ({attendee.email})
          </li>
        ))}
      </ul>
      {removed.length > 0 && (
        <>
          <h3>{t('meeting.removedAttendees')}</h3>
          <ul>
            {removed.map((attendee) => (
              <li>
                {attendee.name} ({attendee.email})
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function MeetingPage(
  props: {
    found: MeetingWithPeople;
    today: string;
    cancelForm: MeetingFormState;
    sendForm: MeetingFormState;
  } & PageContext,
) {
  const { found, t, language } = props;
  const { meeting } = found;
  const id = meeting.id;
  const planned = meeting.status === 'planned';
  return (
    <>
      <h1>{meeting.title}</h1>
      <p>
        <a href="/meetings">{t('meeting.backToList')}</a>
      </p>
      <dl class="details">
        <dt>{t('meeting.when')}</dt>
        <dd id="meeting-when">{whenText(meeting, props)}</dd>
        <dt>{t('meeting.status')}</dt>
        <dd id="meeting-status">{t(`meeting.status.${meeting.status}`)}</dd>
        {meeting.place && (
          <>
            <dt>{t('meeting.place')}</dt>
            <dd>{meeting.place}</dd>
          </>
        )}
        {meeting.onlineLink && (
          <>
            <dt>{t('meeting.onlineLink')}</dt>
            <dd>
              <a href={meeting.onlineLink} rel="noopener noreferrer">
                {meeting.onlineLink}
              </a>
            </dd>
          </>
        )}
      </dl>
      {planned && (
        <p>
          <a href={`/meetings/${id}/edit`}>{t('meeting.edit')}</a>
        </p>
      )}
      <section aria-labelledby="meeting-agenda">
        <h2 id="meeting-agenda">{t('meeting.agenda')}</h2>
        {meeting.agenda.trim() ? (
          <p class="preserve-lines">{meeting.agenda}</p>
        ) : (
          <p>{t('meeting.noAgenda')}</p>
        )}
      </section>
      <section aria-labelledby="meeting-attendees">
        <h2 id="meeting-attendees">{t('meeting.attendees')}</h2>
        <AttendeeList found={found} t={t} />
      </section>
      <section aria-labelledby="meeting-minutes">
        <h2 id="meeting-minutes">{t('meeting.minutes')}</h2>
        {meeting.minutesWrittenAt ? (
          <>
            {paragraphs(meeting.minutes)}
            <h3>{t('meeting.decisions')}</h3>
            {paragraphs(meeting.decisions)}
          </>
        ) : (
          <p>{t('meeting.noMinutesYet')}</p>
        )}
        <h3>{t('meeting.actionItems')}</h3>
        <ActionItemTable
          items={found.actionItems}
          today={props.today}
          doneAction={(item) => `/meetings/${id}/action-items/${item.id}/done`}
          t={t}
          language={language}
        />
        {planned && (
          <p>
            <a href={`/meetings/${id}/minutes/edit`}>
              {meeting.minutesWrittenAt ? t('meeting.editMinutes') : t('meeting.writeMinutes')}
            </a>
          </p>
        )}
        {meeting.minutesWrittenAt && (
          <>
            <p>
              <a href={`/meetings/${id}/minutes`}>{t('meeting.printMinutes')}</a>
            </p>
            <FormFields errors={props.sendForm.errors} t={t}>
              <form method="post" action={`/meetings/${id}/minutes/sending`} novalidate>
                <p class="hint">{t('meeting.sendMinutesHint')}</p>
                {meeting.minutesSentAt && (
                  <>
                    <p id="minutes-sent-at">
                      {t('meeting.minutesSentAt', {
                        date: formatDateTime(meeting.minutesSentAt, language),
                      })}
                    </p>
                    <CheckboxField name="confirmAgain" label={t('meeting.sendAgain')} />
                  </>
                )}
                <button type="submit">{t('meeting.sendMinutes')}</button>
              </form>
            </FormFields>
          </>
        )}
      </section>
      {planned && (
        <section aria-labelledby="meeting-cancel">
          <h2 id="meeting-cancel">{t('meeting.cancel')}</h2>
          <FormFields errors={props.cancelForm.errors} t={t}>
            <form method="post" action={`/meetings/${id}/cancellation`} novalidate>
              <TextAreaField
                name="reason"
                label={t('meeting.cancelReason')}
                hint={t('meeting.cancelHint')}
                value={props.cancelForm.values.reason}
                required
              />
              <button type="submit" class="danger">
                {t('meeting.cancel')}
              </button>
            </form>
          </FormFields>
        </section>
      )}
    </>
  );
}

export function MinutesFormPage(
  props: MeetingFormState & {
    found: MeetingWithPeople;
    rows: number;
    staff: StaffChoice[];
    t: Translate;
  },
) {
  const { t, values, found } = props;
  const id = found.meeting.id;
  const numbers = Array.from({ length: props.rows }, (_, index) => index + 1);
  return (
    <>
      <h1>{t('meeting.minutesTitle', { title: found.meeting.title })}</h1>
      <p>
        <a href={`/meetings/${id}`}>{t('meeting.backToMeeting')}</a>
      </p>
      <FormFields errors={props.errors} t={t}>
        <ErrorSummary />
        <form method="post" action={`/meetings/${id}/minutes/edit`} novalidate>
          <input type="hidden" name="rows" value={String(props.rows)} />
          <TextAreaField
            name="minutes"
            rows={10}
            label={t('meeting.minutesText')}
            value={values.minutes}
          />
          <TextAreaField
            name="decisions"
            rows={6}
            label={t('meeting.decisions')}
            value={values.decisions}
          />
          <fieldset class="field">
            <legend>{t('meeting.itemsLegend')}</legend>
            <p class="hint">{t('meeting.itemsHint')}</p>
            {numbers.map((number) => (
              <div class="number-grid">
                <input
                  type="hidden"
                  name={`item${number}Id`}
                  value={values[`item${number}Id`] ?? ''}
                />
                <TextField
                  name={`item${number}Description`}
                  label={t('meeting.itemDescription', { number })}
                  value={values[`item${number}Description`]}
                />
                <SelectField
                  name={`item${number}Owner`}
                  label={t('meeting.itemOwner', { number })}
                  placeholder={t('meeting.itemOwnerChoose')}
                  value={values[`item${number}Owner`]}
                  options={props.staff.map((person) => ({
                    value: String(person.id),
                    label: person.name,
                  }))}
                />
                {(
                  [
                    ['OwnerName', 'text', t('meeting.itemOwnerName', { number })],
                    ['Due', 'date', t('meeting.itemDue', { number })],
                  ] as const
                ).map(([part, type, label]) => (
                  <TextField
                    name={`item${number}${part}`}
                    type={type}
                    label={label}
                    value={values[`item${number}${part}`]}
                  />
                ))}
              </div>
            ))}
            <button type="submit" name="more" value="rows" class="secondary">
              {t('meeting.moreRows')}
            </button>
          </fieldset>
          <button type="submit">{t('meeting.saveMinutes')}</button>
        </form>
      </FormFields>
    </>
  );
}

/** The minutes on A4: the layout's print style drops the navigation and the footer. */
export function PrintableMinutesPage(
  props: { found: MeetingWithPeople; today: string; printedAt: Date } & PageContext,
) {
  const { found, t, language } = props;
  const { meeting } = found;
  return (
    <article class="printable-minutes">
      <p class="no-print">
        <a href={`/meetings/${meeting.id}`}>{t('meeting.backToMeeting')}</a>
      </p>
      <h1>{t('meeting.minutesTitle', { title: meeting.title })}</h1>
      <dl class="details">
        <dt>{t('meeting.when')}</dt>
        <dd>{whenText(meeting, props)}</dd>
        {(meeting.place || meeting.onlineLink) && (
          <>
            <dt>{t('meeting.place')}</dt>
            <dd>{meeting.place || meeting.onlineLink}</dd>
          </>
        )}
        <dt>{t('meeting.minutesAttendees')}</dt>
        <dd>
          {found.attendees
            .filter((attendee) => attendee.state === 'active')
            .map((attendee) => attendee.name)
            .join(', ')}
        </dd>
      </dl>
      <h2>{t('meeting.agenda')}</h2>
      {paragraphs(meeting.agenda)}
      <h2>{t('meeting.minutes')}</h2>
      {paragraphs(meeting.minutes)}
      <h2>{t('meeting.decisions')}</h2>
      {paragraphs(meeting.decisions)}
      <h2>{t('meeting.actionItems')}</h2>
      <ActionItemTable items={found.actionItems} today={props.today} t={t} language={language} />
      <p class="hint">
        {t('meeting.minutesPrinted')} {formatDateTime(props.printedAt, language)}
      </p>
    </article>
  );
}
