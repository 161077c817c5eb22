import { LettersToPrint, type LetterRow } from '../invites/letters';
import type { SignedInUser } from '../../src/http/app-env';
import { formatDateTime, formatLongDate } from '../../src/i18n/format';
import type { Language, Translate } from '../../src/i18n';

export function HomePage(props: {
  user: SignedInUser;
  now: Date;
  /** For planners: invitees without e-mail; null for instructors. */
  letters: LetterRow[] | null;
  t: Translate;
  language: Language;
}) {
  const { t, user, language } = props;
  return (
    <section>
      <h1>{t('home.greeting', { name: user.name })}</h1>
      <p>{t(`home.${user.role}.intro`)}</p>
      <p>{t('home.today', { date: formatLongDate(props.now, language) })}</p>
      <p class="hint">
        {t('home.sessionEnds', { time: formatDateTime(user.sessionExpiresAt, language) })}
      </p>
      {props.letters && <LettersToPrint letters={props.letters} t={t} language={language} />}
    </section>
  );
}
