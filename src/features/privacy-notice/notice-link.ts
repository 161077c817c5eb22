import { translatorFor, type Language } from '../../i18n';
import type { MailSection } from '../invites/invitation-mail';

/** The public privacy notice; every message and letter points here. */
export const privacyNoticePath = '/privacy';

/** The notice's absolute address, from the configured public URL (as the personal links are). */
export function privacyNoticeUrl(publicUrl: URL): string {
  return new URL(privacyNoticePath, publicUrl).href;
}

/** The closing line of every message and letter: "How we handle your data: https://…/privacy". */
export function privacyNoticeSection(language: Language, publicUrl: URL): MailSection {
  const t = translatorFor(language);
  return { lines: [t('privacyNotice.mailLine', { url: privacyNoticeUrl(publicUrl) })] };
}
