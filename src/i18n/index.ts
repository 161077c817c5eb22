import * as accountMessages from '../features/account/messages';
import * as attendanceMessages from '../features/attendance/messages';
import * as auditMessages from '../features/audit/messages';
import * as authMessages from '../features/auth/messages';
import * as callMessages from '../features/calls/messages';
import * as candidateMessages from '../features/candidates/messages';
import * as courseMessages from '../features/courses/messages';
import * as enrollmentMessages from '../features/enrollment/messages';
import * as feedbackMessages from '../features/feedback/messages';
import * as homeMessages from '../features/home/messages';
import * as instructorMessages from '../features/instructors/messages';
import * as meetingMessages from '../features/meetings/messages';
import * as intakeMessages from '../features/intake/messages';
import * as inviteMessages from '../features/invites/messages';
import * as organisationMessages from '../features/organisation/messages';
import * as outboxMessages from '../features/outbox/messages';
import * as participantMessages from '../features/participant/messages';
import * as peopleMessages from '../features/people/messages';
import * as privacyMessages from '../features/privacy/messages';
import * as privacyNoticeMessages from '../features/privacy-notice/messages';
import * as placeMessages from '../features/places/messages';
import * as reportMessages from '../features/reports/messages';
import * as programMessages from '../features/programs/messages';
import * as retentionMessages from '../features/retention/messages';
import * as termMessages from '../features/terms/messages';
import * as proposalMessages from '../features/term-proposal/messages';
import * as textMessages from '../features/texts/messages';
import * as trainingMessages from '../features/trainings/messages';
import * as userMessages from '../features/users/messages';
import { en as coreEn } from './en';
import { fi as coreFi } from './fi';
import { sv as coreSv } from './sv';

import { languages, type Language } from './languages';

export { languages, type Language };
export const defaultLanguage: Language = 'fi';

/**
 * A catalog part: Finnish is the reference, and the compiler checks that Swedish and English have
 * every key.
 */
const part = <Finnish extends Record<string, string>>(texts: {
  fi: Finnish;
  sv: NoInfer<Record<keyof Finnish, string>>;
  en: NoInfer<Record<keyof Finnish, string>>;
}) => texts;

/**
 * The one list of catalog parts, in merge order: each feature keeps its texts beside its code, and a
 * key may be defined by one part only (a unit test checks).
 */
export const catalogParts = {
  core: part({ fi: coreFi, sv: coreSv, en: coreEn }),
  programs: part(programMessages),
  places: part(placeMessages),
  instructors: part(instructorMessages),
  courses: part(courseMessages),
  terms: part(termMessages),
  proposal: part(proposalMessages),
  invites: part(inviteMessages),
  outbox: part(outboxMessages),
  audit: part(auditMessages),
  home: part(homeMessages),
  intake: part(intakeMessages),
  calls: part(callMessages),
  candidates: part(candidateMessages),
  enrollment: part(enrollmentMessages),
  attendance: part(attendanceMessages),
  participant: part(participantMessages),
  privacy: part(privacyMessages),
  privacyNotice: part(privacyNoticeMessages),
  auth: part(authMessages),
  users: part(userMessages),
  account: part(accountMessages),
  trainings: part(trainingMessages),
  people: part(peopleMessages),
  organisation: part(organisationMessages),
  feedback: part(feedbackMessages),
  reports: part(reportMessages),
  meetings: part(meetingMessages),
  retention: part(retentionMessages),
  texts: part(textMessages),
};

type Part = (typeof catalogParts)[keyof typeof catalogParts];
type AllOf<Union> = (Union extends unknown ? (all: Union) => void : never) extends (
  all: infer Intersection,
) => void
  ? Intersection
  : never;

export type MessageKey = keyof AllOf<Part['fi']>;
export type Catalog = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

function merged(language: Language): Catalog {
  return Object.assign({}, ...Object.values(catalogParts).map((texts) => texts[language]));
}

export const catalogs: Record<Language, Catalog> = {
  fi: merged('fi'),
  sv: merged('sv'),
  en: merged('en'),
};

/** The name of each language in itself, for the language switch. */
export const languageNames: Record<Language, string> = {
  fi: 'Suomeksi',
  sv: 'På svenska',
  en: 'In English',
};

/** Each language named in itself, as a speaker looks for it in a list of choices. */
export const languageEndonyms: Record<Language, string> = {
  fi: 'suomi',
  sv: 'svenska',
  en: 'English',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The language a form or a stored row asks for: nothing chosen = the page's language; a code this
 * service does not know = Finnish, without an error (the county's main language).
 */
export function chosenLanguage(value: unknown, pageLanguage: Language): Language {
  if (value === undefined || value === null || value === '') return pageLanguage;
  return isLanguage(value) ? value : defaultLanguage;
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(catalogs.fi, value);
}

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return catalogs[language][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

export function translatorFor(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}
