import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  MeetingFormPage,
  MeetingListPage,
  MeetingPage,
  MinutesFormPage,
  PrintableMinutesPage,
  type MeetingFormState,
} from '../../../views/meetings/meeting-pages';
import { planningStaff } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm, type TypedValues } from '../../http/form';
import { idParam, optionalIdQuery } from '../../http/params';
import type { MessageKey, MessageParams } from '../../i18n';
import { instantToWallClock } from '../../lib/helsinki-time';
import { recordAudit } from '../audit/audit-log';
import { commandContextFor } from '../courses/route-helpers';
import {
  cancelMeeting,
  changeMeeting,
  createMeeting,
  markActionItemDone,
  saveMinutes,
  sendMinutes,
  type MeetingDetails,
} from './meeting-changes';
import {
  badGuestLine,
  emptyItemRows,
  itemField,
  maxItemRows,
  meetingCancellationForm,
  meetingForm,
  minutesForm,
  minutesSendingForm,
  staffField,
  type MeetingInput,
} from './meeting-input';
import { attendeesOf, guestLine, proposeNextMeeting, type MeetingTemplate } from './meeting-rules';
import {
  activeAttendees,
  findMeeting,
  latestMeetingTemplates,
  listMeetings,
  listStaffChoices,
  type MeetingWithPeople,
  type StaffChoice,
} from './queries';

/** How many past meetings the list shows at first, and how many more "older" adds. */
const pastPageSize = 20;

/** A meeting (or the proposal for the next one) as the form shows it. */
function formValuesOf(
  meeting: Omit<MeetingTemplate, 'attendees'> & { agenda?: string },
  attendees: MeetingTemplate['attendees'],
  staff: StaffChoice[],
): TypedValues {
  const values: TypedValues = {
    title: meeting.title,
    localDate: meeting.localDate,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    place: meeting.place,
    onlineLink: meeting.onlineLink,
    agenda: meeting.agenda ?? '',
  };
  const guests: string[] = [];
  for (const person of attendees) {
    if (person.userId !== null && staff.some((choice) => choice.id === person.userId)) {
      values[staffField(person.userId)] = 'on';
    } else guests.push(guestLine(person));
  }
  values.guests = guests.join('\n');
  return values;
}

function minutesValuesOf(found: MeetingWithPeople): TypedValues {
  const values: TypedValues = {
    minutes: found.meeting.minutes,
    decisions: found.meeting.decisions,
  };
  found.actionItems.forEach((item, index) => {
    const number = index + 1;
    values[itemField(number, 'Id')] = String(item.id);
    values[itemField(number, 'Description')] = item.description;
    values[itemField(number, 'Owner')] = item.ownerUserId === null ? '' : String(item.ownerUserId);
    values[itemField(number, 'OwnerName')] = item.ownerUserId === null ? item.ownerName : '';
    values[itemField(number, 'Due')] = item.dueDate;
  });
  return values;
}

/** The message at the guests field names the line that could not be read. */
function withGuestLine(c: Context<SignedInEnv>, state: MeetingFormState): MeetingFormState {
  const line = badGuestLine(state.values.guests);
  if (!state.errors.guests || line === null) return state;
  return {
    ...state,
    errors: { ...state.errors, guests: c.get('t')('validation.guestLine', { line }) },
  };
}

export function meetingRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();
  const commandContext = commandContextFor({ clock, mail });
  const today = () => instantToWallClock(clock()).date;

  const meetingOr404 = (c: Context<SignedInEnv>) => {
    const found = findMeeting(db, idParam(c));
    if (!found) throw new HTTPException(404);
    return found;
  };

  /** After a command: its notice (or that a cancelled meeting cannot change), then the meeting. */
  const back = (
    c: Context<SignedInEnv>,
    id: number,
    done: MessageKey | null,
    params?: MessageParams,
  ) => {
    setFlash(
      c,
      done
        ? { kind: 'success', key: done, params }
        : { kind: 'error', key: 'flash.meetingNotChanged' },
    );
    return c.redirect(`/meetings/${id}`, 303);
  };

  type FormPage = { title: string; action: string; submitLabel: string; backHref: string };

  const renderForm = (
    c: Context<SignedInEnv>,
    state: MeetingFormState,
    page: FormPage,
    proposed = false,
  ) =>
    c.render(
      <MeetingFormPage
        {...withGuestLine(c, state)}
        {...page}
        proposed={proposed}
        staff={listStaffChoices(db)}
        t={c.get('t')}
      />,
      { title: page.title },
    );

  const newPage = (c: Context<SignedInEnv>): FormPage => ({
    title: c.get('t')('meeting.newTitle'),
    action: '/meetings/new',
    submitLabel: c.get('t')('meeting.create'),
    backHref: '/meetings',
  });

  const editPage = (c: Context<SignedInEnv>, found: MeetingWithPeople): FormPage => ({
    title: c.get('t')('meeting.editTitle', { title: found.meeting.title }),
    action: `/meetings/${found.meeting.id}/edit`,
    submitLabel: c.get('t')('meeting.save'),
    backHref: `/meetings/${found.meeting.id}`,
  });

  /** The ticked staff as people; a box for someone who cannot be invited (any more) is an error. */
  const detailsOf = (input: MeetingInput): MeetingDetails | null => {
    const staff = listStaffChoices(db);
    const ticked = staff.filter((person) => input.staffIds.includes(person.id));
    if (ticked.length !== input.staffIds.length) return null;
    const { staffIds: _staffIds, guests, ...details } = input;
    const staffPeople = ticked.map(({ id, name, email }) => ({ userId: id, name, email }));
    return { ...details, attendees: attendeesOf(staffPeople, guests) };
  };

  /** A ticked box for someone who cannot be invited (any more): the form again, with a message. */
  const unknownStaff = (c: Context<SignedInEnv>, page: FormPage) => {
    c.status(422);
    const errors = { attendees: c.get('t')('validation.unknownChoice') };
    return renderForm(c, { values: c.get('formValues'), errors }, page);
  };

  const renderMeeting = (
    c: Context<SignedInEnv>,
    found: MeetingWithPeople,
    forms: { cancelForm?: MeetingFormState; sendForm?: MeetingFormState } = {},
  ) =>
    c.render(
      <MeetingPage
        found={found}
        today={today()}
        cancelForm={forms.cancelForm ?? { values: {}, errors: {} }}
        sendForm={forms.sendForm ?? { values: {}, errors: {} }}
        t={c.get('t')}
        language={c.get('language')}
      />,
      { title: found.meeting.title },
    );

  const renderMinutesForm = (
    c: Context<SignedInEnv>,
    found: MeetingWithPeople,
    state: MeetingFormState,
    rows: number,
  ) =>
    c.render(
      <MinutesFormPage
        {...state}
        found={found}
        rows={Math.min(rows, maxItemRows)}
        staff={listStaffChoices(db)}
        t={c.get('t')}
      />,
      { title: c.get('t')('meeting.minutesTitle', { title: found.meeting.title }) },
    );

  /** Reading a meeting shows its attendees' names and addresses: the read is audited. */
  const auditRead = (c: Context<SignedInEnv>, meetingId: number, detail: string) =>
    recordAudit(
      db,
      {
        actor: c.get('user'),
        action: 'read',
        subjectType: 'meeting',
        subjectId: meetingId,
        detail,
      },
      clock(),
    );

  app.get('/meetings', planningStaff, (c) => {
    const shown = optionalIdQuery.parse(c.req.query('past')) ?? pastPageSize;
    const pastLimit = Math.min(Math.max(shown, pastPageSize), 1000);
    const { upcoming, past, hasOlder } = listMeetings(db, clock(), pastLimit);
    return c.render(
      <MeetingListPage
        upcoming={upcoming}
        past={past}
        olderHref={hasOlder ? `/meetings?past=${pastLimit + pastPageSize}` : null}
        t={c.get('t')}
        language={c.get('language')}
      />,
      { title: c.get('t')('meeting.listTitle') },
    );
  });

  app.get('/meetings/new', planningStaff, (c) => {
    const latest = latestMeetingTemplates(db);
    const proposal = proposeNextMeeting(latest, today());
    // The proposal lists the previous meeting's attendees, addresses and all.
    if (proposal) auditRead(c, latest[0]!.id, 'next meeting proposal');
    const values = proposal ? formValuesOf(proposal, proposal.attendees, listStaffChoices(db)) : {};
    return renderForm(c, { values, errors: {} }, newPage(c), proposal !== null);
  });

  app.post(
    '/meetings/new',
    planningStaff,
    validForm(meetingForm, (c, invalid) => renderForm(c, invalid, newPage(c))),
    (c) => {
      const details = detailsOf(c.req.valid('form'));
      if (!details) return unknownStaff(c, newPage(c));
      const id = createMeeting(db, details, commandContext(c));
      setFlash(c, {
        kind: 'success',
        key: 'flash.meetingCreated',
        params: { title: details.title },
      });
      return c.redirect(`/meetings/${id}`, 303);
    },
  );

  app.get('/meetings/:id{[0-9]+}', planningStaff, (c) => {
    const found = meetingOr404(c);
    auditRead(c, found.meeting.id, 'meeting page');
    return renderMeeting(c, found);
  });

  app.get('/meetings/:id{[0-9]+}/edit', planningStaff, (c) => {
    const found = meetingOr404(c);
    if (found.meeting.status === 'cancelled') return back(c, found.meeting.id, null);
    auditRead(c, found.meeting.id, 'meeting edit form');
    const values = formValuesOf(found.meeting, activeAttendees(found), listStaffChoices(db));
    return renderForm(c, { values, errors: {} }, editPage(c, found));
  });

  app.post(
    '/meetings/:id{[0-9]+}/edit',
    planningStaff,
    validForm(meetingForm, (c, invalid) => renderForm(c, invalid, editPage(c, meetingOr404(c)))),
    (c) => {
      const found = meetingOr404(c);
      const details = detailsOf(c.req.valid('form'));
      if (!details) return unknownStaff(c, editPage(c, found));
      const id = found.meeting.id;
      const changed = changeMeeting(db, id, details, commandContext(c));
      return back(c, id, changed ? 'flash.meetingUpdated' : null, {
        title: details.title,
      });
    },
  );

  app.post(
    '/meetings/:id{[0-9]+}/cancellation',
    planningStaff,
    validForm(meetingCancellationForm, (c, invalid) =>
      renderMeeting(c, meetingOr404(c), { cancelForm: invalid }),
    ),
    (c) => {
      const id = meetingOr404(c).meeting.id;
      const cancelled = cancelMeeting(db, id, c.req.valid('form').reason, commandContext(c));
      return back(c, id, cancelled ? 'flash.meetingCancelled' : null);
    },
  );

  app.get('/meetings/:id{[0-9]+}/minutes/edit', planningStaff, (c) => {
    const found = meetingOr404(c);
    if (found.meeting.status === 'cancelled') return back(c, found.meeting.id, null);
    auditRead(c, found.meeting.id, 'minutes edit form');
    return renderMinutesForm(
      c,
      found,
      { values: minutesValuesOf(found), errors: {} },
      found.actionItems.length + emptyItemRows,
    );
  });

  /**
   * An owner picked from the list must be someone the list offers (or the item's owner already):
   * any other id would save an action item that nobody owns.
   */
  const unknownOwnerErrors = (
    c: Context<SignedInEnv>,
    found: MeetingWithPeople,
    values: TypedValues,
  ) => {
    const known = new Set([
      ...listStaffChoices(db).map((person) => person.id),
      ...found.actionItems.flatMap((item) => (item.ownerUserId === null ? [] : [item.ownerUserId])),
    ]);
    const errors: Record<string, string> = {};
    const rows = Math.min(Number(values.rows) || emptyItemRows, maxItemRows);
    for (let number = 1; number <= rows; number++) {
      const field = itemField(number, 'Owner');
      const owner = values[field]?.trim() ?? '';
      if (owner !== '' && !known.has(Number(owner))) {
        errors[field] = c.get('t')('validation.unknownChoice');
      }
    }
    return Object.keys(errors).length > 0 ? errors : null;
  };

  /** "Add rows" posts the form back: it is shown again with more empty rows, nothing saved. */
  const withMoreRows = (c: Context<SignedInEnv>, values: TypedValues) => {
    c.status(200);
    const rows = Number(values.rows) || emptyItemRows;
    return renderMinutesForm(c, meetingOr404(c), { values, errors: {} }, rows + emptyItemRows);
  };

  app.post(
    '/meetings/:id{[0-9]+}/minutes/edit',
    planningStaff,
    validForm(minutesForm, (c, invalid) =>
      invalid.values.more
        ? withMoreRows(c, invalid.values)
        : renderMinutesForm(
            c,
            meetingOr404(c),
            invalid,
            Number(invalid.values.rows) || emptyItemRows,
          ),
    ),
    (c) => {
      const values = c.get('formValues');
      if (values.more) return withMoreRows(c, values);
      const found = meetingOr404(c);
      const id = found.meeting.id;
      const errors = unknownOwnerErrors(c, found, values);
      if (errors) {
        c.status(422);
        return renderMinutesForm(
          c,
          found,
          { values, errors },
          Number(values.rows) || emptyItemRows,
        );
      }
      const saved = saveMinutes(db, id, c.req.valid('form'), commandContext(c));
      return back(c, id, saved ? 'flash.minutesSaved' : null);
    },
  );

  app.post('/meetings/:id{[0-9]+}/action-items/:itemId{[0-9]+}/done', planningStaff, (c) => {
    const id = meetingOr404(c).meeting.id;
    const done = markActionItemDone(db, id, idParam(c, 'itemId'), commandContext(c));
    setFlash(
      c,
      done
        ? { kind: 'success', key: 'flash.actionItemDone' }
        : { kind: 'error', key: 'flash.actionItemNotOpen' },
    );
    return c.redirect(`/meetings/${id}`, 303);
  });

  app.post(
    '/meetings/:id{[0-9]+}/minutes/sending',
    planningStaff,
    validForm(minutesSendingForm, (c, invalid) =>
      renderMeeting(c, meetingOr404(c), { sendForm: invalid }),
    ),
    (c) => {
      const id = meetingOr404(c).meeting.id;
      const again = c.req.valid('form').confirmAgain;
      const count = sendMinutes(db, id, commandContext(c), { again });
      if (count === 'already-sent') {
        c.status(422);
        const errors = { confirmAgain: c.get('t')('validation.confirmAgain') };
        return renderMeeting(c, meetingOr404(c), { sendForm: { values: {}, errors } });
      }
      if (count === null) {
        setFlash(c, { kind: 'error', key: 'meeting.minutesFirst' });
        return c.redirect(`/meetings/${id}`, 303);
      }
      return back(c, id, 'flash.minutesSent', { count });
    },
  );

  app.get('/meetings/:id{[0-9]+}/minutes', planningStaff, (c) => {
    const found = meetingOr404(c);
    auditRead(c, found.meeting.id, 'printable minutes');
    return c.render(
      <PrintableMinutesPage
        found={found}
        today={today()}
        printedAt={clock()}
        t={c.get('t')}
        language={c.get('language')}
      />,
      { title: c.get('t')('meeting.minutesTitle', { title: found.meeting.title }) },
    );
  });

  return app;
}
