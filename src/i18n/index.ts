import * as accountMessages from '../features/account/messages';
import * as auditMessages from '../features/audit/messages';
import * as authMessages from '../features/auth/messages';
import * as callMessages from '../features/calls/messages';
import * as courseMessages from '../features/courses/messages';
import * as enrollmentMessages from '../features/enrollment/messages';
import * as homeMessages from '../features/home/messages';
import * as instructorMessages from '../features/instructors/messages';
import * as intakeMessages from '../features/intake/messages';
import * as inviteMessages from '../features/invites/messages';
import * as outboxMessages from '../features/outbox/messages';
import * as participantMessages from '../features/participant/messages';
import * as privacyMessages from '../features/privacy/messages';
import * as placeMessages from '../features/places/messages';
import * as programMessages from '../features/programs/messages';
import * as termMessages from '../features/terms/messages';
import * as userMessages from '../features/users/messages';
import { en as coreEn } from './en';
import { fi as coreFi } from './fi';

export const languages = ['fi', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'fi';

/** The catalog parts in merge order; a key may be defined by one part only (a unit test checks). */
export const finnishCatalogParts = {
  core: coreFi,
  programs: programMessages.fi,
  places: placeMessages.fi,
  instructors: instructorMessages.fi,
  courses: courseMessages.fi,
  terms: termMessages.fi,
  invites: inviteMessages.fi,
  outbox: outboxMessages.fi,
  audit: auditMessages.fi,
  home: homeMessages.fi,
  intake: intakeMessages.fi,
  calls: callMessages.fi,
  enrollment: enrollmentMessages.fi,
  participant: participantMessages.fi,
  privacy: privacyMessages.fi,
  auth: authMessages.fi,
  users: userMessages.fi,
  account: accountMessages.fi,
};

/** Each feature keeps its texts beside its code; Finnish is the reference for every other language. */
const fi = {
  ...coreFi,
  ...programMessages.fi,
  ...placeMessages.fi,
  ...instructorMessages.fi,
  ...courseMessages.fi,
  ...termMessages.fi,
  ...inviteMessages.fi,
  ...outboxMessages.fi,
  ...auditMessages.fi,
  ...homeMessages.fi,
  ...intakeMessages.fi,
  ...callMessages.fi,
  ...enrollmentMessages.fi,
  ...participantMessages.fi,
  ...privacyMessages.fi,
  ...authMessages.fi,
  ...userMessages.fi,
  ...accountMessages.fi,
};
const en: Record<keyof typeof fi, string> = {
  ...coreEn,
  ...programMessages.en,
  ...placeMessages.en,
  ...instructorMessages.en,
  ...courseMessages.en,
  ...termMessages.en,
  ...inviteMessages.en,
  ...outboxMessages.en,
  ...auditMessages.en,
  ...homeMessages.en,
  ...intakeMessages.en,
  ...callMessages.en,
  ...enrollmentMessages.en,
  ...participantMessages.en,
  ...privacyMessages.en,
  ...authMessages.en,
  ...userMessages.en,
  ...accountMessages.en,
};

export type MessageKey = keyof typeof fi;
export type Catalog = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const catalogs: Record<Language, Catalog> = { fi, en };

/** The name of each language in itself, for the language switch. */
export const languageNames: Record<Language, string> = { fi: 'Suomeksi', en: 'In English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(fi, value);
}

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return catalogs[language][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

export function translatorFor(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}
