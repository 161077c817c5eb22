import { expect } from 'vitest';
import { testOrigin } from './test-app';

/** The line every message and letter ends with, pointing to the public privacy notice. */
export const privacyNoticeLine = {
  fi: `Miten käsittelemme tietojasi: ${testOrigin}/privacy`,
  en: `How we handle your data: ${testOrigin}/privacy`,
};

/** A queued message links the privacy notice in its text part and in its HTML part. */
export function expectPrivacyNoticeLink(
  message: { subject: string; textBody: string; htmlBody: string },
  language: keyof typeof privacyNoticeLine = 'fi',
) {
  expect(message.textBody, message.subject).toContain(privacyNoticeLine[language]);
  expect(message.htmlBody, message.subject).toContain(privacyNoticeLine[language]);
}
