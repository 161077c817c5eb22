import type { MailSection } from '../../src/features/invites/invitation-mail';
import type { Language, Translate } from '../../src/i18n';
import { courseTitle } from '../../src/i18n/format';

export type LetterRow = {
  id: number;
  name: string;
  programNameFi: string;
  programNameEn: string;
  localityName: string;
};

/** On the coordinator's home page: invitees without e-mail, each with a printable letter. */
export function LettersToPrint(props: { letters: LetterRow[]; t: Translate; language: Language }) {
  const { t, language } = props;
  return (
    <section aria-labelledby="letters-title">
      <h2 id="letters-title">{t('letters.title')}</h2>
      {props.letters.length === 0 ? (
        <p>{t('letters.none')}</p>
      ) : (
        <>
          <p>{t('letters.intro')}</p>
          <ul>
            {props.letters.map((letter) => (
              <li>
                <a href={`/letters/${letter.id}`}>
                  {t('letters.open', {
                    name: letter.name,
                    course: courseTitle(
                      {
                        program: { nameFi: letter.programNameFi, nameEn: letter.programNameEn },
                        localityName: letter.localityName,
                      },
                      language,
                    ),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** An A4 letter with the same content as the e-mail; the print stylesheet hides the page chrome. */
export function LetterPage(props: { subject: string; sections: MailSection[]; t: Translate }) {
  return (
    <article class="letter">
      <p class="no-print hint">{props.t('letters.print')}</p>
      <h1>{props.subject}</h1>
      {props.sections.map((section) => (
        <div class="letter-section">
          {section.heading && <h2>{section.heading}</h2>}
          {section.lines.map((line) => (
            <p>{line}</p>
          ))}
        </div>
      ))}
    </article>
  );
}
