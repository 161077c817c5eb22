import {
  index,
  integer,
  type AnySQLiteColumn,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { languages } from '../src/i18n/languages';

export const staffRoles = ['admin', 'coordinator', 'instructor', 'reporting'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Set from the injected clock on insert (no SQL default), so tests and the demo control time. */
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull();

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: staffRoles }).notNull(),
  /** The language of the messages, invitations and calendar texts this person is sent. */
  language: text('language', { enum: languages }).notNull().default('fi'),
  /**
   * The region (wellbeing services county, `localities.region`) whose work this person sees by
   * default; empty = all regions. One instance can serve one county or all of them.
   */
  homeRegion: text('home_region').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  /** A disabled account cannot sign in and has no sessions; its history stays. */
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  /** Set by an admin-issued one-time password: the next sign-in must choose a new one. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /** RFC 6238 shared secret (base32) once two-step sign-in is confirmed; null when not in use. */
  totpSecret: text('totp_secret'),
  /** A secret shown as a QR code but not yet confirmed with a code. */
  totpPendingSecret: text('totp_pending_secret'),
  totpEnabledAt: integer('totp_enabled_at', { mode: 'timestamp_ms' }),
  /** The 30-second step of the last code accepted: a code is good once, never again. */
  totpLastStep: integer('totp_last_step'),
  createdAt: createdAt(),
});

/** One-time recovery codes for two-step sign-in, stored as hashes. */
export const totpRecoveryCodes = sqliteTable(
  'totp_recovery_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('totp_recovery_codes_user_idx').on(table.userId)],
);

/** Settings an admin changes at run time; one row (id 1). */
export const securitySettings = sqliteTable('security_settings', {
  id: integer('id').primaryKey(),
  /** Every staff account must use two-step sign-in. */
  requireTotp: integer('require_totp', { mode: 'boolean' }).notNull().default(false),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
});

/**
 * Who runs the service and how to reach them (one row, id 1): shown wherever a person is told to
 * get in touch, and as the controller in the privacy notice. An admin edits it.
 */
export const organisationSettings = sqliteTable('organisation_settings', {
  id: integer('id').primaryKey(),
  /** The wellbeing services county: the controller of the participants' data. */
  name: text('name').notNull().default(''),
  coordinatorName: text('coordinator_name').notNull().default(''),
  /** E.164, or empty. */
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  streetAddress: text('street_address').notNull().default(''),
  postcode: text('postcode').notNull().default(''),
  postOffice: text('post_office').notNull().default(''),
  /** The data protection officer or other privacy contact, as free text. */
  privacyContact: text('privacy_contact').notNull().default(''),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
});

/**
 * How long personal data is kept (one row, id 1; defaults until an admin saves). The privacy
 * notices quote these, so what they promise stays true when the periods change.
 */
export const retentionSettings = sqliteTable('retention_settings', {
  id: integer('id').primaryKey(),
  /** A course's participants are anonymised this long after the course's last session. */
  participantMonths: integer('participant_months').notNull().default(12),
  /** An application closed without a course is anonymised this long after it was closed. */
  closedApplicationMonths: integer('closed_application_months').notNull().default(6),
  /** A sent e-mail's body and calendar are emptied after this; the row keeps state and times. */
  sentMailDays: integer('sent_mail_days').notNull().default(90),
  /** A training candidate who dropped or completed (and is not an instructor) is anonymised. */
  candidateMonths: integer('candidate_months').notNull().default(12),
  /** Audit rows older than this are deleted; the audit table's triggers enforce the same age. */
  auditYears: integer('audit_years').notNull().default(5),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
});

/** One run of the retention job per Helsinki day; a second run that day does nothing. */
export const retentionRuns = sqliteTable('retention_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The Helsinki date (YYYY-MM-DD) the run belongs to. */
  runOn: text('run_on').notNull().unique(),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  /** Who started it: a staff member's name, or the daily job. */
  byName: text('by_name').notNull(),
  applicationsAnonymised: integer('applications_anonymised').notNull().default(0),
  candidatesAnonymised: integer('candidates_anonymised').notNull().default(0),
  mailBodiesPruned: integer('mail_bodies_pruned').notNull().default(0),
  feedbackTextsEmptied: integer('feedback_texts_emptied').notNull().default(0),
  auditRowsDeleted: integer('audit_rows_deleted').notNull().default(0),
});

/** Server-side sign-in sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }),
    /** Shown in the owner's list of active sessions, so they can tell them apart. */
    userAgent: text('user_agent').notNull().default(''),
    address: text('address').notNull().default(''),
    /** The password was right but the two-step code is still to come: not signed in yet. */
    awaitingSecondFactor: integer('awaiting_second_factor', { mode: 'boolean' })
      .notNull()
      .default(false),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** Failed sign-ins, counted per account and per client address to slow down password guessing. */
export const failedSignIns = sqliteTable(
  'failed_sign_ins',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    address: text('address').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('failed_sign_ins_email_idx').on(table.email, table.at),
    index('failed_sign_ins_address_idx').on(table.address, table.at),
  ],
);

/** Municipalities where courses are planned (paikkakunta). */
export const localities = sqliteTable('localities', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  region: text('region').notNull(),
  createdAt: createdAt(),
});

/**
 * Localities close enough that people waiting in one could join a course in the other; stored
 * both ways round so a lookup needs one index.
 */
export const localityNeighbours = sqliteTable(
  'locality_neighbours',
  {
    localityId: integer('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    neighbourId: integer('neighbour_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.localityId, table.neighbourId] })],
);

/** A course type: ArVo general, or a variant with its own rules (program settings, not constants). */
export const programs = sqliteTable('programs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  nameFi: text('name_fi').notNull(),
  /** The Swedish name; empty until a coordinator writes one, and the Finnish name is shown. */
  nameSv: text('name_sv').notNull().default(''),
  nameEn: text('name_en').notNull(),
  sessionCount: integer('session_count').notNull().default(6),
  sessionMinutes: integer('session_minutes').notNull().default(150),
  /** 1 = weekly (the licensed format); more = an adapted, looser format. */
  intervalWeeks: integer('interval_weeks').notNull().default(1),
  minParticipants: integer('min_participants').notNull().default(8),
  maxParticipants: integer('max_participants').notNull().default(14),
  completionThreshold: integer('completion_threshold').notNull().default(4),
  /** Preparation counted for each session an instructor leads, in the hours they are shown. */
  preparationMinutes: integer('preparation_minutes').notNull().default(60),
  hasInfoSession: integer('has_info_session', { mode: 'boolean' }).notNull().default(false),
  /** Held online: its courses go in online venues only, and an in-person program never does. */
  online: integer('online', { mode: 'boolean' }).notNull().default(false),
  /**
   * No joining after session N: once session N + 1 has been held, a freed seat is no longer offered
   * to the waitlist (a late joiner could not reach the completion threshold).
   */
  lastJoiningSession: integer('last_joining_session').notNull().default(2),
  createdAt: createdAt(),
});

export const venueKinds = ['in-person', 'online'] as const;
export type VenueKind = (typeof venueKinds)[number];

export const venues = sqliteTable(
  'venues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    localityId: integer('locality_id')
      .notNull()
      .references(() => localities.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: venueKinds }).notNull().default('in-person'),
    streetAddress: text('street_address').notNull().default(''),
    capacity: integer('capacity'),
    stepFreeAccess: integer('step_free_access', { mode: 'boolean' }).notNull().default(false),
    hearingLoop: integer('hearing_loop', { mode: 'boolean' }).notNull().default(false),
    accessibilityNotes: text('accessibility_notes').notNull().default(''),
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (table) => [index('venues_locality_idx').on(table.localityId)],
);

export const instructorKinds = ['professional', 'peer'] as const;
export type InstructorKind = (typeof instructorKinds)[number];

/** A person the coordinator plans courses with; may be linked to a staff account to sign in. */
export const instructors = sqliteTable(
  'instructors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    /** E.164, e.g. +358401234567, or empty. */
    phone: text('phone').notNull().default(''),
    kind: text('kind', { enum: instructorKinds }).notNull(),
    employerUnit: text('employer_unit').notNull().default(''),
    /**
     * The instructor chose to give their phone to the participants of their courses (invitations,
     * letters); off by default, so a peer instructor's personal number stays with the staff.
     */
    sharePhoneWithParticipants: integer('share_phone_with_participants', { mode: 'boolean' })
      .notNull()
      .default(false),
    userId: integer('user_id')
      .unique()
      .references(() => users.id, { onDelete: 'set null' }),
    /** The Helsinki date their instructor training was completed; the licence clock starts here. */
    trainedOn: text('trained_on'),
    trainingId: integer('training_id').references((): AnySQLiteColumn => trainings.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
  },
  (table) => [
    // The instructor list, by name (keyset pages on (name, id)).
    index('instructors_name_idx').on(table.name),
  ],
);

export const instructorLocalities = sqliteTable(
  'instructor_localities',
  {
    instructorId: integer('instructor_id')
      .notNull()
      .references(() => instructors.id, { onDelete: 'cascade' }),
    localityId: integer('locality_id')
      .notNull()
      .references(() => localities.id),
  },
  (table) => [primaryKey({ columns: [table.instructorId, table.localityId] })],
);

/** A planning term ("Syksy 2026") with the targets the coordinator follows. */
export const terms = sqliteTable(
  'terms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    targetCoursesMin: integer('target_courses_min').notNull().default(2),
    targetCoursesMax: integer('target_courses_max').notNull().default(4),
    targetInstructorsMin: integer('target_instructors_min').notNull().default(4),
    targetInstructorsMax: integer('target_instructors_max').notNull().default(6),
    createdAt: createdAt(),
  },
  (table) => [
    // The term list, by first day (keyset pages on (starts_on, id)).
    index('terms_starts_idx').on(table.startsOn),
  ],
);

/** Dates no session should fall on besides public holidays, e.g. the autumn school break. */
export const blockedPeriods = sqliteTable('blocked_periods', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  createdAt: createdAt(),
});

export const courseStatuses = [
  'planned',
  'open',
  'confirmed',
  'running',
  'completed',
  'cancelled',
] as const;
export type CourseStatus = (typeof courseStatuses)[number];
export const audiences = ['open', 'targeted'] as const;
export type Audience = (typeof audiences)[number];

export const courses = sqliteTable(
  'courses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    termId: integer('term_id')
      .notNull()
      .references(() => terms.id),
    localityId: integer('locality_id')
      .notNull()
      .references(() => localities.id),
    venueId: integer('venue_id').references(() => venues.id),
    audience: text('audience', { enum: audiences }).notNull().default('open'),
    /** For a targeted group: whose clients it is for (e.g. mental health and substance-abuse services). */
    targetService: text('target_service').notNull().default(''),
    status: text('status', { enum: courseStatuses }).notNull().default('planned'),
    cancellationReason: text('cancellation_reason').notNull().default(''),
    goNoGoDate: text('go_no_go_date').notNull(),
    weeklyStartTime: text('weekly_start_time').notNull(),
    /**
     * The course's calendar series UID, fixed when the course is created and unique across
     * installations (a random part and the host of PUBLIC_URL).
     */
    calendarUid: text('calendar_uid').notNull().unique(),
    /** Raised on every change of the schedule; the calendar invitations carry it as SEQUENCE. */
    scheduleSequence: integer('schedule_sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('courses_term_idx').on(table.termId, table.localityId),
    // Conflict checks look for the courses sharing a venue.
    index('courses_venue_idx').on(table.venueId),
    // The home page's decisions and at-risk lists look only at courses deciding about now.
    index('courses_go_no_go_idx').on(table.goNoGoDate),
    // The at-risk list: courses still open or confirmed whose decision day is near.
    index('courses_deciding_idx').on(table.status, table.goNoGoDate),
  ],
);

export const courseInstructors = sqliteTable(
  'course_instructors',
  {
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    instructorId: integer('instructor_id')
      .notNull()
      .references(() => instructors.id),
  },
  (table) => [
    primaryKey({ columns: [table.courseId, table.instructorId] }),
    index('course_instructors_instructor_idx').on(table.instructorId),
  ],
);

export const sessionStatuses = ['scheduled', 'cancelled'] as const;

/**
 * One meeting of a course. The Helsinki wall-clock date and times are the truth; the instants are
 * derived from them when saved, for ordering and overlap checks.
 */
export const courseSessions = sqliteTable(
  'course_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    localDate: text('local_date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    /** The date the regular series gave this session, kept when it is moved (RECURRENCE-ID). */
    seriesDate: text('series_date').notNull(),
    status: text('status', { enum: sessionStatuses }).notNull().default('scheduled'),
  },
  (table) => [
    index('course_sessions_course_idx').on(table.courseId, table.ordinal),
    index('course_sessions_time_idx').on(table.startsAt),
  ],
);

export const outboxStates = ['queued', 'sending', 'sent', 'retry', 'failed'] as const;
export type OutboxState = (typeof outboxStates)[number];

/**
 * Every e-mail is written here first, in the same transaction as the change that causes it; a
 * worker sends it later. The Message-ID is fixed at creation, so a resend after a crash can be
 * recognised by the receiving side.
 */
export const outboxChannels = ['email', 'sms'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** E-mail goes over SMTP; a text message (body in textBody) to a provider's HTTP API. */
    channel: text('channel', { enum: outboxChannels }).notNull().default('email'),
    messageId: text('message_id').notNull().unique(),
    recipientEmail: text('recipient_email').notNull(),
    /** A text message's mobile number (E.164); empty for e-mail. */
    recipientPhone: text('recipient_phone').notNull().default(''),
    /** The session a reminder is for: one reminder per session and person (unique index). */
    reminderSessionId: integer('reminder_session_id').references(
      (): AnySQLiteColumn => courseSessions.id,
      { onDelete: 'set null' },
    ),
    recipientName: text('recipient_name').notNull().default(''),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /** 'REQUEST' | 'CANCEL' for a calendar invitation, '' for a plain message. */
    calendarMethod: text('calendar_method').notNull().default(''),
    calendar: text('calendar').notNull().default(''),
    courseId: integer('course_id').references(() => courses.id, { onDelete: 'set null' }),
    /** A training's invitation, and the candidate it is for (so their messages can be found). */
    trainingId: integer('training_id').references((): AnySQLiteColumn => trainings.id, {
      onDelete: 'set null',
    }),
    candidateId: integer('candidate_id').references((): AnySQLiteColumn => trainingCandidates.id, {
      onDelete: 'set null',
    }),
    /** A steering meeting's invitation or minutes. */
    meetingId: integer('meeting_id').references((): AnySQLiteColumn => meetings.id, {
      onDelete: 'set null',
    }),
    /** The participant the message is for, so erasure finds their messages. */
    applicationId: integer('application_id').references(() => applications.id, {
      onDelete: 'set null',
    }),
    state: text('state', { enum: outboxStates }).notNull().default('queued'),
    /** The worker process holding a `sending` claim, and until when; an expired lease is requeued. */
    claimedBy: text('claimed_by').notNull().default(''),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error').notNull().default(''),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    /** The body and calendar were emptied by the retention rule (the row stays for its history). */
    bodyPrunedAt: integer('body_pruned_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('outbox_due_idx').on(table.state, table.nextAttemptAt),
    index('outbox_application_idx').on(table.applicationId),
    // The outgoing mail list, newest first, whole or in one state (keyset pages on (created_at, id)).
    index('outbox_created_idx').on(table.createdAt),
    index('outbox_state_created_idx').on(table.state, table.createdAt),
    // Sent bodies still to prune, oldest first.
    index('outbox_prune_idx').on(table.bodyPrunedAt, table.state, table.sentAt),
    uniqueIndex('outbox_reminder_idx').on(table.reminderSessionId, table.applicationId),
    // The outgoing texts page and the mail list each read one channel, newest first.
    index('outbox_channel_created_idx').on(table.channel, table.createdAt),
  ],
);

/**
 * Who holds a course's calendar series, so changes reach exactly them: the instructor pair now,
 * placed participants with enrolment. A person without e-mail gets a printed letter instead.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    instructorId: integer('instructor_id').references(() => instructors.id),
    /**
     * A participant's application (placed on the course); set instead of instructorId. An
     * application is never deleted (erasure anonymises it), so no delete action is needed.
     */
    applicationId: integer('application_id').references(() => applications.id),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    language: text('language', { enum: languages }).notNull().default('fi'),
    state: text('state', { enum: ['active', 'cancelled'] })
      .notNull()
      .default('active'),
    /** The SEQUENCE of the last message this person was sent. */
    sentSequence: integer('sent_sequence').notNull().default(0),
    /**
     * For a person without e-mail: the SEQUENCE whose printed letter was posted, and when. A later
     * change raises sentSequence, so the letter is due again.
     */
    letterPostedSequence: integer('letter_posted_sequence'),
    letterPostedAt: integer('letter_posted_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('invitations_course_idx').on(table.courseId),
    // Letters to post: the invitations of people without e-mail.
    index('invitations_letters_idx').on(table.email, table.state),
    // One calendar series per person and course (NULLs are distinct: each row sets one of the two).
    uniqueIndex('invitations_course_instructor_idx').on(table.courseId, table.instructorId),
    uniqueIndex('invitations_course_application_idx').on(table.courseId, table.applicationId),
  ],
);

/**
 * The secret of a staff member's calendar subscription feed, stored only as its hash: the full
 * address is shown once, when created or renewed.
 */
export const calendarFeeds = sqliteTable('calendar_feeds', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Who read or changed personal data, and when. Entries name the record, never copy its content,
 * so the log itself holds no more personal data than a name and an id.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    action: text('action', { enum: ['read', 'create', 'update', 'delete', 'export'] }).notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id'),
    detail: text('detail').notNull().default(''),
  },
  (table) => [
    index('audit_log_at_idx').on(table.at),
    index('audit_log_subject_idx').on(table.subjectType, table.subjectId, table.at),
    // The admin's filters: by staff member, by action, each newest first.
    index('audit_log_actor_idx').on(table.actorUserId, table.at),
    index('audit_log_action_idx').on(table.action, table.at),
  ],
);

export const applicationSources = ['public', 'referral', 'phone'] as const;
export const applicationStates = ['to-call', 'waiting', 'placed', 'closed'] as const;
export type ApplicationState = (typeof applicationStates)[number];
export const closeReasons = ['unreachable', 'not-suitable', 'declined', 'deleted'] as const;
export const callReasons = ['intake', 'tell-placed', 'tell-cancelled', 'missed-sessions'] as const;

/**
 * One person's way in (applied, referred or phoned in). The same person applying twice for the
 * same course is merged into one record.
 */
export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source', { enum: applicationSources }).notNull(),
    name: text('name').notNull(),
    /** E.164. */
    phone: text('phone').notNull(),
    email: text('email').notNull().default(''),
    municipality: text('municipality').notNull().default(''),
    /** The course asked for; null means "any course near me". */
    preferredCourseId: integer('preferred_course_id').references(() => courses.id, {
      onDelete: 'set null',
    }),
    /** The locality whose demand list the person is on while waiting. */
    localityId: integer('locality_id').references(() => localities.id),
    goodTimesToCall: text('good_times_to_call').notNull().default(''),
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }),
    consentRecordedBy: integer('consent_recorded_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    referrerName: text('referrer_name').notNull().default(''),
    referrerUnit: text('referrer_unit').notNull().default(''),
    referrerContact: text('referrer_contact').notNull().default(''),
    /** A postal address for letters, asked for when there is no e-mail. */
    postalStreet: text('postal_street').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    postOffice: text('post_office').notNull().default(''),
    state: text('state', { enum: applicationStates }).notNull().default('to-call'),
    /** Why the person is on the call queue: the intake interview or news to tell by phone. */
    callReason: text('call_reason', { enum: callReasons }).notNull().default('intake'),
    closeReason: text('close_reason', { enum: closeReasons }),
    closeNote: text('close_note').notNull().default(''),
    callDueAt: integer('call_due_at', { mode: 'timestamp_ms' }).notNull(),
    assignedInstructorId: integer('assigned_instructor_id').references(() => instructors.id, {
      onDelete: 'set null',
    }),
    language: text('language', { enum: languages }).notNull().default('fi'),
    /** Every personal field was emptied (retention or erasure); ids, dates and states stay. */
    anonymisedAt: integer('anonymised_at', { mode: 'timestamp_ms' }),
    /** The person said "stop reminders" (personal link or call record): no reminder texts. */
    remindersStoppedAt: integer('reminders_stopped_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    // The retention job's closed applications, by when they were closed.
    index('applications_retention_idx').on(table.anonymisedAt, table.state, table.updatedAt),
    index('applications_queue_idx').on(table.state, table.callDueAt),
    // News to tell by phone: a handful of rows among years of placed applications.
    index('applications_call_reason_idx').on(table.callReason, table.state),
    index('applications_phone_idx').on(table.phone),
    index('applications_email_idx').on(table.email),
  ],
);

export const callOutcomes = ['reached', 'no-answer', 'wrong-number', 'call-back'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export const callAttempts = sqliteTable(
  'call_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    outcome: text('outcome', { enum: callOutcomes }).notNull(),
    callBackAt: integer('call_back_at', { mode: 'timestamp_ms' }),
    byUserId: integer('by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('call_attempts_application_idx').on(table.applicationId, table.at),
    // An instructor's intake calls in a term (their hours, and the term proposal's load).
    index('call_attempts_by_user_idx').on(table.byUserId, table.at),
  ],
);

export const interviewOutcomes = ['place', 'wait', 'not-suitable', 'declined'] as const;
export const participantNeeds = [
  'step-free',
  'transport',
  'hearing',
  'interpreter',
  'assistant',
  'other',
] as const;

/** The structured phone interview; `needs` is a comma-separated list of participantNeeds. */
export const interviews = sqliteTable(
  'interviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    byUserId: integer('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    canAttendAll: text('can_attend_all', { enum: ['yes', 'no', 'unsure'] }).notNull(),
    suitableTimes: text('suitable_times').notNull().default(''),
    needs: text('needs').notNull().default(''),
    otherNeeds: text('other_needs').notNull().default(''),
    notes: text('notes').notNull().default(''),
    outcome: text('outcome', { enum: interviewOutcomes }).notNull(),
    outcomeReason: text('outcome_reason').notNull().default(''),
  },
  // The person's page and the term report's "reached" look interviews up by application.
  (table) => [index('interviews_application_idx').on(table.applicationId)],
);

/** `completed` / `not-completed` are frozen when the course is closed, from its attendance. */
export const enrollmentStates = [
  'placed',
  'waitlisted',
  'withdrawn',
  'cancelled',
  'completed',
  'not-completed',
] as const;
export type EnrollmentState = (typeof enrollmentStates)[number];
/** Who withdrew an enrolment; empty while it is not withdrawn. */
export const withdrawers = ['', 'participant', 'staff'] as const;
/** Why someone stopped coming to a running course (a drop-out); empty for any other withdrawal. */
export const dropOutReasons = [
  'health',
  'work-or-studies',
  'moved',
  'not-for-me',
  'unreachable',
  'other',
] as const;
export type DropOutReason = (typeof dropOutReasons)[number];
/** Getting to the course for someone who needs transport; empty until anyone has looked at it. */
export const transportStates = ['to-arrange', 'arranged', 'not-needed'] as const;
export type TransportState = (typeof transportStates)[number];
export const transportMeans = ['kyyti', 'taxi', 'bus-ticket', 'lift'] as const;
export type TransportMeans = (typeof transportMeans)[number];

export const enrollments = sqliteTable(
  'enrollments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    state: text('state', { enum: enrollmentStates }).notNull(),
    /** First come, first served: the waitlist is ordered by this; moving someone up lowers it. */
    queuedAt: integer('queued_at', { mode: 'timestamp_ms' }).notNull(),
    movedUpReason: text('moved_up_reason').notNull().default(''),
    withdrawnReason: text('withdrawn_reason').notNull().default(''),
    withdrawnBy: text('withdrawn_by', { enum: withdrawers }).notNull().default(''),
    /** When the person got their seat: sessions that ended before it are not theirs to attend. */
    placedAt: integer('placed_at', { mode: 'timestamp_ms' }),
    /** When they left: sessions starting after it are not theirs to attend. */
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    dropOutReason: text('drop_out_reason', { enum: ['', ...dropOutReasons] })
      .notNull()
      .default(''),
    /** Sessions attended, frozen with `completed` / `not-completed` when the course is closed. */
    attendedSessions: integer('attended_sessions'),
    transportState: text('transport_state', { enum: ['', ...transportStates] })
      .notNull()
      .default(''),
    transportMeans: text('transport_means', { enum: ['', ...transportMeans] })
      .notNull()
      .default(''),
    /**
     * The participant has answered the feedback questionnaire. Only this flag is kept here: the
     * answers themselves name the course, never the person, and updatedAt is left as it was so
     * the moment of answering cannot be matched to an answer.
     */
    feedbackGiven: integer('feedback_given', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    uniqueIndex('enrollments_course_application_idx').on(table.courseId, table.applicationId),
    index('enrollments_course_state_idx').on(table.courseId, table.state, table.queuedAt),
    // The coordinator's home lists the last two weeks' self-withdrawals, not the whole history.
    index('enrollments_withdrawn_idx').on(table.withdrawnBy, table.withdrawnAt),
    // A person's courses on the people search and their own page.
    index('enrollments_application_idx').on(table.applicationId),
  ],
);

export const feedbackScores = [1, 2, 3, 4, 5] as const;
export const recommendAnswers = ['yes', 'no', 'cant-say'] as const;
export type RecommendAnswer = (typeof recommendAnswers)[number];

/**
 * A participant's anonymous answer after the course: linked to the course only (no person, no
 * time), so results can be shown per course and term but never traced back to who gave them.
 */
export const courseFeedback = sqliteTable(
  'course_feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    /** Overall usefulness, 1–5. */
    usefulness: integer('usefulness').notNull(),
    /** "I got tools for my everyday life", 1–5. */
    everydayTools: integer('everyday_tools').notNull(),
    bestThing: text('best_thing').notNull().default(''),
    toImprove: text('to_improve').notNull().default(''),
    recommend: text('recommend', { enum: recommendAnswers }).notNull(),
    /** The coordinator hid the free texts because they could identify someone. */
    freeTextHidden: integer('free_text_hidden', { mode: 'boolean' }).notNull().default(false),
    /**
     * The free texts were emptied by the retention rule with the course's participants: a flag,
     * not a time, so nothing on an answer can be matched to a moment.
     */
    freeTextEmptied: integer('free_text_emptied', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [index('course_feedback_course_idx').on(table.courseId)],
);

/** The participant's personal link: a random token, stored only as its hash, with an expiry. */
export const participantLinks = sqliteTable('participant_links', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  applicationId: integer('application_id')
    .notNull()
    .references(() => applications.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const deletionRequests = sqliteTable('deletion_requests', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  applicationId: integer('application_id').references(() => applications.id, {
    onDelete: 'set null',
  }),
  requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
  /** Where the request came from: the personal link, or staff taking it by phone or letter. */
  channel: text('channel', { enum: ['link', 'staff'] })
    .notNull()
    .default('link'),
  handledAt: integer('handled_at', { mode: 'timestamp_ms' }),
  handledBy: integer('handled_by').references(() => users.id, { onDelete: 'set null' }),
  /** How the person was told the data was erased: a message, or a letter printed for posting. */
  toldBy: text('told_by', { enum: ['', 'email', 'letter', 'none'] })
    .notNull()
    .default(''),
});

/** Submissions of the public forms per address, for the rate limit. */
export const publicSubmissions = sqliteTable(
  'public_submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    address: text('address').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('public_submissions_address_idx').on(table.address, table.at)],
);

/**
 * A public or referral submission that matched an existing application. It never changes the
 * record's contact details by itself: the coordinator reviews it and takes over what is right.
 */
export const unconfirmedSubmissions = sqliteTable(
  'unconfirmed_submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    source: text('source', { enum: applicationSources }).notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull().default(''),
    municipality: text('municipality').notNull().default(''),
    goodTimesToCall: text('good_times_to_call').notNull().default(''),
    referrerName: text('referrer_name').notNull().default(''),
    referrerUnit: text('referrer_unit').notNull().default(''),
    referrerContact: text('referrer_contact').notNull().default(''),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
    reviewedBy: integer('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('unconfirmed_submissions_application_idx').on(table.applicationId),
    // The call queue's submissions still to check, oldest first.
    index('unconfirmed_submissions_open_idx').on(table.reviewedAt, table.receivedAt),
  ],
);

export const attendanceMarks = ['present', 'excused', 'absent'] as const;
export type AttendanceMark = (typeof attendanceMarks)[number];

/**
 * One participant at one session: present, excused (told in advance) or absent. A missing row is
 * "not marked yet". The later of two marks wins; who marked and when is kept.
 */
export const attendance = sqliteTable(
  'attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => courseSessions.id, { onDelete: 'cascade' }),
    enrollmentId: integer('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    mark: text('mark', { enum: attendanceMarks }).notNull(),
    markedBy: integer('marked_by').references(() => users.id, { onDelete: 'set null' }),
    markedByName: text('marked_by_name').notNull(),
    markedAt: integer('marked_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.sessionId, table.enrollmentId] }),
    index('attendance_enrollment_idx').on(table.enrollmentId),
  ],
);

/**
 * Who actually led a session: recorded with its first mark (the course's pair by default), and
 * changed when a substitute stood in.
 */
export const sessionLeaders = sqliteTable(
  'session_leaders',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => courseSessions.id, { onDelete: 'cascade' }),
    instructorId: integer('instructor_id')
      .notNull()
      .references(() => instructors.id),
  },
  (table) => [
    primaryKey({ columns: [table.sessionId, table.instructorId] }),
    index('session_leaders_instructor_idx').on(table.instructorId),
  ],
);

export const trainingStatuses = ['planned', 'open', 'held', 'cancelled'] as const;
export type TrainingStatus = (typeof trainingStatuses)[number];

/** An instructor training: several days (not necessarily consecutive), its trainers and seats. */
export const trainings = sqliteTable('trainings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  status: text('status', { enum: trainingStatuses }).notNull().default('planned'),
  cancellationReason: text('cancellation_reason').notNull().default(''),
  venueId: integer('venue_id').references(() => venues.id),
  capacity: integer('capacity').notNull(),
  /** The training's calendar series UID (random part @ host), fixed when it is created. */
  calendarUid: text('calendar_uid').notNull().unique(),
  /** Raised on every change of the days; the invitations carry it as SEQUENCE. */
  scheduleSequence: integer('schedule_sequence').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** One day of a training, at Helsinki wall-clock times (the instants derived when saved). */
export const trainingDays = sqliteTable(
  'training_days',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trainingId: integer('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    localDate: text('local_date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('training_days_training_idx').on(table.trainingId, table.startsAt)],
);

/** Who trains: a name, and an e-mail address for the calendar invitation when known. */
export const trainingTrainers = sqliteTable(
  'training_trainers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trainingId: integer('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
  },
  (table) => [index('training_trainers_training_idx').on(table.trainingId)],
);

export const candidateSources = ['supervisor', 'self', 'phone'] as const;
export const candidateStates = [
  'nominated',
  'phoned',
  'enrolled',
  'waitlisted',
  'completed',
  'dropped',
] as const;
export type CandidateState = (typeof candidateStates)[number];

/**
 * Someone on the way to becoming an instructor: nominated by a supervisor (or applying as a peer,
 * or taken by phone), phoned by the coordinator, enrolled in a training, then completed or dropped.
 */
export const trainingCandidates = sqliteTable(
  'training_candidates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source', { enum: candidateSources }).notNull(),
    name: text('name').notNull(),
    /** E.164. */
    phone: text('phone').notNull(),
    email: text('email').notNull().default(''),
    unit: text('unit').notNull().default(''),
    kind: text('kind', { enum: instructorKinds }).notNull(),
    /** For a professional; a peer is an experience expert. */
    profession: text('profession').notNull().default(''),
    tookArvoCourse: text('took_arvo_course', { enum: ['yes', 'no', 'unknown'] })
      .notNull()
      .default('unknown'),
    supervisorName: text('supervisor_name').notNull().default(''),
    supervisorUnit: text('supervisor_unit').notNull().default(''),
    supervisorContact: text('supervisor_contact').notNull().default(''),
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }).notNull(),
    state: text('state', { enum: candidateStates }).notNull().default('nominated'),
    /** While on the call queue (nominated and not yet reached): when to call next. */
    callDueAt: integer('call_due_at', { mode: 'timestamp_ms' }),
    trainingId: integer('training_id').references(() => trainings.id),
    /** First come, first served on a full training's waitlist. */
    queuedAt: integer('queued_at', { mode: 'timestamp_ms' }),
    completedOn: text('completed_on'),
    /** Completed with a noted exception (e.g. missed half a day), or why they dropped. */
    note: text('note').notNull().default(''),
    instructorId: integer('instructor_id').references(() => instructors.id, {
      onDelete: 'set null',
    }),
    /** The language of the candidate's invitations and messages. */
    language: text('language', { enum: languages }).notNull().default('fi'),
    /** Every personal field was emptied by the retention rule; the path's steps and dates stay. */
    anonymisedAt: integer('anonymised_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('training_candidates_state_idx').on(table.state, table.callDueAt),
    index('training_candidates_training_idx').on(table.trainingId, table.state, table.queuedAt),
  ],
);

export const candidateSteps = [
  'nominated',
  'call',
  'phoned',
  'enrolled',
  'waitlisted',
  'completed',
  'dropped',
  'training-cancelled',
  'instructor',
] as const;

/** The candidate's path: each step with who took it and when (names the step, not a copy of data). */
export const candidateHistory = sqliteTable(
  'candidate_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => trainingCandidates.id, { onDelete: 'cascade' }),
    step: text('step', { enum: candidateSteps }).notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    byUserId: integer('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    byName: text('by_name').notNull(),
    /** The call's outcome and notes, the training, the completion date or the reason. */
    detail: text('detail').notNull().default(''),
  },
  (table) => [index('candidate_history_candidate_idx').on(table.candidateId, table.at)],
);

/** Who holds a training's calendar series: its trainers and enrolled candidates. */
export const trainingInvitations = sqliteTable(
  'training_invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trainingId: integer('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    trainerId: integer('trainer_id').references(() => trainingTrainers.id, {
      onDelete: 'set null',
    }),
    candidateId: integer('candidate_id').references(() => trainingCandidates.id, {
      onDelete: 'set null',
    }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    state: text('state', { enum: ['active', 'cancelled'] })
      .notNull()
      .default('active'),
    sentSequence: integer('sent_sequence').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('training_invitations_training_idx').on(table.trainingId),
    uniqueIndex('training_invitations_trainer_idx').on(table.trainingId, table.trainerId),
    uniqueIndex('training_invitations_candidate_idx').on(table.trainingId, table.candidateId),
  ],
);

export const meetingStatuses = ['planned', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/**
 * A steering-group meeting, at Helsinki wall-clock times (the instants derived when saved). The
 * agenda goes out with the invitation; minutes and decisions are written after the meeting.
 */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    status: text('status', { enum: meetingStatuses }).notNull().default('planned'),
    localDate: text('local_date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    place: text('place').notNull().default(''),
    onlineLink: text('online_link').notNull().default(''),
    agenda: text('agenda').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    decisions: text('decisions').notNull().default(''),
    minutesWrittenAt: integer('minutes_written_at', { mode: 'timestamp_ms' }),
    minutesSentAt: integer('minutes_sent_at', { mode: 'timestamp_ms' }),
    /** The meeting's calendar UID (random part @ host), fixed when it is created. */
    calendarUid: text('calendar_uid').notNull().unique(),
    /** Raised on every change of time or place; the invitations carry it as SEQUENCE. */
    scheduleSequence: integer('schedule_sequence').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // The home page asks for the next meeting: the first one starting after now.
  (table) => [index('meetings_starts_idx').on(table.status, table.startsAt)],
);

/** Who is invited: a staff member (userId) or an external guest, each with an e-mail address. */
export const meetingAttendees = sqliteTable(
  'meeting_attendees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** Removed from the meeting: kept so the CANCEL for them is sent once. */
    state: text('state', { enum: ['active', 'cancelled'] })
      .notNull()
      .default('active'),
    sentSequence: integer('sent_sequence').notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('meeting_attendees_email_idx').on(table.meetingId, table.email)],
);

/** An action item agreed at a meeting: what, who owns it, by when; done when ticked off. */
export const meetingActionItems = sqliteTable(
  'meeting_action_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    /** A staff owner when they have an account; the name is kept either way (guests own items too). */
    ownerUserId: integer('owner_user_id').references(() => users.id),
    ownerName: text('owner_name').notNull(),
    dueDate: text('due_date').notNull(),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('meeting_action_items_meeting_idx').on(table.meetingId),
    // The home page lists open items by due date.
    index('meeting_action_items_open_idx').on(table.doneAt, table.dueDate),
  ],
);
